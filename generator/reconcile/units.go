package reconcile

import (
	"fmt"
	"strings"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/generator/regulation"
)

// unit is one paragraph-sized piece of a document that alignment compares:
// a 款, a 项 or 目, or a paragraph of a preamble, an appendix, a section or
// a body.
type unit struct {
	para   *model.Paragraph // in its document, to read lines and apply choices
	runes  []rune           // the text as printed (an item's without its label)
	folded []rune           // the text as compared: folded, without spaces
	at     []int            // at[k] is the index in runes of folded[k]; at[len(folded)] = len(runes)
	grams  []uint64         // sorted bigrams of folded, for similarity
	item   bool
	label  string // an item's label
	where  string // 第六条第二款, 第四条第（一）项, 序言第二段
	// clause and itemNo locate the unit in an article (from 1); 0 outside.
	clause, itemNo int
	// title is the section title the unit stands for, written back when a
	// reading is chosen.
	title *string
}

// segment is a stretch of a document aligned on its own: one article, the
// preamble, the appendix, one section, or the body of a document without
// structure.
type segment struct {
	key     string
	where   string // 第五条, 序言, 附件, 一、（二）, "" for a body
	article *model.Article
	// paras is the paragraph list a preamble, appendix, section or body
	// segment stands for, to split or join its paragraphs.
	paras *[]model.Paragraph
	units []*unit
}

func newUnit(p *model.Paragraph, where string) *unit {
	rs := []rune(p.Text)
	f, at := foldRunes(rs)
	return &unit{para: p, runes: rs, folded: f, at: at, grams: bigrams(f), where: where}
}

// foldRunes folds a printed text for comparison and drops its spaces (the
// width and spacing of print are typography), keeping where each folded
// rune was printed.
func foldRunes(rs []rune) ([]rune, []int) {
	f := make([]rune, 0, len(rs))
	at := make([]int, 0, len(rs)+1)
	for i, r := range rs {
		r = regulation.FoldRune(r)
		if r == ' ' {
			continue
		}
		f = append(f, r)
		at = append(at, i)
	}
	return f, append(at, len(rs))
}

// printedRange turns folded offsets [f0, f1) into printed ones.
func printedRange(at []int, f0, f1 int) (int, int) {
	f0 = clamp(f0, len(at)-1)
	f1 = clamp(f1, len(at)-1)
	p0 := at[f0]
	if f1 <= f0 {
		return p0, p0
	}
	return p0, at[f1-1] + 1
}

// segments cuts a document into the stretches alignment compares, in
// document order.
func segments(d *model.Document) []*segment {
	var out []*segment
	if !d.Outlined() {
		return []*segment{paragraphSegment("body", "", &d.Body)}
	}
	if len(d.Preamble) > 0 {
		out = append(out, paragraphSegment("preamble", "序言", &d.Preamble))
	}
	for _, a := range d.Articles {
		out = append(out, articleSegment(a))
	}
	for _, s := range d.Sections {
		out = sectionSegments(out, s, "")
	}
	if len(d.Appendix) > 0 {
		out = append(out, paragraphSegment("appendix", "附件", &d.Appendix))
	}
	return out
}

func paragraphSegment(key, where string, paras *[]model.Paragraph) *segment {
	s := &segment{key: key, where: where, paras: paras}
	ps := *paras
	for i := range ps {
		u := newUnit(&ps[i], fmt.Sprintf("%s第%s段", where, numeral.Format(i+1)))
		u.clause = i + 1
		s.units = append(s.units, u)
	}
	return s
}

// articleKey identifies an article across sources: 第五条之一 → a5-1.
func articleKey(a *model.Article) string { return fmt.Sprintf("a%d-%d", a.Number, a.Suffix) }

func articleSegment(a *model.Article) *segment {
	s := &segment{key: articleKey(a), where: a.Label, article: a}
	for i, c := range a.Clauses {
		where := a.Label
		if len(a.Clauses) > 1 {
			where += label.Text(label.Paragraph, i+1)
		}
		u := newUnit(&c.Paragraph, where)
		u.clause = i + 1
		s.units = append(s.units, u)
		s.units = appendItems(s.units, c.Items, where, i+1)
	}
	return s
}

func appendItems(units []*unit, items []*model.Item, where string, clause int) []*unit {
	for j, it := range items {
		w := where + itemWhere(it.Label)
		u := newUnit(&it.Paragraph, w)
		u.item, u.label, u.clause, u.itemNo = true, it.Label, clause, j+1
		units = append(units, u)
		units = appendItems(units, it.Items, w, clause)
	}
	return units
}

// itemWhere names an item in a citation: （一） → 第（一）项, 1. → 第1目.
func itemWhere(label string) string {
	if strings.HasPrefix(label, "（") || strings.HasPrefix(label, "(") {
		inner := strings.Trim(label, "（）()")
		if _, err := fmt.Sscan(inner, new(int)); err == nil {
			return "第" + inner + "目"
		}
		return "第" + label + "项"
	}
	return "第" + strings.TrimRight(label, ".、") + "目"
}

func sectionSegments(out []*segment, s *model.Section, parent string) []*segment {
	where := parent + s.Label
	seg := paragraphSegment("s:"+where, where, &s.Body)
	if s.Title != "" {
		t := &model.Paragraph{Text: s.Title, Position: s.Position}
		u := newUnit(t, where+"标题")
		u.title = &s.Title
		seg.units = append([]*unit{u}, seg.units...)
	}
	out = append(out, seg)
	for _, c := range s.Sections {
		out = sectionSegments(out, c, where)
	}
	return out
}

// text is the segment as one string, 款 on lines of their own: the
// reading of a whole article one source has and another lacks.
func (s *segment) text() string {
	var parts []string
	for _, u := range s.units {
		parts = append(parts, u.label+string(u.runes))
	}
	return strings.Join(parts, "\n")
}
