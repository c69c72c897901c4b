package reconcile

import (
	"cmp"
	"regexp"
	"slices"
	"sort"

	"tiaoli/generator/model"
)

// op is one change a choice makes to the base document.
type op struct {
	kind   int // variantText, variantSplit (join two units), variantJoin (split one), variantSegment
	seg    *segment
	u, u2  *unit
	r0, r1 int // runes of u replaced (variantText), or where u splits (variantJoin)
	text   string
	idx    int // u's index in seg.paras, found before anything moves
	art    *model.Article
	doc    *model.Document
}

// opsFor returns what applying the choice at an open variant changes: nothing when
// the base's reading stays.
func opsFor(d *openVariant, ch choice, base *source) []op {
	if ch.index == 0 || d.readings[ch.index].text == d.readings[0].text {
		return nil
	}
	switch d.kind {
	case variantText:
		return []op{{kind: variantText, u: d.unit, r0: d.r0, r1: d.r1, text: d.readings[ch.index].text}}
	case variantSplit:
		seg := segOf(base, d.unit)
		return []op{{kind: variantSplit, seg: seg, u: d.unit, u2: d.next, idx: paraIndex(seg, d.unit)}}
	case variantJoin:
		seg := segOf(base, d.unit)
		return []op{{kind: variantJoin, seg: seg, u: d.unit, r0: d.at, idx: paraIndex(seg, d.unit)}}
	case variantSegment:
		if d.extraSeg != nil && d.extraSeg.article != nil {
			return []op{{kind: variantSegment, art: d.extraSeg.article, doc: base.doc}}
		}
	}
	return nil // a unit only one source has is recorded, not moved
}

// paraIndex is the index of a unit's paragraph in its segment's list, -1
// for an article's 款.
func paraIndex(seg *segment, u *unit) int {
	if seg == nil || seg.paras == nil {
		return -1
	}
	for k := range *seg.paras {
		if &(*seg.paras)[k] == u.para {
			return k
		}
	}
	return -1
}

func segOf(src *source, u *unit) *segment {
	for _, s := range src.segs {
		for _, v := range s.units {
			if v == u {
				return s
			}
		}
	}
	return nil
}

// apply makes the changes: replacements inside each unit from its end,
// then splits and joins from the end of the document, then articles only a
// witness has.
func apply(ops []op) {
	byUnit := map[*unit][]op{}
	var units []*unit
	var structural []op
	for _, o := range ops {
		switch o.kind {
		case variantText:
			if byUnit[o.u] == nil {
				units = append(units, o.u)
			}
			byUnit[o.u] = append(byUnit[o.u], o)
		default:
			structural = append(structural, o)
		}
	}
	for _, u := range units {
		replace(u, byUnit[u])
	}
	for i := len(structural) - 1; i >= 0; i-- {
		o := structural[i]
		switch o.kind {
		case variantSplit:
			joinUnits(o.seg, o.u, o.u2, o.idx)
		case variantJoin:
			splitUnit(o.seg, o.u, shifted(o.u, byUnit[o.u], o.r0), o.idx)
		case variantSegment:
			insertArticle(o.doc, o.art)
		}
	}
}

// replace writes the chosen readings into a unit's text.
func replace(u *unit, ops []op) {
	slices.SortFunc(ops, func(a, b op) int { return cmp.Compare(b.r0, a.r0) })
	rs := append([]rune{}, u.runes...)
	for _, o := range ops {
		rs = append(append(append([]rune{}, rs[:o.r0]...), []rune(o.text)...), rs[o.r1:]...)
	}
	u.para.Text = string(rs)
	if u.title != nil {
		*u.title = u.para.Text
	}
}

// shifted moves a rune offset of a unit by the replacements before it.
func shifted(u *unit, ops []op, at int) int {
	for _, o := range ops {
		if o.r1 <= at {
			at += len([]rune(o.text)) - (o.r1 - o.r0)
		}
	}
	return clamp(at, len([]rune(u.para.Text)))
}

// joinUnits makes two paragraphs one: the second 款's text and items go to
// the first.
func joinUnits(seg *segment, a, b *unit, k int) {
	if seg == nil {
		return
	}
	if art := seg.article; art != nil {
		for k := 0; k+1 < len(art.Clauses); k++ {
			c, n := art.Clauses[k], art.Clauses[k+1]
			if &c.Paragraph == a.para && &n.Paragraph == b.para {
				c.Text += n.Text
				c.Items = append(c.Items, n.Items...)
				art.Clauses = append(art.Clauses[:k+1], art.Clauses[k+2:]...)
				return
			}
		}
		return
	}
	if ps := seg.paras; ps != nil && k >= 0 && k+1 < len(*ps) {
		(*ps)[k].Text += (*ps)[k+1].Text
		*ps = append((*ps)[:k+1], (*ps)[k+2:]...)
	}
}

// splitUnit breaks a paragraph in two at a rune offset; a 款's items go
// with the second part.
func splitUnit(seg *segment, u *unit, at, k int) {
	if seg == nil {
		return
	}
	rs := []rune(u.para.Text)
	at = clamp(at, len(rs))
	head, tail := string(rs[:at]), string(rs[at:])
	if art := seg.article; art != nil {
		for k, c := range art.Clauses {
			if &c.Paragraph == u.para {
				n := &model.Clause{Paragraph: c.Paragraph, Items: c.Items}
				n.Text, c.Text, c.Items = tail, head, []*model.Item{}
				art.Clauses = append(art.Clauses[:k+1], append([]*model.Clause{n}, art.Clauses[k+1:]...)...)
				return
			}
		}
		return
	}
	if ps := seg.paras; ps != nil && k >= 0 && k < len(*ps) {
		n := (*ps)[k]
		n.Text, (*ps)[k].Text = tail, head
		*ps = append((*ps)[:k+1], append([]model.Paragraph{n}, (*ps)[k+1:]...)...)
	}
}

// insertArticle adds an article only a witness has, in number order.
func insertArticle(d *model.Document, a *model.Article) {
	k := sort.Search(len(d.Articles), func(i int) bool {
		b := d.Articles[i]
		return b.Number > a.Number || b.Number == a.Number && b.Suffix > a.Suffix
	})
	d.Articles = append(d.Articles[:k], append([]*model.Article{a}, d.Articles[k:]...)...)
	for i := range d.Headings {
		if d.Headings[i].Article > k {
			d.Headings[i].Article++
		}
	}
}

// articleLabel matches the article a place names: 第五条之一第二款 → 第五条之一.
var articleLabel = regexp.MustCompile(`^第[零〇一二三四五六七八九十百千万]+条(之[一二三四五六七八九十]+)?`)

func articleOf(where string) string { return articleLabel.FindString(where) }
