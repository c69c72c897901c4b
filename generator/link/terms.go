package link

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// Scopes of a term: where its occurrences are linked.
const (
	scopeCorpus   = "corpus"
	scopeDocument = "document"
	scopeRest     = "rest"
	scopeArticle  = "article"
	scopeSection  = "section" // 本节所称
	scopeChapter  = "chapter" // 本章所称
	scopeBook     = "book"    // 本编所称, 本分编所称
)

// found is a term one text defines: what the text says about it, the span
// of the term where it is defined and the sentence that defines it (the
// term is not linked inside that sentence).
type found struct {
	model.Term
	Start, End         int
	SentStart, SentEnd int
	// Needs names a term that must already be defined for this one to
	// count (X of X包括A和B).
	Needs string
	// MembersFollow marks a named list whose members are the items after
	// the text.
	MembersFollow bool
	// Recurs marks a term that counts only where the text after its
	// definition in the document uses it again (a 下同 gloss promises as
	// much).
	Recurs bool
	// Extends marks a 下同 gloss, which adds to what a phrase names: when
	// the document defined the phrase, or a term it ends with, before,
	// that definition stands (储存危险化学品（包括…，下同） after 危险化学品
	// is defined) and the gloss makes no term.
	Extends bool
}

// findDefinitions finds the terms that the text s defines. article says
// whether s is part of an article (a 款, 项 or 目), where a sentence
// starting "X，是指" defines X.
func findDefinitions(s string, article bool) []found {
	var fs []found
	held := triggersIn(s)
	for i, f := range definitionFinders {
		if (article || !f.articles) && held&(1<<i) != 0 {
			fs = append(fs, f.find(s)...)
		}
	}
	slices.SortStableFunc(fs, func(a, b found) int { return cmp.Compare(a.Start, b.Start) })
	return dropOverlaps(fs)
}

// definitionFinder is one reader of findDefinitions, with the words a text
// must hold one of for it to find anything there (the words its patterns
// are built on). Most texts hold none, and one scan of a text for all the
// words is much cheaper than the finders' reading of every character.
type definitionFinder struct {
	find     func(string) []found
	triggers []string
	articles bool // it reads the texts of articles only
}

// definitionFinders in the order their finds are kept when they overlap.
var definitionFinders = []definitionFinder{
	{find: findAbbreviations, triggers: []string{"称"}},           // every abbreviationKeys word
	{find: findSoCalled, triggers: []string{"所"}},                // 所称, 所稱 (TestSoCalledFirstRune)
	{find: findInitial, triggers: []string{"指"}, articles: true}, // every initialVerbs verb
	{find: findSameBelow, triggers: []string{"下同"}},
	{find: findIncludes, triggers: []string{"包括"}},
	{find: findAcronyms, triggers: []string{"英文"}},             // every acronymKeys word
	{find: findLists, triggers: []string{"“", "\"", "「", "‘"}}, // isQuoteOpen
}

// trigger is a word of a finder, the finder's bit (1<<index) and where
// the word starts before the last byte of its first character.
type trigger struct {
	word   string
	finder uint32
	back   int
}

// triggersByByte lists the trigger words under the last byte of their
// first character, and triggerPairs marks the pairs of bytes that end a
// first character (any byte before a one-byte character): a scan of a
// text's bytes meets those of every place a word is printed, and compares
// words only where a pair is marked, which few pairs of other text are.
var triggersByByte, triggerPairs = func() (by [256][]trigger, pairs [1 << 16 / 64]uint64) {
	mark := func(k int) { pairs[k/64] |= 1 << (k % 64) }
	for i, f := range definitionFinders {
		for _, w := range f.triggers {
			_, size := utf8.DecodeRuneInString(w)
			last := int(w[size-1])
			by[last] = append(by[last], trigger{w, 1 << i, size - 1})
			if size == 1 {
				for before := range 256 {
					mark(before<<8 | last)
				}
			} else {
				mark(int(w[size-2])<<8 | last)
			}
		}
	}
	return by, pairs
}()

// triggersIn returns the bits of the finders of definitionFinders one of
// whose words s holds: strings.Contains of each word, in one pass.
func triggersIn(s string) uint32 {
	var held uint32
	before := 0 // the byte before s[i]; 0 before the first
	for i := 0; i < len(s); i++ {
		k := before<<8 | int(s[i])
		before = int(s[i])
		if triggerPairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, t := range triggersByByte[s[i]] {
			if start := i - t.back; start >= 0 && strings.HasPrefix(s[start:], t.word) {
				held |= t.finder
			}
		}
	}
	return held
}

// dropOverlaps keeps the first of two finds whose spans overlap.
func dropOverlaps(fs []found) []found {
	out := fs[:0]
	end := -1
	for _, f := range fs {
		if f.Start < end {
			continue
		}
		out = append(out, f)
		end = f.End
	}
	return out
}

