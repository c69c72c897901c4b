package link

import (
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
	"tiaoli/internal/cores"
)

// Laws named without 《》 (依照刑法第十条, 应当认定为刑法第一百三十四条): the
// words before 第 hold the name and whatever precedes it in the sentence.
// A name is never made up from those words: it is the longest tail of
// them that is a title the corpus knows, a title of a document, its short
// form (刑法 for 中华人民共和国刑法), a title printed in 《》 somewhere in
// the corpus, or a short form a document defines for a title
// (《中华人民共和国公职人员政务处分法》（以下简称政务处分法）).

// names are the titles the corpus knows, folded by normTitle: those of
// its documents come from the title index itself.
type names struct {
	cited map[string]bool   // titles printed in 《》, and their short forms
	forms map[string]string // a defined short form → the title it stands for
	// short maps a short title in 《》 the corpus defines for a collected
	// work (《党纪处分条例》) to the full title it stands for.
	short map[string]string
	// inside maps a known name to the runes that precede it inside a
	// longer known name (仲裁法 → 解 when 劳动争议调解仲裁法 is known):
	// collectInside.
	inside map[string]map[rune]bool
}

// citedTitles lists every title printed in 《》 in the texts.
func citedTitles(texts []text) []string {
	var out []string
	for _, t := range texts {
		s := t.p.Text
		for i := strings.Index(s, "《"); i >= 0; {
			ref, ok := scanCitation(s, i)
			if ok {
				out = append(out, ref.Title)
			}
			next := strings.Index(s[i+len("《"):], "《")
			if next < 0 {
				break
			}
			i += len("《") + next
		}
	}
	return out
}

// collectCited records the titles printed in 《》 in every document.
func (x *titleIndex) collectCited(cited [][]string) {
	x.names.cited = map[string]bool{}
	for _, list := range cited {
		for _, t := range list {
			x.addCited(t)
		}
	}
}

func (x *titleIndex) addCited(title string) {
	t := normTitle(title)
	if runeCount(t) < 2 || isGenericTitle(t) {
		return
	}
	x.names.cited[t] = true
	for _, p := range titlePrefixes {
		if s := strings.TrimPrefix(t, p); s != t && runeCount(s) >= 2 {
			x.names.cited[s] = true
		}
	}
}

// collectForms records the short forms documents define for titles in
// 《》. A form defined for two different titles is left out.
func (x *titleIndex) collectForms(defs [][]*def) {
	x.names.forms = map[string]string{}
	ambiguous := map[string]bool{}
	for _, ds := range defs {
		for _, d := range ds {
			t := d.term
			exp := normTitle(t.Expansion)
			if t.Kind != model.TermAbbreviation || strings.Contains(t.Term, "《") || !strings.HasPrefix(t.Expansion, "《") ||
				isGenericTitle(t.Term) || !hasLawSuffix(t.Term) || ambiguous[t.Term] {
				continue
			}
			if prev, ok := x.names.forms[t.Term]; ok && prev != exp {
				delete(x.names.forms, t.Term)
				ambiguous[t.Term] = true
				continue
			}
			x.names.forms[t.Term] = exp
		}
	}
}

// collectShort learns the short titles in 《》 texts define for the works
// of the corpus (《全称》（以下简称《简称》）, （简称《…》）). A short title is
// kept when every text that defines it gives it to one work, and it is
// neither a kind of document alone (《条例》), nor a title the corpus finds
// itself, nor the end of the title of another work (《企业法》 ends 合伙企业法
// as well as the 全民所有制工业企业法 one text means by it). A text that
// defines it otherwise keeps its own meaning (docRefs.abbreviation comes
// first).
func (x *titleIndex) collectShort(defs [][]*def) {
	x.names.short = map[string]string{}
	work := map[string]int{} // a short title → a document of its work
	dropped := map[string]bool{}
	for _, ds := range defs {
		for _, d := range ds {
			t := d.term
			short, full := citedAlone(t.Term), citedAlone(t.Expansion)
			if t.Kind != model.TermAbbreviation || short == "" || full == "" || dropped[short] {
				continue
			}
			i := x.lookup(full, "")
			prev, seen := work[short]
			switch {
			case i < 0 || seen && !x.sameWork(prev, i) ||
				!seen && (isGenericTitle(short) || x.lookup(short, "") >= 0 || x.endsOther(short, i)):
				dropped[short] = true
				delete(x.names.short, short)
			case !seen:
				work[short] = i
				x.names.short[short] = full
			}
		}
	}
}

// collectInside records, for every name the corpus knows that ends a
// longer known name, the rune before it there. Names are read without the
// prefixes a short title drops (titlePrefixes), so 刑法 is not inside
// 中华人民共和国刑法 and 我国刑法 still names it.
func (x *titleIndex) collectInside() {
	var names []string
	for _, tier := range []titleTier{x.own, x.other} {
		for t := range tier.exact {
			names = append(names, t)
		}
	}
	for t := range x.names.cited {
		names = append(names, t)
	}
	// Looking up every tail of every name is most of the time, and reads
	// the index alone: on all cores, the sets filled after.
	found := make([][]runeBefore, len(names))
	cores.Each(len(names), func(i int) { found[i] = x.insideOf(names[i]) })
	x.names.inside = map[string]map[rune]bool{}
	for _, list := range found {
		for _, f := range list {
			if x.names.inside[f.tail] == nil {
				x.names.inside[f.tail] = map[rune]bool{}
			}
			x.names.inside[f.tail][f.prev] = true
		}
	}
}

