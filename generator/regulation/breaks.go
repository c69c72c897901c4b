package regulation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// RepairSplitParagraph is the repair kind of a 款 or item printed on the
// line of the paragraph before it, after spaces where the source lost the
// line break, and made a paragraph of its own.
const RepairSplitParagraph = "split-paragraph"

// paragraphEnds end a paragraph: a 款 never goes on after one and a space.
const paragraphEnds = "。！？"

// lostBreak returns where a paragraph printed inside s after spaces
// starts, or -1: after a full stop (。！？, closing quotes or brackets
// after one) and spaces, text that does not open with a bracket (a
// remark such as （某年某月删除） stays with its sentence) unless with an
// item label ((二) after (一)…。); after a colon and spaces, the first item
// of a list only ((一), 1.: a space after a colon is as often a writer's
// habit as a lost break); after a ； and spaces, an
// item label on a line that is no item itself (…的； （三）…, where the
// lines before lost their labels). Never before a closing quote or
// bracket: the space is inside what closes there. Chinese prints no space
// after a full stop or a colon: one there is what is left of a line
// break.
func lostBreak(s string) int {
	at := -1
	spaceRuns(s, func(i, j int) bool {
		if breaksAt(s[:i], s[j:]) {
			at = j
		}
		return at < 0
	})
	return at
}

// spaceRuns calls f with the start and end of each run of spaces inside s
// (not at its ends), in order, while f returns true.
func spaceRuns(s string, f func(i, j int) bool) {
	for i := 0; i < len(s); {
		k := nextSpace(s[i:])
		if k < 0 {
			return
		}
		i += k
		j := len(s) - len(strings.TrimLeftFunc(s[i:], label.IsSpace))
		if i > 0 && j < len(s) && !f(i, j) {
			return
		}
		i = j
	}
}

// spaces are the characters label.IsSpace reports, as text.
var spaces = []string{" ", "\t", "\u3000", "\u00a0"}

// nextSpace returns where the first space of s starts, or -1. It searches
// the bytes of each space instead of decoding s: most lines hold none,
// and the first byte of a space is never a later byte of another
// character, so what it finds is a space that decoding s finds too.
func nextSpace(s string) int {
	first := -1
	for _, sp := range spaces {
		if k := strings.Index(s, sp); k >= 0 {
			first, s = k, s[:k] // another space can only come before it
		}
	}
	return first
}

// breaksAt reports whether a paragraph starts at after when before, the
// text up to the spaces between them, ends as lostBreak says.
func breaksAt(before, after string) bool {
	item, isItem := label.ReadItem(after)
	isItem = isItem && item.Kind != label.HanItem && item.Rest != ""
	switch {
	case closes(firstRune(after)):
		return false // the space stands before the end of a quote: “…。 ”
	case endsWithMark(before, paragraphEnds):
		return isItem || !label.IsOpen(firstRune(after))
	case endsWithMark(before, "；;"):
		return isItem && !label.ItemLine(before) // an item's line is split by runOnItem
	case endsInColon(before):
		return isItem && item.N == 1
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// inlineList returns where a list of 项 printed on the line of the 款
// that announces it starts, or -1: a （一） right after a colon, with a
// （二） after a ； later on the line (…的条件：（一）…；（二）…). A
// citation of an item (：（一）项规定的) has no second item so.
func inlineList(s string) int {
	for i := 0; ; i += len("（") {
		k := strings.Index(s[i:], "（")
		if k < 0 {
			return -1
		}
		i += k
		if !endsInColon(s[:i]) {
			continue
		}
		if m, ok := label.ReadItem(s[i:]); ok && m.Kind == label.HanParenItem && m.N == 1 && m.Rest != "" && !citesItems(m) && listGoesOn(m.Rest) {
			return i
		}
	}
}

// listGoesOn reports whether s, the text of item （一）, holds the item
// （二） after a ；.
func listGoesOn(s string) bool {
	for _, after := range strings.Split(s, "；")[1:] {
		if m, ok := label.ReadItem(trimSpace(after)); ok && m.Kind == label.HanParenItem && m.N == 2 {
			return true
		}
	}
	return false
}

// spacedBreaks reports whether the lines of a document print lost line
// breaks as spaces: its text has at least as many spaces where lostBreak
// sees a paragraph start (after a full stop, or after a colon before a
// list's first item: a colon and a space before other text is a writer's
// habit, 地址： 某路, and no evidence) as spaces inside a sentence (after a Han
// character, a comma or a colon and before a Han character, not after an
// article's label). A source that scatters spaces through its sentences
// (深入 、谦虚, 核实 立案) puts them after a full stop by the same habit.
func spacedBreaks(lines []line) bool {
	breaks, inner := 0, 0
	for _, l := range lines {
		if l.para.Row != "" || l.para.Heading > 0 {
			continue
		}
		s := l.text
		spaceRuns(s, func(i, j int) bool {
			switch {
			case breaksAt(s[:i], s[j:]):
				breaks++
			case insideSentence(s[:i], s[j:]):
				inner++
			}
			return true
		})
	}
	return breaks > 0 && breaks >= inner
}

// insideSentence reports whether a space between before and after stands
// inside a sentence: after a Han character, a comma or a colon that ends
// no label, and before a Han character.
func insideSentence(before, after string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.Is(unicode.Han, firstRune(after)) || !unicode.Is(unicode.Han, r) && !strings.ContainsRune("，、：", r) {
		return false
	}
	return !endsLabel(before)
}

// endsLabel reports whether s ends with a label: 第五条, 第二章.
func endsLabel(s string) bool {
	i := strings.LastIndex(s, "第")
	if i < 0 {
		return false
	}
	l, ok := label.Read(s[i:])
	return ok && l.End == len(s)-i
}

// splitParagraph adds the text of line l before byte at as a paragraph
// and what follows as the next one, recording the repair. The rest is read
// as a line of its own (index is the line's, or the line being read when
// l is the text after an article's label).
func (b *builder) splitParagraph(l line, index, at int, message string) {
	first, rest := trimSpace(l.text[:at]), l.text[at:]
	b.reg.Repairs = append(b.reg.Repairs, model.Repair{
		Position: l.para.Position, Kind: RepairSplitParagraph,
		Before: tail(l.text[:at]) + head(rest), After: tail(first) + "\n" + head(rest),
		Message: message,
	})
	b.body(line{text: first, para: l.para}, index)
	if index < 0 {
		index = b.at
	}
	b.body(line{text: rest, para: l.para}, index)
}
