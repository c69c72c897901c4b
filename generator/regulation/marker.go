package regulation

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/numeral"
)

// Marker kinds, from the outermost: 一、 opens a section of a document
// without 条; （一） is a 项 or a second-level section; 1. and （1） are 目.
const (
	markHan        = iota + 1 // 一、
	markHanParen              // （一） (一)
	markDigit                 // 1. 1、 1．
	markDigitParen            // （1） (1)
	markCircled               // ①
)

// marker is a list label at the start of a line.
type marker struct {
	kind   int
	number int
	label  string // normalised: （一）, 1., （1）, 一、
	rest   string
}

// parseMarker reads an item or section label at the start of s.
func parseMarker(s string) (marker, bool) {
	if m, ok := parseParenMarker(s); ok {
		return m, true
	}
	if m, ok := parseSuffixMarker(s); ok {
		return m, true
	}
	r, size := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⑳' {
		return marker{kind: markCircled, number: int(r-'①') + 1, label: string(r), rest: trimSpace(s[size:])}, true
	}
	return marker{}, false
}

// parseParenMarker reads （一）, (一), （1） and (1).
func parseParenMarker(s string) (marker, bool) {
	var rest string
	var ok bool
	if rest, ok = strings.CutPrefix(s, "（"); !ok {
		if rest, ok = strings.CutPrefix(s, "("); !ok {
			return marker{}, false
		}
	}
	rest = trimSpace(rest)
	i := strings.IndexAny(rest, "）)")
	if i <= 0 || i > 3*label.MaxNumeralRunes {
		return marker{}, false
	}
	inner := trimSpace(rest[:i])
	after := rest[i+1:]
	if strings.HasPrefix(rest[i:], "）") {
		after = rest[i+len("）"):]
	}
	n, ok := numeral.Parse(inner)
	if !ok || n <= 0 || !isNumeralText(inner) {
		return marker{}, false
	}
	if isDigits(inner) {
		if len(inner) > 3 {
			return marker{}, false
		}
		return marker{kind: markDigitParen, number: n, label: "（" + strconv.Itoa(n) + "）", rest: trimSpace(after)}, true
	}
	return marker{kind: markHanParen, number: n, label: "（" + inner + "）", rest: trimSpace(after)}, true
}

// parseSuffixMarker reads 一、, 1. 1、 and 1．; a digit after the dot (1.5)
// or a unit (2020年) makes it ordinary text.
func parseSuffixMarker(s string) (marker, bool) {
	i := 0
	for i < len(s) && i < 12 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(r >= '0' && r <= '9') && !numeral.IsDigit(r) {
			break
		}
		i += size
	}
	if i == 0 {
		return marker{}, false
	}
	head, tail := s[:i], s[i:]
	n, ok := numeral.Parse(head)
	if !ok || n <= 0 {
		return marker{}, false
	}
	digits := isDigits(head)
	if digits && len(head) > 3 {
		return marker{}, false
	}
	switch {
	case strings.HasPrefix(tail, "、"):
		if digits {
			return marker{kind: markDigit, number: n, label: head + "、", rest: trimSpace(tail[len("、"):])}, true
		}
		return marker{kind: markHan, number: n, label: head + "、", rest: trimSpace(tail[len("、"):])}, true
	case digits && (strings.HasPrefix(tail, ".") || strings.HasPrefix(tail, "．")):
		_, size := utf8.DecodeRuneInString(tail)
		after := tail[size:]
		if r, _ := utf8.DecodeRuneInString(after); r >= '0' && r <= '9' {
			return marker{}, false
		}
		return marker{kind: markDigit, number: n, label: head + ".", rest: trimSpace(after)}, true
	}
	return marker{}, false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// isNumeralText reports whether s is all numeral characters, so that (以下
// 简称…) is not read as a marker.
func isNumeralText(s string) bool {
	for _, r := range s {
		if !numeral.IsDigit(r) && !(r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
