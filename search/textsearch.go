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

// Advance returns the first document at or after id.
func (s *textTermSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if !advanceBitmap(s.it, id) {
		return nil, nil
	}
	if s.it.HasNext() {
		s.i = s.t.docs.Rank(s.it.PeekNext()) - 1
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
	both := docs[0]
	if len(docs) > 1 {
		both = roaring.FastAnd(docs...)
	}
	for it := both.Iterator(); it.HasNext(); {
		n := it.Next()
		tf := uint64(math.MaxUint64)
		for _, t := range ts {
			tf = min(tf, t.freq(n))
		}
		f(uint64(n), float64(tf))
	}
	return nil
}
