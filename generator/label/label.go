// Package label holds the grammar of the labels of regulations and of the
// references to them, written once for every stage that reads them:
//
//   - numbered units: 第X编, 第X分编, 第X章, 第X节, 第X条 (之Y), 第X款,
//     第X项 or 第（X）项, 第X目, with Chinese, Arabic or full-width
//     numerals (numeral reads them);
//   - chains and relative units inside a text: 第五条第二款第（三）项,
//     前款, 前两款, 前款第一项, 本条, 本条第二款;
//   - the words that join references into an enumeration (第五条、第六条)
//     or a range (第五条至第七条, 第五条～第七条);
//   - what a line starts with: a 第X条 that opens an article, a 第X章 that
//     opens a division, an item label (（一）, 一、, 1., （1）, ①: ReadItem),
//     a word such as 附则;
//   - the printed form of a label, written once (Text, ArticleText).
//
// A line that starts an article and a reference inside a text are
// different questions, answered here by different functions, but the
// label both read is the one Read reads: 第五条 means the same number in
// ingest, regulation and link. Whether 第五条 at the start of a line opens
// an article or cites one ("第五条前款规定的情形", "第五条修改为：",
// "第五条～第七条") is decided by ArticleLine for every stage.
package label

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/numeral"
)

// Unit is what a numbered label counts.
type Unit int

// The units, from the outermost.
const (
	Book      Unit = iota + 1 // 编
	SubBook                   // 分编
	Chapter                   // 章
	Section                   // 节
	Article                   // 条
	Paragraph                 // 款
	Item                      // 项
	Subitem                   // 目
)

var unitWords = [...]string{Book: "编", SubBook: "分编", Chapter: "章", Section: "节", Article: "条", Paragraph: "款", Item: "项", Subitem: "目"}

// String is the word of the unit as printed: 条 for Article.
func (u Unit) String() string {
	if u < Book || u > Subitem {
		return ""
	}
	return unitWords[u]
}

// UnitNamed is the unit whose word is w (章 gives Chapter); ok is false
// for any other word. Units compare by depth: the outermost is the least.
func UnitNamed(w string) (u Unit, ok bool) {
	for i, s := range unitWords {
		if s == w && s != "" {
			return Unit(i), true
		}
	}
	return 0, false
}

// Division reports whether u is a level of the outline above articles:
// 编, 分编, 章 or 节.
func (u Unit) Division() bool { return u >= Book && u <= Section }

// Numbered is a label 第<numeral><unit> as printed.
type Numbered struct {
	Unit   Unit
	N      int
	Suffix int // 之一 after 条: 1; 0 when none
	// Numeral is the numeral as printed, a dash read as 一 (第三十－条).
	Numeral string
	// End is the length in bytes of the label in the text it was read from.
	End int
}

// MaxNumeralRunes bounds the numeral of a label: 第一千二百六十条 has six.
const MaxNumeralRunes = 10

// Read reads a numbered label at the start of s: 第五条, 第五条之一,
// 第 十五 条, 第三十－条 (a dash printed for 一), 第103条, 第（三）项,
// 第（一）、（二）项 (which names the first), 第二章, 第一分编. It refuses
// words that only start like one (第一条件, 第三项目, 第二款式).
func Read(s string) (Numbered, bool) {
	rest, ok := strings.CutPrefix(s, "第")
	if !ok {
		return Numbered{}, false
	}
	rest = trimLeft(rest)
	bracket := IsOpen(firstRune(rest))
	if bracket {
		rest = rest[utf8.RuneLen(firstRune(rest)):]
	}
	text, n, rest, ok := leadingNumeral(rest)
	if !ok || n <= 0 {
		return Numbered{}, false
	}
	if bracket {
		if !IsClose(firstRune(rest)) {
			return Numbered{}, false
		}
		rest = bracketList(rest[utf8.RuneLen(firstRune(rest)):])
	}
	unit, rest := unitAt(trimLeft(rest), bracket)
	if unit == 0 {
		return Numbered{}, false
	}
	l := Numbered{Unit: unit, N: n, Numeral: text}
	if unit == Article {
		if after, ok := strings.CutPrefix(rest, "之"); ok {
			if _, m, r, ok := leadingNumeral(after); ok && m > 0 {
				l.Suffix, rest = m, r
			}
		}
	}
	l.End = len(s) - len(rest)
	return l, true
}

// Names reports whether a 第X条 or a division label (第X编, 第X章, 第X节)
// stands anywhere in s.
func Names(s string) bool {
	for i := strings.Index(s, "第"); i >= 0; {
		if l, ok := Read(s[i:]); ok && (l.Unit == Article || l.Unit.Division()) {
			return true
		}
		next := strings.Index(s[i+len("第"):], "第")
		if next < 0 {
			return false
		}
		i += len("第") + next
	}
	return false
}

