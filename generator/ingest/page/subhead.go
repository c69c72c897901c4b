package page

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Bounds of a bare subheading printed as plain text: 基本案情, 裁判要旨.
const (
	maxSubhead      = 12 // runes
	maxLongSubhead  = 20 // runes of one before a paragraph of prose (longAfter)
	longAfter       = 40 // runes of the paragraph after a bare subheading longer than maxSubhead
	maxNumbered     = 40 // runes after the label of a numbered subheading
	minAfterSubhead = 10 // runes of the sentence that follows it
	minSubheads     = 2  // a write-up printed with headings has several
)

// sentenceMarks end or divide a sentence; a subheading holds none.
const sentenceMarks = "。！？；，、：!?;,:…"

// clauseMarks end or divide a clause; the paragraph after a numbered
// subheading holds one, as running text does.
const clauseMarks = "。！？；，：!?;,:…"

// numberedTitleStops end a sentence or lead into what follows; a numbered
// subheading holds none, though it may list words with 、 (一、贪污、受贿的区分)
// and join two phrases with ，(二、还原事实过程，确保情节翔实).
const numberedTitleStops = "。！？；：!?;:…"

// markSubheads marks as headings the subheadings of a text printed without
// Markdown, when the text has several of them: bare ones (short lines with
// no sentence punctuation, each standing alone before a paragraph of
// running text: the 基本案情, 裁判要旨 … of a case write-up) and numbered
// ones (一、本罪的主体, 1.国家出资企业 before a paragraph). Numbered ones
// nest by the kind of their label, the outermost at the level of the bare
// ones. Lines already headings stay as they are.
func markSubheads(ps []model.Paragraph) {
	bare := map[int]bool{}
	numbered := map[int]label.ItemKind{}
	used := map[label.ItemKind]bool{}
	for i := range ps {
		if k, ok := numberedSubhead(ps, i); ok {
			numbered[i] = k
			used[k] = true
		} else if bareSubhead(ps, i) {
			bare[i] = true
		}
	}
	if len(bare)+len(numbered) < minSubheads {
		return
	}
	for i := range bare {
		ps[i].Heading = 3
	}
	for i, k := range numbered {
		ps[i].Heading = 3
		for outer := label.HanItem; outer < k; outer++ {
			if used[outer] {
				ps[i].Heading++
			}
		}
	}
}

// bareSubhead reports whether paragraph i reads as a bare subheading, one
// with no section label (numberedSubhead reads those).
func bareSubhead(ps []model.Paragraph, i int) bool {
	if _, numbered := subheadLabel(ps[i].Text); numbered || !standsAlone(ps, i) {
		return false
	}
	t := strings.TrimSpace(ps[i].Text)
	n := utf8.RuneCountInString(t)
	if n > maxSubhead && (n > maxLongSubhead || utf8.RuneCountInString(strings.TrimSpace(ps[i+1].Text)) < longAfter) {
		return false // a longer line heads a section only before a paragraph of prose, not before a short line of a list
	}
	return n >= 2 && !strings.ContainsAny(t, titleStops) && !strings.ContainsRune(unquoted(t), '、') && hasHan(t)
}

// unquoted is s without what it quotes: a subheading may quote a list
// (弄清“查什么、调什么”是前提), though it lists nothing itself.
func unquoted(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '“':
			depth++
		case r == '”' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// numberedSubhead reports whether paragraph i reads as a numbered
// subheading (一、, （一） or 1. and a short title with no clause mark),
// and the kind of its label. It stands before running text or before the
// first subheading inside it (二、关于贪污罪 before （一）贪污罪的认定). A
// short line of a list is an item, not a heading: the line before it is
// the item before it (itemBefore), or the line after it the item after it.
func numberedSubhead(ps []model.Paragraph, i int) (label.ItemKind, bool) {
	if i+1 >= len(ps) || ps[i].Heading > 0 || ps[i].ListItem || ps[i].Row != "" {
		return 0, false
	}
	it, ok := subheadLabel(ps[i].Text)
	if !ok {
		return 0, false
	}
	inner, ok := subheadLabel(ps[i+1].Text)
	if !beforeText(ps[i+1], clauseMarks) && !(ok && inner.Kind > it.Kind && ps[i+1].Heading == 0) {
		return 0, false
	}
	if i > 0 && itemBefore(ps[i-1].Text, it) {
		return 0, false
	}
	if nextItem(ps[i+1].Text, it.Kind, it.N+1) {
		return 0, false
	}
	return it.Kind, true
}

// itemBefore reports whether s is the item before it in the same list: it
// opens with the label before it, whatever its text (申请书，载明申请事项和理由),
// and ends no sentence. A heading printed in one paragraph with the text
// under it ((二)某某的认定 followed by 刑法规定……。) is no list item.
func itemBefore(s string, it label.ItemLabel) bool {
	return nextItem(s, it.Kind, it.N-1) && !strings.ContainsAny(s, sentenceEnds)
}

// sentenceEnds end a sentence.
const sentenceEnds = "。！？!?"

// nextItem reports whether s opens with the item label of kind k and number n.
func nextItem(s string, k label.ItemKind, n int) bool {
	it, ok := label.ReadItem(strings.TrimSpace(s))
	return ok && it.Kind == k && it.N == n
}

// subheadLabel reads the label of a line that could be a numbered
// subheading: a section or item label and a short title after it.
func subheadLabel(s string) (label.ItemLabel, bool) {
	it, ok := label.ReadItem(strings.TrimSpace(s))
	if !ok || it.Kind > label.DigitItem {
		return label.ItemLabel{}, false
	}
	n := utf8.RuneCountInString(it.Rest)
	if n < 2 || n > maxNumbered || strings.ContainsAny(it.Rest, numberedTitleStops) || !hasHan(it.Rest) {
		return label.ItemLabel{}, false
	}
	return it, true
}

// standsAlone reports whether paragraph i is plain text followed by a
// paragraph of running text, as a subheading is.
func standsAlone(ps []model.Paragraph, i int) bool {
	if i+1 >= len(ps) || ps[i].Heading > 0 || ps[i].ListItem || ps[i].Row != "" {
		return false
	}
	return beforeText(ps[i+1], "。！？")
}

// beforeText reports whether next, the paragraph after a subheading, is
// running text: long enough and holding one of marks. After a numbered
// subheading a sentence that ends on a colon before a list will do.
func beforeText(next model.Paragraph, marks string) bool {
	t := strings.TrimSpace(next.Text)
	return next.Heading == 0 && utf8.RuneCountInString(t) >= minAfterSubhead && strings.ContainsAny(t, marks)
}
