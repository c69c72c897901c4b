package reconcile

import (
	"strings"

	"tiaoli/generator/model"
)

// Kinds of open variants.
const (
	variantText    = iota // the sources read a stretch of text differently
	variantSplit          // the base breaks a paragraph a witness does not
	variantJoin           // a witness breaks a paragraph the base does not
	variantAbsent         // a witness lacks a unit the base has
	variantExtra          // a witness has a unit the base lacks
	variantSegment        // a witness lacks (or alone has) a whole article
)

// contextRunes is how much of the text around a variant it shows.
const contextRunes = 6

// openVariant is a variant before a reading is chosen: where it is, what each
// source reads, and what applying a choice needs.
type openVariant struct {
	kind     int
	where    string
	unit     *unit // the base unit (variantText, variantSplit, variantJoin, variantAbsent)
	next     *unit // the second base unit of a split
	r0, r1   int   // the stretch of the base unit (variantText)
	at       int   // where a witness breaks the base unit (variantJoin)
	readings []reading
	before   string
	after    string
	// extra is the witness unit or segment the base lacks (variantExtra,
	// variantSegment).
	extra    *unit
	extraSeg *segment
	// anchor is the first unit of a base segment a witness lacks, to sort
	// the variant in document order.
	anchor *unit
}

// reading is one source's text at an open variant.
type reading struct {
	src  *source
	text string
	line int
	// window is the reading with a character of context on each side, for
	// the corpus rule and pins.
	window []rune
	// wide is the reading with more context, for matching pins.
	wide     string
	artefact bool
}

// textVariants turns the regions of a base unit into open variants with a reading
// from the base and from every witness that has the unit.
func (c *comparison) textVariants(u *unit) {
	vs := c.views[u]
	for _, rg := range regions(u, vs) {
		p0, p1 := printedRange(u.at, rg.a0, rg.a1)
		d := &openVariant{kind: variantText, where: u.where, unit: u, r0: p0, r1: p1}
		d.before, d.after = around(u.runes, p0, p1)
		d.readings = append(d.readings, newReading(c.base, u.runes, p0, p1, u.para.Line))
		for _, v := range vs {
			q0 := mapPos(v.spans, rg.a0+v.aoff, false)
			q1 := mapPos(v.spans, rg.a1+v.aoff, true)
			q0, q1 = printedRange(v.at, q0, max(q0, q1))
			d.readings = append(d.readings, newReading(v.src, v.piece, q0, q1, lineAt(v.units, q0)))
		}
		c.openVariants = append(c.openVariants, d)
	}
}

func clamp(x, n int) int { return max(0, min(x, n)) }

// newReading reads rs[q0:q1] of a source, with its context and whether a
// repair or a suspect of the source touches it.
func newReading(src *source, rs []rune, q0, q1, line int) reading {
	r := reading{src: src, text: string(rs[q0:q1]), line: line}
	r.window = []rune(string(rs[max(q0-1, 0):min(q1+1, len(rs))]))
	r.wide = string(rs[max(q0-contextRunes, 0):min(q1+contextRunes, len(rs))])
	r.artefact = touchesRepair(src.doc, rs, q0, q1)
	return r
}

// lineAt is the line of the witness unit holding rune q of a piece.
func lineAt(units []*unit, q int) int {
	for _, u := range units {
		if q <= len(u.runes) {
			return u.para.Line
		}
		q -= len(u.runes)
	}
	if len(units) > 0 {
		return units[len(units)-1].para.Line
	}
	return 0
}

// touchesRepair reports whether a repair or a suspect the parser recorded
// in the document lies on rs[q0:q1] or next to it: the text there is what
// a broken source left.
func touchesRepair(d *model.Document, rs []rune, q0, q1 int) bool {
	text := string(rs)
	for _, list := range [][]model.Repair{d.Repairs, d.Suspects} {
		for _, r := range list {
			frag := r.After
			if frag == "" {
				continue
			}
			for off := 0; ; {
				i := strings.Index(text[off:], frag)
				if i < 0 {
					break
				}
				start := len([]rune(text[:off+i]))
				end := start + len([]rune(frag))
				if start <= q1 && end >= q0 {
					return true
				}
				off += i + len(frag)
			}
		}
	}
	return false
}

