// Package reconcile merges the same document read from several sources into
// one, aligning the sources clause by clause and recording every
// difference as a variant.
//
// Documents are witnesses of one text when they share kind and title
// (folded: spaces, markup and the width of punctuation do not count; a
// regulation's version mark such as a trailing year does not either), come
// from different files, give the same latest date (approval, publication,
// history; a news item's date) and have similar bodies. A regulation title
// with several dates is several versions: they stay separate documents,
// each pointing at the others (Regulation.VersionDocs).
//
// The first witness (in input order) is the base and survives; the others
// are merged into it. Regulations are aligned article by article (by
// number) and, inside an article, 款 by 款 and item by item; other text
// paragraph by paragraph. The alignment allows a paragraph one source
// splits in two. Aligned texts are compared character by character after
// folding punctuation widths and bracket shapes (typography, not text);
// every difference left is a model.Variant with each source's reading.
//
// A reading is chosen by the first rule that decides:
//
//   - pinned: an editor's choice in pins.yaml (see Pins);
//   - repair: the other readings lie on a spot the parser repaired or
//     found broken in their source (a join, a doubled character, a
//     bracket without its partner): an artefact loses;
//   - corpus: its distinctive character bigrams recur elsewhere in the
//     corpus and the other readings' do not;
//   - paragraph-break: the readings differ only where a paragraph breaks;
//     the first source's breaks stay, and the variant is not undecided;
//   - first-source: nothing decides; the base's reading stays and the
//     variant is flagged undecided.
//
// Breaks (a paragraph split in one source only) and units only one source
// has are variants too, decided by a pin or left to the first source.
package reconcile

import (
	"cmp"
	"slices"

	"tiaoli/generator/model"
)

// Merge returns the documents with every group of witnesses of one
// document merged into one, in input order. Carrier and version pointers
// of merged-away documents are moved to the survivor.
func Merge(docs []*model.Document, pins Pins) []*model.Document { return merge(docs, pins, nil) }

// merge is Merge, through memo when it is not nil.
func merge(docs []*model.Document, pins Pins, memo *Memo) []*model.Document {
	for _, d := range docs {
		ownTitle(d)
	}
	gs, vers := groups(docs, memo)
	ch := &chooser{pins: pins, docs: docs}
	survivor := map[*model.Document]*model.Document{}
	out := make([]*model.Document, 0, len(gs))
	for _, g := range gs {
		d := g.docs[0]
		if len(g.docs) > 1 {
			mergeGroup(g, ch)
			for _, o := range g.docs[1:] {
				survivor[o] = d
			}
		}
		out = append(out, d)
	}
	for _, g := range gs {
		for _, o := range vers[g] {
			g.docs[0].VersionDocs = append(g.docs[0].VersionDocs, o.docs[0])
		}
	}
	for _, d := range out {
		if s, ok := survivor[d.Carrier]; ok {
			d.Carrier = s
		}
	}
	return out
}

// mergeGroup compares every witness of a group with the first, records the
// variants on it, applies the chosen readings and gives it every source.
func mergeGroup(g *group, ch *chooser) {
	base := newSource(g.docs[0])
	c := &comparison{base: base, views: map[*unit][]view{}}
	for _, w := range g.docs[1:] {
		c.compareSource(newSource(w))
	}
	for _, s := range base.segs {
		for _, u := range s.units {
			c.textVariants(u)
		}
	}
	c.order()
	doc := base.doc
	var ops []op
	for _, d := range c.openVariants {
		ch := ch.choose(d, doc)
		doc.Variants = append(doc.Variants, variant(d, ch))
		ops = append(ops, opsFor(d, ch, base)...)
	}
	apply(ops)
	for _, w := range g.docs[1:] {
		doc.Sources = append(doc.Sources, w.Sources...)
		doc.Repairs = append(doc.Repairs, w.Repairs...)
		doc.Suspects = append(doc.Suspects, w.Suspects...)
		if len(doc.Bylines) == 0 { // a copy that kept its closing author line
			doc.Bylines, doc.Affiliation = slices.Clone(w.Bylines), w.Affiliation
		}
	}
}

// compareSource compares a witness with the base segment by segment.
func (c *comparison) compareSource(src *source) {
	for _, b := range c.base.segs {
		if w := src.byID[b.key]; w != nil {
			c.compareSegment(b, w, src)
		} else {
			c.openVariants = append(c.openVariants, segmentVariant(c.base, b, true, src))
		}
	}
	for _, w := range src.segs {
		if c.base.byID[w.key] == nil {
			c.openVariants = append(c.openVariants, segmentVariant(c.base, w, false, src))
		}
	}
}

// order sorts the open variants in document order: by the base unit they concern,
// then by offset; what only a witness has goes after what precedes it.
func (c *comparison) order() {
	rank := map[*unit]int{}
	n := 0
	for _, s := range c.base.segs {
		for _, u := range s.units {
			rank[u] = n
			n++
		}
	}
	key := func(d *openVariant) (int, int) {
		switch {
		case d.unit != nil:
			return rank[d.unit]*4 + 1, d.r0
		case d.anchor != nil:
			return rank[d.anchor] * 4, 0
		case d.extraSeg != nil:
			return 4*n + 4, 0
		default:
			return 4*n + 2, 0
		}
	}
	slices.SortStableFunc(c.openVariants, func(a, b *openVariant) int {
		a1, a2 := key(a)
		b1, b2 := key(b)
		return cmp.Or(cmp.Compare(a1, b1), cmp.Compare(a2, b2))
	})
}

// variant turns an open variant and its choice into the model's Variant.
func variant(d *openVariant, ch choice) model.Variant {
	v := model.Variant{
		Where:         d.where,
		Chosen:        d.readings[ch.index].text,
		Rule:          ch.rule,
		Undecided:     ch.undecided,
		ContextBefore: d.before,
		ContextAfter:  d.after,
	}
	if d.unit != nil {
		v.Paragraph, v.Item = d.unit.clause, d.unit.itemNo
	}
	if a := articleOf(d.where); a != "" {
		v.Article = a
	}
	for _, r := range d.readings {
		path := ""
		if r.src != nil {
			path = r.src.path
		}
		v.Readings = append(v.Readings, model.Reading{Source: path, Text: r.text, Line: r.line})
	}
	return v
}
