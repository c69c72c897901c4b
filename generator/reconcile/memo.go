package reconcile

import (
	"hash/maphash"

	"tiaoli/generator/model"
	"tiaoli/generator/recent"
)

// Memo keeps the bigrams of the bodies Merge compared, by the text of the
// body, so that merging a corpus again after an edit (tiaoli preview) does
// not cut and sort the bodies of every version of a regulation again. It
// forgets what the last Merge did not use. It is safe for one Merge at a
// time.
type Memo struct {
	seeds [2]maphash.Seed
	grams recent.Map[bodyKey, []uint64]
}

// bodyKey is a body's text hashed with two seeds: 128 bits.
type bodyKey [2]uint64

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

// Merge is Merge through the memo; a nil Memo merges without one.
func (m *Memo) Merge(docs []*model.Document, pins Pins) []*model.Document {
	if m != nil {
		m.grams.Start()
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
	g, ok := m.grams.Get(k)
	if !ok {
		g = bodyGrams(d)
		m.grams.Put(k, g)
	}
	return g
}
