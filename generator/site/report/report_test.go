package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/generator/site/sitetest"
)

func messages(s *Section) []string {
	var out []string
	for _, e := range s.Entries {
		out = append(out, e.Message)
	}
	return out
}

func TestNumbering(t *testing.T) {
	art := func(n, suffix int, label string) *model.Article {
		return &model.Article{Number: n, Suffix: suffix, Label: label}
	}
	items := &model.Clause{Items: []*model.Item{{Number: 1, Label: "（一）"}, {Number: 3, Label: "（三）"}}}
	withItems := art(9, 0, "第九条")
	withItems.Clauses = []*model.Clause{items}
	d := &model.Document{ID: "d", Title: "办法", Regulation: model.Regulation{Articles: []*model.Article{
		art(3, 0, "第三条"), // starts above 1: a part of a code, fine
		art(4, 0, "第四条"),
		art(4, 1, "第四条之一"),
		art(8, 0, "第八条"),
		art(8, 0, "第八条"),
		withItems,
		art(7, 0, "第七条"),
		nil,
	}}}
	got := messages(Build(&model.Corpus{Documents: []*model.Document{d}}).Section(Numbering))
	want := []string{"缺少第五条至第七条", "第八条重复", "第2项的编号是（三）", "第七条排在第九条之后"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("numbering = %q, want %q", got, want)
	}
	// Once the numbers stop rising, every article seen before counts.
	d.Articles = []*model.Article{art(1, 0, "第一条"), art(2, 0, "第二条"), art(3, 0, "第三条"), art(1, 0, "第一条"), art(3, 0, "第三条"), art(4, 0, "第四条")}
	got = messages(Build(&model.Corpus{Documents: []*model.Document{d}}).Section(Numbering))
	want = []string{"第一条重复", "第三条重复"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("numbering after a fall = %q, want %q", got, want)
	}
}

func TestAcronyms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"AEO认证", []string{"AEO"}},
		{"WTO和GDP、ISO9001", []string{"WTO", "GDP", "ISO9001"}},
		{"第II部分，A级", nil},
		{"the iPhone and USBc and XY-Z", []string{"XY"}},
		{"ABCDEFGHIJK太长", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := acronyms(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("acronyms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFixtureReport(t *testing.T) {
	r := Build(sitetest.Corpus())
	want := map[string][]string{
		Numbering:     {"缺少第六条", "第一条重复"},
		References:    {"引用「第九条」未能解析"},
		Abbreviations: {"缩写「WTO」使用1次，没有定义"},
		Lists:         {"「三必须」应有3项，列出2项"},
		Errors:        {"编码无效：字节0xFF不符合UTF-8，全文也不是GB18030，不读"},
	}
	for key, msgs := range want {
		if got := messages(r.Section(key)); !reflect.DeepEqual(got, msgs) {
			t.Errorf("%s = %q, want %q", key, got, msgs)
		}
	}
	if got := r.Section(Variants).Entries; len(got) != 1 || got[0].Where != "第五条" || !strings.Contains(got[0].Message, "形成纪录") {
		t.Errorf("variants = %+v", got)
	}
	if got := r.Section(Repairs).Entries; len(got) != 1 || !strings.Contains(got[0].Message, "年度计⏎计划") {
		t.Errorf("repairs = %+v", got)
	}
	if r.Problems() != 7 {
		t.Errorf("%d problems, want 7", r.Problems())
	}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, line := range []string{
		"编号缺漏与重复（2）\n",
		"  《" + sitetest.RuleTitle + "》\n    pages/2026-02-12-provincial-daily.txt:23 第七条：缺少第六条\n",
		"  pages/broken.txt\n    pages/broken.txt:3 编码无效：字节0xFF不符合UTF-8，全文也不是GB18030，不读\n",
		"疑似错误（未修复）（0）\n  无\n",
		"〔删去重复字〕：「年度计⏎计划」改为「年度计划」（",
		"共7处问题\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("text report lacks %q:\n%s", line, out)
		}
	}
}

// FuzzAcronyms checks that every acronym found is a run of capitals and
// digits taken from the text.
func FuzzAcronyms(f *testing.F) {
	f.Add("AEO认证和WTO")
	f.Add("XIV ISO9001 aBC")
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range acronyms(s) {
			if !strings.Contains(s, a) || len(a) < 2 || len(a) > 10 || a[0] < 'A' || a[0] > 'Z' {
				t.Fatalf("acronyms(%q) gave %q", s, a)
			}
		}
	})
}

// TestUnresolvedNamesDocument: a reference to a place the cited document
// lacks names that document as a citation does, not by its ID.
func TestUnresolvedNamesDocument(t *testing.T) {
	d := &model.Document{ID: "mou-mou-tiao-li-1a2b3c", Kind: model.KindRegulation, Title: "某某条例", Regulation: model.Regulation{
		Articles: []*model.Article{{Number: 1, Label: "第一条", Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: "依照第九条办理。"}}}}},
	}}
	c := &model.Corpus{Documents: []*model.Document{d}, References: []*model.Reference{{
		From: model.Location{Document: d.ID, Article: "第一条", Paragraph: 1},
		Text: "第九条", To: &model.Location{Document: d.ID, Article: "第九条"}, Kind: "article",
	}}}
	got := messages(Build(c).Section(References))
	if want := []string{"引用「第九条」指向不存在的《某某条例》第九条"}; !reflect.DeepEqual(got, want) {
		t.Errorf("unresolved = %q, want %q", got, want)
	}
}

// TestHasUpper: hasUpper finds a capital at every byte of a word, and
// none among the other 255 byte values, whatever the other bytes.
func TestHasUpper(t *testing.T) {
	for b := 0; b < 256; b++ {
		for at := range 8 {
			for _, fill := range []byte{0, ' ', 'a', 'Z' + 1, 'A' - 1, 0x7f, 0x80, 0xff} {
				w := bytes.Repeat([]byte{fill}, 8)
				w[at] = byte(b)
				want := isUpper(byte(b)) || isUpper(fill)
				if got := hasUpper(load8(string(w), 0)); got != want {
					t.Fatalf("hasUpper(%q) = %v, want %v", w, got, want)
				}
			}
		}
	}
}

// BenchmarkAcronyms scans text that is mostly Han characters.
func BenchmarkAcronyms(b *testing.B) {
	s := strings.Repeat("第一条　为了规范行政许可的设定和实施，保护公民、法人和其他组织的合法权益，", 40) + "依照WTO规则"
	b.SetBytes(int64(len(s)))
	for range b.N {
		acronyms(s)
	}
}
