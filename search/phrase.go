package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Most query words are phrases of bigrams at positions in a row (定期谈话:
// 定期 期谈 谈话). bleve's phrase searcher checks a candidate by building a
// map of every location of its terms and walking the paths through it;
// on a common word (国务院 in ten thousand documents) that bookkeeping
// cost more than reading the postings. adjacentQuery finds the same
// documents with the same scores (the conjunction of its terms, as
// bleve's phrase scores them) and checks positions on the candidate's
// locations as they come.

// adjacentQuery matches the documents where its terms stand at positions
// in a row in field.
type adjacentQuery struct {
	field string
	terms []string
	boost float64
}

// adjacentTerms returns the terms of toks when they stand at positions in
// a row, nil otherwise.
func adjacentTerms(toks analysis.TokenStream) []string {
	var out []string
	for i, t := range toks {
		if t.Position != toks[0].Position+i {
			return nil
		}
		out = append(out, string(t.Term))
	}
	return out
}

// Searcher returns a searcher over the conjunction of the terms, with
// their locations, that passes on the documents where they stand in a row.
func (q adjacentQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	opts := options
	opts.IncludeTermVectors = true
	subs := make([]bsearch.Searcher, 0, len(q.terms))
	for _, t := range q.terms {
		s, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, opts)
		if err != nil {
			for _, s := range subs {
				s.Close()
			}
			return nil, err
		}
		subs = append(subs, s)
	}
	c, err := searcher.NewConjunctionSearcher(ctx, r, subs, opts)
	if err != nil {
		return nil, err
	}
	return &adjacentSearcher{Searcher: c, terms: q.terms, pos: make([][]int, len(q.terms))}, nil
}

// adjacentSearcher passes on the matches of a conjunction whose terms
// stand in a row.
type adjacentSearcher struct {
	bsearch.Searcher
	terms []string
	pos   [][]int // positions of each term in the current candidate
}

func (s *adjacentSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	return s.first(ctx, d, err)
}

func (s *adjacentSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	return s.first(ctx, d, err)
}

// first returns d or the first candidate after it whose terms stand in a
// row.
func (s *adjacentSearcher) first(ctx *bsearch.SearchContext, d *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for d != nil && err == nil {
		if s.inRow(d) {
			d.FieldTermLocations = d.FieldTermLocations[:0]
			return d, nil
		}
		ctx.DocumentMatchPool.Put(d)
		d, err = s.Searcher.Next(ctx)
	}
	return d, err
}

// inRow reports whether the candidate has the terms at positions p, p+1,
// … in one field and one array position.
func (s *adjacentSearcher) inRow(d *bsearch.DocumentMatch) bool {
	for k := range s.pos {
		s.pos[k] = s.pos[k][:0]
	}
	for _, l := range d.FieldTermLocations {
		if len(l.Location.ArrayPositions) > 0 {
			return s.inRowArrays(d)
		}
		for k, t := range s.terms {
			if l.Term == t {
				s.pos[k] = append(s.pos[k], int(l.Location.Pos))
			}
		}
	}
	for k := range s.pos {
		slices.Sort(s.pos[k])
	}
	for _, p := range s.pos[0] {
		if s.rowAt(p) {
			return true
		}
	}
	return false
}

func (s *adjacentSearcher) rowAt(p int) bool {
	for k := 1; k < len(s.pos); k++ {
		if _, ok := slices.BinarySearch(s.pos[k], p+k); !ok {
			return false
		}
	}
	return true
}

// inRowArrays is inRow for fields with several values, where a position
// is one of a value: the terms must be in a row within one value.
func (s *adjacentSearcher) inRowArrays(d *bsearch.DocumentMatch) bool {
	for _, l0 := range d.FieldTermLocations {
		if l0.Term != s.terms[0] {
			continue
		}
		ok := true
		for k := 1; k < len(s.terms) && ok; k++ {
			ok = slices.ContainsFunc(d.FieldTermLocations, func(l bsearch.FieldTermLocation) bool {
				return l.Term == s.terms[k] && l.Field == l0.Field && l.Location.Pos == l0.Location.Pos+uint64(k) &&
					slices.Equal(l.Location.ArrayPositions, l0.Location.ArrayPositions)
			})
		}
		if ok {
			return true
		}
	}
	return false
}