// abbreviationKeys open a bracket that defines the term after them:
// （以下简称市人大常委会）, （以下统称货物、物品）, （简称海洋行政主管部门，下同）.
var abbreviationKeys = []struct {
	key        string
	collective bool
}{
	{"以下简称", false}, {"以下统称", true}, {"以下称", false}, {"以下合称", true},
	{"下称", false}, {"简称", false}, {"统称", true}, {"合称", true},
}

func findAbbreviations(s string) []found {
	var fs []found
	for i, r := range s {
		if !isOpen(r) {
			continue
		}
		inner := i + utf8.RuneLen(r)
		rest := strings.TrimLeft(s[inner:], " 　")
		if k := keyAfterNote(s, i); k >= 0 {
			rest = s[k:] // （法释〔2009〕19号，以下简称《解释》）
		}
		for _, k := range abbreviationKeys {
			if !strings.HasPrefix(rest, k.key) {
				continue
			}
			if f, ok := abbreviation(s, i, len(s)-len(rest)+len(k.key), k.collective); ok {
				fs = append(fs, splitJoint(f)...)
			}
			break
		}
	}
	return fs
}

// keyAfterNote returns where an abbreviation key starts in the bracket
// opened at open when a note comes before it in the same bracket, after a
// comma, that only qualifies the name before the bracket (qualifiesName:
// （法释〔2009〕19号，以下简称《解释》）, （含个体工商户，以下统称生产经营单位）), or -1.
// A key at the bracket's start is found without it.
func keyAfterNote(s string, open int) int {
	c := closeOf(s, open)
	if c < 0 {
		return -1
	}
	inner := s[open+runeLen(s, open) : c]
	if hasAbbreviationKey(strings.TrimLeft(inner, " 　")) {
		return -1
	}
	for off := 0; ; {
		i := topLevelIndexAny(inner[off:], "，,；;")
		if i < 0 {
			return -1
		}
		off += i
		_, size := utf8.DecodeRuneInString(inner[off:])
		off += size
		rest := strings.TrimLeft(inner[off:], " 　")
		if hasAbbreviationKey(rest) && !strings.HasPrefix(rest, "简称") && !strings.HasPrefix(rest, "统称") && !strings.HasPrefix(rest, "合称") {
			if !qualifiesName(inner[:off-size]) {
				return -1
			}
			return c - len(rest)
		}
	}
}

// qualifiesName reports whether a note before an abbreviation key in the
// same bracket only qualifies the name before the bracket, which stays
// what the key abbreviates: a document number (法释〔2009〕19号, 监察部令第18号),
// a date (2003年12月31日实施) or what the name takes in (含…, 包括…, 即…). Any
// other note (a list of members, 国有企业) may itself be what is named.
func qualifiesName(note string) bool {
	note = strings.TrimSpace(note)
	if strings.Contains(note, "〔") || strings.HasSuffix(note, "号") || cndate.Starts(note) {
		return true
	}
	for _, p := range []string{"含", "包括", "即", "不含", "不包括"} {
		if strings.HasPrefix(note, p) {
			return true
		}
	}
	return false
}

// abbreviation reads the term of a bracket opened at open whose key ends
// at from, and what it abbreviates: the citation or clause before it.
func abbreviation(s string, open, from int, collective bool) (found, bool) {
	c := closeOf(s, open)
	if c < 0 {
		return found{}, false
	}
	start, end := termIn(s, from, c)
	if start < 0 {
		return found{}, false
	}
	term := s[start:end]
	exp := expansionBefore(s, open, term)
	f := found{Start: start, End: end}
	f.SentStart, f.SentEnd = sentence(s, open, c)
	f.Term = model.Term{Term: term, Definition: exp, Scope: scopeRest}
	switch {
	case strings.Contains(term, "《"):
		f.Kind, f.Expansion = model.TermAbbreviation, exp
	case isAcronym(term):
		f.Kind, f.Expansion, f.Scope = model.TermAcronym, exp, scopeCorpus
	case !collective && exp != "" && subsequence(term, exp):
		f.Kind, f.Expansion = model.TermAbbreviation, exp
	default:
		f.Kind = model.TermDefined
	}
	return f, true
}

// termIn returns the span of the term printed in s[from:to]: after 为 or a
// colon, up to the first comma, without quotes around it.
func termIn(s string, from, to int) (int, int) {
	body := s[from:to]
	for _, p := range []string{"为", "：", ":", " ", "　"} {
		if strings.HasPrefix(body, p) {
			from += len(p)
			body = body[len(p):]
		}
	}
	if i := topLevelIndexAny(body, "，,；;"); i >= 0 {
		body = body[:i]
	}
	body = strings.TrimRight(body, " 　")
	inner, q := trimQuotes(body)
	from += q
	if !validTerm(inner) {
		return -1, -1
	}
	return from, from + len(inner)
}

