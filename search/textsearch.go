package search

import (
	"context"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
)

// textTermQuery is a term query on the text field answered from the side
// file of text postings. It scores as bleve's term query on a field of
// the index would: bleve's own term scorer (tf-idf, the similarity of the
// index mapping) is fed the frequency, the field length norm, the count
// of documents holding the term and that of the index, as the index's
// postings would give them.
type textTermQuery struct {
	posts *textPosts
	term  string
	boost float64
}

func (q textTermQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	return newTextTermSearcher(ctx, r, q.posts, []byte(q.term), q.boost, options)
}

// newTextTermSearcher is the searcher of term over the postings tp, in
// the index r reads, as searcher.NewTermSearcher makes for a field of the
// index.
func newTextTermSearcher(ctx context.Context, r index.IndexReader, tp *textPosts, term []byte, boost float64,
	options bsearch.SearcherOptions) (*textTermSearcher, error) {
	if err := bsearch.RecordTermSearcher(ctx); err != nil {
		return nil, err
	}
	total, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	p, ok, err := tp.postings(term)
	if err != nil {
		return nil, err
	}
	if !ok {
		p = termPosts{docs: roaring.New(), width: 1}
	}
	count := p.docs.GetCardinality()
	return &textTermSearcher{
		posts:  tp,
		p:      p,
		it:     p.docs.Iterator(),
		count:  count,
		scorer: scorer.NewTermQueryScorer(term, fieldText, boost, total, count, 0, options),
		tfd:    index.TermFieldDoc{ID: index.NewIndexInternalID(nil, 0), Term: string(term)},
	}, nil
}

// textTermSearcher passes on the documents holding a term of the text
// field, in order, scored as bleve's TermSearcher scores them.
type textTermSearcher struct {
	posts  *textPosts
	p      termPosts
	it     roaring.IntPeekable
	i      uint64 // the rank in p.docs of the document it.Next returns
	count  uint64
	scorer *scorer.TermQueryScorer
	tfd    index.TermFieldDoc
}

func (s *textTermSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.it.HasNext() {
		return nil, nil
	}
	n := s.it.Next()
	s.tfd.ID.SetValue(uint64(n))
	s.tfd.Freq = s.p.freq(s.i)
	s.tfd.Norm = fieldNorm(s.posts.length(n))
	s.i++
	return s.scorer.Score(ctx, &s.tfd), nil
}

// Advance returns the first document at or after id.
func (s *textTermSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if len(id) != 8 {
		return s.Next(ctx)
	}
	v := id.Value()
	if v > 1<<32-1 {
		return nil, nil
	}
	s.it.AdvanceIfNeeded(uint32(v))
	if s.it.HasNext() {
		s.i = s.p.docs.Rank(s.it.PeekNext()) - 1
	}
	return s.Next(ctx)
}

func (s *textTermSearcher) Close() error               { return nil }
func (s *textTermSearcher) Weight() float64            { return s.scorer.Weight() }
func (s *textTermSearcher) SetQueryNorm(norm float64)  { s.scorer.SetQueryNorm(norm) }
func (s *textTermSearcher) Count() uint64              { return s.count }
func (s *textTermSearcher) Min() int                   { return 0 }
func (s *textTermSearcher) Size() int                  { return 96 + s.scorer.Size() }
func (s *textTermSearcher) DocumentMatchPoolSize() int { return 1 }
