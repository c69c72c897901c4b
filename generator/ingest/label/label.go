// Package label recognises the labels printed at the start of a line of a
// regulation or a structured text: 第五条, 第三章, （一）, 一、, 1. and the
// words that open a part (附件, 附则, 目录, 序言).
//
// It only says what a line starts with; the regulation stage builds the
// structure. A label followed by words that make it a reference
// (第六十六条第一款规定…, 第三十一条的决定) is not a label.
package label

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/numeral"
)

const num = `[零〇一二两三四五六七八九十百千万\d]+`

var (
	articleRE = regexp.MustCompile(`^第\s*(` + num + `)\s*条(?:之([一二三四五六七八九十]+))?`)
	partRE    = regexp.MustCompile(`^第\s*(` + num + `)\s*(分编|编|章|节)`)
	itemRE    = regexp.MustCompile(`^[（(〔]\s*([一二三四五六七八九十百]+|\d{1,3})\s*[）)〕]`)
	sectionRE = regexp.MustCompile(`^([一二三四五六七八九十百]+)\s*[、，,．.]`)
	pointRE   = regexp.MustCompile(`^(\d{1,3})\s*(?:[、．]|\.(?:[^\d]|$))`)
	openerRE  = regexp.MustCompile(`^(附\s*件|附\s*则|附\s*录|目\s*录|序\s*言|总\s*纲)(\s|$|[:：一二三四五六七八九十\d])`)
)

// notAfterLabel are the runes that, right after 第X条 or 第X章, show the
// words are a reference or a phrase, not a label.
const notAfterLabel = "的第规中和至或及所与、，,。）)》”之款项前后以并也已未均同"

// Article reads a 第X条 label at the start of s: the article number, the
// 之X suffix (0 when none) and the text after the label.
func Article(s string) (n, suffix int, rest string, ok bool) {
	m := articleRE.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, 0, "", false
	}
	rest = s[m[1]:]
	if !freeAfter(rest) {
		return 0, 0, "", false
	}
	n, ok = numeral.Parse(s[m[2]:m[3]])
	if !ok || n == 0 {
		return 0, 0, "", false
	}
	if m[4] >= 0 {
		suffix, _ = numeral.Parse(s[m[4]:m[5]])
	}
	return n, suffix, strings.TrimSpace(rest), true
}

// Part reads a 第X编/分编/章/节 label: the level word, the number and the
// title after it.
func Part(s string) (level string, n int, title string, ok bool) {
	m := partRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", 0, "", false
	}
	rest := s[m[1]:]
	if !freeAfter(rest) {
		return "", 0, "", false
	}
	n, ok = numeral.Parse(s[m[2]:m[3]])
	if !ok {
		return "", 0, "", false
	}
	return s[m[4]:m[5]], n, strings.TrimSpace(rest), true
}

// freeAfter reports whether the text after a label lets it stand as one.
func freeAfter(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !strings.ContainsRune(notAfterLabel, r)
}

// Item reports whether s starts with an item label: （一）, (1), 一、 or 1.
func Item(s string) bool {
	return itemRE.MatchString(s) || sectionRE.MatchString(s) || pointRE.MatchString(s)
}

// Opener reports whether s starts with a word that opens a part of a
// document: 附件, 附则, 附录, 目录, 序言, 总纲.
func Opener(s string) bool { return openerRE.MatchString(s) }

// Structural reports whether s starts with any label of this package.
func Structural(s string) bool {
	if _, _, _, ok := Article(s); ok {
		return true
	}
	if _, _, _, ok := Part(s); ok {
		return true
	}
	return Item(s) || Opener(s)
}
