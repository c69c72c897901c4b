// Package layout repairs what the printed layout did to the lines of a
// page, and records every change it makes.
//
// A line cut by a column or page break (a blank line in the middle of a
// sentence, a word split across the break such as 世界海 / 关组织) is joined
// to the line it continues. Lines are joined only when a rule shows the
// first one is cut:
//
//   - the next line starts with punctuation no line may start with
//     (、，。；：）》” …); or
//   - the first line does not end a sentence (its last character is a
//     Chinese character, 、 or ，, or it leaves a bracket or quote open) and
//     it is body text: it starts with an article or item label, it is a
//     full column line (36 characters or more), or it holds a sentence mark
//     and is 20 characters or more; a bracket or quote left open counts
//     whatever the length.
//
// Headings, bold lines, lines that start with an article, chapter or item
// label, a dateline, a photo credit or a continuation mark are never joined
// to what comes before. A list marker on a line that continues the item
// before it, or on an unlabelled line inside a labelled list, belongs to no
// list and is dropped.
//
// When a join puts the same character on both sides of the break (全面从严治
// / 治党), one copy is removed only if the source shows it was repeated by
// OCR: the doubled pair occurs nowhere else on the page and the reading
// without it (严治党) does. Otherwise the text is kept as printed. Text is
// never rewritten on a guess.
package layout

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/label"
	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/model"
	"tiaoli/generator/page/dateline"
)

// Repair kinds recorded by this package.
const (
	KindJoin       = "join"
	KindDuplicate  = "duplicate-char"
	KindListMarker = "list-marker"
)

// Thresholds, in characters, for a line to count as body text.
const (
	columnLine   = 36
	sentenceLine = 20
)

// Repair returns the lines with cut lines joined and stray list markers
// dropped, and the repairs made. Repairs have no path; the caller sets it.
func Repair(lines []block.Line) ([]block.Line, []model.Repair) {
	page := pageText(lines)
	var out []block.Line
	var reps []model.Repair
	for i, l := range lines {
		if l.ListItem && strayMarker(lines, i) {
			reps = append(reps, markerRepair(l))
			l.ListItem = false
		}
		if n := len(out); n > 0 && joinable(out[n-1], l) {
			if l.ListItem {
				reps = append(reps, markerRepair(l))
				l.ListItem = false
			}
			var r []model.Repair
			out[n-1], r = join(out[n-1], l, page)
			reps = append(reps, r...)
			continue
		}
		out = append(out, l)
	}
	return out, reps
}

func markerRepair(l block.Line) model.Repair {
	return model.Repair{
		Position: model.Position{Line: l.Line}, Kind: KindListMarker,
		Before: "- " + l.Text, After: l.Text,
		Message: "list marker dropped: the line continues the item before it and belongs to no list",
	}
}

// strayMarker reports whether list item i has no label of its own inside a
// list whose items around it do.
func strayMarker(lines []block.Line, i int) bool {
	if label.Item(lines[i].Text) {
		return false
	}
	labelled := func(j int) bool {
		return j >= 0 && j < len(lines) && lines[j].ListItem && label.Item(lines[j].Text)
	}
	return labelled(i-1) && labelled(i+1)
}

// joinable reports whether next continues prev across a layout break.
func joinable(prev, next block.Line) bool {
	if prev.Marked() || next.Marked() || prev.Quote != next.Quote {
		return false
	}
	if startsClosing(next.Text) {
		return true
	}
	if opensUnit(next.Text) {
		return false
	}
	return cut(prev)
}

// opensUnit reports whether s starts something of its own: a label, a
// dateline, a photo credit or a continuation mark.
func opensUnit(s string) bool {
	if label.Structural(s) || strings.HasPrefix(s, "▲") || strings.HasPrefix(s, "■") {
		return true
	}
	if _, _, ok := dateline.Opening(s); ok {
		return true
	}
	if _, ok := dateline.Closing(s); ok {
		return true
	}
	return strings.HasSuffix(s, "摄") || strings.HasSuffix(s, "摄)") || strings.HasSuffix(s, "摄）") ||
		strings.Contains(s, "上接第") || strings.Contains(s, "下转第")
}

// cut reports whether a line ends in the middle of a sentence. An item
// label starts body text only in a list item or a full line: a short
// labelled line standing alone is a section head.
func cut(l block.Line) bool {
	s := l.Text
	last, _ := utf8.DecodeLastRuneInString(s)
	open := normalize.Unbalanced(s)
	if open {
		return true
	}
	if !unicode.Is(unicode.Han, last) && last != '，' && last != '、' && last != ',' {
		return false
	}
	if last == '，' || last == ',' {
		return true
	}
	n := utf8.RuneCountInString(s)
	if _, _, _, ok := label.Article(s); ok {
		return true
	}
	if label.Item(s) {
		return l.ListItem || n >= columnLine
	}
	return n >= columnLine || (n >= sentenceLine && strings.ContainsAny(s, "，,。；;"))
}

// startsClosing reports whether s starts with punctuation that cannot open
// a line.
func startsClosing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("、，。；：？！）》」』”’〕】,;:?!)", r)
}

// join appends next to prev, removing a character OCR repeated across the
// break when the page shows it was repeated.
func join(prev, next block.Line, page string) (block.Line, []model.Repair) {
	a, b := prev.Text, next.Text
	sep := ""
	if asciiWord(lastRune(a)) && asciiWord(firstRune(b)) {
		sep = " "
	}
	joined := a + sep + b
	reps := []model.Repair{{
		Position: model.Position{Line: next.Line}, Kind: KindJoin,
		Before: tail(a) + "\n" + head(b), After: tail(a) + sep + head(b),
		Message: fmt.Sprintf("line %d continues the sentence cut at the end of line %d; joined", next.Line, prev.Line),
	}}
	if d, ok := duplicate(a, b, page); ok {
		joined = a + b[len(string(firstRune(b))):]
		reps = append(reps, model.Repair{
			Position: model.Position{Line: next.Line}, Kind: KindDuplicate,
			Before: d.before, After: d.after,
			Message: fmt.Sprintf("%q printed on both sides of a line break; %q occurs elsewhere on the page and %q does not, so one was removed",
				d.char, d.after, d.char+d.char),
		})
	}
	prev.Text = joined
	return prev, reps
}

type dup struct{ char, before, after string }

// duplicate decides whether the character ending a and starting b was
// repeated by OCR.
func duplicate(a, b, page string) (dup, bool) {
	c := lastRune(a)
	if c != firstRune(b) || !unicode.Is(unicode.Han, c) {
		return dup{}, false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 2 || len(rb) < 2 {
		return dup{}, false
	}
	before, after := ra[len(ra)-2], rb[1]
	single := string([]rune{before, c, after})
	double := string([]rune{c, c})
	if strings.Contains(page, double) || !strings.Contains(page, single) {
		return dup{}, false
	}
	return dup{char: string(c), before: string([]rune{before, c, c, after}), after: single}, true
}

// pageText is the text of every line, one per line, for evidence.
func pageText(lines []block.Line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func asciiWord(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// tail and head give a few characters around a break for repair records.
func tail(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		r = r[len(r)-12:]
	}
	return string(r)
}

func head(s string) string {
	r := []rune(s)
	if len(r) > 12 {
		r = r[:12]
	}
	return string(r)
}
