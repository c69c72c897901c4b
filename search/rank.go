package search

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Weights of the ranking signals. bleve's score (normalised to the best
// hit) orders hits that the signals do not tell apart.
const (
	wBleve    = 1.0
	wDefines  = 6.0 // the place that defines a queried term
	wTermPage = 1.0 // the page of a queried term
	wNamed    = 7.0 // a document the query names: its title ends with the words
	wLabel    = 3.0 // a word is the article's label (第五条)
	wTitleDoc = 2.5 // words in the title of a document or term page
	wTitleArt = 0.4 // words in the title of the document of an article
	wHeading  = 0.6 // words in a 章/节 title, kicker or subtitle
	wText     = 1.0 // words in the text
	wClose    = 1.5 // the words close together in the text
	wLine     = 0.6 // all the words in one 款 or 项
	wEarly    = 0.4 // the first match early in the text
	// wTermOther is taken from a term page the query does not name: its
	// definition or members say the words, the text that uses them
	// should come first.
	wTermOther = 1.5
	// wSuperseded is taken from a version no longer in force: the one in
	// force comes first.
	wSuperseded = 1.0
)

// candidate is a hit being ranked, with its stored fields.
type candidate struct {
	id, title, heading, text string
	kind, doc, date, article string
	status                   string // 已修改, 已废止: superseded
	anchors                  []string
	bleve, score             float64
	ranked                   bool   // spans are found
	spans                    []span // in text
}

// rank scores the hits of the rank window on their text and sorts them;
// hits beyond the window keep bleve's order (byScoreThenID) after them.
func (ix *Index) rank(p *plan, m *matcher, hits bsearch.DocumentMatchCollection) []*candidate {
	cands := make([]*candidate, len(hits))
	top := 0.0
	for i, h := range hits {
		cands[i] = newCandidate(h)
		top = max(top, h.Score)
	}
	n := min(len(cands), rankWindow)
	for _, c := range cands[:n] {
		c.spans, c.ranked = m.findText(c.text), true
		c.score = c.signals(p, m, top)
	}
	for _, c := range cands[n:] {
		c.score = wBleve * c.bleve / nonZero(top)
	}
	slices.SortStableFunc(cands[:n], func(a, b *candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.id, b.id))
	})
	return cands
}

func nonZero(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}

func newCandidate(h *bsearch.DocumentMatch) *candidate {
	packed, _ := h.Fields[fieldStored].(string)
	v := unpackStored(packed)
	c := &candidate{
		id: h.ID, title: v.get(fieldTitle), heading: v.get(fieldHeading), text: v.get(fieldText),
		kind: v.get(fieldKind), doc: v.get(fieldDoc), date: v.get(fieldDate), article: v.get(fieldArticle),
		status: v.get(fieldStatus), bleve: h.Score,
	}
	if a := v.get(fieldAnchors); a != "" {
		c.anchors = strings.Split(a, " ")
	}
	return c
}

// signals is a candidate's score.
func (c *candidate) signals(p *plan, m *matcher, top float64) float64 {
	s := wBleve * c.bleve / nonZero(top)
	nc := len(p.clauses)
	if nc == 0 {
		return s
	}
	s += wDefines*c.defines(p.terms) + wTermPage*c.termPage(p.terms)
	if c.status != "" {
		s -= wSuperseded
	}
	if named := c.named(p, m); named > 0 {
		// The title says it all: the text need not say it again.
		return s + wNamed*named + wTitleDoc + wText + wClose + wLine + wEarly
	}
	if c.article != "" && fieldFraction(m, c.article, nc) > 0 {
		s += wLabel
	}
	titleW := wTitleDoc
	if c.kind == KindTerm && !namesTerm(p, c.title) {
		titleW = wTitleArt
		s -= wTermOther
	}
	if c.article != "" {
		titleW = wTitleArt
	}
	s += titleW * fieldFraction(m, c.title, nc)
	s += wHeading * fieldFraction(m, c.heading, nc)
	in := clausesIn(c.spans, nc)
	s += wText * fraction(in)
	s += wClose*closeness(c.spans, nc) + wLine*c.oneLine(nc) + wEarly*c.early()
	return s
}

// fieldFraction is the share of clauses matched in a short field.
func fieldFraction(m *matcher, text string, n int) float64 {
	if text == "" {
		return 0
	}
	return fraction(clausesIn(m.findText(text), n))
}

func fraction(in []bool) float64 {
	if len(in) == 0 {
		return 0
	}
	k := 0
	for _, ok := range in {
		if ok {
			k++
		}
	}
	return float64(k) / float64(len(in))
}

