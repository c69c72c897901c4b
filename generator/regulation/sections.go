package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
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
		kind label.ItemKind
		sec  *model.Section
	}
	var stack []open
	var preamble []model.Paragraph
	for _, l := range lines {
		m, ok := sectionMarker(l)
		if !ok || m.Kind == label.CircledItem {
			if len(stack) == 0 {
				preamble = append(preamble, paragraph(l, l.text))
				continue
			}
			top := stack[len(stack)-1].sec
			top.Body = append(top.Body, paragraph(l, l.text))
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].kind >= m.Kind {
			stack = stack[:len(stack)-1]
		}
		s := newSection(l, m)
		if len(stack) == 0 {
			p.reg.Sections = append(p.reg.Sections, s)
		} else {
			parent := stack[len(stack)-1].sec
			parent.Sections = append(parent.Sections, s)
		}
		stack = append(stack, open{m.Kind, s})
	}
	if len(p.reg.Sections) > 0 {
		p.reg.Preamble = preamble
	}
}

// sectionMarker reads the marker of a section: 第X编/章/节 (a division,
// outside every 一、), a list marker, or a Markdown heading with neither
// (基本案情, 裁判要旨 of a case), at the level of a 章.
func sectionMarker(l line) (label.ItemLabel, bool) {
	if d, ok := parseDivision(l.text); ok {
		return label.ItemLabel{Kind: divisionKind(d.level), N: d.number, Label: d.label, Rest: d.title}, true
	}
	m, ok := label.ReadItem(l.text)
	if !ok && l.para.Heading > 0 && isSectionTitle(l.text) {
		return label.ItemLabel{Kind: divisionKind("章"), Rest: l.text}, true
	}
	return m, ok
}

// divisionKind is the marker kind of a division level: outside 一、, the
// outermost first.
func divisionKind(level string) label.ItemKind {
	return label.HanItem - label.ItemKind(divisionLevels-levelRank(level))
}

// newSection opens a section: a short line after the marker is its title,
// a longer one the first paragraph of its body.
func newSection(l line, m label.ItemLabel) *model.Section {
	s := &model.Section{Label: m.Label, Body: []model.Paragraph{}, Position: l.para.Position}
	if isSectionTitle(m.Rest) {
		s.Title = m.Rest
	} else if m.Rest != "" {
		s.Body = append(s.Body, paragraph(l, m.Rest))
	}
	return s
}

func isSectionTitle(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= maxSectionTitle && isTitle(s) && !strings.HasSuffix(s, "。")
}
