package link

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/label"
)

// Character classes of the texts linking reads.

// isOpen and isClose are the brackets of package label.
func isOpen(r rune) bool { return label.IsOpen(r) }

func isClose(r rune) bool { return label.IsClose(r) }

// isStop reports whether r ends a sentence.
func isStop(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '!', '？', '?', '\n':
		return true
	}
	return false
}

// isClauseBreak reports whether r ends a clause (a stretch between commas).
func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '：', ':':
		return true
	}
	return isStop(r)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isQuoteOpen(r rune) bool  { return r == '“' || r == '"' || r == '「' || r == '‘' }
func isQuoteClose(r rune) bool { return r == '”' || r == '"' || r == '」' || r == '’' }

// fold maps the spellings that OCR and markup vary to one, so that a term
// printed with ASCII brackets matches one printed with full-width ones.
func fold(r rune) rune {
	switch r {
	case '（', '〔', '［':
		return '('
	case '）', '〕', '］':
		return ')'
	case '“', '”', '「', '」':
		return '"'
	case '‘', '’':
		return '\''
	case '，':
		return ','
	case '：':
		return ':'
	case '；':
		return ';'
	case '　':
		return ' '
	}
	return r
}

// foldString folds every rune of s.
func foldString(s string) string { return strings.Map(fold, s) }

// closeOf returns the byte offset of the bracket closing the one opened at
// open (any kind of bracket closes any other, as OCR mixes them), or -1.
func closeOf(s string, open int) int {
	depth := 0
	for i, r := range s[open:min(len(s), open+maxSpan)] {
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth--
			if depth == 0 {
				return open + i
			}
		case r == '\n' || r == '。':
			return -1
		}
	}
	return -1
}

// openOf returns the byte offset of the bracket opening the one closed at
// close, or -1.
func openOf(s string, close int) int {
	return unmatchedOpen(s, close, func(r rune) bool { return r == '\n' || r == '。' })
}

// unmatchedOpen returns the byte offset of the last bracket opened before
// i and not closed before it, or -1 when a rune stop comes first.
func unmatchedOpen(s string, i int, stop func(rune) bool) int {
	depth := 0
	for floor := max(0, i-maxSpan); i > floor; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch {
		case isClose(r):
			depth++
		case isOpen(r) && depth == 0:
			return i
		case isOpen(r):
			depth--
		case stop(r):
			return -1
		}
	}
	return -1
}

// runeLen is the byte length of the rune at i.
func runeLen(s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// maxSpan bounds how far the finders look for a closing bracket, the
// bounds of a sentence or the start of a clause, in bytes: texts are
// short, and a bound keeps every finder linear on any input.
const maxSpan = 2000

// sentence returns the byte span of the sentence around [start, end): from
// after the previous stop to the next stop included (at most maxSpan bytes
// either way).
func sentence(s string, start, end int) (int, int) {
	floor := max(0, start-maxSpan)
	from := floor
	for floor > 0 && !utf8.RuneStart(s[from]) {
		from++
	}
	for i := start; i > floor; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if isStop(r) {
			from = i
			break
		}
		i -= size
	}
	to := min(len(s), end+maxSpan)
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	for i, r := range s[end:to] {
		if isStop(r) {
			to = end + i + utf8.RuneLen(r)
			break
		}
	}
	return from, to
}

// clauseStart returns the offset where the clause ending at i starts:
// after the previous comma, colon or stop outside brackets.
func clauseStart(s string, i int) int {
	depth := 0
	for floor := max(0, i-maxSpan); i > floor; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case isClose(r):
			depth++
		case isOpen(r):
			if depth == 0 {
				return i
			}
			depth--
		case depth == 0 && isClauseBreak(r):
			return i
		}
		i -= size
	}
	return i
}

// leadWords are the prepositions and conjunctions trimmed from the start of
// a clause taken as a definition: 由县级人民政府 → 县级人民政府.
var leadWords = slices.Concat([]string{"为了", "对于", "关于"}, basisPrepositions, []string{
	"以及", "或者", "其中", "包括", "适用于",
	"同", "对", "与", "向", "由", "把", "将", "在", "为", "和", "及", "并", "即",
})

// modals are the modal verbs that end the predicate of a clause (clauseVerbs).
var modals = []string{"应当", "可以", "必须"}

// modalQualifies reports whether the lead modal m that starts s opens the
// clause that qualifies a name, which a 的 ends (必须实施检验的商品目录):
// there it stays. 由 is no modal of that kind.
func modalQualifies(s, m string) bool {
	return slices.Contains(modals, m) && topLevelIndexAny(s, "的") >= 0
}

// leadModals are trimmed before the lead words: 应当由…, 可以在….
var leadModals = slices.Concat(modals, []string{"由"})

