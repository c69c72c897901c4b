package regulation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Repair kinds this package records.
const (
	RepairJoin      = "join"           // a 款 continued after a break
	RepairDuplicate = "duplicate-char" // a character printed on both sides of a break
	RepairBracket   = "bracket"        // a lost bracket restored
	SuspectBracket  = "unbalanced-bracket"
)

// repairContext is how many runes of context a repair record shows.
const repairContext = 6

// midSentenceEnd are the characters after which a sentence clearly goes
// on: a line ending in one was cut, not finished.
const midSentenceEnd = "，,、（(“《〔［[—"

// minWrapped is the length from which a line without punctuation ending in
// a Han character reads as cut by layout rather than as a short title
// (…的认定, 海藻类) that the next paragraph follows.
const minWrapped = 25

// continues reports whether next carries on the text prev stopped in the
// middle of: prev ends with a Han character, a letter, a digit or a mark
// that opens or joins, and next is no label of its own. A short prev with
// no punctuation is a title, not a cut sentence, unless it is the text
// after an article's label. A formula (应纳税额＝销售额×税率) is
// complete without a full stop.
func continues(prev string, afterLabel bool, next line) bool {
	r, _ := utf8.DecodeLastRuneInString(prev)
	if r == utf8.RuneError || next.para.Heading > 0 || endsInFormula(prev) {
		return false
	}
	if !afterLabel && isTitleLike(prev) {
		return false
	}
	if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(midSentenceEnd, r) {
		return false
	}
	if _, ok := label.ReadItem(next.text); ok {
		return false
	}
	if _, ok := unnumberedDivision(next.text); ok || isStructural(next.text) || isAppendixStart(next.text) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next.text)
	return first != '“' && first != '"'
}

// endsInFormula reports whether the last clause of s (after its last
// clause mark) is an equation: 应纳税额＝销售额×比例税率.
func endsInFormula(s string) bool {
	_, last, _ := cutLast(s, clauseMarks)
	return strings.ContainsAny(last, "＝=")
}

// cutLast cuts s after the last of marks: the text up to and including
// it, and what follows. found is false (and after all of s) when s holds
// none.
func cutLast(s, marks string) (before, after string, found bool) {
	i := strings.LastIndexAny(s, marks)
	if i < 0 {
		return "", s, false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i+size], s[i+size:], true
}

// minColumn is the shortest column width a layout cuts lines at.
const minColumn = 15

// cutAtWidth returns the lines cut at a column width shorter than
// minWrapped: lines that stop in the middle of a sentence (a Han character
// last, no punctuation) before a line that opens nothing, and that have
// the same length as another such line of the document. A short title is
// as short, but two of the same length that the text runs on from are a
// column (发展改革主管部门负责制定和调整实行政府指导价 / 的物业服务收费标准，…；
// 卫生健康主管部门负责物业服务区域内传染病防治 / 工作，…；).
func cutAtWidth(lines []line) map[int]bool {
	byWidth := map[int][]int{}
	for i := 0; i+1 < len(lines); i++ {
		s := lines[i].text
		if len(s) >= utf8.UTFMax*minWrapped {
			continue // minWrapped characters at least: not counted
		}
		n := utf8.RuneCountInString(s)
		if n < minColumn || n >= minWrapped || !isTitleLike(s) || strings.Contains(s, " ") || lines[i].para.Heading > 0 || lines[i].para.Row != "" {
			continue
		}
		if _, ok := label.ReadItem(s); ok || isStructural(s) {
			continue
		}
		if continues(s, true, lines[i+1]) && !isTitleLike(lines[i+1].text) {
			byWidth[n] = append(byWidth[n], i)
		}
	}
	cut := map[int]bool{}
	for _, is := range byWidth {
		if len(is) < 2 {
			continue
		}
		for _, i := range is {
			cut[i] = true
		}
	}
	return cut
}

// cutBefore reports whether the line before line i was cut at the
// document's column width and is the end of the text it would join.
func (b *builder) cutBefore(i int) bool {
	return i > 0 && b.cut[i-1] && strings.HasSuffix(b.last.Text, b.lines[i-1].text)
}

// join appends a line to the paragraph it continues, dropping a character
// doubled across the break when the document decides it, and records the
// repairs.
func (b *builder) join(l line) {
	prev := b.last.Text
	next := l.text
	before := tail(prev) + "\n" + head(next)
	if dup, ok := b.doubled(prev, next); ok {
		next = next[len(dup):]
		b.reg.Repairs = append(b.reg.Repairs, model.Repair{
			Position: l.para.Position, Kind: RepairDuplicate,
			Before: before, After: tail(prev) + head(next),
			Message: "「" + dup + "」在换行两侧重复印出，删去一个",
		})
	}
	b.last.Text = prev + next
	b.reg.Repairs = append(b.reg.Repairs, model.Repair{
		Position: l.para.Position, Kind: RepairJoin,
		Before: before, After: tail(prev) + head(next),
		Message: "此行接续上一行的句子，已接上",
	})
}

// doubled reports the character printed at the end of prev and again at
// the start of next when the rule decides it is one character: the
// document never doubles it elsewhere and spells the phrase around the
// break elsewhere with it once (全面从严治 / 治党 where 严治党 recurs).
func (p *parser) doubled(prev, next string) (string, bool) {
	x, size := utf8.DecodeLastRuneInString(prev)
	y, _ := utf8.DecodeRuneInString(next)
	if x != y || !unicode.Is(unicode.Han, x) {
		return "", false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-size])
	after, _ := utf8.DecodeRuneInString(next[size:])
	if before == utf8.RuneError || after == utf8.RuneError {
		return "", false
	}
	xs := string(x)
	if strings.Contains(p.text, xs+xs) {
		return "", false
	}
	return xs, strings.Contains(p.text, string(before)+xs+string(after))
}

// head and tail give a few runes of context around a break.
func head(s string) string {
	rs := []rune(s)
	if len(rs) > repairContext {
		rs = rs[:repairContext]
	}
	return string(rs)
}

func tail(s string) string {
	rs := []rune(s)
	if len(rs) > repairContext {
		rs = rs[len(rs)-repairContext:]
	}
	return string(rs)
}
