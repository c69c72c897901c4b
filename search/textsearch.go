package search

import (
	"context"
	"math"

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
	posts *textIndex
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
func newTextTermSearcher(ctx context.Context, r index.IndexReader, ti *textIndex, term []byte, boost float64,
	options bsearch.SearcherOptions) (*textTermSearcher, error) {
	if err := bsearch.RecordTermSearcher(ctx); err != nil {
		return nil, err
	}
	total, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	t, err := ti.term(term)
	if err != nil {
		return nil, err
	}
	count := t.docs.GetCardinality()
	return &textTermSearcher{
		ti:     ti,
		t:      t,
		it:     t.docs.Iterator(),
		count:  count,
		scorer: scorer.NewTermQueryScorer(term, fieldText, boost, total, count, 0, options),
		tfd:    index.TermFieldDoc{ID: index.NewIndexInternalID(nil, 0), Term: string(term)},
	}, nil
}

// textTermSearcher passes on the documents holding a term of the text
// field, in order, scored as bleve's TermSearcher scores them.
type textTermSearcher struct {
	ti     *textIndex
	t      textTerm
	it     roaring.IntPeekable
	i      uint64 // the rank in t.docs of the document it.Next returns
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
	s.tfd.Freq = s.t.freqAt(n, s.i)
	s.tfd.Norm = fieldNorm(s.ti.length(n))
	s.i++
	return s.scorer.Score(ctx, &s.tfd), nil
}

// Advance returns the first document at or after id. It steps through
// a few documents, counting them; beyond, it jumps and finds the rank of
// the document it lands on, which costs up to a thousand words' count of
// bits.
func (s *textTermSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if len(id) != 8 {
		return s.Next(ctx)
	}
	v := id.Value()
	if v > 1<<32-1 {
		return nil, nil
	}
	target := uint32(v)
	for step := 0; step < advanceSteps && s.it.HasNext() && s.it.PeekNext() < target; step++ {
		s.it.Next()
		s.i++
	}
	if s.it.HasNext() && s.it.PeekNext() < target {
		s.it.AdvanceIfNeeded(target)
		if s.it.HasNext() {
			s.i = s.t.docs.Rank(s.it.PeekNext()) - 1
		}
	}
	return s.Next(ctx)
}

// advanceSteps is how many documents Advance steps through before it
// jumps.
const advanceSteps = 16

func (s *textTermSearcher) Close() error               { return nil }
func (s *textTermSearcher) Weight() float64            { return s.scorer.Weight() }
func (s *textTermSearcher) SetQueryNorm(norm float64)  { s.scorer.SetQueryNorm(norm) }
func (s *textTermSearcher) Count() uint64              { return s.count }
func (s *textTermSearcher) Min() int                   { return 0 }
func (s *textTermSearcher) Size() int                  { return 96 + s.scorer.Size() }
func (s *textTermSearcher) DocumentMatchPoolSize() int { return 1 }

// textIndex is the text postings a version of the index reads: those of
// the file, less the documents deleted since it was written, and those
// of the documents added since (see livestate.go), numbered from the
// file's count on.
type textIndex struct {
	file    *textPosts
	deleted *roaring.Bitmap // nil for none
	added   map[string]termPosts
	lengths []uint32 // of the added documents
}

// textTerm is what a version of the index holds of one term: its live
// documents, and the postings their frequencies are read from.
type textTerm struct {
	docs        *roaring.Bitmap
	file, added termPosts
	split       uint32 // the first number of an added document
	// plain is whether docs is file.docs: the i-th document of docs is
	// then the i-th of the frequencies.
	plain bool
}

// term returns what the index holds of term.
func (ti *textIndex) term(term []byte) (textTerm, error) {
	p, ok, err := ti.file.postings(term)
	if err != nil {
		return textTerm{}, err
	}
	if !ok {
		p = termPosts{docs: roaring.New(), width: 1}
	}
	t := textTerm{docs: p.docs, file: p, split: ti.file.count(), plain: true}
	if a, ok := ti.added[string(term)]; ok {
		t.docs, t.added, t.plain = roaring.Or(p.docs, a.docs), a, false
	}
	if ti.deleted != nil && t.docs.Intersects(ti.deleted) {
		t.docs, t.plain = roaring.AndNot(t.docs, ti.deleted), false
	}
	return t, nil
}

// freqAt is the frequency of the term in document n, the i-th of docs.
func (t textTerm) freqAt(n uint32, i uint64) uint64 {
	if t.plain {
		return t.file.freq(i)
	}
	return t.freq(n)
}

// freq is the frequency of the term in document n, one of docs.
func (t textTerm) freq(n uint32) uint64 {
	if n < t.split {
		return t.file.freq(t.file.docs.Rank(n) - 1)
	}
	return t.added.freq(t.added.docs.Rank(n) - 1)
}

// length is the count of tokens of the text of document number n.
func (ti *textIndex) length(n uint32) uint32 {
	if split := ti.file.count(); n >= split {
		if i := n - split; i < uint32(len(ti.lengths)) {
			return ti.lengths[i]
		}
		return 0
	}
	return ti.file.length(n)
}

// rarestCount is the count of live documents holding the rarest of
// terms, 0 when there are none.
func (ti *textIndex) rarestCount(terms []string) (uint64, error) {
	if len(terms) == 0 {
		return 0, nil
	}
	least := uint64(math.MaxUint64)
	for _, term := range terms {
		t, err := ti.term([]byte(term))
		if err != nil {
			return 0, err
		}
		least = min(least, t.docs.GetCardinality())
	}
	return least, nil
}

// intersect calls f for every live document holding all terms, in
// order, with the least frequency of them.
func (ti *textIndex) intersect(terms []string, f func(doc uint64, tf float64)) error {
	if len(terms) == 0 {
		return nil
	}
	ts := make([]textTerm, len(terms))
	docs := make([]*roaring.Bitmap, len(terms))
	for i, term := range terms {
		t, err := ti.term([]byte(term))
		if err != nil {
			return err
		}
		ts[i], docs[i] = t, t.docs
	}
	if len(ts) == 1 {
		ts[0].each(func(n uint32, tf uint64) { f(uint64(n), float64(tf)) })
		return nil
	}
	nums := roaring.FastAnd(docs...).ToArray()
	tfs := make([]uint64, len(nums))
	for i := range tfs {
		tfs[i] = math.MaxUint64
	}
	for _, t := range ts {
		t.leastFreqs(nums, tfs)
	}
	for i, n := range nums {
		f(uint64(n), float64(tfs[i]))
	}
	return nil
}

// each calls f with every document of the term and its frequency, in
// order.
func (t textTerm) each(f func(n uint32, tf uint64)) {
	it := t.docs.ManyIterator()
	var buf [256]uint32
	for i := uint64(0); ; {
		k := it.NextMany(buf[:])
		if k == 0 {
			return
		}
		for _, n := range buf[:k] {
			f(n, t.freqAt(n, i))
			i++
		}
	}
}

// leastFreqs lowers each of tfs to the frequency of the term in the
// document of nums at its place; nums rise, and the term is in each.
// The rank of a document in a bitmap costs up to a thousand words' count
// of bits: for many documents a walk through the term's is cheaper.
func (t textTerm) leastFreqs(nums []uint32, tfs []uint64) {
	if !t.plain || uint64(len(nums))*64 < t.docs.GetCardinality() {
		for k, n := range nums {
			tfs[k] = min(tfs[k], t.freq(n))
		}
		return
	}
	k := 0
	t.each(func(n uint32, tf uint64) {
		if k < len(nums) && n == nums[k] {
			tfs[k] = min(tfs[k], tf)
			k++
		}
	})
}
