package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"tiaoli/generator/model"
)

// printCorpus is the fixture with what it lacks of the fields search
// documents read: sections, a preamble, an appendix, history, a dateline
// without a date, a subtitle, table rows, 目 under a 项.
func printCorpus() *model.Corpus {
	c := fixture()
	p := func(s string) model.Paragraph { return model.Paragraph{Text: s} }
	reg := c.Documents[0]
	reg.Subtitle, reg.Published = "（试行）", "2026-02-01"
	reg.History = []string{"2026年1月30日发布"}
	reg.Preamble = []model.Paragraph{p("序言一段。"), {Text: "表头", Row: model.RowHead}, {Text: "一行", Row: model.RowBody}}
	reg.Appendix = []model.Paragraph{{Text: "附件", Heading: 2}, p("附件正文。")}
	it := reg.Articles[2].Clauses[0].Items[0]
	it.Items = []*model.Item{{Label: "1.", Number: 1, Paragraph: p("目的文字。")}}
	reg.Articles[0].Suffix = 1
	reg.Articles[0].Path = []string{"第一章 总则"}
	c.Documents = append(c.Documents, &model.Document{
		ID: "sec", Kind: model.KindNotice, URL: "d/sec/", Title: "分节的通知", Kicker: "引题",
		Dateline: &model.Dateline{Date: "2026-03-01", Text: "本报讯"},
		Regulation: model.Regulation{Issuer: "办公厅", Sections: []*model.Section{
			{Label: "一、", Title: "总体要求", URL: "d/sec/s1/", Body: []model.Paragraph{p("第一节正文。")},
				Sections: []*model.Section{{Label: "（一）", Title: "小节", Body: []model.Paragraph{p("小节正文。")}}}},
			{Label: "二、", Title: "工作措施", URL: "d/sec/s2/", Body: []model.Paragraph{p("第二节正文。")}},
		}},
	})
	c.Terms[2].Members = []string{"成员甲", "成员乙"}
	return c
}

// TestPrintCoversSearchDocs changes, one at a time, every string, number
// and flag of every document and term of printCorpus: whenever the change
// changes a search document (its ID or digest), it must change the
// fingerprint, or a live index would keep the old search document.
func TestPrintCoversSearchDocs(t *testing.T) {
	c := printCorpus()
	p := newPrinter()
	for _, d := range c.Documents {
		sums := func() []string { return docSums(func(f func(*searchDoc) error) { docsOf(d, f) }) }
		_, memo := p.document(d, nil)
		checkFields(t, d.ID, reflect.ValueOf(d), sums, func() uint64 { sum, _ := p.document(d, memo); return sum })
	}
	for _, tm := range c.Terms {
		sums := func() []string { return docSums(func(f func(*searchDoc) error) { f(termDoc(tm)) }) }
		checkFields(t, tm.ID, reflect.ValueOf(tm), sums, func() uint64 { return p.term(tm) })
	}
}

// docSums lists the IDs and digests of the search documents each gives.
func docSums(each func(func(*searchDoc) error)) []string {
	var out []string
	each(func(d *searchDoc) error {
		out = append(out, d.ID, docSum(d))
		return nil
	})
	return out
}

// checkFields changes every field reachable from v in turn, and checks
// that print changes whenever sums does.
func checkFields(t *testing.T, name string, v reflect.Value, sums func() []string, print func() uint64) {
	t.Helper()
	before, p0 := sums(), print()
	walkFields(v, name, func(path string, f reflect.Value) {
		for variant := 0; variant < 2; variant++ {
			undo := change(f, variant)
			if undo == nil {
				continue
			}
			after, p1 := sums(), print()
			undo()
			if !slices.Equal(before, after) && p0 == p1 {
				t.Errorf("%s (change %d): changes a search document but not the fingerprint", path, variant)
			}
		}
	})
}

// walkFields calls f with every string, int and bool reachable from v
// through pointers, structs and slices, named by its path.
func walkFields(v reflect.Value, path string, f func(string, reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkFields(v.Elem(), path, f)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkFields(v.Field(i), path+"."+v.Type().Field(i).Name, f)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkFields(v.Index(i), path+"["+string(rune('0'+i%10))+"]", f)
		}
	case reflect.String, reflect.Int, reflect.Bool:
		f(path, v)
	}
}

// change changes a settable value and returns what undoes it; nil when it
// cannot. A string changes in two ways (variant): longer, and to another
// of the same length (which the fingerprint's memo must tell apart).
func change(v reflect.Value, variant int) func() {
	if !v.CanSet() || variant > 0 && (v.Kind() != reflect.String || v.Len() == 0) {
		return nil
	}
	old := reflect.ValueOf(v.Interface())
	switch {
	case v.Kind() == reflect.String && variant == 0:
		v.SetString(v.String() + "变")
	case v.Kind() == reflect.String:
		v.SetString(strings.Repeat("变", v.Len()/3) + strings.Repeat("x", v.Len()%3))
	case v.Kind() == reflect.Int:
		v.SetInt(v.Int() + 1)
	case v.Kind() == reflect.Bool:
		v.SetBool(!v.Bool())
	default:
		return nil
	}
	return func() { v.Set(old) }
}

// TestPrintMemoKept: a document printed again with its memo, its long
// strings where they were, keeps the memo as it is; one whose long string
// was written anew gets a new memo, and the fingerprint a printer without
// a memo gives.
func TestPrintMemoKept(t *testing.T) {
	c := printCorpus()
	d := c.Documents[0]
	long := strings.Repeat("条文", memoMin)
	d.Articles[0].Clauses[0].Text = long
	d.Articles[1].Clauses[0].Text = long + "另一段"
	p := newPrinter()
	sum, memo := p.document(d, nil)
	if again, kept := p.document(d, memo); again != sum || kept != memo {
		t.Errorf("printed again: sum %x (want %x), memo kept: %v", again, sum, kept == memo)
	}
	d.Articles[1].Clauses[0].Text = strings.Clone(long + "另一段改")
	changed, next := p.document(d, memo)
	fresh, _ := p.document(d, nil)
	if changed != fresh || changed == sum {
		t.Errorf("after an edit: sum %x, printed without a memo %x, before %x", changed, fresh, sum)
	}
	if next == memo || len(next.strs) != len(memo.strs) {
		t.Fatalf("after an edit, the memo is not a new one of as many strings")
	}
	for i, s := range next.strs {
		if moved := s != memo.strs[i]; moved != (s == d.Articles[1].Clauses[0].Text) || !moved && next.hashes[i] != memo.hashes[i] {
			t.Errorf("after an edit, the memo's string %d is not the one printed, with its hash", i)
		}
	}
}
