package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Definitions by meaning: 本办法所称X，是指… and, at the start of a
// sentence of an article, X，是指….

// meaningVerbs introduce a definition after the term, longest first. keep
// says whether the verb stays in the definition (包括A和B).
type verb struct {
	verb string
	keep bool
}

var meaningVerbs = []verb{
	{"指的是", false}, {"是指", false}, {"系指", false}, {"包括", true}, {"指", false},
}

// initialVerbs are the verbs of a definition at the start of a sentence:
// not 包括, which says what X includes (自然资源包括生物资源和非生物资源).
var initialVerbs = []verb{{"指的是", false}, {"是指", false}, {"系指", false}, {"指", false}}

// partScopes are the words before 所称 that limit a definition to part of
// its document: the article (本条所称, 前款所称), the 节, 章 or 编 it is in
// (本章所称战时), or to the text after it (以下所称).
var partScopes = []struct{ word, scope string }{
	{"本条", scopeArticle}, {"本款", scopeArticle}, {"前款", scopeArticle}, {"前两款", scopeArticle},
	{"前三款", scopeArticle}, {"本项", scopeArticle},
	{"本节", scopeSection}, {"本章", scopeChapter}, {"本分编", scopeBook}, {"本编", scopeBook},
	{"以下", scopeRest},
}

func findSoCalled(s string) []found {
	if !strings.Contains(s, "所") {
		return nil // no traditional form folds to 所 (TestSoCalledFirstRune)
	}
	var fs []found
	folded := label.Fold(s) // 所稱 of a text in traditional characters, at the same offsets
	for off := 0; ; {
		j := strings.Index(folded[off:], "所称")
		if j < 0 {
			return fs
		}
		at := off + j
		off = at + len("所称")
		from := off
		if strings.HasPrefix(s[from:], "的") {
			from += len("的")
		}
		fs = append(fs, meaning(s, from, at, partScope(folded[:at]), 25, meaningVerbs)...)
	}
}

// partScope is the scope the words before 所称 give what it names
// (partScopes): the whole document when they limit it to no part.
func partScope(before string) string {
	scope := scopeDocument
	for _, w := range partScopes {
		if strings.HasSuffix(before, w.word) {
			scope = w.scope
		}
	}
	return scope
}

// meaning reads "X，是指…" at from: the terms X (split at 、 when that
// gives plain names) and the definition after the verb. head is where
// the defining sentence starts being read; max caps X in runes.
func meaning(s string, from, head int, scope string, max int, verbs []verb) []found {
	end, def := meaningVerb(s, from, max, verbs)
	if end < 0 {
		return nil
	}
	_, sentEnd := sentence(s, head, end)
	sentEnd = definitionEnd(s, sentEnd, s[from:end])
	if c := enclosingClose(s, head); c >= 0 && c < sentEnd {
		sentEnd = c // （以下所称商品包括服务）的经营者: the bracket ends it
	}
	definition := strings.TrimRight(strings.TrimSpace(s[def:sentEnd]), "。；;！？!?\n")
	if definition == "" {
		return nil
	}
	for _, adv := range []string{"一般", "通常", "主要", "均", "也"} {
		if x := strings.TrimSuffix(s[from:end], adv); x != s[from:end] && runeCount(x) >= 2 {
			end = from + len(x)
		}
	}
	var fs []found
	for _, sp := range splitNames(s, from, end, definition) {
		f := found{Start: sp[0], End: sp[1], SentStart: sentStart(s, head), SentEnd: sentEnd}
		f.Term = model.Term{Term: s[sp[0]:sp[1]], Kind: model.TermDefined, Definition: definition, Scope: scope}
		fs = append(fs, f)
	}
	return fs
}

// enclosingClose returns the offset of the bracket that closes the one
// open around i in its sentence, or -1 when i is outside brackets.
func enclosingClose(s string, i int) int {
	if open := unmatchedOpen(s, i, isStop); open >= 0 {
		return closeOf(s, open)
	}
	return -1
}

// definitionEnd returns where the definition of x whose first sentence
// ends at end stops: a "；" ends it only where what follows defines another
// term (…；所称B，是指…, …；B，通常是指…); else it runs on to the end of
// the sentence: 入湾河流，是指直接入湾的A河；间接入湾的B河。
func definitionEnd(s string, end int, x string) int {
	for lastRune(s[:end]) == '；' || lastRune(s[:end]) == ';' {
		_, next := sentence(s, end, end)
		if next <= end || definesAnother(s[end:next], x) {
			break
		}
		end = next
	}
	return end
}

// definesAnother reports whether part, what follows a "；", defines a term
// other than x: 所称, X，是指 or X包括 (meaningVerb), or 是指 after a name
// and an adverb.
func definesAnother(part, x string) bool {
	if strings.Contains(part, "所称") {
		return true
	}
	if end, _ := meaningVerb(part, 0, 25, meaningVerbs); end >= 0 {
		return true
	}
	for _, v := range initialVerbs[:3] {
		if i := strings.Index(part, v.verb); i >= 0 && runeCount(part[:i]) <= 30 {
			return !strings.Contains(part[:i], x)
		}
	}
	return false
}

