package label

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ArticleStart is a 第X条 label that opens a line.
type ArticleStart struct {
	N, Suffix int
	// Rest is the text after the label and its separator.
	Rest string
	// Separated is true when a space, U+3000 or the line end sets the label
	// apart; false when text follows it directly (第二条本条例的任务).
	Separated bool
}

// ArticleLine reads a 第X条 label at the start of a line, when the line
// can open an article with it: not when the words after it go on as a
// reference does (第六十六条第一款规定了…, 第三十一条的决定…,
// 第五条前款规定的情形, 第五条修改为：, 第五条～第七条; see CitesOn).
func ArticleLine(s string) (ArticleStart, bool) {
	l, rest, separated, ok := lineLabel(s)
	if !ok || l.Unit != Article {
		return ArticleStart{}, false
	}
	return ArticleStart{N: l.N, Suffix: l.Suffix, Rest: rest, Separated: separated}, true
}

// PartLine reads a 第X编, 第X分编, 第X章 or 第X节 label at the start of a
// line, under the same test as ArticleLine, and returns the label and the
// text after it (the title, when the line is a heading). Whether that text
// can be a title is the reader's question.
func PartLine(s string) (Numbered, string, bool) {
	l, rest, _, ok := lineLabel(s)
	if !ok || !l.Unit.Division() {
		return Numbered{}, "", false
	}
	return l, rest, true
}

// lineLabel reads a numbered label at the start of s that does not cite.
func lineLabel(s string) (l Numbered, rest string, separated, ok bool) {
	l, ok = Read(s)
	if !ok {
		return Numbered{}, "", false, false
	}
	after := s[l.End:]
	rest = TrimSpace(after)
	separated = after == "" || IsSpace(firstRune(after))
	if CitesOn(rest, separated) {
		return Numbered{}, "", false, false
	}
	return l, rest, separated, true
}

// runOn are the words that, right after a label, make it a reference or a
// phrase about one: 第五条的, 第五条第二款, 第五条、第六条, 第五条规定,
// 第五条修改为, 第五条之规定, 第五条以外, 第五条（一）. The joins of
// enumerations and ranges (JoinsOf) and 前款, 前条 (PreviousAt) count too.
var runOn = []string{
	"的", "第", "，", ",", "。", "所", "规定", "中规定", "中的", "中所", "款", "项", "》", "《", "”", "\"",
	"修改", "增加", "删除", "之", "以下", "以上", "以外", "以内", "以前", "以后", "后", "并", "也", "已", "均",
	"（", "(", "）", ")",
}

// CitesOn reports whether rest, the text after a label at the start of a
// line, shows that the label cites a unit instead of opening one. Run on
// (separated false), any word of runOn, a join (第五条、第六条, 第五条和,
// 第五条至第七条, 第五条～第七条) or 前款, 前条 does; set apart by a space,
// a comma, 至 or a 第X款 or 第X项 does (第五条 、第六条, 第六十六条 第一款规定了).
func CitesOn(rest string, separated bool) bool {
	if rest == "" {
		return false
	}
	if separated {
		for _, p := range []string{"、", "，", ",", "至", "～", "~"} {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		l, ok := Read(rest)
		return ok && (l.Unit == Paragraph || l.Unit == Item)
	}
	for _, p := range runOn {
		if HasWord(rest, p) {
			return true
		}
	}
	if startsJoin(rest) {
		return true
	}
	_, ok := PreviousAt(rest, 0)
	return ok
}

var openerRE = regexp.MustCompile(`^(附\s*件|附\s*则|附\s*录|目\s*录|序\s*言|总\s*纲)(\s|$|[:：一二三四五六七八九十\d])`)

// openerFirsts are the first characters of the words of openerRE.
const openerFirsts = "附目序总"

// OpenerLine reports whether s starts with a word that opens a part of a
// document: 附件, 附则, 附录, 目录, 序言, 总纲 (or 附則, 目錄, 總綱). A line
// that does not start with the first character of one is not folded.
func OpenerLine(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(openerFirsts, Simplify(r)) && openerRE.MatchString(Fold(s))
}

// Structural reports whether s starts with any label a line can open with:
// an article, a division, an item or an opener.
func Structural(s string) bool {
	if l, _, _, ok := lineLabel(s); ok && (l.Unit == Article || l.Unit.Division()) {
		return true // ArticleLine or PartLine, read once
	}
	return ItemLine(s) || OpenerLine(s)
}