// topLevelIndexAny is strings.IndexAny outside brackets and 《》; a 的 that
// is a character of a word (wordDe) is none.
func topLevelIndexAny(s, chars string) int {
	return topLevelIndex(s, func(i int) bool {
		r := firstRune(s[i:])
		return strings.ContainsRune(chars, r) && (r != '的' || !wordDe(s, i))
	})
}

// deWords are the words 的 is a character of, not the particle: 目的
// (在目的地国家依法设立的旅行社), 的确, 的士.
var deWords = []string{"目的", "的确", "的士"}

// wordDe reports whether the 的 at i of s is a character of one of deWords.
func wordDe(s string, i int) bool {
	for _, w := range deWords {
		at := strings.Index(w, "的")
		if i >= at && strings.HasPrefix(s[i-at:], w) {
			return true
		}
	}
	return false
}

// topLevelIndex is the first byte offset outside brackets and 《》 at
// which s is what at says, or -1.
func topLevelIndex(s string, at func(i int) bool) int {
	depth := 0
	for i, r := range s {
		switch {
		case isOpen(r) || r == '《':
			depth++
		case isClose(r) || r == '》':
			depth--
		case depth <= 0 && at(i):
			return i
		}
	}
	return -1
}

// validTerm rejects what cannot be a term: too short or long, sentence
// punctuation, a leading mark that is not a bracket or quote.
func validTerm(t string) bool {
	n := runeCount(t)
	if n < 2 || n > 40 || !utf8.ValidString(t) {
		return false
	}
	if strings.ContainsAny(t, "。；;！？\n\r\t") {
		return false
	}
	r := firstRune(t)
	return isHan(r) || isASCIIAlnum(r) || r == '《' || isQuoteOpen(r) || (r >= '０' && r <= '９')
}

// isAcronym reports whether t is a Latin acronym: WTO, GDP; PM2.5 is not.
func isAcronym(t string) bool {
	upper := 0
	for _, r := range t {
		if !isASCIIAlnum(r) && r != '&' && r != '-' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	return upper >= 2 && len(t) <= 15
}

// expansionBefore is what a bracket opened at open abbreviates: the
// citation right before it when the term is a title (《条例》) or is made
// of its characters (刑法 of 《中华人民共和国刑法》), else the phrase that ends
// the clause before it (namedPhrase).
func expansionBefore(s string, open int, term string) string {
	before := strings.TrimRight(s[:open], " 　")
	if cited := skipNotes(before); strings.HasSuffix(cited, "》") {
		o := citationOpen(cited, len(cited)-len("》"))
		if o >= 0 && (strings.Contains(term, "《") || subsequence(term, cited[o:])) {
			return cited[o:] // 《中华人民共和国刑法》（以下简称刑法）: the title alone
		}
	}
	start := clauseStart(before, len(before))
	j := listedAfterAbbreviation(before, start)
	listed := j > start && (subsequence(term, before[j:]) || !subsequence(term, before[start:]))
	if listed {
		start = j // unless the term's characters name the whole list (所辖地区（…）、市…委员会（以下简称地市…委）)
	}
	clause := strings.TrimSpace(before[start:])
	if held, ok := framed(clause, afterBracket(s, open)); ok && keepsTerm(clause, term, held) {
		clause = held // 除A（以下简称X）外, 储存在A（以下统称X）内: A alone
	}
	if !listed && !opensQualifier(clause) {
		whole := clause
		clause = trimLead(clause)
		if named := trimLead(withoutAdverbial(whole)); named != clause && keepsTerm(whole, term, named) {
			clause = named // 可以在决定载明的期限内申请…: the adverbial goes
		}
	}
	exp := namedPhrase(clause, term, sequelOf(s, open))
	if namesBodyAfter(s, open) {
		if t := afterLastDe(exp); t != exp && keepsTerm(exp, term, t) {
			exp = t // 国家的某某（以下简称X）监督管理机关: 国家的 qualifies the body
		}
	}
	if listed {
		// the joiner stays before namedPhrase, so that what it joins reads
		// as a member (和不得…的基金会), and goes after
		exp = strings.TrimSpace(cutJoiner(exp))
	}
	return dropAbbreviations(strings.TrimLeft(exp, "”’」』"))
}

// sequel is what follows an abbreviating bracket, as far as the clause
// before it cares.
type sequel int

const (
	sequelNone   sequel = iota // 的, a break, a list mark, the end
	sequelClause               // a comma: the sentence goes on
	sequelWord                 // a word that is not 的: a predicate may follow
	sequelDe                   // 的: what the bracket names is qualified or governed
)

// sequelOf tells what follows the bracket opened at open in s: only before
// a word that is not 的 can the clause before it end in a preposition and
// the party it governs (由某某局（以下简称X）归口管理); before a comma, a
// list of parties after 由 (partyEnd).
func sequelOf(s string, open int) sequel {
	c := closeOf(s, open)
	if c < 0 {
		return sequelNone
	}
	r := firstRune(s[c+runeLen(s, c):])
	switch {
	case (isHan(r) || isASCIIAlnum(r)) && r != '的':
		return sequelWord
	case r == '，' || r == ',':
		return sequelClause
	case r == '的':
		return sequelDe
	}
	return sequelNone
}

// namesBodyAfter reports whether the bracket opened at open in s is
// followed, to the end of the clause, by words that end the name of a body
// (bodyNouns) with no 的 (…（以下简称X）监督管理机关。): the bracket then sits
// inside that name, and a 的 before it qualifies the body, not what X names.
func namesBodyAfter(s string, open int) bool {
	c := closeOf(s, open)
	if c < 0 {
		return false
	}
	rest := s[c+runeLen(s, c):]
	end := strings.IndexFunc(rest, isClauseBreak)
	if end < 0 {
		end = len(rest)
	}
	words := rest[:end]
	return words != "" && runeCount(words) <= 8 && allHan(words) && !strings.Contains(words, "的") && regulation.EndsWithAny(words, bodyNouns)
}

// listJoiners join the members of a list: 、, 和, 或者 …
var listJoiners = []string{"、", "以及", "或者", "和", "或", "及", "与"}

// listedAfterAbbreviation returns where the list joiner after the last
// abbreviating bracket of s[from:] starts, when that bracket is followed by
// one (A（以下简称X）、B, A（以下称X）或者B): each member of such a list is
// abbreviated by its own bracket, so B alone is what the next bracket
// abbreviates. It returns -1 when there is none; a bracket followed by
// anything else (A（以下简称X）的B) leaves A part of the name.
func listedAfterAbbreviation(s string, from int) int {
	at := -1
	for i := from; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isOpen(r) {
			i += size
			continue
		}
		c := closeOf(s, i)
		if c < 0 {
			return at
		}
		next := c + runeLen(s, c)
		if hasAbbreviationKey(strings.TrimLeft(s[i+size:c], " 　")) || keyAfterNote(s, i) >= 0 {
			if j := sharedWordEnd(s, next); cutJoiner(s[j:]) != s[j:] {
				at = j
			}
		}
		i = next
	}
	return at
}

