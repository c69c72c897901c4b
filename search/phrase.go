package search

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// checkedSearcher passes on the matches of a searcher that pass a check.
type checkedSearcher struct {
	bsearch.Searcher
	check func(*bsearch.DocumentMatch) bool
}

func (s *checkedSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	return s.first(ctx, d, err)
}

func (s *checkedSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	return s.first(ctx, d, err)
}

// first returns d or the first match after it that passes the check.
func (s *checkedSearcher) first(ctx *bsearch.SearchContext, d *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for d != nil && err == nil {
		if s.check(d) {
			return d, nil
		}
		ctx.DocumentMatchPool.Put(d)
		d, err = s.Searcher.Next(ctx)
	}
	return d, err
}

// phraseQuery matches the documents whose head or text holds a word of
// several tokens: those that hold all its tokens (its bigrams and Latin
// words from bleve, its lone Han characters from the side file of
// characters) and, checked in the side file of texts, the word itself
// (see texts.go). They score as the conjunction of its tokens.
type phraseQuery struct {
	part   textPart
	terms  []string // tokens of the field
	chars  []rune   // lone Han characters (第 and 条 of 第5条)
	needle []byte   // the word as the side file of texts holds it
	ci     *charIndex
	texts  *textStore
	posts  *textIndex
	boost  float64
}

// field is the field of the query's part: its bleve field for the head.
func (q phraseQuery) field() string {
	if q.part == partHead {
		return fieldHead
	}
	return fieldText
}

// termSearcher is the searcher of a token in the query's part: in the
// head field of bleve, or in the text postings.
func (q phraseQuery) termSearcher(ctx context.Context, r index.IndexReader, t string, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if q.part == partHead {
		return searcher.NewTermSearcher(ctx, r, t, q.field(), q.boost, options)
	}
	return newTextTermSearcher(ctx, r, q.posts, []byte(t), q.boost, options)
}

// Searcher returns the conjunction of the tokens' searchers, checked.
func (q phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	subs := make([]bsearch.Searcher, 0, len(q.terms)+len(q.chars))
	closeAll := func() {
		for _, s := range subs {
			s.Close()
		}
	}
	for _, t := range q.terms {
		s, err := q.termSearcher(ctx, r, t, options)
		if err != nil {
			closeAll()
			return nil, err
		}
		subs = append(subs, s)
	}
	for _, c := range q.chars {
		s, err := charQuery{ci: q.ci, r: c, boost: q.boost}.Searcher(ctx, r, m, options)
		if err != nil {
			closeAll()
			return nil, err
		}
		subs = append(subs, s)
	}
	if len(subs) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	var all bsearch.Searcher = subs[0]
	if len(subs) > 1 {
		c, err := searcher.NewConjunctionSearcher(ctx, r, subs, options)
		if err != nil {
			closeAll()
			return nil, err
		}
		all = c
	}
	return &checkedSearcher{Searcher: all, check: func(d *bsearch.DocumentMatch) bool {
		return len(d.IndexInternalID) == 8 && q.texts.holds(d.IndexInternalID.Value(), q.part, q.needle)
	}}, nil
}
