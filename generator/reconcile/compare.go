package reconcile

import (
	"unicode"

	"tiaoli/generator/model"
)

// source is one witness of a group with its segments.
type source struct {
	doc  *model.Document
	path string
	segs []*segment
	byID map[string]*segment
}

func newSource(d *model.Document) *source {
	s := &source{doc: d, segs: segments(d), byID: map[string]*segment{}}
	if len(d.Sources) > 0 {
		s.path = d.Sources[0].Path
	}
	for _, seg := range s.segs {
		s.byID[seg.key] = seg
	}
	return s
}

// view is how one witness reads a base unit: the witness text paired with
// the base text the unit is part of, and the spans where they differ.
type view struct {
	src   *source
	piece []rune  // the witness text as printed (its paired units joined)
	at    []int   // where each folded rune of the piece was printed
	units []*unit // the witness units of the piece
	spans []span  // base piece against witness piece, in folded runes
	aoff  int     // where the base unit starts in the base piece
}

// comparison collects, for one group, what every witness says about every
// base unit.
type comparison struct {
	base         *source
	views        map[*unit][]view
	openVariants []*openVariant
}

// compareSegment aligns one witness segment with the base segment and
// records views, splits and units only one side has.
func (c *comparison) compareSegment(b, w *segment, src *source) {
	for _, p := range align(b.units, w.units) {
		switch {
		case len(p.a) > 0 && len(p.b) > 0:
			c.pair(b, w, p, src)
		case len(p.a) > 0:
			c.openVariants = append(c.openVariants, absentVariant(c.base, b.units[p.a[0]], src))
		default:
			c.openVariants = append(c.openVariants, extraVariant(c.base, w.units[p.b[0]], src))
		}
	}
}

// pair records the views of a paired step and, when one side is split in
// two paragraphs and the other not, an open variant for the break.
func (c *comparison) pair(b, w *segment, p pairing, src *source) {
	var bf, wf, wp []rune
	var wat []int
	var wunits []*unit
	offs := make([]int, len(p.a))
	for k, i := range p.a {
		offs[k] = len(bf)
		bf = append(bf, b.units[i].folded...)
	}
	wbreak := 0 // where the second witness unit starts, in folded runes
	for k, j := range p.b {
		u := w.units[j]
		if k == 1 {
			wbreak = len(wf)
		}
		for _, x := range u.at[:len(u.folded)] {
			wat = append(wat, len(wp)+x)
		}
		wf = append(wf, u.folded...)
		wp = append(wp, u.runes...)
		wunits = append(wunits, u)
	}
	wat = append(wat, len(wp))
	spans := readable(diffRunes(bf, wf), bf, wf)
	v := view{src: src, piece: wp, at: wat, units: wunits, spans: spans}
	for k, i := range p.a {
		v.aoff = offs[k]
		c.views[b.units[i]] = append(c.views[b.units[i]], v)
	}
	switch {
	case len(p.a) == 2:
		c.openVariants = append(c.openVariants, splitVariant(c.base, b, b.units[p.a[0]], b.units[p.a[1]], offs[1], v))
	case len(p.b) == 2:
		c.openVariants = append(c.openVariants, joinVariant(c.base, b, b.units[p.a[0]], wbreak, v))
	}
}

// readable widens the spans of a diff so that each reading is a piece of
// text a reader can place: an insertion or deletion takes the next
// character with it (戒 / 力戒), and a single changed Han character the
// one after it (入选 / 人选). Touching spans merge.
func readable(spans []span, a, b []rune) []span {
	for i := range spans {
		s := &spans[i]
		if s.a0 == s.a1 || s.b0 == s.b1 {
			widen(s, a, b)
		}
		if s.a1-s.a0 == 1 && s.b1-s.b0 == 1 && isHan(a[s.a0]) && s.a1 < len(a) && s.b1 < len(b) && isHan(a[s.a1]) {
			s.a1++
			s.b1++
		}
	}
	return coalesce(spans, 0)
}

// widen takes the next shared character into a span, or the one before it
// at the end of the text.
func widen(s *span, a, b []rune) {
	switch {
	case s.a1 < len(a) && s.b1 < len(b):
		s.a1++
		s.b1++
	case s.a0 > 0 && s.b0 > 0:
		s.a0--
		s.b0--
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// mapPos maps a position of the base piece to the witness piece through
// the spans of their diff.
func mapPos(spans []span, p int, end bool) int {
	delta := 0
	for _, s := range spans {
		switch {
		case p < s.a0 || p == s.a0 && !(end && s.a0 == s.a1):
			return p + delta
		case p < s.a1:
			if end {
				return s.b1
			}
			return s.b0
		}
		delta += (s.b1 - s.b0) - (s.a1 - s.a0)
	}
	return p + delta
}

// regions merges the spans every witness has on one base unit into the
// stretches variants are made of, in the unit's rune offsets.
func regions(u *unit, views []view) []span {
	var all []span
	for _, v := range views {
		for _, s := range v.spans {
			a0, a1 := s.a0-v.aoff, s.a1-v.aoff
			n := len(u.folded)
			if a1 < 0 || a0 > n || a1 == 0 && a0 < 0 || a0 == n && a1 > n {
				continue
			}
			all = append(all, span{a0: max(a0, 0), a1: min(a1, n)})
		}
	}
	sortSpans(all)
	var out []span
	for _, s := range all {
		if n := len(out); n > 0 && s.a0 <= out[n-1].a1 {
			out[n-1].a1 = max(out[n-1].a1, s.a1)
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortSpans(s []span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].a0 < s[j-1].a0 || s[j].a0 == s[j-1].a0 && s[j].a1 < s[j-1].a1); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
