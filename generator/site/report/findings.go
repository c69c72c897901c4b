package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/audit"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// docEntry starts an entry about a document.
func docEntry(d *model.Document, pos model.Position) Entry {
	return Entry{Position: pos, Document: d.ID, Title: d.Title, Cite: lookup.Cite(d), DocURL: d.URL, URL: d.URL}
}

// numbering finds gaps, duplicates and disorder in the articles of every
// regulation and in the items of every 款.
func numbering(c *model.Corpus) []Entry {
	var out []Entry
	for _, d := range c.Documents {
		var seen articleKeys
		var prev *model.Article
		for i, a := range d.Articles {
			if a == nil {
				continue
			}
			msg := ""
			switch {
			case seen.has(d.Articles[:i], a):
				msg = a.Label + "重复"
			case prev != nil && a.Number < prev.Number:
				msg = fmt.Sprintf("%s排在%s之后", a.Label, prev.Label)
			case prev != nil && a.Number > prev.Number+1:
				msg = "缺少" + span(prev.Number+1, a.Number-1, label.Article)
			}
			if msg != "" { // the entry is made only then: 149k articles on the LawRefBook corpus
				e := docEntry(d, a.Position)
				e.Where, e.URL, e.Message = a.Label, a.URL, msg
				out = append(out, e)
			}
			seen.add(a)
			prev = a
			out = append(out, itemNumbering(d, a)...)
		}
	}
	return out
}

// articleKeys are the numbers and suffixes of the articles of a document
// seen so far. While they rise, the last is the only one kept: an
// article numbered above it is none of them. The first that does not
// rise fills a set of them all (a map per document cost more than the
// rest of the check).
type articleKeys struct {
	last [2]int
	any  bool
	set  map[[2]int]bool // nil while the keys rise
}

// has reports whether an article numbered as a was seen, when those seen
// are before, the articles before a.
func (k *articleKeys) has(before []*model.Article, a *model.Article) bool {
	key := [2]int{a.Number, a.Suffix}
	if k.set == nil && k.any && !keyLess(k.last, key) {
		k.set = map[[2]int]bool{}
		for _, b := range before {
			if b != nil {
				k.set[[2]int{b.Number, b.Suffix}] = true
			}
		}
	}
	return k.set[key]
}

// add records a as seen.
func (k *articleKeys) add(a *model.Article) {
	key := [2]int{a.Number, a.Suffix}
	if k.set != nil {
		k.set[key] = true
	}
	k.last, k.any = key, true
}

