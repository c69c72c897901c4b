package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// findIncludes finds "X包括A和B" / "X包括A、B和C": A, B and C become terms
// defined there, as kinds of X, named in the rest of the document, or in
// the part its words limit X to (本条所称X包括…: the article). The caller
// keeps them only when X is a term already (Needs).
func findIncludes(s string) []found {
	var fs []found
	for off := 0; ; {
		j := strings.Index(s[off:], "包括")
		if j < 0 {
			return fs
		}
		at := off + j
		off = at + len("包括")
		fs = append(fs, includes(s, at)...)
	}
}

func includes(s string, at int) []found {
	head, end := sentence(s, at, at)
	subject := s[skipItemLabel(s, head):at]
	scope := scopeRest
	if i := strings.Index(subject, "所称"); i >= 0 {
		if part := partScope(subject[:i]); part != scopeDocument {
			scope = part // 本条所称X包括A和B: A and B are kinds of X in the article alone
		}
		subject = strings.TrimPrefix(subject[i+len("所称"):], "的")
	}
	subject = strings.TrimRight(strings.TrimSpace(subject), "，,")
	if runeCount(subject) < 2 || runeCount(subject) > 15 || strings.ContainsAny(subject, "，,：:、（(") {
		return nil
	}
	from := at + len("包括")
	list := strings.TrimRight(s[from:end], "。；;！？!?\n ")
	if strings.HasSuffix(list, "：") || strings.HasSuffix(list, ":") {
		return nil
	}
	list = strings.TrimSuffix(list, "等")
	names := splitIncluded(list)
	if len(names) < 2 {
		return nil
	}
	var fs []found
	for _, n := range names {
		i := strings.Index(s[from:], n)
		if i < 0 {
			return nil
		}
		start := from + i
		f := found{Start: start, End: start + len(n), SentStart: head, SentEnd: end, Needs: subject}
		f.Term = model.Term{
			Term: n, Kind: model.TermIntroduced, KindOf: subject, Scope: scope,
			Definition: strings.TrimRight(strings.TrimSpace(s[head:end]), "。；;！？!?\n"),
		}
		fs = append(fs, f)
		from = start + len(n)
	}
	return fs
}

// joiners join the last two names of a list.
var joiners = []string{"以及", "或者", "和", "及", "与"}

// splitIncluded splits "A、B和C" into plain names; nil when any part is
// not one (too long, 的, a comma).
func splitIncluded(list string) []string {
	if list == "" || strings.ContainsAny(list, "，,；;：:“”\"（）()《》") {
		return nil
	}
	parts := strings.Split(list, "、")
	last := parts[len(parts)-1]
	for _, j := range joiners {
		if i := strings.Index(last, j); i > 0 {
			parts = append(parts[:len(parts)-1], last[:i], last[i+len(j):])
			break
		}
	}
	var names []string
	for _, p := range parts {
		n := runeCount(p)
		if n < 2 || n > 10 || strings.Contains(p, "的") || !validTerm(p) {
			return nil
		}
		for _, g := range splitGroup(p) {
			if g = beforeCategory(g); runeCount(g) >= 2 && !vagueName(g) {
				names = append(names, g)
			}
		}
	}
	return names
}

// groupJoiner joins two groups of a list, each of members that 、
// separates (江河、湖泊、水库以及水渠、水塘): it splits the member it is in,
// wherever that member is, not only the last.
const groupJoiner = "以及"

// splitGroup splits a member p that groupJoiner joins to the next.
func splitGroup(p string) []string {
	if i := strings.Index(p, groupJoiner); i > 0 {
		return []string{p[:i], p[i+len(groupJoiner):]}
	}
	return []string{p}
}

// categoryMark ends a list with the category its members share (水塘等水
// 体, 展销等活动): the member is what comes before it.
const categoryMark = "等"

// rankBefore and rankAfter make categoryMark a character of a word (中等,
// 高等, 平等, 等级, 等于) rather than the mark.
const (
	rankBefore = "中高初平同对均相特劣优次上下超何"
	rankAfter  = "级于同待候额效量比价次第"
)