// around is the context on either side of rs[r0:r1].
func around(rs []rune, r0, r1 int) (string, string) {
	return string(rs[max(r0-contextRunes, 0):r0]), string(rs[r1:min(r1+contextRunes, len(rs))])
}

// breakReading shows a paragraph break at rune at of rs: the end of one
// paragraph, a line break, the start of the next.
func breakReading(src *source, rs []rune, at, line int) reading {
	at = clamp(at, len(rs))
	text := string(rs[max(at-contextRunes, 0):at]) + "\n" + string(rs[at:min(at+contextRunes, len(rs))])
	return reading{src: src, text: text, line: line, window: []rune(text), wide: text}
}

// plainReading shows the text around rune at of rs where another source
// breaks the paragraph.
func plainReading(src *source, rs []rune, at, line int) reading {
	at = clamp(at, len(rs))
	text := string(rs[max(at-contextRunes, 0):min(at+contextRunes, len(rs))])
	return reading{src: src, text: text, line: line, window: []rune(text), wide: text}
}

// splitVariant records that the base breaks a paragraph (a1 | a2) that a
// witness prints as one; brk is where a2 starts in the folded base piece.
func splitVariant(base *source, seg *segment, a1, a2 *unit, brk int, v view) *openVariant {
	both := append(append([]rune{}, a1.runes...), a2.runes...)
	d := &openVariant{kind: variantSplit, where: seg.where, unit: a1, next: a2}
	q, _ := printedRange(v.at, mapPos(v.spans, brk, false), 0)
	d.readings = []reading{
		breakReading(base, both, len(a1.runes), a2.para.Line),
		plainReading(v.src, v.piece, q, lineAt(v.units, q)),
	}
	return d
}

// joinVariant records that a witness breaks in two a paragraph the base
// prints as one; wbreak is where its second paragraph starts, folded.
func joinVariant(base *source, seg *segment, a *unit, wbreak int, v view) *openVariant {
	at, _ := printedRange(a.at, unmapPos(v.spans, wbreak), 0)
	d := &openVariant{kind: variantJoin, where: seg.where, unit: a, at: at}
	q, _ := printedRange(v.at, wbreak, 0)
	d.readings = []reading{
		plainReading(base, a.runes, at, a.para.Line),
		breakReading(v.src, v.piece, q, lineAt(v.units, q)),
	}
	return d
}

// unmapPos maps a position of the witness piece back to the base piece.
func unmapPos(spans []span, q int) int {
	inv := make([]span, len(spans))
	for i, s := range spans {
		inv[i] = span{a0: s.b0, a1: s.b1, b0: s.a0, b1: s.a1}
	}
	return mapPos(inv, q, false)
}

// absentVariant records a base unit a witness lacks.
func absentVariant(base *source, u *unit, src *source) *openVariant {
	d := &openVariant{kind: variantAbsent, where: u.where, unit: u}
	d.readings = []reading{
		{src: base, text: u.label + string(u.runes), line: u.para.Line},
		{src: src, text: ""},
	}
	return d
}

// extraVariant records a witness unit the base lacks.
func extraVariant(base *source, u *unit, src *source) *openVariant {
	d := &openVariant{kind: variantExtra, where: u.where, extra: u}
	d.readings = []reading{
		{src: base, text: ""},
		{src: src, text: u.label + string(u.runes), line: u.para.Line},
	}
	return d
}

// segmentVariant records an article (or preamble, appendix, section) one
// side has and the other lacks.
func segmentVariant(base *source, have *segment, baseHas bool, src *source) *openVariant {
	d := &openVariant{kind: variantSegment, where: have.where}
	line := 0
	if len(have.units) > 0 {
		line = have.units[0].para.Line
	}
	in := reading{text: have.text(), line: line}
	out := reading{text: ""}
	if baseHas {
		in.src, out.src = base, src
		d.readings = []reading{in, out}
		if len(have.units) > 0 {
			d.anchor = have.units[0]
		}
	} else {
		in.src, out.src = src, base
		d.readings = []reading{out, in}
		d.extraSeg = have
	}
	for i := range d.readings {
		d.readings[i].wide = d.readings[i].text
	}
	return d
}
