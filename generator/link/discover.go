package link

import (
	"strings"

	"tiaoli/generator/model"
)

// def is a term and where it applies.
type def struct {
	term  *model.Term
	doc   int // index of the defining document, -1 for the glossary
	art   int // article index of the definition, -1 outside articles
	text  int // text index of the defining span, -1 when none
	start int // defining span in that text
	end   int
	// sentStart and sentEnd bound the defining sentence in that text.
	sentStart, sentEnd int
	forms              []string // what is matched: the term, its aliases
	extends            bool     // a 下同 gloss (found.Extends)
	index              int      // in Corpus.Terms
}

// applies reports whether d applies at offset off of text ti of document
// di, which is in article art.
func (d *def) applies(l *linker, di, ti, off, art int) bool {
	switch d.term.Scope {
	case scopeCorpus:
		return true
	case scopeArticle:
		return d.doc == di && d.art == art && art >= 0
	case scopeSection, scopeChapter, scopeBook:
		return d.doc == di && sameHeading(l.docs[di], d.art, art, scopeLevels[d.term.Scope])
	case scopeRest:
		if d.doc == di {
			return !(at{ti, off}).before(at{d.text, d.end})
		}
	}
	for _, f := range l.family[di] {
		if f == d.doc {
			return true
		}
	}
	return false
}

// discover reads every document for the terms it defines and the titles
// it prints in 《》 (cited, per document), through the memo when there is
// one. glossary is the digest of the glossary file.
func (l *linker) discover(glossary []*def, gsum digest) ([]model.Error, [][]string) {
	known := map[string]bool{}
	for _, g := range glossary {
		known[g.term.Term] = true
	}
	errs := make([][]model.Error, len(l.docs))
	cited := make([][]string, len(l.docs))
	parallelIn(l.largestFirst(), func(di int) {
		var k digest
		if l.memo != nil {
			k = discoveryKey(l.keys[di], gsum)
			var ok bool
			if l.defs[di], errs[di], cited[di], ok = l.memo.discovery(k, di); ok {
				return
			}
		}
		l.defs[di], errs[di] = l.discoverDoc(di, known)
		cited[di] = citedTitles(l.texts[di])
		l.memo.keepDiscovery(k, l.docs[di], l.defs[di], errs[di], cited[di])
	})
	var all []model.Error
	for _, e := range errs {
		all = append(all, e...)
	}
	return all, cited
}

// discoverDoc finds the terms document di defines, in reading order.
func (l *linker) discoverDoc(di int, glossary map[string]bool) ([]*def, []model.Error) {
	var defs []*def
	var errs []model.Error
	byTerm := map[string]*def{}
	texts := l.texts[di]
	for ti, t := range texts {
		for _, f := range findDefinitions(t.p.Text, t.art >= 0) {
			if f.Needs != "" && byTerm[f.Needs] == nil && !glossary[f.Needs] {
				continue
			}
			if quotesAnother(l.docs[di], t.p.Text, f) || f.Recurs && !usedAfter(texts, ti, f) ||
				f.Extends && definesEnding(byTerm, f.Term.Term) {
				continue
			}
			if f.Kind == model.TermDefined && announcesList(f.Definition) {
				if items := itemsAfter(l.docs[di], texts, ti); items != "" {
					f.Definition = strings.TrimLeft(f.Definition+items, "：:") // 是指：（一）…, not ：（一）…
				}
			}
			if f.MembersFollow {
				if f.Members = membersFromItems(texts, ti); len(f.Members) == 0 {
					continue
				}
			}
			if prev := byTerm[f.Term.Term]; prev != nil && sameMeaning(prev.term, &f.Term) {
				continue
			}
			f.Scope = ownScope(l.docs[di], f)
			d := newDef(di, ti, t, f)
			if f.Kind == model.TermList && f.Count != len(f.Members) {
				errs = append(errs, model.Errorf(t.p.Position, "「%s」称有%d项，正文列出%d项",
					f.Term.Term, f.Count, len(f.Members)))
			}
			if x := byTerm[f.KindOf]; x != nil && f.KindOf != "" {
				x.term.Includes = appendOnceString(x.term.Includes, f.Term.Term)
			}
			byTerm[f.Term.Term] = d
			d.extends = f.Extends
			defs = append(defs, d)
		}
	}
	return withoutGlossesOfDefined(defs), errs
}

// withoutGlossesOfDefined drops the 下同 glosses of a phrase that is, or
// ends in, a term the document defines after them (兽药（包括…，下同） before
// 本条例所称兽药，是指…): that definition stands for the whole document.
func withoutGlossesOfDefined(defs []*def) []*def {
	defined := map[string]*def{}
	for _, d := range defs {
		if !d.extends {
			defined[d.term.Term] = d
		}
	}
	out := defs[:0]
	for _, d := range defs {
		if !d.extends || !definesEnding(defined, d.term.Term) {
			out = append(out, d)
		}
	}
	return out
}

// definesEnding reports whether x, or a term of two runes or more it ends
// with, is one of the terms of byTerm.
func definesEnding(byTerm map[string]*def, x string) bool {
	for i := range x {
		if rest := x[i:]; runeCount(rest) >= 2 && byTerm[rest] != nil {
			return true
		}
	}
	return false
}

// usedAfter reports whether the term of f, found in text ti, occurs again
// after it in the document.
func usedAfter(texts []text, ti int, f found) bool {
	x := foldString(f.Term.Term)
	if strings.Contains(foldString(texts[ti].p.Text[f.End:]), x) {
		return true
	}
	for _, t := range texts[ti+1:] {
		if strings.Contains(foldString(t.p.Text), x) {
			return true
		}
	}
	return false
}

