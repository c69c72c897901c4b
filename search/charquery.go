package search

import (
	"context"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
)

// bitmapCache keeps the bitmaps of the characters queries asked for, up
// to maxCharsCache bytes.
type bitmapCache struct {
	mu    sync.Mutex
	m     map[rune]*roaring.Bitmap
	bytes int
}

func newBitmapCache() *bitmapCache { return &bitmapCache{m: map[rune]*roaring.Bitmap{}} }

func (c *bitmapCache) get(r rune) *roaring.Bitmap {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[r]
}

func (c *bitmapCache) put(r rune, bm *roaring.Bitmap, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes+size > maxCharsCache {
		c.m, c.bytes = map[rune]*roaring.Bitmap{}, 0
	}
	c.m[r] = bm
	c.bytes += size
}

// charQuery matches the search documents that hold a Han character, all
// with the same score, in the order of the index.
type charQuery struct {
	ci    *charIndex
	r     rune
	boost float64
	// limit, when above 0, stops the searcher after that many documents.
	limit int
}

// Searcher returns a searcher over the character's bitmap.
func (q charQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	bm, err := q.ci.docs(q.r)
	if err != nil {
		return nil, err
	}
	if bm == nil {
		bm = roaring.New()
	}
	return &charSearcher{
		it:     bm.Iterator(),
		count:  bm.GetCardinality(),
		limit:  q.limit,
		scorer: scorer.NewConstantScorer(1, q.boost, options),
		id:     index.NewIndexInternalID(nil, 0),
	}, nil
}

// charSearcher passes on the documents of a bitmap in order.
type charSearcher struct {
	it     roaring.IntPeekable
	count  uint64
	limit  int // documents to pass on at most, when above 0
	passed int
	scorer *scorer.ConstantScorer
	id     index.IndexInternalID
}

func (s *charSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.it.HasNext() || (s.limit > 0 && s.passed >= s.limit) {
		return nil, nil
	}
	s.passed++
	s.id.SetValue(uint64(s.it.Next()))
	return s.scorer.Score(ctx, s.id), nil
}

// Advance returns the first document at or after id.
func (s *charSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if len(id) != 8 {
		return s.Next(ctx)
	}
	v := id.Value()
	if v > 1<<32-1 {
		return nil, nil
	}
	s.it.AdvanceIfNeeded(uint32(v))
	return s.Next(ctx)
}

func (s *charSearcher) Close() error               { return nil }
func (s *charSearcher) Weight() float64            { return s.scorer.Weight() }
func (s *charSearcher) SetQueryNorm(norm float64)  { s.scorer.SetQueryNorm(norm) }
func (s *charSearcher) Count() uint64              { return s.count }
func (s *charSearcher) Min() int                   { return 0 }
func (s *charSearcher) Size() int                  { return 64 + s.scorer.Size() }
func (s *charSearcher) DocumentMatchPoolSize() int { return 1 }
