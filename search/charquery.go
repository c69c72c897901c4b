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

// bitmapCache keeps what queries asked for (the bitmaps of a character,
// of the heads that hold a word), up to max bytes; it starts afresh when
// it is full. It is safe for concurrent use.
type bitmapCache[K comparable, V any] struct {
	mu         sync.Mutex
	m          map[K]V
	bytes, max int
}

func newBitmapCache[K comparable, V any](max int) *bitmapCache[K, V] {
	return &bitmapCache[K, V]{m: map[K]V{}, max: max}
}

func (c *bitmapCache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *bitmapCache[K, V]) put(k K, v V, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes+size > c.max {
		c.m, c.bytes = map[K]V{}, 0
	}
	c.m[k] = v
	c.bytes += size
}

// headWeight is how much more a document scores that holds the character
// in its head or a label.
const headWeight = 2

// charQuery matches the search documents that hold a Han character, in
// the order of the index; those that hold it in their head or a label
// score headWeight times the others.
type charQuery struct {
	ci    *charIndex
	r     rune
	boost float64
	// limit, when above 0, keeps only the best that many documents (see
	// window), by the order of their IDs (order): when the character is
	// the whole query, they are its best hits.
	limit int
	order *idOrder
}

// Searcher returns a searcher over the character's bitmap.
func (q charQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	d, err := q.ci.docs(q.r)
	if err != nil {
		return nil, err
	}
	if d.all == nil {
		d = charDocs{all: roaring.New(), head: roaring.New()}
	}
	docs := d.all
	if q.limit > 0 {
		docs = window(d, q.limit, q.order)
	}
	return &bitmapSearcher{
		it:     docs.Iterator(),
		head:   d.head,
		count:  d.all.GetCardinality(),
		scorer: scorer.NewConstantScorer(1, q.boost, options),
		id:     index.NewIndexInternalID(nil, 0),
	}, nil
}

// window returns the best n documents: those with the character in the
// head first, then the others, each by the order of their IDs, as bleve
// orders hits of one score (byScoreThenID).
func window(d charDocs, n int, order *idOrder) *roaring.Bitmap {
	out := roaring.New()
	has := order.fill(out, d.head, 0, n)
	order.fill(out, d.all, has, n) // a head document again changes nothing
	return out
}

// bitmapSearcher passes on the documents of a bitmap in order, those of
// head (when not nil) scoring headWeight times the others.
type bitmapSearcher struct {
	it     roaring.IntPeekable
	head   *roaring.Bitmap
	count  uint64
	scorer *scorer.ConstantScorer
	id     index.IndexInternalID
}

func (s *bitmapSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.it.HasNext() {
		return nil, nil
	}
	doc := s.it.Next()
	s.id.SetValue(uint64(doc))
	d := s.scorer.Score(ctx, s.id)
	if s.head != nil && s.head.Contains(doc) {
		d.Score *= headWeight
	}
	return d, nil
}

// Advance returns the first document at or after id.
func (s *bitmapSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
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

func (s *bitmapSearcher) Close() error               { return nil }
func (s *bitmapSearcher) Weight() float64            { return s.scorer.Weight() }
func (s *bitmapSearcher) SetQueryNorm(norm float64)  { s.scorer.SetQueryNorm(norm) }
func (s *bitmapSearcher) Count() uint64              { return s.count }
func (s *bitmapSearcher) Min() int                   { return 0 }
func (s *bitmapSearcher) Size() int                  { return 64 + s.scorer.Size() }
func (s *bitmapSearcher) DocumentMatchPoolSize() int { return 1 }
