package regulation

import (
	"maps"
	"slices"
	"strings"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// division handles a 编, 分编, 章 or 节 line, numbered or not. It reports
// false when the line is not one.
func (b *builder) division(l line) bool {
	d, ok := parseDivision(l.text)
	if !ok {
		d, ok = b.unnumbered(l)
	}
	if !ok {
		return false
	}
	b.openDivision(d, l)
	return true
}

// openDivision closes the open divisions at d's level or deeper and opens d.
func (b *builder) openDivision(d division, l line) {
	b.stack = enclosing(b.reg.Headings, b.stack, d.level)
	h := model.Heading{
		Level:    d.level,
		Label:    d.label,
		Title:    d.title,
		Number:   d.number,
		Article:  len(b.reg.Articles),
		Position: l.para.Position,
	}
	b.reg.Headings = append(b.reg.Headings, h)
	b.headingEnd = l.para.Line
	b.stack = append(b.stack, len(b.reg.Headings)-1)
	b.article, b.clause, b.item, b.last = nil, nil, nil, nil
	if len(b.reg.Articles) > 0 {
		b.article = b.reg.Articles[len(b.reg.Articles)-1]
	}
}

// unnumbered reads a division without a number: 总则, 附则 alone on a line,
// or a heading line (## 一、管辖) inside the body.
func (b *builder) unnumbered(l line) (division, bool) {
	if d, ok := unnumberedDivision(l.text); ok {
		d.level = "章"
		if len(b.stack) > 0 {
			d.level = b.reg.Headings[b.stack[0]].Level
		}
		return d, true
	}
	level, ok := b.headingLevels[l.para.Heading]
	if !ok || l.para.Heading == 0 || !isTitle(l.text) {
		return division{}, false
	}
	d := division{level: level, title: normaliseTitle(l.text)}
	if m, ok := label.ReadItem(l.text); ok {
		d.label, d.title = m.Label, normaliseTitle(m.Rest)
	}
	return d, true
}

// Unnumbered reports whether a division's title is one that stands without
// a number in the texts that print it so: 总则, 分则 or 附则, in any spacing.
func Unnumbered(title string) bool {
	_, ok := unnumberedDivision(title)
	return ok
}

// unnumberedDivision reads 总则, 分则 and 附则 printed alone on a line, in
// any spacing.
func unnumberedDivision(s string) (division, bool) {
	if len(s) > 30 {
		return division{}, false
	}
	t := strings.ReplaceAll(normaliseTitle(s), " ", "")
	switch t {
	case "总则", "分则", "附则":
		return division{level: "章", title: t}, true
	}
	return division{}, false
}

// unnumberedLevels maps the Markdown heading levels of the body to division
// levels when the document has no numbered division (a 司法解释 with
// `## 一、管辖` in place of 章): from the shallowest, they stand for 章 and
// then 节. A document with numbered divisions keeps its other headings as
// text.
func unnumberedLevels(lines []line) map[int]string {
	var others []int
	seen := map[int]bool{}
	for _, l := range lines {
		if _, ok := parseDivision(l.text); ok {
			return map[int]string{}
		}
		h := l.para.Heading
		if h == 0 {
			continue
		}
		if _, ok := label.ArticleLine(l.text); ok || seen[h] {
			continue
		}
		seen[h] = true
		others = append(others, h)
	}
	slices.Sort(others)
	out := map[int]string{}
	next := []string{"章", "节"}
	for _, h := range others {
		if len(next) > 0 {
			out[h], next = next[0], next[1:]
		}
	}
	return out
}

// fillDepths numbers the levels a document uses from 0, outermost first.
func fillDepths(hs []model.Heading) {
	used := map[int]bool{}
	for _, h := range hs {
		used[levelRank(h.Level)] = true
	}
	ranks := slices.Sorted(maps.Keys(used))
	depth := map[int]int{}
	for i, r := range ranks {
		depth[r] = i
	}
	for i := range hs {
		hs[i].Depth = depth[levelRank(hs[i].Level)]
	}
}
