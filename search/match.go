package search

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Highlighting and ranking find the query's forms in the stored text
// themselves, on the unigram analysis of both, with the same rule the
// index applies: a form matched on a bigram field needs its adjacent Han
// characters adjacent in the text and its separated ones separated (a
// bigram spans neither a gap nor a run boundary); a chars form only needs
// its tokens in a row. So a match marks exactly the characters that
// matched, whatever the length of the word (bleve's own highlighter loses
// the last character of an odd-length word on a bigram field).

// link is how a pattern token must touch the one before it.
type link uint8

const (
	linkAny   link = iota // tokens in a row, whatever lies between
	linkJoin              // two Han characters with nothing between
	linkBreak             // two Han characters with something between
)

// pattern is a form as a sequence of unigram tokens.
type pattern struct {
	terms [][]byte
	links []link
	// plain is the form when it is Han characters only, all joined: then
	// a match is any occurrence of it in the text, found without
	// analysing the text.
	plain string
}

// span is a match: byte offsets into a text, and the clause it satisfies.
type span struct {
	start, end int
	clause     int
}

// newPattern analyses a form into a pattern.
func (a analyzers) newPattern(f form) pattern {
	toks := a.unigram.Analyze([]byte(f.text))
	p := pattern{}
	for i, t := range toks {
		p.terms = append(p.terms, t.Term)
		l := linkAny
		if i > 0 && isHan(toks[i-1]) && isHan(t) {
			l = linkBreak
			if toks[i-1].End == t.Start {
				l = linkJoin
			}
		}
		p.links = append(p.links, l)
	}
	p.plain = plainForm(toks)
	return p
}

// plainForm is the characters of tokens that are all Han and joined, ""
// otherwise.
func plainForm(toks analysis.TokenStream) string {
	var b strings.Builder
	for i, t := range toks {
		if !isHan(t) || (i > 0 && toks[i-1].End != t.Start) {
			return ""
		}
		b.Write(t.Term)
	}
	return b.String()
}

// findPlain returns the non-overlapping occurrences of p.plain in text.
func (p pattern) findPlain(text string) []span {
	var out []span
	for at := 0; at < len(text); {
		i := strings.Index(text[at:], p.plain)
		if i < 0 {
			break
		}
		start := at + i
		out = append(out, span{start: start, end: start + len(p.plain)})
		at = start + len(p.plain)
	}
	return out
}

// find returns the non-overlapping matches of p in the analysed text.
func (p pattern) find(toks analysis.TokenStream) []span {
	n := len(p.terms)
	if n == 0 {
		return nil
	}
	var out []span
	for i := 0; i+n <= len(toks); i++ {
		if p.matchAt(toks, i) {
			out = append(out, span{start: toks[i].Start, end: toks[i+n-1].End})
			i += n - 1
		}
	}
	return out
}

func (p pattern) matchAt(toks analysis.TokenStream, i int) bool {
	for k, term := range p.terms {
		t := toks[i+k]
		if !bytes.Equal(t.Term, term) {
			return false
		}
		if k == 0 || p.links[k] == linkAny {
			continue
		}
		prev := toks[i+k-1]
		joined := prev.End == t.Start && isHan(prev) && isHan(t)
		if joined != (p.links[k] == linkJoin) {
			return false
		}
	}
	return true
}

// matcher finds the clauses of a plan in texts.
type matcher struct {
	an       analyzers
	patterns [][]pattern // per clause
	plain    bool        // every pattern is plain
}

func newMatcher(an analyzers, clauses []clausePlan) *matcher {
	m := &matcher{an: an}
	for _, c := range clauses {
		var ps []pattern
		for _, f := range c.forms {
			ps = append(ps, an.newPattern(f))
		}
		m.patterns = append(m.patterns, ps)
	}
	m.plain = true
	for _, ps := range m.patterns {
		for _, p := range ps {
			m.plain = m.plain && p.plain != ""
		}
	}
	return m
}

// findText returns every match of every clause in text (see find). When
// all patterns are plain Han words it looks for them as strings in the
// text with its characters folded as the analyzer folds them, which is
// what matching the analysed text would find, at a fraction of the cost.
func (m *matcher) findText(text string) []span {
	if text == "" || len(m.patterns) == 0 {
		return nil
	}
	if !m.plain {
		return m.find(m.an.unigram.Analyze([]byte(text)))
	}
	folded := foldFormsString(text) // offsets as in text (fold.go)
	return m.collect(func(p pattern) []span { return p.findPlain(folded) })
}

// find returns every match of every clause in the analysed text, ordered
// by start, longer first; matches of different clauses may overlap.
func (m *matcher) find(toks analysis.TokenStream) []span {
	return m.collect(func(p pattern) []span { return p.find(toks) })
}

// collect gathers the spans find gives for every pattern of every
// clause, marked with their clause, sorted.
func (m *matcher) collect(find func(p pattern) []span) []span {
	var all []span
	for c, ps := range m.patterns {
		for _, p := range ps {
			for _, s := range find(p) {
				s.clause = c
				all = append(all, s)
			}
		}
	}
	sortSpans(all)
	return all
}

// mergeSpans takes sorted spans and joins those that overlap or touch, so
// that 定期谈话 and 全覆盖 side by side are one mark.
func mergeSpans(all []span) []span {
	var out []span
	for _, s := range all {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortSpans(s []span) {
	slices.SortFunc(s, compareSpans)
}

// compareSpans orders spans by start, the longer first.
func compareSpans(a, b span) int {
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
}

// clausesIn reports which clauses have a match among spans.
func clausesIn(spans []span, n int) []bool {
	out := make([]bool, n)
	for _, s := range spans {
		out[s.clause] = true
	}
	return out
}
