package regulation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/label"
)

// division is a 编, 分编, 章 or 节 line.
type division struct {
	level  string // 编, 分编, 章, 节
	number int    // 0 when unnumbered
	label  string // 第一章
	title  string // 总则
}

// levelRank is the depth of a division level from the outermost, in the
// order package label gives its units (编 0, 分编 1, 章 2, 节 3); a word that
// names no division ranks 0, with 编.
func levelRank(level string) int {
	if u, ok := label.UnitNamed(level); ok && u.Division() {
		return int(u - label.Book)
	}
	return 0
}

// divisionLevels is how many division levels there are: 编, 分编, 章, 节.
const divisionLevels = int(label.Section-label.Book) + 1

// parseDivision reads 第一编 总则, 第一章总则, 第二节 一般规定 and the like.
func parseDivision(s string) (division, bool) {
	l, ok := label.Read(s)
	if !ok || !l.Unit.Division() {
		return division{}, false
	}
	rest := s[l.End:]
	title := normaliseTitle(rest)
	if label.Names(title) {
		return division{}, false
	}
	if !isTitle(title) && !(standsApart(rest) && isSpacedTitle(title)) {
		short := strings.TrimSuffix(title, "。")
		if !standsApart(rest) || short == title || utf8.RuneCountInString(short) > 15 || !isSpacedTitle(short) {
			return division{}, false
		}
		title = short // a stray full stop after a short title: 第五节 生活、卫生。
	}
	return division{level: l.Unit.String(), number: l.N, label: "第" + l.Numeral + l.Unit.String(), title: title}, true
}

// maxTitle is the length, in characters, of the longest title of a
// division.
const maxTitle = 40

// stopMarks end a sentence or a clause, or lead into what follows: a line
// holding one is no title, whatever commas it lists.
const stopMarks = "。；;：:"

// clauseMarks make a line a sentence, or a clause of one, rather than a
// title (a title may ask a question). Every test of a short line without
// punctuation uses them.
const clauseMarks = stopMarks + "，,"

// questionMarks end a question or an exclamation.
const questionMarks = "？?！!"

// headingMarks are the marks no heading without a label holds besides
// clauseMarks: a list comma, a question or an exclamation.
const headingMarks = "、" + questionMarks

// isTitleLike reports whether a line could stand alone as a title or a
// heading without a label: shorter than a line cut by layout (minWrapped),
// with no clause mark and no list comma. The rest of a cut sentence ends
// it; a title of a division after its label is isTitle.
func isTitleLike(s string) bool {
	return utf8.RuneCountInString(s) < minWrapped && !strings.ContainsAny(s, clauseMarks+headingMarks)
}

// isTitle reports whether s can be the title of a division: short, with no
// sentence in it.
func isTitle(s string) bool {
	if utf8.RuneCountInString(s) > maxTitle || strings.ContainsAny(s, clauseMarks) {
		return false
	}
	for _, p := range []string{"的", "、", "规定", "所", "中", "和", "至", "》", "”"} {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	_, cites := label.Read(s) // 第二章第三节 cites, 第一审普通程序 is a title
	return !cites
}

// standsApart reports whether the text after a label starts with a space:
// the label stands apart from a title (第二十六章 中介合同), where a
// citation runs on (第二章中规定的).
func standsApart(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return isSpace(r)
}

// isSpacedTitle reports whether s can be a title set apart from its label
// by a space. It may start with a character a citation goes on with (中介
// 合同, 和解, 所有权) and list with commas (主席团，主席、副主席), but holds
// no sentence and starts no reference.
func isSpacedTitle(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 60 || strings.ContainsAny(s, stopMarks) || label.CitesOn(s, true) {
		return false
	}
	for _, p := range []string{"的", "、", "，", ",", "规定", "》", "”"} {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	_, numbered := label.Read(s)
	return !numbered && !label.Names(s)
}

// normaliseTitle trims a title and removes spaces between Han characters:
// 总 则 and 总　　则 become 总则.
func normaliseTitle(s string) string {
	s = trimSpace(s)
	if !strings.ContainsFunc(s, isSpace) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if isSpace(rs[i]) {
			j := i
			for j < len(rs) && isSpace(rs[j]) {
				j++
			}
			if i > 0 && j < len(rs) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[j]) {
				i = j - 1
				continue
			}
			b.WriteRune(' ')
			i = j - 1
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// isSpace and trimSpace are the spaces printed between a label and its
// text, as the label grammar has them.
func isSpace(r rune) bool { return label.IsSpace(r) }

func trimSpace(s string) string { return label.TrimSpace(s) }