// keyLess orders articles by number, then suffix.
func keyLess(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// span names a run of missing numbers: 第六条, 第六条至第八条.
func span(from, to int, u label.Unit) string {
	if from == to {
		return label.Text(u, from)
	}
	return label.Text(u, from) + "至" + label.Text(u, to)
}

// itemNumbering checks that the 项 of every 款 count 1, 2, 3 ….
func itemNumbering(d *model.Document, a *model.Article) []Entry {
	var out []Entry
	for p, c := range a.Clauses {
		if c == nil {
			continue
		}
		for i, it := range c.Items {
			if it == nil || it.Number == i+1 || it.Number == 0 {
				continue
			}
			e := docEntry(d, it.Position)
			e.Where = lookup.Where(a, p+1, i+1, 0)
			e.URL = a.URL + lookup.Anchor(a, p+1, i+1, 0)
			e.Message = fmt.Sprintf("第%d项的编号是%s", i+1, it.Label)
			out = append(out, e)
			break // one entry per 款 is enough to send an editor there
		}
	}
	return out
}

// unresolved lists references that point nowhere, or at something the
// corpus does not have.
func unresolved(c *model.Corpus, x *lookup.Index) []Entry {
	var out []Entry
	for _, r := range c.References {
		if r.External || len(r.Antecedents) > 1 {
			continue // not in the corpus; or 上述… after several citations
		}
		msg := ""
		if r.To == nil {
			msg = "引用「" + r.Text + "」未能解析"
		} else if _, ok := x.Resolve(*r.To); !ok || r.Problem != "" {
			msg = "引用「" + r.Text + "」指向不存在的" + describe(x, *r.To)
		}
		if msg == "" {
			continue
		}
		e := fromEntry(x, r.From)
		e.Message = msg
		out = append(out, e)
	}
	return out
}

// describe names a location for a message: its document as a citation
// names it (by its ID when the corpus lacks it), then the place.
func describe(x *lookup.Index, l model.Location) string {
	s := l.Document + " "
	if d := x.Document(l.Document); d != nil {
		s = lookup.Cite(d)
	}
	if l.Article != "" {
		// a place that does not exist: named by its label and positions
		s += lookup.Where(&model.Article{Label: l.Article}, l.Paragraph, l.Item, 0)
	}
	return strings.TrimSpace(s)
}

// fromEntry starts an entry at a location in the corpus.
func fromEntry(x *lookup.Index, l model.Location) Entry {
	t, ok := x.Resolve(l)
	if t.Doc == nil {
		return Entry{Document: l.Document, Where: l.Article}
	}
	e := docEntry(t.Doc, firstSource(t.Doc))
	if t.Article != nil {
		e.Position = t.Article.Position
	}
	if ok {
		e.Where, e.URL = t.Where(), t.URL()
	}
	return e
}

func firstSource(d *model.Document) model.Position {
	if len(d.Sources) > 0 {
		return d.Sources[0]
	}
	return model.Position{}
}

// lists finds named lists whose members do not match the count in their
// name: 十严禁 with nine members.
func lists(c *model.Corpus, x *lookup.Index) []Entry {
	var out []Entry
	for _, t := range c.Terms {
		if t.Kind != model.TermList || t.Count <= 0 || t.Count == len(t.Members) {
			continue
		}
		e := Entry{URL: t.URL}
		if t.DefinedIn != nil {
			e = fromEntry(x, *t.DefinedIn)
		}
		e.Message = fmt.Sprintf("「%s」应有%d项，列出%d项", t.Term, t.Count, len(t.Members))
		out = append(out, e)
	}
	return out
}

// undecided lists the variants no rule could decide.
func undecided(c *model.Corpus, x *lookup.Index) []Entry {
	var out []Entry
	for _, d := range c.Documents {
		for _, v := range d.Variants {
			if !v.Undecided {
				continue
			}
			e := docEntry(d, firstSource(d))
			if len(v.Readings) > 0 {
				e.Position = model.Position{Path: v.Readings[0].Source, Line: v.Readings[0].Line}
			}
			e.Where, e.URL = v.Where, d.URL+"#variants"
			e.Message = fmt.Sprintf("异文未决，暂取「%s」", v.Chosen)
			for _, r := range v.Readings {
				e.Message += fmt.Sprintf("；%s作「%s」", sourceName(x, r.Source), r.Text)
			}
			out = append(out, e)
		}
	}
	return out
}

// sourceName names the source read from a path, or gives the path.
func sourceName(x *lookup.Index, path string) string {
	if s := x.Source(path); s != nil && s.Name != "" {
		return s.Name
	}
	return path
}

func inputErrors(c *model.Corpus) []Entry {
	errs := append([]model.Error(nil), c.Errors...)
	model.SortErrors(errs)
	out := make([]Entry, len(errs))
	for i, e := range errs {
		out[i] = Entry{Position: model.Position{Path: e.Path, Line: e.Line}, Message: e.Message}
	}
	return out
}

func repairs(c *model.Corpus) []Entry {
	return repairEntries(c, true, func(d *model.Document) []model.Repair { return d.Repairs })
}

// suspects lists what looks broken but was left as printed.
func suspects(c *model.Corpus) []Entry {
	return repairEntries(c, false, func(d *model.Document) []model.Repair { return d.Suspects })
}

// repairEntries lists repairs (or suspects) of every document by position.
// A document's entries start from one made for it; the messages are
// joined, not formatted (21k repairs on the LawRefBook corpus).
func repairEntries(c *model.Corpus, changed bool, of func(*model.Document) []model.Repair) []Entry {
	n := 0
	for _, d := range c.Documents {
		n += len(of(d))
	}
	out := make([]Entry, 0, n)
	for _, d := range c.Documents {
		rs := of(d)
		if len(rs) == 0 {
			continue
		}
		base := docEntry(d, model.Position{})
		for _, r := range rs {
			e := base
			e.Position, e.Kind = r.Position, kindName(r.Kind, changed)
			e.Message = "「" + visible(r.Before) + "」"
			if changed {
				e.Message += "改为「" + visible(r.After) + "」"
			}
			if why := explain(r); why != "" {
				e.Message += "（" + why + "）"
			}
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	return out
}

// visible shows line breaks inside a repaired text as ⏎.
func visible(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }

func cited(c *model.Corpus, x *lookup.Index) []Entry {
	var out []Entry
	for _, cd := range lookup.Cited(c) {
		e := Entry{URL: address.CitedURL + "#" + address.CitedAnchor(cd.Title)}
		if len(cd.CitedBy) > 0 {
			first := fromEntry(x, cd.CitedBy[0])
			e.Position = first.Position
		}
		e.Message = fmt.Sprintf("%s被引用%d次，未收录", lookup.Quote(cd.Title), len(cd.CitedBy))
		out = append(out, e)
	}
	return out
}

// audited lists the suspect misreadings of package audit, class by class;
// the message starts with the name of the class.
func audited(results []audit.Result, x *lookup.Index) []Entry {
	var out []Entry
	for _, r := range results {
		for _, f := range r.Findings {
			e := Entry{Position: model.Position{Path: f.Path, Line: f.Line}, Document: f.Document, URL: f.URL}
			if d := x.Document(f.Document); d != nil {
				e.Title = d.Title
			}
			e.Message = r.Name + "：" + f.Message
			out = append(out, e)
		}
	}
	return out
}
