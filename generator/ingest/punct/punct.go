// Package punct gives Chinese text the punctuation it was printed with
// where OCR or typing left ASCII punctuation between Chinese characters:
// 近日,中共中央 becomes 近日，中共中央, and 党委(党组)对 becomes 党委（党组）对.
//
// A comma, colon, semicolon, question or exclamation mark is widened when
// Chinese stands on one side of it, or before it at the end of a line
// (贸易额,AEO; 占1%,却; 原则: but not 12:30 or 1,000); spaces around it are
// dropped. A mark after a closing quote goes with what the quote closes
// (“串供”: is Chinese), and one that ends a line after a number with what
// comes before the number (收入的20%;). A pair of round brackets is widened when it holds a Han
// character and Chinese stands before the opening one or after the closing
// one, or when it opens or closes the line. Chinese is a Han character or
// a mark only Chinese prints (the 、 of （一）、(二)、（八）, a full-width
// bracket); both brackets change together, so a pair never ends up half
// wide. Full stops are left alone:
// 3.5 and U.S. read the same with a Han neighbour. Every line changed is
// recorded as a repair.
package punct

import (
	"fmt"
	"strings"
	"unicode"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/model"
)

// KindWidth is the kind of the repairs this package records.
const KindWidth = "punct-width"

// wide maps the ASCII marks widened between Han characters.
var wide = map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！'}

// Widen returns the lines with their punctuation widened and one repair
// per line changed.
func Widen(lines []block.Line) ([]block.Line, []model.Repair) {
	var reps []model.Repair
	for i, l := range lines {
		if !hasASCIIMark(l.Text) {
			continue
		}
		after, spots := Text(l.Text)
		if after == l.Text {
			continue
		}
		lines[i].Text = after
		reps = append(reps, repair(l, after, spots))
	}
	return lines, reps
}

// repair records the widening of a line: the first changes with a
// character of context, and how many there were.
func repair(l block.Line, after string, spots []spot) model.Repair {
	var before, now []string
	for _, s := range spots[:min(len(spots), 3)] {
		before, now = append(before, s.before), append(now, s.after)
	}
	sep := " / "
	return model.Repair{
		Position: model.Position{Line: l.Line}, Kind: KindWidth,
		Before: strings.Join(before, sep), After: strings.Join(now, sep),
		Message: fmt.Sprintf("此行共%d处", len(spots)),
	}
}

func hasASCIIMark(s string) bool { return strings.ContainsAny(s, ",:;?!()") }

// spot is one change with a character of context on either side.
type spot struct{ before, after string }

// Text widens the punctuation of one line and lists the changes.
func Text(s string) (string, []spot) {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	change := widenings(rs)
	var spots []spot
	for i, r := range rs {
		switch w := change[i]; w {
		case unchanged:
			out = append(out, r)
		case 0: // a space beside a widened mark
		default:
			out = append(out, w)
		}
	}
	for i := 0; i < len(rs); i++ {
		if w := change[i]; w != unchanged && w != 0 {
			spots = append(spots, spotAt(rs, i, change))
		}
	}
	return string(out), spots
}

// unchanged marks a rune that widenings leaves as it is.
const unchanged = -1

// widenings gives the index of every rune its new form: unchanged, 0 to
// drop a space, or the wide mark. Brackets are widened first, so that a
// mark beside a bracket widened (…的);) has Chinese beside it.
func widenings(rs []rune) []rune {
	change := make([]rune, len(rs))
	for i := range change {
		change[i] = unchanged
	}
	for _, pr := range pairs(rs) {
		open, close := pr[0], pr[1]
		p, n := prevRune(rs, open), nextRune(rs, close)
		if !holdsHan(rs[open+1:close]) || !(p < 0 || chinese(rs[p]) || n < 0 || chinese(rs[n])) {
			continue
		}
		change[open], change[close] = '（', '）'
	}
	now := func(k int) rune {
		if w := change[k]; w != unchanged {
			return w
		}
		return rs[k]
	}
	for i, r := range rs {
		w, ok := wide[r]
		if !ok {
			continue
		}
		p, n := prevRune(rs, i), nextRune(rs, i)
		if p < 0 {
			continue
		}
		if o := markOwner(rs, p, n < 0); (o >= 0 && chinese(now(o))) || (n >= 0 && chinese(now(n))) {
			change[i] = w
			for k := p + 1; k < n; k++ {
				if k != i {
					change[k] = 0
				}
			}
		}
	}
	return change
}

// markOwner is the index of the rune whose writing a mark right after
// rs[p] belongs to: rs[p] itself, or, when rs[p] closes a quotation, the
// last rune inside it (…“串供”: is Chinese, …“yes”: English); at the end of
// a line also the rune before a number that ends there (收入的20%; is
// Chinese, as a lead-in or an item printed so ends). It is -1 when nothing
// comes before.
func markOwner(rs []rune, p int, lineEnd bool) int {
	for p >= 0 && (strings.ContainsRune(closingQuotes, rs[p]) || lineEnd && numberRune(rs[p])) {
		p--
	}
	return p
}

// closingQuotes are the marks that close a quotation, in either width.
const closingQuotes = "”’」』\"'"

// numberRune reports whether r may end a number a line closes with: a
// digit of either width, a decimal point, a fraction's stroke or a percent
// sign.
func numberRune(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune(".．/%％", r)
}

// pairs lists the matched ASCII round brackets of rs, innermost first.
func pairs(rs []rune) [][2]int {
	var stack []int
	var out [][2]int
	for i, r := range rs {
		switch r {
		case '(':
			stack = append(stack, i)
		case ')':
			if len(stack) > 0 {
				out = append(out, [2]int{stack[len(stack)-1], i})
				stack = stack[:len(stack)-1]
			}
		}
	}
	return out
}

// spotAt is the change at i with its neighbours as they were and are.
func spotAt(rs []rune, i int, change []rune) spot {
	from, to := max(0, i-1), min(len(rs), i+2)
	var b, a strings.Builder
	for k := from; k < to; k++ {
		b.WriteRune(rs[k])
		if w := change[k]; w == unchanged {
			a.WriteRune(rs[k])
		} else if w != 0 {
			a.WriteRune(w)
		}
	}
	return spot{before: b.String(), after: a.String()}
}

// prevRune is the index of the last non-space rune before i, or -1.
func prevRune(rs []rune, i int) int {
	for k := i - 1; k >= 0; k-- {
		if rs[k] != ' ' {
			return k
		}
	}
	return -1
}

// nextRune is the index of the first non-space rune after i, or -1.
func nextRune(rs []rune, i int) int {
	for k := i + 1; k < len(rs); k++ {
		if rs[k] != ' ' {
			return k
		}
	}
	return -1
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// chinese reports whether r is Chinese writing a mark beside it belongs
// to: a Han character, or a mark only Chinese text prints, from the CJK
// block (、。《》【】〔〕) or full width (，；：（）). Quotes “” are not: English
// prints them too; nor are the full-width digits and letters (１２, ＡＢ),
// which stand for the Latin ones.
func chinese(r rune) bool {
	return isHan(r) || (r >= '\u3001' && r <= '\u303f') || fullWidthMark(r)
}

// fullWidthMark reports whether r is a mark of the full-width block
// (，；：（）), not one of its digits or letters.
func fullWidthMark(r rune) bool {
	return r >= '\uff01' && r <= '\uff60' && !unicode.IsDigit(r) && !unicode.IsLetter(r)
}

func holdsHan(rs []rune) bool {
	for _, r := range rs {
		if isHan(r) {
			return true
		}
	}
	return false
}
