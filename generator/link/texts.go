package link

import (
	"cmp"
	"strconv"

	"tiaoli/generator/model"
)

// text is one paragraph, 款, 项 or 目 of a document, with where it is.
// It holds indexes, not a model.Location: a corpus has a text for each of
// its paragraphs, listed anew each time it is linked, and loc builds the
// Location of the few that are asked for.
type text struct {
	p *model.Paragraph
	d *model.Document
	// place is the Location's Part ("preamble", "appendix") of a text
	// outside articles and sections, or its Section when section is set.
	place   string
	para    int32 // the Location's Paragraph outside articles
	section bool
	// art is the index of the article in Document.Articles, -1 outside
	// articles; clause, item and sub are 0-based indices inside it (-1 when
	// the text is not at that depth).
	art, clause, item, sub int
}

// loc is where t is, Start and End left 0.
func (t text) loc() model.Location {
	if t.art < 0 {
		l := model.Location{Document: t.d.ID, Paragraph: int(t.para)}
		if t.section {
			l.Section = t.place
		} else {
			l.Part = t.place
		}
		return l
	}
	return model.Location{Document: t.d.ID, Article: t.d.Articles[t.art].Label,
		Paragraph: t.clause + 1, Item: t.item + 1, Subitem: t.sub + 1}
}

// textsOf lists the texts of d in reading order. A document with articles
// or sections is read from its preamble, articles, sections and appendix;
// its Body then holds the same lines unstructured and is not read again.
// Any other document is read from its Body.
func textsOf(d *model.Document) []text {
	ts := make([]text, 0, countTexts(d))
	if readsBody(d) {
		return appendParts(ts, d, d.Body, "")
	}
	ts = appendParts(ts, d, d.Preamble, "preamble")
	for ai, a := range d.Articles {
		ts = appendArticle(ts, d, ai, a)
	}
	for si, s := range d.Sections {
		ts = appendSection(ts, d, strconv.Itoa(si+1), s)
	}
	return appendParts(ts, d, d.Appendix, "appendix")
}

// readsBody reports whether d is read from its Body: it is not
// Outlined.
func readsBody(d *model.Document) bool { return !d.Outlined() }

// countTexts is how many texts textsOf lists: it allocates them at once
// instead of growing the list, which would leave a corpus's worth of
// garbage each time a corpus is linked.
func countTexts(d *model.Document) int {
	if readsBody(d) {
		return len(d.Body)
	}
	n := len(d.Preamble) + len(d.Appendix)
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for _, c := range a.Clauses {
			if c == nil {
				continue
			}
			n++
			for _, it := range c.Items {
				if it != nil {
					n += 1 + len(it.Items) // nil 目 counted: a bound is enough
				}
			}
		}
	}
	var sections func([]*model.Section)
	sections = func(list []*model.Section) {
		for _, s := range list {
			if s != nil {
				n += len(s.Body)
				sections(s.Sections)
			}
		}
	}
	sections(d.Sections)
	return n
}

func appendParts(ts []text, d *model.Document, ps []model.Paragraph, part string) []text {
	for i := range ps {
		ts = append(ts, text{p: &ps[i], d: d, place: part, para: int32(i + 1), art: -1, clause: -1, item: -1, sub: -1})
	}
	return ts
}

func appendArticle(ts []text, d *model.Document, ai int, a *model.Article) []text {
	for ci, c := range a.Clauses {
		if c == nil {
			continue
		}
		ts = append(ts, text{p: &c.Paragraph, d: d, art: ai, clause: ci, item: -1, sub: -1})
		for ii, it := range c.Items {
			if it == nil {
				continue
			}
			ts = append(ts, text{p: &it.Paragraph, d: d, art: ai, clause: ci, item: ii, sub: -1})
			for si, sub := range it.Items {
				if sub == nil {
					continue
				}
				ts = append(ts, text{p: &sub.Paragraph, d: d, art: ai, clause: ci, item: ii, sub: si})
			}
		}
	}
	return ts
}

func appendSection(ts []text, d *model.Document, path string, s *model.Section) []text {
	if s == nil {
		return ts
	}
	for i := range s.Body {
		ts = append(ts, text{p: &s.Body[i], d: d, place: path, para: int32(i + 1), section: true,
			art: -1, clause: -1, item: -1, sub: -1})
	}
	for i, sub := range s.Sections {
		ts = appendSection(ts, d, path+"."+strconv.Itoa(i+1), sub)
	}
	return ts
}

// at is a place in the reading order of one document: a text's index and
// a byte offset in it.
type at struct{ text, off int }

// compare orders places in reading order.
func (a at) compare(b at) int {
	return cmp.Or(cmp.Compare(a.text, b.text), cmp.Compare(a.off, b.off))
}

func (a at) before(b at) bool { return a.compare(b) < 0 }
