package label

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/numeral"
)

// ItemKind is the form of an item label, from the outermost: 一、 opens a
// section of a document without 条; （一） is a 项 or a second-level
// section; 1. and （1） are 目; ① is a 目 below them or a note.
type ItemKind int

// The item kinds, from the outermost.
const (
	HanItem        ItemKind = iota + 1 // 一、 一． (also 一. 一，)
	HanParenItem                       // （一） (一) 〔一〕
	DigitItem                          // 1. 1、 1．
	DigitParenItem                     // （1） (1)
	CircledItem                        // ① to ⑳
)

// Pointed reports the kinds printed as a numeral and a mark after it (一、,
// 1.), without brackets: the labels of a document's sections.
func (k ItemKind) Pointed() bool { return k == HanItem || k == DigitItem }

// ItemLabel is an item label at the start of a line.
type ItemLabel struct {
	Kind ItemKind
	N    int
	// Label is the label in one form for each kind: 一、, （一）, 1. or 1、,
	// （1）, ①. 十． prints as 十、 and 1． as 1., as the lists around them do.
	Label string
	// Rest is the text after the label, spaces trimmed.
	Rest string
}

// itemHanDigits are the Chinese numerals an item label counts with (no
// 两, 千 or 万: 两、三天, 万、千 are text).
const itemHanDigits = "一二三四五六七八九十百零〇"

// ReadItem reads an item label at the start of s: （一）, (1), 一、, 1.,
// 1、, 1．, ①, and the one-character ⒈ and ⑴ (read as 1. and （1）). Ordinary text that only starts like one is refused: a
// decimal or an outline number (1.5倍, 5.1 颅脑; a full-width 1．1—苯基 is
// item 1, as lists print it), a year (2020年), a bracketed word (以下简称…).
func ReadItem(s string) (ItemLabel, bool) {
	if it, ok := bracketItem(s); ok {
		return it, true
	}
	if it, ok := pointItem(s); ok {
		return it, true
	}
	r, size := utf8.DecodeRuneInString(s)
	rest := TrimSpace(s[size:])
	switch {
	case r >= '①' && r <= '⑳':
		return ItemLabel{Kind: CircledItem, N: int(r-'①') + 1, Label: string(r), Rest: rest}, true
	case r >= '⒈' && r <= '⒛': // one character for 1. to 20.
		n := int(r-'⒈') + 1
		return ItemLabel{Kind: DigitItem, N: n, Label: strconv.Itoa(n) + ".", Rest: rest}, true
	case r >= '⑴' && r <= '⒇': // one character for (1) to (20)
		n := int(r-'⑴') + 1
		return ItemLabel{Kind: DigitParenItem, N: n, Label: "（" + strconv.Itoa(n) + "）", Rest: rest}, true
	}
	return ItemLabel{}, false
}

// ReadSpacedItem reads a label some lists print as digits and a space,
// with no mark after them (1　物证：…), as the 目 1. it stands for. Alone
// it is no label (2 个月内): a caller takes it only where a list of such
// lines counts on.
func ReadSpacedItem(s string) (ItemLabel, bool) {
	text, n, digits, rest := itemNumeral(s)
	if !digits || !IsSpace(firstRune(rest)) {
		return ItemLabel{}, false
	}
	after := trimLeft(rest)
	if after == "" || startsASCIIDigit(after) {
		return ItemLabel{}, false
	}
	return ItemLabel{Kind: DigitItem, N: n, Label: text + ".", Rest: after}, true
}

// ItemLine reports whether s starts with an item label (ReadItem).
func ItemLine(s string) bool {
	_, ok := ReadItem(s)
	return ok
}

// bracketItem reads （一）, (一), 〔一〕, （1） and (1).
func bracketItem(s string) (ItemLabel, bool) {
	open, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("（(〔", open) {
		return ItemLabel{}, false
	}
	text, n, digits, rest := itemNumeral(trimLeft(s[size:]))
	rest = trimLeft(rest)
	end, size := utf8.DecodeRuneInString(rest)
	if text == "" || !strings.ContainsRune("）)〕", end) {
		return ItemLabel{}, false
	}
	rest = TrimSpace(rest[size:])
	if digits {
		return ItemLabel{Kind: DigitParenItem, N: n, Label: "（" + strconv.Itoa(n) + "）", Rest: rest}, true
	}
	return ItemLabel{Kind: HanParenItem, N: n, Label: "（" + text + "）", Rest: rest}, true
}

// pointItem reads a numeral and the mark after it: 一、, 1、, 1., 1．; a
// Han numeral also takes a dot or a comma (十．, 十，) as OCR and some
// lists print 、. A half-width dot before a digit is a decimal point or an
// outline number (1.5, 5.1.1), not a mark.
func pointItem(s string) (ItemLabel, bool) {
	text, n, digits, rest := itemNumeral(s)
	if text == "" {
		return ItemLabel{}, false
	}
	rest = trimLeft(rest)
	mark, size := utf8.DecodeRuneInString(rest)
	after := rest[size:]
	switch {
	case mark == '、' || mark == '．':
	case mark == '.' && !startsASCIIDigit(after):
	case (mark == '，' || mark == ',') && !digits:
	default:
		return ItemLabel{}, false
	}
	it := ItemLabel{Kind: HanItem, N: n, Label: text + "、", Rest: TrimSpace(after)}
	if digits {
		it.Kind, it.Label = DigitItem, text+"."
		if mark == '、' {
			it.Label = text + "、"
		}
	}
	return it, true
}

// itemNumeral reads the numeral of an item label at the start of s: one
// to three ASCII digits, or Chinese numerals of itemHanDigits. It returns
// "" when s starts with neither or the numeral is not above zero.
func itemNumeral(s string) (text string, n int, digits bool, rest string) {
	end := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(s)
	}
	digits = end > 0
	if !digits {
		end = strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune(itemHanDigits, r) })
		if end < 0 {
			end = len(s)
		}
	}
	text = s[:end]
	if text == "" || digits && len(text) > 3 || utf8.RuneCountInString(text) > MaxNumeralRunes {
		return "", 0, false, s
	}
	n, ok := numeral.Parse(text)
	if !ok || n <= 0 {
		return "", 0, false, s
	}
	return text, n, digits, s[end:]
}

func startsASCIIDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