func trimLead(s string) string {
	s = trimQuantifier(strings.TrimSpace(s))
	for _, m := range leadModals {
		if strings.HasPrefix(s, m) && runeCount(s) > runeCount(m)+2 && !startsWord(m, s[len(m):]) && !modalQualifies(s, m) {
			s = s[len(m):]
			break
		}
	}
	if t := trimLeadWord(s); t != s {
		s = trimSecondPreposition(t)
	}
	return trimAgent(trimLeadYi(s))
}

// quantifiers say that a rule covers every one of what follows (凡在本市…的
// 企业, 凡是…): never part of what a term names.
var quantifiers = []string{"凡是", "凡"}

// trimQuantifier removes a quantifier that starts s.
func trimQuantifier(s string) string {
	for _, q := range quantifiers {
		if rest, ok := strings.CutPrefix(s, q); ok && runeCount(rest) >= 2 {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// agentPrepositions name by whose act something is done (经市某某会议（以下简称
// X）决定, 须经省某某部门（以下简称Y）批准): before a name they are trimmed, as
// 由 is. They stay where they open the clause that qualifies the name
// (经国务院批准设立的某某区: the approved one), and where 经 is the first
// character of a word (jingOpensAgent).
var agentPrepositions = []string{"须经", "经"}

// agentOpeners are the words an authority's name starts with after the
// agent preposition 经: a level or a jurisdiction (国务院, 国防…, 中华人民共和国…,
// 省, 市, 本级, 上级), a relation to what is ruled (有关, 主管, 所在地, 当地) or
// the body of a people's congress (常务委员会).
var agentOpeners = []string{
	"常务", "国", "中华", "中央", "中国", "全国", "最高", "省", "市", "县", "区", "乡", "镇", "州", "盟", "旗",
	"自治", "本级", "本市", "本省", "本县", "上级", "同级", "各级", "所在地", "当地", "有关", "主管", "人民",
}

// jingWords are the characters that make a word with 经 before them
// (经营, 经济, 经常).
const jingWords = "营济费贸纪销验办理典历手络线度纬过由常期传商"

// jingOpensAgent reports whether 经 between before and rest is the agent
// preposition. It is the one rule for trimming 经 before a name (trimAgent)
// and for reading a party after it (partyEnd). Before an authority's name
// it is (agentOpeners); after 未, 须, 需 or 应 (未经…许可, 须经…批准) it is
// unless it starts a word (jingWords: 未经营); any other 经X is taken for a
// word (经开区, 经侦部门).
func jingOpensAgent(before, rest string) bool {
	if startsWithAny(rest, agentOpeners) {
		return true
	}
	return strings.ContainsRune("未须需应", lastRune(before)) && !strings.ContainsRune(jingWords, firstRune(rest))
}

// trimAgent removes an agent preposition that starts s (trimLead).
func trimAgent(s string) string {
	for _, p := range agentPrepositions {
		rest, ok := strings.CutPrefix(s, p)
		if !ok || runeCount(rest) < 3 || topLevelIndexAny(rest, "的") >= 0 || !jingOpensAgent(strings.TrimSuffix(p, "经"), rest) {
			continue
		}
		return strings.TrimSpace(rest)
	}
	return s
}

// companionPrepositions name who an act is done with (同某人开展的谈话,
// 与本市相邻的地区): where they start a clause that has its own 的 they
// belong to the clause that qualifies the name, and trimming them would
// make the companion the doer. After a verb (加强与…的沟通) they do not.
var companionPrepositions = []string{"同", "与"}

// opensQualifier reports whether s starts with a companion preposition
// that opens the clause qualifying the name after its 的.
func opensQualifier(s string) bool {
	for _, w := range companionPrepositions {
		if rest, ok := strings.CutPrefix(s, w); ok && !startsWord(w, rest) && topLevelIndexAny(rest, "的") >= 0 {
			return true
		}
	}
	return false
}

// secondPrepositions may follow another lead word and still be
// prepositions (并由…, 为了对…, 并向…); 在, 与 and 依照 after one open the
// clause that qualifies the name (并在经纪组织中从事经纪活动的执业人员).
var secondPrepositions = []string{"对", "向", "由", "把", "将"}

// trimSecondPreposition removes a preposition left after a lead word; 由
// stays before a clause with its own 的 (由外国投资者投资的企业).
func trimSecondPreposition(s string) string {
	for _, w := range secondPrepositions {
		rest, ok := strings.CutPrefix(s, w)
		if !ok || runeCount(rest) < 2 || startsWord(w, rest) {
			continue
		}
		if w == "由" && topLevelIndexAny(rest, "的") >= 0 {
			return s
		}
		return strings.TrimSpace(rest)
	}
	return s
}

// basisPrepositions name the law an act is done by (依照, 按照 …): they
// are leadWords and citingVerbs too.
var basisPrepositions = []string{"按照", "依照", "根据", "依据"}

// lawWords end the name of a law after a basis preposition (依照法律规定,
// 按照某某条约); a citation in 《》 is one too. A bare 规定 (按照有关规定) is
// no law's name: it says how the main act is done.
var lawWords = []string{"》", "法律规定", "法规规定", "条约", "条例", "办法", "本法"}

// opensBasis reports whether rest, what follows one of basisPrepositions
// w, is a law (lawWords, within its first twelve characters) that the act
// of a clause qualifying a name is done by (依照《某法》批准设立的企业,
// 依照法律规定实行某种管理的单位): the preposition belongs to that clause
// and stays. Not where the law is one of a list (依照本条例规定以及…的规范),
// nor where no 的 follows.
func opensBasis(w, rest string) bool {
	if !slices.Contains(basisPrepositions, w) {
		return false
	}
	head := rest
	if runeCount(rest) > 12 {
		head = string([]rune(rest)[:12])
	}
	at, end := -1, 0 // the first law word of head
	for _, lw := range lawWords {
		if i := strings.Index(head, lw); i >= 0 && (at < 0 || i < at) {
			at, end = i, i+len(lw)
		}
	}
	if at < 0 || strings.ContainsAny(head[:at], "和、及与或") {
		return false // 依照某某法和本办法的规定: a list of laws
	}
	after := strings.TrimPrefix(strings.TrimPrefix(rest[end:], "的"), "规定") // 依照本条例规定
	return !strings.ContainsRune("和、及以与或的", firstRune(after)) && topLevelIndexAny(after, "的") >= 0
}

// trimLeadWord removes one lead word from the start of s.
func trimLeadWord(s string) string {
	for _, w := range leadWords {
		if strings.HasPrefix(s, w) && utf8.RuneCountInString(s) > utf8.RuneCountInString(w)+1 && !startsWord(w, s[len(w):]) && !opensBenefit(w, s[len(w):]) && !opensBasis(w, s[len(w):]) {
			return strings.TrimSpace(s[len(w):])
		}
	}
	return s
}

// benefitPreposition names whom a thing is done for (为某人提供服务): before
// benefitVerb and a 的 it opens the clause that qualifies a name
// (为某类人员提供某种服务的组织) and stays.
const (
	benefitPreposition = "为"
	benefitVerb        = "提供"
)

// opensBenefit reports whether the lead word w, before rest, is
// benefitPreposition opening such a clause: benefitVerb comes before the
// first 的 of rest.
func opensBenefit(w, rest string) bool {
	de := topLevelIndexAny(rest, "的")
	return w == benefitPreposition && de >= 0 && strings.Contains(rest[:de], benefitVerb)
}

// trimLeadYi removes 以 used as a preposition before a name (以某某机构为
// 核心): the name has no 的 of its own, nor is 以 the first character of a
// word (以下, 以上, 以外). With a 的 after it, 以 opens the clause that
// qualifies the name (以承包的方式订立的合同) and stays.
func trimLeadYi(s string) string {
	rest, ok := strings.CutPrefix(s, "以")
	if !ok || runeCount(rest) < 3 || strings.ContainsRune("上下内外前后及便免致来", firstRune(rest)) || topLevelIndexAny(rest, "的") >= 0 {
		return s
	}
	return rest
}

// startsWord reports whether a one-character lead word w is the first
// character of a word with what follows it (同级, 及时, 在外; for a party
// preposition, the characters partyPrepositions says make a word after it:
// 由于, 向往), and so not a word of its own to trim.
func startsWord(w, rest string) bool {
	if utf8.RuneCountInString(w) != 1 {
		return false
	}
	for _, p := range partyPrepositions {
		if p.word == w && strings.ContainsRune(p.after, firstRune(rest)) {
			return true
		}
	}
	return strings.ContainsRune("级时外", firstRune(rest))
}

// trimQuotes removes one pair of quotes around the whole of s.
func trimQuotes(s string) (string, int) {
	r, size := utf8.DecodeRuneInString(s)
	l, lsize := utf8.DecodeLastRuneInString(s)
	if len(s) > size+lsize && isQuoteOpen(r) && isQuoteClose(l) {
		inner := s[size : len(s)-lsize]
		if !strings.ContainsAny(inner, "“”\"「」") {
			return inner, size
		}
	}
	return s, 0
}

// subsequence reports whether the runes of short appear in long in order.
func subsequence(short, long string) bool {
	for _, r := range short {
		i := strings.IndexRune(long, r)
		if i < 0 {
			return false
		}
		long = long[i+utf8.RuneLen(r):]
	}
	return true
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// lastRune and firstRune return utf8.RuneError for an empty string.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
