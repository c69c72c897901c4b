package link

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/link/automaton"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/generator/regulation"
)

// matcher finds the occurrences of a set of terms with one automaton.
type matcher struct {
	ac    *automaton.Automaton
	forms [][]*def // pattern index → the terms spelt that way
}

func newMatcher(defs []*def) *matcher {
	index := map[string]int{}
	m := &matcher{}
	var patterns []string
	for _, d := range defs {
		for _, f := range d.forms {
			i, ok := index[f]
			if !ok {
				i = len(patterns)
				index[f] = i
				patterns = append(patterns, f)
				m.forms = append(m.forms, nil)
			}
			m.forms[i] = append(m.forms[i], d)
		}
	}
	if len(patterns) > 0 {
		m.ac = automaton.New(patterns, fold)
	}
	return m
}

// span is a candidate link: a term occurrence or a fixed span.
type span struct {
	start, end int
	def        *def
	definition bool
}

// termLinks returns the term links of text ti of document di: its defining
// spans and the longest occurrences that apply, none overlapping taken
// (the references' spans).
func (l *linker) termLinks(di, ti int, local *matcher, taken []span, byText map[int][]*def) []span {
	t := l.texts[di][ti]
	s := t.p.Text
	var fixed, cands []span
	for _, d := range byText[ti] {
		if d.start < d.end && !overlaps(taken, d.start, d.end) {
			fixed = append(fixed, span{d.start, d.end, d, d.term.Kind != model.TermIntroduced})
		}
	}
	for _, m := range []*matcher{l.global, local} {
		if m == nil || m.ac == nil {
			continue
		}
		m.ac.Find(s, func(x automaton.Match) {
			// A match that does not apply still blocks the shorter terms
			// inside it: 发明 is not linked inside 发明创造, even where
			// 发明创造 is not (yet) a term or is being defined.
			d := l.choose(m.forms[x.Pattern], di, ti, x.Start, t.art)
			if d != nil && (!goodBoundary(s, x.Start, x.End) || inDefinition(d, di, ti, x.Start, x.End) || namesOtherBody(d.term, s, x.Start, x.End) ||
				spellsOutWord(d.term, s, x.Start, x.End)) {
				d = nil
			}
			cands = append(cands, span{x.Start, x.End, d, false})
		})
	}
	slices.SortStableFunc(cands, func(a, b span) int {
		return cmp.Or(cmp.Compare(b.end-b.start, a.end-a.start), cmp.Compare(a.start, b.start))
	})
	var occupied intervals
	for _, x := range append(append([]span(nil), taken...), fixed...) {
		occupied.add(x.start, x.end)
	}
	out := fixed
	for _, c := range cands {
		if !occupied.overlaps(c.start, c.end) {
			occupied.add(c.start, c.end)
			if c.def != nil {
				out = append(out, c)
			}
		}
	}
	return out
}

func overlaps(spans []span, start, end int) bool {
	for _, s := range spans {
		if start < s.end && s.start < end {
			return true
		}
	}
	return false
}

// intervals is a set of disjoint byte spans, sorted by start.
type intervals []span

// overlaps reports whether [start, end) overlaps a span of the set.
func (v intervals) overlaps(start, end int) bool {
	i := sort.Search(len(v), func(i int) bool { return v[i].end > start })
	return i < len(v) && v[i].start < end
}

// add inserts a span (which may overlap others: then overlaps stays exact
// as long as spans are only added after an overlaps check, or are the
// fixed spans, which never overlap each other).
func (v *intervals) add(start, end int) {
	i := sort.Search(len(*v), func(i int) bool { return (*v)[i].start >= start })
	*v = append(*v, span{})
	copy((*v)[i+1:], (*v)[i:])
	(*v)[i] = span{start: start, end: end}
}

// inDefinition reports whether [start, end) lies in the sentence that
// defines d.
func inDefinition(d *def, di, ti, start, end int) bool {
	return d.doc == di && d.text == ti && start >= d.sentStart && end <= d.sentEnd
}