// meaningVerb finds the end of X after from and where the definition
// starts: X，是指… or X是指…; -1 when there is none within max runes.
// The last verb of verbs is only read after a comma.
func meaningVerb(s string, from, max int, verbs []verb) (end, def int) {
	n := 0
	for i, r := range s[from:] {
		at := from + i
		if r == '，' || r == ',' {
			rest := s[at+len(string(r)):]
			for _, v := range verbs {
				if strings.HasPrefix(rest, v.verb) && !zhiVerb(rest, v.verb) {
					return at, verbStart(at+len(string(r)), v.verb, v.keep)
				}
			}
			return -1, -1
		}
		for _, v := range verbs[:len(verbs)-1] {
			if i > 0 && strings.HasPrefix(s[at:], v.verb) {
				return at, verbStart(at, v.verb, v.keep)
			}
		}
		if isStop(r) || r == '：' || isOpen(r) || n >= max {
			return -1, -1
		}
		n++
	}
	return -1, -1
}

// zhiWords are the characters that make a word with 指 (指使, 指派, 指导):
// "X，指使…" does not define X.
const zhiWords = "使派定挥导示出明令引控责望点认正称"

// zhiVerb reports whether the verb 指 at the start of rest is the first
// character of another word.
func zhiVerb(rest, verb string) bool {
	return verb == "指" && strings.ContainsRune(zhiWords, firstRune(rest[len(verb):]))
}

func verbStart(at int, verb string, keep bool) int {
	if keep {
		return at
	}
	return at + len(verb)
}

// splitNames returns the spans of the terms X names. A compound "A、B" or
// "A和B" is one term (拐卖妇女、儿童是指…, 公共汽车和电车，是指…): what it
// defines is the compound's. X names terms each when its parts are
// quoted each (“A”和“B”), or are names of at least three characters
// that either end in the same head noun (监督检查部门、审查调查部门) or
// match a definition that ends in as many nouns in parallel (A和B，是指
// …的机构和人员). Quotes around X are not part of it.
func splitNames(s string, from, to int, definition string) [][2]int {
	x := strings.TrimSpace(s[from:to])
	from += strings.Index(s[from:to], x)
	whole := [][2]int{{from, from + len(x)}}
	if inner, q := trimQuotes(x); q > 0 {
		whole = [][2]int{{from + q, from + q + len(inner)}}
	}
	if !validTerm(s[whole[0][0]:whole[0][1]]) {
		return nil
	}
	if spans := jointNames(x, definition); spans != nil {
		for i := range spans {
			spans[i][0] += from
			spans[i][1] += from
		}
		return spans
	}
	return whole
}

// splitJoint returns a defined term whose name joins several
// (（以下称甲机构、甲人员）) as those terms, each with its definition (see
// jointNames); any other find alone.
func splitJoint(f found) []found {
	if f.Kind != model.TermDefined {
		return []found{f}
	}
	spans := jointNames(f.Term.Term, f.Definition)
	if spans == nil {
		return []found{f}
	}
	fs := make([]found, len(spans))
	for i, sp := range spans {
		fs[i] = f
		fs[i].Start, fs[i].End = f.Start+sp[0], f.Start+sp[1]
		fs[i].Term.Term = f.Term.Term[sp[0]:sp[1]]
	}
	return fs
}

// NamesEach reports whether the definiendum x ("A、B", "A和B") names
// terms each, defined by definition, rather than one compound term.
func NamesEach(x, definition string) bool { return jointNames(x, definition) != nil }

// jointNames returns the spans in x of the names it joins when each is a
// term (see splitNames), nil when x is one name. The joint cut at every
// conjunction is tried first, then at 、 only (A单位、B单位、A和B单位).
func jointNames(x, definition string) [][2]int {
	for _, conj := range [][]string{nameConjunctions, {"、"}} {
		spans := cutNames(x, conj)
		if len(spans) < 2 || len(spans) > 6 {
			continue
		}
		names := make([]string, len(spans))
		quoted := true
		for i, sp := range spans {
			part := strings.TrimLeft(x[sp[0]:sp[1]], " 　")
			sp[0] = sp[1] - len(part)
			inner, q := trimQuotes(strings.TrimRight(part, " 　"))
			quoted = quoted && q > 0
			spans[i] = [2]int{sp[0] + q, sp[0] + q + len(inner)}
			names[i] = inner
		}
		if jointTerms(names, quoted, definition) {
			return spans
		}
	}
	return nil
}

// nameConjunctions join the names of a definiendum, longest first.
var nameConjunctions = []string{"以及", "、", "和", "及", "与"}