// named is above 1 for a whole document whose title has every word of the
// query and ends with one of them, as a reader names a law by the end of
// its title (个人信息保护法 for 中华人民共和国个人信息保护法); the more of
// the title the word covers, the more (the regulation before the news
// item whose headline carries it), 0 otherwise.
func (c *candidate) named(p *plan, m *matcher) float64 {
	if c.article != "" || c.kind == KindTerm || len(p.clauses) == 0 {
		return 0
	}
	if fieldFraction(m, c.title, len(p.clauses)) < 1 {
		return 0
	}
	title := simplify(termKey(trimVersion(c.title)))
	for _, cl := range p.clauses {
		for _, f := range cl.forms {
			if k := simplify(termKey(f.text)); k != "" && strings.HasSuffix(title, k) {
				return 1 + 0.5*float64(len(k))/float64(len(title))
			}
		}
	}
	return 0
}

// trimVersion drops a closing note in brackets from a title:
// (2021年修正), （试行）.
func trimVersion(title string) string {
	t := strings.TrimSpace(foldWidth(title))
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndex(t, "("); i > 0 {
			return t[:i]
		}
	}
	return t
}

// namesTerm reports whether a clause of the query is the whole term.
func namesTerm(p *plan, term string) bool {
	key := termKey(term)
	for _, c := range p.clauses {
		for _, f := range c.forms {
			if termKey(f.text) == key {
				return true
			}
		}
	}
	return false
}

// defines is 1 when the candidate is where a queried term is defined.
func (c *candidate) defines(terms []termEntry) float64 {
	if c.kind == KindTerm {
		return 0
	}
	for _, t := range terms {
		if t.Doc != "" && t.Doc == c.doc && t.Article == c.article {
			return 1
		}
	}
	return 0
}

// termPage is 1 when the candidate is the page of a queried term.
func (c *candidate) termPage(terms []termEntry) float64 {
	if c.kind != KindTerm {
		return 0
	}
	for _, t := range terms {
		if t.URL == c.id {
			return 1
		}
	}
	return 0
}

// closeness is 1 when the text has all the clauses it matches side by
// side, falling towards 0 as the shortest stretch holding one match of
// each grows. A text matching one clause or none counts as close.
func closeness(spans []span, n int) float64 {
	in := clausesIn(spans, n)
	need := 0
	for _, ok := range in {
		if ok {
			need++
		}
	}
	switch need {
	case 0:
		return 0
	case 1:
		return 1
	}
	width, covered := minWindow(spans, in)
	if width <= 0 {
		return 0
	}
	return min(1, float64(covered+gapBytes)/float64(width+gapBytes))
}

// minWindow is the shortest stretch of text (in bytes) holding one match
// of every clause in in, and how much of it those matches cover.
func minWindow(spans []span, in []bool) (width, covered int) {
	last := make([]int, len(in)) // each clause's latest match, -1 none
	for i := range last {
		last[i] = -1
	}
	width = -1
	for i, s := range spans {
		last[s.clause] = i
		lo, cov, ok := i, 0, true
		for c, j := range last {
			if !in[c] {
				continue
			}
			if j < 0 {
				ok = false
				break
			}
			cov += spans[j].end - spans[j].start
			if spans[j].start < spans[lo].start {
				lo = j
			}
		}
		if w := s.end - spans[lo].start; ok && (width < 0 || w < width) {
			width, covered = w, min(cov, w)
		}
	}
	return width, covered
}

// gapBytes softens closeness: words a few characters apart still count as
// close.
const gapBytes = 30

// oneLine is 1 when one line of the text holds a match of every clause
// the text matches.
func (c *candidate) oneLine(n int) float64 {
	if len(c.spans) == 0 {
		return 0
	}
	want := fraction(clausesIn(c.spans, n))
	for _, line := range splitSpans(c.text, c.spans) {
		if fraction(clausesIn(line.spans, n)) == want {
			return 1
		}
	}
	return 0
}

// early is near 1 when the first match opens the text.
func (c *candidate) early() float64 {
	if len(c.spans) == 0 {
		return 0
	}
	runes := utf8.RuneCountInString(c.text[:c.spans[0].start])
	return 1 / (1 + float64(runes)/50)
}

// scoreGrain is the grain bleve's scores are rounded to before hits are
// ordered. bleve adds up the scores of a query's parts in an order that
// may follow how the index numbers its documents (the heap of a large
// disjunction), so two indexes of one corpus, one built whole and one
// updated, may give a hit scores that differ in their last bits, and two
// hits of one score would come in another order. Rounded to the grain,
// the scores are the same (but for one on the very edge of a grain), and
// hits of one score come in the order of their IDs (byScoreThenID).
const scoreGrain = 1e-9

// grained is x rounded to the grain.
func grained(x float64) float64 { return math.Round(x/scoreGrain) * scoreGrain }

// grainedQuery is a query whose hits score as those of another, rounded
// to the grain.
type grainedQuery struct{ q query.Query }

func (g grainedQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := g.q.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return grainedSearcher{s}, nil
}

// grainedSearcher passes on the hits of its searcher, their scores
// rounded to the grain.
type grainedSearcher struct{ bsearch.Searcher }

func (s grainedSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		d.Score = grained(d.Score)
	}
	return d, err
}

func (s grainedSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		d.Score = grained(d.Score)
	}
	return d, err
}