// choose picks, among the terms spelt one way, the one that applies at a
// place: the latest definition of this document before it, else one of a
// related document, else a corpus-wide term defined here, else the first
// corpus-wide one.
func (l *linker) choose(defs []*def, di, ti, off, art int) *def {
	var best *def
	rank := 0
	for _, d := range defs {
		if !d.applies(l, di, ti, off, art) {
			continue
		}
		r := 1
		switch {
		case d.doc == di && d.term.Scope != scopeCorpus:
			r = 4
		case d.term.Scope != scopeCorpus:
			r = 3
		case d.doc == di:
			r = 2
		}
		if r > rank || (r == rank && r == 4 && (at{best.text, best.start}).before(at{d.text, d.start})) {
			best, rank = d, r
		}
	}
	return best
}

// wordEnds are characters that, right after a term, make a longer word of
// another sense: 代表性 is a quality, 发明人 an inventor.
const wordEnds = "人者员性家团化界学论率"

// taxMark, right after a term, makes the name of a tax (所得 in 企业所得税,
// 烟叶 in 烟叶税, 车船 in 车船税), unless a word that starts with it follows
// the term instead (taxWords: 企业税后利润, 代表机构税务登记, 吨税税款,
// 税负, 税基, 税则, 税制). 税后 before 的 is the tax and 后 (缴纳所得税后的
// 利润: after paying it), as 后的 reads wherever it follows a noun.
const (
	taxMark  = '税'
	taxWords = "务后费款收额率种目负基则制"
	afterTax = "后的"
)

// namesTax reports whether the term at s[start:end], not itself a tax,
// runs into the name of a tax.
func namesTax(s string, start, end int) bool {
	next, size := utf8.DecodeRuneInString(s[end:])
	if next != taxMark || lastRune(s[start:end]) == taxMark {
		return false
	}
	rest := s[end+size:]
	return strings.HasPrefix(rest, afterTax) || !strings.ContainsRune(taxWords, firstRune(rest))
}

// fixedNames are names a defined term may run into without being used in
// them: the 代表 a regulation defines (人大代表) is no use of it in
// 人民代表大会, nor 职工代表 in 职工代表大会, nor 党组 in 党组织.
var fixedNames = []string{"代表大会", "党组织"}

// inFixedName reports whether one of the fixedNames printed at s starts
// inside the term at s[start:end] and runs past its end (代表 and 职工代表
// before 大会).
func inFixedName(s string, start, end int) bool {
	for i := start; i < end; i++ {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		for _, name := range fixedNames {
			if i+len(name) > end && strings.HasPrefix(s[i:], name) {
				return true
			}
		}
	}
	return false
}

// beforeBodyHead reports whether the term at s[start:end] runs into one of
// the bodyHeads that it does not end with itself.
func beforeBodyHead(s string, start, end int) bool {
	for _, head := range bodyHeads {
		if strings.HasPrefix(s[end:], head) && !strings.HasSuffix(s[start:end], head) && !qualifiesFoundation(s[start:end], head) {
			return true
		}
	}
	return false
}

// goodBoundary rejects an occurrence that is part of a longer word of
// another sense: Latin or digits run on (WTO in WTOS, 110 in 1100), a
// count runs on (四风 in 十四风), a negation before it (非企业), a
// suffix that makes a new word after it (发明人), a fixed name it
// begins (代表 in 人民代表大会), the name of a body it runs into
// (保险 in 保险监督管理机构) or of a tax (所得 in 所得税).
func goodBoundary(s string, start, end int) bool {
	if inFixedName(s, start, end) || beforeBodyHead(s, start, end) || namesTax(s, start, end) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:start])
	next, _ := utf8.DecodeRuneInString(s[end:])
	first, _ := utf8.DecodeRuneInString(s[start:end])
	last, _ := utf8.DecodeLastRuneInString(s[start:end])
	if start > 0 && isASCIIAlnum(first) && isASCIIAlnum(prev) {
		return false
	}
	if end < len(s) && isASCIIAlnum(last) && isASCIIAlnum(next) {
		return false
	}
	if start > 0 && numeral.IsDigit(first) && numeral.IsDigit(prev) {
		return false
	}
	if end < len(s) && numeral.IsDigit(last) && numeral.IsDigit(next) {
		return false
	}
	if isHan(first) && start > 0 && strings.ContainsRune("非反", prev) {
		return false
	}
	return !(isHan(last) && end < len(s) && strings.ContainsRune(wordEnds, next))
}