// leadingNumeral reads the longest numeral at the start of s: Chinese
// numerals, ASCII or full-width digits, and a dash (U+FF0D or U+2014)
// standing for 一 inside a numeral, as OCR prints it. It returns the
// numeral as read, its value and the text after it.
func leadingNumeral(s string) (text string, n int, rest string, ok bool) {
	end, count, dash := 0, 0, false
	for i, r := range s {
		if count == MaxNumeralRunes {
			break
		}
		switch {
		case isDigit(r):
		case (r == '－' || r == '—') && end > 0:
			dash = true
		default:
			return finishNumeral(s[:end], s[end:], dash)
		}
		end = i + utf8.RuneLen(r)
		count++
	}
	return finishNumeral(s[:end], s[end:], dash)
}

func finishNumeral(text, rest string, dash bool) (string, int, string, bool) {
	if text == "" {
		return "", 0, rest, false
	}
	if dash {
		text = strings.Map(func(r rune) rune {
			if r == '－' || r == '—' {
				return '一'
			}
			return r
		}, text)
	}
	n, ok := numeral.Parse(text)
	return text, n, rest, ok
}

// isDigit reports whether r can be part of a numeral of a label.
func isDigit(r rune) bool {
	return numeral.IsDigit(r) || r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// unitAt reads the unit word at the start of s, in simplified or
// traditional characters (条 or 條, 节 or 節, 项 or 項). After a bracketed numeral
// only 项 and 目 can follow (第（三）项). Words that start with a unit are
// not one: 条件, 款式, 款项, 项目, 目标, 目录.
func unitAt(s string, bracket bool) (Unit, string) {
	if HasWord(s, "分编") && !bracket {
		return SubBook, s[len("分编"):]
	}
	u, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	u, next := Simplify(u), Simplify(firstRune(rest))
	switch {
	case bracket && u != '项' && u != '目':
		return 0, s
	case u == '条' && !strings.ContainsRune("件幅鱼路线船腿心", next):
		return Article, rest
	case u == '款' && !strings.ContainsRune("式项", next):
		return Paragraph, rest
	case u == '项' && next != '目':
		return Item, rest
	case u == '目' && next != '标' && next != '录':
		return Subitem, rest
	case u == '编':
		return Book, rest
	case u == '章':
		return Chapter, rest
	case u == '节':
		return Section, rest
	}
	return 0, s
}

// bracketList skips the further numerals of 第（一）、（二）项 after the
// first: the reference names the first.
func bracketList(s string) string {
	for {
		after, ok := strings.CutPrefix(s, "、")
		if !ok || !IsOpen(firstRune(after)) {
			return s
		}
		after = after[utf8.RuneLen(firstRune(after)):]
		_, _, rest, ok := leadingNumeral(after)
		if !ok || !IsClose(firstRune(rest)) {
			return s
		}
		s = rest[utf8.RuneLen(firstRune(rest)):]
	}
}

// IsSpace reports the spaces printed between a label and its text, and
// inside a label (第十五 条).
func IsSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// TrimSpace trims the spaces IsSpace reports from both ends of s.
func TrimSpace(s string) string { return strings.TrimFunc(s, IsSpace) }

func trimLeft(s string) string { return strings.TrimLeftFunc(s, IsSpace) }

// IsOpen reports an opening bracket: the numeral of 第（三）项 may stand in
// one, and text around labels is bracketed with the same marks.
func IsOpen(r rune) bool {
	switch r {
	case '（', '(', '〔', '[', '［', '【':
		return true
	}
	return false
}

// IsClose reports a closing bracket, the pair of one IsOpen reports.
func IsClose(r rune) bool {
	switch r {
	case '）', ')', '〕', ']', '］', '】':
		return true
	}
	return false
}

// firstRune and lastRune return utf8.RuneError for an empty string.
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// Text writes the label of unit u numbered n in the form citations print
// it: 第二章, 第五条, 第二款, 第（三）项, and 第1目 (目 are counted in Arabic
// digits, as their labels 1. 2. are). Read reads it back.
func Text(u Unit, n int) string {
	switch u {
	case Item:
		return "第（" + numeral.Format(n) + "）项"
	case Subitem:
		return "第" + strconv.Itoa(n) + "目"
	}
	return "第" + numeral.Format(n) + u.String()
}

// ArticleText writes the label of article n (之suffix when suffix > 0) in
// the form regulations print: 第五条, 第一百零三条之一.
func ArticleText(n, suffix int) string { return Text(Article, n) + suffixText(suffix) }

// ArticleDigits writes the label of article n with Arabic digits, as some
// texts and many queries print it: 第5条, 第103条之一.
func ArticleDigits(n, suffix int) string { return "第" + strconv.Itoa(n) + "条" + suffixText(suffix) }

func suffixText(suffix int) string {
	if suffix <= 0 {
		return ""
	}
	return "之" + numeral.Format(suffix)
}