// quotesAnother reports whether a definition found in d is another act's,
// quoted: a sentence inside a quotation of an amendment (修改为：“本法所称…”)
// or of a commentary, news item or court case that quotes a law. It
// belongs to the act quoted, which defines it in its own text; a
// regulation's own quoted term (本条例所称“某某”) is not quoted so.
func quotesAnother(d *model.Document, s string, f found) bool {
	if d.Kind == model.KindRegulation && amendedTitle(d) == "" || d.Kind == model.KindNotice {
		return false
	}
	off := f.Start // outside the quotation marks of the term itself: 所称“某某”
	for _, q := range []string{"“", "「", "\""} {
		if strings.HasSuffix(s[:off], q) {
			off -= len(q)
			break
		}
	}
	return InQuotation(s, off)
}

// ownScope narrows the scope of a named list that a commentary coins
// (“三看”，即…) to that commentary: its author's shorthand, not a list
// other documents use in the same sense. Lists that regulations, notices
// and the news items carrying them name, and acronyms, keep the corpus.
func ownScope(d *model.Document, f found) string {
	if f.Scope == scopeCorpus && f.Kind == model.TermList && d.Kind == model.KindCommentary {
		return scopeDocument
	}
	return f.Scope
}

func newDef(di, ti int, t text, f found) *def {
	term := f.Term
	loc := t.loc()
	loc.Start, loc.End = f.Start, f.End
	term.DefinedIn = &loc
	d := &def{term: &term, doc: di, art: t.art, text: ti, start: f.Start, end: f.End,
		sentStart: f.SentStart, sentEnd: f.SentEnd}
	d.forms = matchForms(&term)
	return d
}

// countingWords are defined by many laws (本法所称以上、以下、以内，包括本数)
// but are function words everywhere else, 以下简称 included: they stay
// terms without linking their occurrences.
var countingWords = map[string]bool{
	"以上": true, "以下": true, "以内": true, "以外": true, "不满": true, "超过": true,
	"不足": true, "届满": true, "以前": true, "以后": true, "以来": true,
}

// matchForms are the strings an automaton matches for a term. Titles in
// 《》 are not matched: they are citations, linked as references.
func matchForms(t *model.Term) []string {
	var forms []string
	for _, s := range append([]string{t.Term}, t.Aliases...) {
		if !strings.Contains(s, "《") && runeCount(s) >= 2 && !countingWords[s] {
			forms = append(forms, foldString(s))
		}
	}
	return forms
}

func sameMeaning(a, b *model.Term) bool {
	return a.Kind == b.Kind && a.Expansion == b.Expansion && a.Definition == b.Definition
}

func appendOnceString(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// announcesList reports whether a definition ends where it announces a
// list (是指下列财产：): its items complete it.
func announcesList(def string) bool {
	return strings.HasSuffix(def, "：") || strings.HasSuffix(def, ":")
}

// itemsAfter is the text of the items that follow text ti, each with its
// label: of a 款, its 项 and their 目 (本法所称公共财产，是指下列财产：（一）
// 国有财产；…); of a 项, its 目 (（一）电子数据，是指：1.…2.…).
func itemsAfter(d *model.Document, texts []text, ti int) string {
	t := texts[ti]
	if t.art < 0 || t.sub >= 0 {
		return ""
	}
	var b strings.Builder
	for _, n := range texts[ti+1:] {
		if n.art != t.art || n.clause != t.clause || n.item < 0 || t.item >= 0 && (n.item != t.item || n.sub < 0) {
			break
		}
		if it := itemAt(d, n); it != nil {
			b.WriteString(it.Label)
		}
		b.WriteString(strings.TrimSpace(n.p.Text))
	}
	return b.String()
}

// itemAt is the 项 or 目 text n is the text of; nil when there is none.
func itemAt(d *model.Document, n text) *model.Item {
	if n.art < 0 || n.art >= len(d.Articles) || n.clause < 0 || n.clause >= len(d.Articles[n.art].Clauses) {
		return nil
	}
	items := d.Articles[n.art].Clauses[n.clause].Items
	if n.item < 0 || n.item >= len(items) {
		return nil
	}
	if n.sub < 0 {
		return items[n.item]
	}
	if n.sub >= len(items[n.item].Items) {
		return nil
	}
	return items[n.item].Items[n.sub]
}

// membersFromItems returns the members of a list whose name ends its text
// with a colon: the first sentence of each item that follows.
func membersFromItems(texts []text, ti int) []string {
	t := texts[ti]
	var ms []string
	for _, n := range texts[ti+1:] {
		if n.art != t.art || n.clause != t.clause || n.item < 0 || t.art < 0 {
			break
		}
		if n.sub >= 0 {
			continue
		}
		m := strings.TrimSpace(n.p.Text)
		if i := strings.IndexAny(m, "。；;："); i > 0 {
			m = m[:i]
		}
		if m != "" {
			ms = append(ms, m)
		}
	}
	return ms
}

// number puts every term in Corpus.Terms (documents in order, then the
// glossary), gives each a unique ID and builds the corpus-wide matcher.
func (l *linker) number(glossary []*def) {
	l.terms = nil
	for _, ds := range l.defs {
		l.terms = append(l.terms, ds...)
	}
	l.terms = append(l.terms, glossary...)
	l.c.Terms = make([]*model.Term, len(l.terms))
	var global []*def
	for i, d := range l.terms {
		d.index = i
		t := d.term
		t.Occurrences = []model.Location{}
		l.c.Terms[i] = t
		if t.Scope == scopeCorpus {
			global = append(global, d)
		}
	}
	l.global = newMatcher(global)
}