// spellsOutWord reports whether the abbreviation t, at s[start:end], is
// followed by the rest of the word of its expansion that its last
// character comes from (科普 of 科学技术普及 in 社科普及周, 货运 of 货物运输
// in 客货运输) and preceded by a Han character that makes a word with its
// first (社科, 客货): the characters read that word in full, across the
// words before it, not the abbreviation. A word of its own before it (在,
// 的: leadWords of one character) makes no such word, nor does the start
// of the text: 市人大 in 市人大会议 is linked. Only an abbreviation made of
// characters picked from its expansion's words, not one printed whole in
// it (荣誉市民 of 荣誉市民称号, where the text may print the expansion).
func spellsOutWord(t *model.Term, s string, start, end int) bool {
	if t.Kind != model.TermAbbreviation || t.Expansion == "" || strings.Contains(t.Expansion, t.Term) || !joinsWordBefore(s[:start]) {
		return false
	}
	last := lastRune(t.Term)
	j := strings.LastIndex(t.Expansion, string(last))
	if j < 0 {
		return false
	}
	rest := t.Expansion[j+utf8.RuneLen(last):]
	return rest != "" && strings.HasPrefix(s[end:], rest)
}

// joinsWordBefore reports whether the text before ends in a Han character
// that may start a word with what follows it: not 的, nor a leadWord of one
// character (在, 对, 由 …).
func joinsWordBefore(before string) bool {
	if before == "" {
		return false
	}
	prev := lastRune(before)
	return isHan(prev) && prev != '的' && !slices.Contains(leadWords, string(prev))
}

// namesOtherBody reports whether the abbreviation t, at s[start:end], ends
// the name of another body than the one it abbreviates: the text before it
// repeats the end of the phrase t abbreviates, and where the two part, each
// names a level or place, the text one the phrase does not. 代表 abbreviating 市人民代表大会代表 is not used in
// 区人民代表大会代表, nor 常务委员会 (市人民代表大会常务委员会) in
// 省人民代表大会常务委员会 or 县（市、区）人民代表大会常务委员会. A phrase
// that spans levels (县级以上, 各级) names them all.
func namesOtherBody(t *model.Term, s string, start, end int) bool {
	word := s[start:end]
	if t.Kind != model.TermAbbreviation || !strings.HasSuffix(t.Definition, word) {
		return false
	}
	qual := strings.TrimSuffix(t.Definition, word)
	if strings.Contains(qual, "以上") || strings.Contains(qual, "各级") {
		return false
	}
	levels := qual
	before := s[:start]
	shared := 0 // runes before the term that end qual too
	for before != "" && qual != "" {
		r, n := utf8.DecodeLastRuneInString(before)
		q, m := utf8.DecodeLastRuneInString(qual)
		if r != q {
			break
		}
		before, qual = before[:len(before)-n], qual[:len(qual)-m]
		shared++
	}
	if shared < 2 || !strings.ContainsRune(regulation.LevelMarks, lastRune(qual)) {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(before)
	if isClose(r) { // 县（市、区）: the level before the note
		if i := openOf(before, len(before)-n); i >= 0 {
			r, _ = utf8.DecodeLastRuneInString(before[:i])
		}
	}
	return strings.ContainsRune(regulation.LevelMarks, r) && !strings.ContainsRune(levels, r)
}

// occurrence is a use of a term, for Term.Occurrences.
type occurrence struct {
	term, text int
	loc        model.Location
}
