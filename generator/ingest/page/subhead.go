package page

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// Bounds of a bare subheading printed as plain text: 基本案情, 裁判要旨.
const (
	maxSubhead      = 12 // runes
	minAfterSubhead = 10 // runes of the sentence that follows it
	minSubheads     = 2  // a write-up printed with headings has several
)

// sentenceMarks end or divide a sentence; a subheading holds none.
const sentenceMarks = "。！？；，、：!?;,:…"

// markSubheads marks as headings the bare subheadings of a text printed
// without Markdown: short lines with no sentence punctuation, each
// standing alone before a paragraph of
// running text, when the text has several of them (the 基本案情,
// 裁判要旨 … of a case write-up). Lines already headings stay as they are.
func markSubheads(ps []model.Paragraph) {
	var at []int
	for i := range ps {
		if bareSubhead(ps, i) {
			at = append(at, i)
		}
	}
	if len(at) < minSubheads {
		return
	}
	for _, i := range at {
		ps[i].Heading = 3
	}
}

// bareSubhead reports whether paragraph i reads as a bare subheading.
func bareSubhead(ps []model.Paragraph, i int) bool {
	if i+1 >= len(ps) || ps[i].Heading > 0 || ps[i].ListItem || ps[i].Row != "" {
		return false
	}
	t := strings.TrimSpace(ps[i].Text)
	n := utf8.RuneCountInString(t)
	if n < 2 || n > maxSubhead || strings.ContainsAny(t, sentenceMarks) || !hasHan(t) {
		return false
	}
	next := strings.TrimSpace(ps[i+1].Text)
	return ps[i+1].Heading == 0 && utf8.RuneCountInString(next) >= minAfterSubhead &&
		strings.ContainsAny(next, "。！？")
}