// cutNames cuts x at the conjunctions outside brackets and quotes; 及其
// (A及其成员) joins no names.
func cutNames(x string, conj []string) [][2]int {
	var spans [][2]int
	start, depth := 0, 0
	for i := 0; i < len(x); {
		r, size := utf8.DecodeRuneInString(x[i:])
		switch {
		case isOpen(r) || r == '“' || r == '‘' || r == '「':
			depth++
		case isClose(r) || r == '”' || r == '’' || r == '」':
			depth--
		}
		if depth == 0 && !strings.HasPrefix(x[i:], "及其") {
			if c := prefixOf(x[i:], conj); c != "" {
				spans = append(spans, [2]int{start, i})
				i += len(c)
				start = i
				continue
			}
		}
		i += size
	}
	return append(spans, [2]int{start, len(x)})
}

func prefixOf(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// jointTerms reports whether the names a definiendum joins are terms
// each: quoted each, or names of one kind (see splitNames).
func jointTerms(names []string, quoted bool, definition string) bool {
	for _, n := range names {
		if !validTerm(n) || strings.Contains(n, "的") {
			return false
		}
	}
	if quoted {
		return true
	}
	return sameHead(names) || (longNames(names) && parallelEnd(definition, names))
}

func longNames(names []string) bool {
	for _, n := range names {
		if runeCount(n) < 3 {
			return false
		}
	}
	return true
}

// parallelEnd reports whether a definition ends in as many short nouns
// as names after its last 的, joined by conjunctions, each the name's head
// rather than the name again: …从事鉴定业务的机构和人员, …业务的鉴定机构、
// 鉴定人 of 司法鉴定机构、司法鉴定人; not …的专职守护、押运人员 of itself.
func parallelEnd(definition string, names []string) bool {
	d := strings.TrimRight(strings.TrimSpace(definition), "。；;，,")
	i := strings.LastIndex(d, "的")
	if i < 0 {
		return false
	}
	tail := d[i+len("的"):]
	spans := cutNames(tail, nameConjunctions)
	if len(spans) != len(names) {
		return false
	}
	for i, sp := range spans {
		noun := tail[sp[0]:sp[1]]
		if k := runeCount(noun); k < 2 || k > 4 || !allHan(noun) || noun == names[i] {
			return false
		}
	}
	return true
}

func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// sameHead reports whether every name ends in the same two characters
// and has at least one more before them.
func sameHead(names []string) bool {
	head := ""
	for _, n := range names {
		r := []rune(n)
		if len(r) < 3 || strings.Contains(n, "的") {
			return false
		}
		h := string(r[len(r)-2:])
		if head != "" && h != head {
			return false
		}
		head = h
	}
	return true
}

// initialStops are words that show a sentence start is not a term being
// defined (前款规定的…是指, 本条…).
var initialStops = []string{"的", "本", "该", "这", "此", "其", "上述", "前款", "规定", "应当", "所称", "但", "如"}

// findInitial finds "X，是指…" at the start of a sentence of an article:
// 发明，是指对产品、方法或者其改进所提出的新的技术方案.
func findInitial(s string) []found {
	var fs []found
	start := 0
	for start < len(s) {
		from := skipItemLabel(s, start)
		if strings.HasPrefix(s[from:], "所谓") {
			from += len("所谓")
		}
		f := meaning(s, from, start, scopeDocument, 15, initialVerbs)
		if len(f) > 0 && plainName(f[0].Term.Term) && !inJurisdiction(f[0].Term.Term) {
			fs = append(fs, f...)
		}
		_, end := sentence(s, start, start)
		if end <= start {
			break
		}
		start = end
	}
	return fs
}

// jurisdictions are the legal systems an arrangement between them names
// one by one: 本安排所称判决，（一）在内地是指…；（二）在香港特别行政区是指….
var jurisdictions = []string{"内地", "大陆", "香港", "澳门", "台湾"}

// inJurisdiction reports whether a sentence-initial subject opens with
// 在 and one of jurisdictions (在内地, 在香港特别行政区某费): the sentence
// says what a term (判决, 某费) means there, and the place phrase is no
// term of its own. Other places stay: 在境内发生某交易 is a phrase a law
// defines.
func inJurisdiction(t string) bool {
	rest, ok := strings.CutPrefix(t, "在")
	return ok && startsWithAny(rest, jurisdictions)
}

func plainName(t string) bool {
	for _, w := range initialStops {
		if strings.Contains(t, w) {
			return false
		}
	}
	return true
}

// skipItemLabel skips a printed item label at i: （一）, (1), 一、, 1.
func skipItemLabel(s string, i int) int {
	rest := strings.TrimLeft(s[i:], " 　")
	i = len(s) - len(rest)
	if rest == "" {
		return i
	}
	if isOpen(firstRune(rest)) {
		if c := closeOf(s, i); c > i && c-i <= 16 && allNumeral(s[i+runeLen(s, i):c]) {
			return c + runeLen(s, c)
		}
		return i
	}
	for j, r := range rest {
		if r == '、' || r == '.' || r == '．' {
			if j > 0 && allNumeral(rest[:j]) {
				return i + j + runeLen(rest, j)
			}
			return i
		}
		if j > 12 {
			break
		}
	}
	return i
}
