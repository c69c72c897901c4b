package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// maxSectionTitle is the longest line after a marker read as a title.
const maxSectionTitle = 30

// sections cuts a document without 条 into sections at 第X编, 章 and 节, at
// Markdown headings, and at 一、, （一）, 1. and （1）: a marker of a deeper
// kind opens a section inside the one before.
// Text before the first marker is the preamble; a document without any
// marker keeps its body as it is.
func (p *parser) sections(lines []line) {
	type open struct {
		kind int
		sec  *model.Section
	}
	var stack []open
	var preamble []model.Paragraph
	for _, l := range lines {
		m, ok := sectionMarker(l)
		if !ok || m.kind == markCircled {
			if len(stack) == 0 {
				preamble = append(preamble, paragraph(l, l.text))
				continue
			}
			top := stack[len(stack)-1].sec
			top.Body = append(top.Body, paragraph(l, l.text))
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].kind >= m.kind {
			stack = stack[:len(stack)-1]
		}
		s := newSection(l, m)
		if len(stack) == 0 {
			p.reg.Sections = append(p.reg.Sections, s)
		} else {
			parent := stack[len(stack)-1].sec
			parent.Sections = append(parent.Sections, s)
		}
		stack = append(stack, open{m.kind, s})
	}
	if len(p.reg.Sections) > 0 {
		p.reg.Preamble = preamble
	}
}

// sectionMarker reads the marker of a section: 第X编/章/节 (a division,
// outside every 一、), a list marker, or a Markdown heading with neither
// (基本案情, 裁判要旨 of a case), at the level of a 章.
func sectionMarker(l line) (marker, bool) {
	if d, ok := parseDivision(l.text); ok {
		return marker{kind: divisionKind(d.level), number: d.number, label: d.label, rest: d.title}, true
	}
	m, ok := parseMarker(l.text)
	if !ok && l.para.Heading > 0 && isSectionTitle(l.text) {
		return marker{kind: divisionKind("章"), rest: l.text}, true
	}
	return m, ok
}

// divisionKind is the marker kind of a division level: outside 一、, the
// outermost first.
func divisionKind(level string) int { return markHan - len(levelRank) + levelRank[level] }

// newSection opens a section: a short line after the marker is its title,
// a longer one the first paragraph of its body.
func newSection(l line, m marker) *model.Section {
	s := &model.Section{Label: m.label, Body: []model.Paragraph{}, Position: l.para.Position}
	if isSectionTitle(m.rest) {
		s.Title = m.rest
	} else if m.rest != "" {
		s.Body = append(s.Body, paragraph(l, m.rest))
	}
	return s
}

func isSectionTitle(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= maxSectionTitle && isTitle(s) && !strings.HasSuffix(s, "。")
}