// sharedWordEnd is where a short word that follows a bracket at next, and
// that the members of a list share, ends before a list joiner (A（以下简称X）
// 经营、B（以下简称Y）经营: 经营; A（以下简称X）库区、B（以下简称Y）), or
// next when none does: up to two Han characters, no 的 (销售货物、服务… after
// a bracket is a verb and a list of its own).
func sharedWordEnd(s string, next int) int {
	j, n := next, 0
	for j < len(s) && n < 2 && cutJoiner(s[j:]) == s[j:] {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isHan(r) || r == '的' {
			return next
		}
		j += size
		n++
	}
	if j < len(s) && cutJoiner(s[j:]) != s[j:] {
		return j
	}
	return next
}

// cutJoiner is s without the list joiner that starts it.
func cutJoiner(s string) string {
	for _, j := range listJoiners {
		if rest, ok := strings.CutPrefix(s, j); ok {
			return rest
		}
	}
	return s
}

// skipNotes drops the bracketed notes that end s: the dates printed
// between a citation and the bracket that abbreviates it (《…》（2012年8月31日
// …通过）（以下简称《决定》）).
func skipNotes(s string) string {
	for n := 0; n < 3; n++ {
		r, _ := utf8.DecodeLastRuneInString(s)
		if !isClose(r) {
			return s
		}
		o := openOf(s, len(s)-utf8.RuneLen(r))
		if o < 0 {
			return s
		}
		s = strings.TrimRight(s[:o], " 　")
	}
	return s
}

// dropAbbreviations removes the brackets that define other terms from a
// definition: 本市企业(以下简称企业)的职工 → 本市企业的职工.
func dropAbbreviations(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isOpen(r) && hasAbbreviationKey(s[i+size:]) {
			if c := closeOf(s, i); c > i {
				s = s[:i] + s[c+runeLen(s, c):]
				continue
			}
		}
		i += size
	}
	return s
}

func hasAbbreviationKey(s string) bool {
	for _, k := range abbreviationKeys {
		if strings.HasPrefix(s, k.key) {
			return true
		}
	}
	return false
}

// citationOpen returns the offset of the 《 matching the 》 at close.
func citationOpen(s string, close int) int {
	depth := 0
	for i := close + len("》"); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch r {
		case '》':
			depth++
		case '《':
			depth--
			if depth == 0 {
				return i
			}
		case '\n', '。':
			return -1
		}
	}
	return -1
}
