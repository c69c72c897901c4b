package reconcile

import (
	"hash/maphash"
	"sync"

	"tiaoli/generator/model"
)

// Memo keeps the bigrams of the bodies Merge compared, by the text of the
// body, so that merging a corpus again after an edit (tiaoli preview) does
// not cut and sort the bodies of every version of a regulation again. It
// forgets what the last Merge did not use. It is safe for one Merge at a
// time.
type Memo struct {
	mu          sync.Mutex
	seeds       [2]maphash.Seed
	grams, last map[bodyKey][]uint64
}

// bodyKey is a body's text hashed with two seeds: 128 bits.
type bodyKey [2]uint64

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, grams: map[bodyKey][]uint64{}}
}

// Merge is Merge through the memo; a nil Memo merges without one.
func (m *Memo) Merge(docs []*model.Document, pins Pins) []*model.Document {
	if m != nil {
		m.last, m.grams = m.grams, map[bodyKey][]uint64{}
	}
	return merge(docs, pins, m)
}

// bodyGrams is bodyGrams through the memo, when there is one. The bigrams
// it returns are shared: they are only read.
func (m *Memo) bodyGrams(d *model.Document) []uint64 {
	if m == nil {
		return bodyGrams(d)
	}
	var k bodyKey
	for i := range k {
		var h maphash.Hash
		h.SetSeed(m.seeds[i])
		for _, p := range d.Body {
			maphash.WriteComparable(&h, len(p.Text))
			h.WriteString(p.Text)
		}
		k[i] = h.Sum64()
	}
	m.mu.Lock()
	g, ok := m.grams[k]
	if !ok {
		g, ok = m.last[k]
	}
	m.mu.Unlock()
	if !ok {
		g = bodyGrams(d)
	}
	m.mu.Lock()
	m.grams[k] = g
	m.mu.Unlock()
	return g
}