// runeBefore is a known name that ends a longer one, and the rune before
// it there.
type runeBefore struct {
	tail string
	prev rune
}

// insideOf lists the known names of two runes or more that end name
// after its first rune, its title prefixes trimmed, with the rune before
// each.
func (x *titleIndex) insideOf(name string) []runeBefore {
	for _, p := range titlePrefixes {
		name = strings.TrimPrefix(name, p)
	}
	var out []runeBefore
	prev := utf8.RuneError
	for i, r := range name {
		if i > 0 {
			if t := name[i:]; runeCount(t) >= 2 {
				if _, ok := x.title(t); ok {
					out = append(out, runeBefore{t, prev})
				}
			}
		}
		prev = r
	}
	return out
}

// cutFrom reports whether tail, a known name that ends words, is cut from
// a longer name the words print: the rune before it in words precedes it
// in a longer name the corpus knows (调解仲裁法 ends in 仲裁法, and the
// corpus knows 劳动争议调解仲裁法), so the words name another law, one the
// corpus may not hold, and not tail's.
func (x *titleIndex) cutFrom(words, tail string) bool {
	head := words[:len(words)-len(tail)]
	prev, size := utf8.DecodeLastRuneInString(head)
	return size > 0 && x.names.inside[normTitle(tail)][prev]
}

// endsOther reports whether a title ends the title of a document that is
// not of the work of document i.
func (x *titleIndex) endsOther(title string, i int) bool {
	for j, t := range x.titles {
		if !strings.HasSuffix(t, title) && (!strings.HasSuffix(t, ")") || !strings.HasSuffix(titleCore(t), title)) {
			continue // titleCore only cuts a title that ends in brackets
		}
		if !x.sameWork(i, j) {
			return true
		}
	}
	return false
}

// citedAlone is the folded title of s when s is one citation in 《》 and
// nothing else; "".
func citedAlone(s string) string {
	if !strings.HasPrefix(s, "《") {
		return ""
	}
	refs := scanRefs(s)
	if len(refs) != 1 || refs[0].Kind != refCitation || refs[0].Start != 0 || refs[0].End != len(s) {
		return ""
	}
	return normTitle(refs[0].Title)
}

// sameWork reports whether documents i and j are one text or versions of
// one work.
func (x *titleIndex) sameWork(i, j int) bool {
	return i == j || slices.Contains(x.versions[i], j)
}

// expandShort returns the full title a short title in 《》 stands for
// across the corpus (collectShort), or title itself.
func (x *titleIndex) expandShort(title string) string {
	if full, ok := x.names.short[normTitle(title)]; ok {
		return full
	}
	return title
}

// title returns the title a name stands for when the corpus knows it:
// the name itself, or the title a short form was defined for.
func (x *titleIndex) title(name string) (string, bool) {
	t := normTitle(name)
	if isGenericTitle(t) {
		return "", false
	}
	for _, tier := range []titleTier{x.own, x.other} {
		if len(tier.exact[t]) > 0 || len(tier.short[t]) > 0 {
			return name, true
		}
	}
	if x.names.cited[t] {
		return name, true
	}
	if full, ok := x.names.forms[t]; ok {
		return full, true
	}
	return "", false
}

// hasLawSuffix reports whether s ends like the name of a law or rule.
func hasLawSuffix(s string) bool {
	for _, x := range lawSuffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// tails lists the tails of the words before a 第 that end like a law's
// name, longest first, down to two characters.
func tails(words string) []string {
	var out []string
	for i := 0; i < len(words); {
		tail := words[i:]
		if runeCount(tail) < 2 {
			break
		}
		out = append(out, tail)
		_, size := utf8.DecodeRuneInString(tail)
		i += size
	}
	return out
}

// namedTitle returns the title a law named without 《》 stands for: the
// longest tail of the words before its 第 that this document defines as
// an abbreviation or that the corpus knows as a title, and that tail; ""
// when none is.
func (r *docRefs) namedTitle(words string, ti, start int) (title, tail string) {
	for _, tail := range tails(words) {
		if !hasLawSuffix(tail) {
			continue
		}
		if d := r.abbreviation(tail, ti, start); d != nil && d.term.Expansion != "" {
			return d.term.Expansion, tail
		}
		if d := r.abbreviation("《"+tail+"》", ti, start); d != nil && d.term.Expansion != "" {
			return d.term.Expansion, tail
		}
		if t, ok := r.l.titles.title(tail); ok {
			if r.l.titles.cutFrom(words, tail) {
				return "", ""
			}
			return t, tail
		}
	}
	return "", ""
}