// beforeCategory is member p without the categoryMark and the category
// after it: two characters at least on either side of the mark, which is
// no character of a word.
func beforeCategory(p string) string {
	i := strings.Index(p, categoryMark)
	if i < 0 {
		return p
	}
	name, category := p[:i], p[i+len(categoryMark):]
	if runeCount(name) < 2 || runeCount(category) < 2 ||
		strings.ContainsRune(rankBefore, lastRune(name)) || strings.ContainsRune(rankAfter, firstRune(category)) {
		return p
	}
	return name
}

// vagueName reports a member that names no kind of its own: 其他绿地.
func vagueName(p string) bool {
	for _, w := range []string{"其他", "其它", "有关", "相关", "另外", "各类", "各种", "各项"} {
		if strings.HasPrefix(p, w) {
			return true
		}
	}
	return false
}

// findSameBelow finds 下同 glosses: 用户（包括居民用户、非居民用户，下同）
// makes 用户 a term for the rest of the document, meaning what the
// gloss says.
func findSameBelow(s string) []found {
	var fs []found
	for off := 0; ; {
		j := strings.Index(s[off:], "下同")
		if j < 0 {
			return fs
		}
		at := off + j
		off = at + len("下同")
		rest := strings.TrimLeft(s[off:], " 　")
		if rest == "" || !isClose(firstRune(rest)) {
			continue
		}
		if f, ok := sameBelow(s, at, len(s)-len(rest)); ok {
			fs = append(fs, f)
		}
	}
}

func sameBelow(s string, at, close int) (found, bool) {
	open := openOf(s, close)
	if open < 0 {
		return found{}, false
	}
	gloss := strings.TrimSpace(s[open+runeLen(s, open) : at])
	gloss = strings.TrimRight(gloss, "，,、 　")
	for _, k := range abbreviationKeys {
		if strings.HasPrefix(gloss, k.key) {
			return found{}, false // an abbreviation: findAbbreviations reads it
		}
	}
	before := s[:open]
	head := clauseStart(before, len(before))
	start, recurs := glossedTerm(before, head, gloss)
	if start < 0 || gloss == "" {
		return found{}, false
	}
	f := found{Start: start, End: open, Recurs: recurs, Extends: true}
	f.SentStart, f.SentEnd = sentence(s, open, close)
	f.Term = model.Term{Term: s[start:open], Kind: model.TermDefined, Definition: gloss, Scope: scopeRest}
	return f, true
}

// glossedTerm returns where the term glossed by a 下同 bracket starts in
// before (the clause ends at len(before)), -1 when no term of 2 to 12
// runes is found, and whether the term counts only where the document
// uses it again after the gloss.
//
// The phrase before the bracket runs from the last function word or
// punctuation (区域城镇体系规划 in 组织编制区域城镇体系规划). It is the term
// when the gloss repeats it (产品（包括已售出的产品）). A shorter ending
// that the gloss repeats is the term when the gloss explains rather than
// extends (办公厅(室)〔履行办公厅(室)职责的部门〕), or when a gloss that
// extends (含, 包括, 或者 …) repeats it as a whole phrase (销售产品（包括已
// 售出和未售出的产品）). Otherwise the repeated ending is only the head
// that the things the gloss adds share with the term (城市群规划 in
// 区域城镇体系规划（包括城市群规划）, 职工大会 in 职工代表大会（或者职工大会）),
// and the phrase is the term when the text after the gloss uses it again,
// as 下同 says it will: that also keeps out phrases that start with a
// verb (规定组织本单位).
func glossedTerm(before string, head int, gloss string) (int, bool) {
	if i := strings.LastIndex(before[head:], "下同"); i >= 0 {
		head += i + len("下同") // not across another gloss: 乡(含镇，下同)村
		if head < len(before) && isClose(firstRune(before[head:])) {
			head += runeLen(before, head)
		}
	}
	fg := foldString(gloss)
	phrase := phraseStart(before, head)
	if v := trimObjectVerb(before[phrase:]); v != before[phrase:] && plainGlossed(v) && runeCount(v) >= 3 {
		// 加强武器装备（含卫星系统，下同）: the verb is no part of it; 使用权人
		// is not a verb and 权人
		phrase = len(before) - len(v)
	}
	okPhrase := plainGlossed(before[phrase:])
	if okPhrase && strings.Contains(fg, foldString(before[phrase:])) {
		return phrase, false
	}
	extends := extendingGloss(gloss)
	for i := range before[head:] {
		start := head + i
		cand := before[start:]
		if len(cand) > 12*utf8.UTFMax {
			continue
		}
		n := runeCount(cand)
		if n < 2 || n > 12 || !validTerm(cand) || !strings.Contains(fg, foldString(cand)) {
			continue
		}
		if !extends || wholeIn(fg, foldString(cand)) {
			return start, false
		}
		break
	}
	if !okPhrase {
		return -1, false
	}
	return phrase, true
}

// plainGlossed reports whether cand can be a glossed term: 2 to 12 runes
// starting with a Han character.
func plainGlossed(cand string) bool {
	n := runeCount(cand)
	return n >= 2 && n <= 12 && validTerm(cand) && isHan(firstRune(cand))
}

// phraseStart returns where the phrase before a gloss starts in
// before[head:]: after the last function word (的, 和, 对, 或者 …) or list
// comma. A function character inside a word (共和国, 所在地, 从事) does not
// end the phrase there.
func phraseStart(before string, head int) int {
	start := head
	for i, r := range before[head:] {
		at := head + i
		if !strings.ContainsRune("的与和或及向对在以由将把从为给、", r) || inWord(before, at) {
			continue
		}
		start = at + runeLen(before, at)
		for _, w := range boundWords {
			if strings.HasPrefix(before[at:], w) {
				start = at + len(w)
			}
		}
	}
	return start
}

// boundWords start with a function character and end a phrase as a whole:
// 或者 (not 者内部地图), 从事, 给予.
var boundWords = []string{"或者", "从事", "给予", "对于", "由于", "为了", "以及"}

// wordsAround are words with a function character inside, which does not
// end a phrase there: 中华人民共和国港务监督, 所在地镇.
var wordsAround = []string{"共和", "所在", "存在", "现在", "作为", "行为", "认为", "成为", "因为", "以为", "人为"}

// inWord reports whether the function character at at is the second of
// one of wordsAround.
func inWord(s string, at int) bool {
	for _, w := range wordsAround {
		first, _ := utf8.DecodeRuneInString(w)
		if strings.HasPrefix(s[at-min(at, utf8.RuneLen(first)):], w) {
			return true
		}
	}
	return false
}

// extendingGloss reports whether a gloss adds to what the term names (含
// 火葬场, 包括临时站牌, 或者职工大会, 远洋渔船除外) rather than saying what it
// is.
func extendingGloss(gloss string) bool {
	for _, w := range []string{"含", "包括", "包含", "不含", "不包括", "或者", "或"} {
		if strings.HasPrefix(gloss, w) {
			return true
		}
	}
	return strings.HasSuffix(gloss, "除外")
}

// wholeIn reports whether x occurs in the gloss g as a phrase of its own:
// at its start or after its opening word (含, 包括 …), after 的, or after a
// comma or conjunction of a list.
func wholeIn(g, x string) bool {
	for off := 0; ; {
		i := strings.Index(g[off:], x)
		if i < 0 {
			return false
		}
		at := off + i
		off = at + len(x)
		prev := g[:at]
		if prev == "" || strings.ContainsRune("的、,和及与或", lastRune(prev)) {
			return true
		}
		for _, w := range []string{"含", "包括", "包含"} {
			if strings.HasSuffix(prev, w) && runeCount(prev) <= runeCount(w)+1 {
				return true
			}
		}
	}
}
