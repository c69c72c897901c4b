package reconcile

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"

	"tiaoli/generator/model"
	"tiaoli/generator/recent"
	"tiaoli/internal/bincode"
)

// Memo keeps, by the texts of two bodies, how alike Merge found them (the
// Dice coefficient of their bigrams), so that merging a corpus again
// after an edit does not cut and sort the bodies of every version of a
// regulation again; in memory it keeps the bigrams of the bodies too, for
// the pairs an edit makes. It forgets what the last Merge did not use. It
// is safe for one Merge at a time. The similarities can be written down
// (AppendBinary) and read back by another process (UnmarshalBinary): the
// bodies are named by a SHA-256 of their texts.
type Memo struct {
	grams recent.Map[bodyKey, []uint64]
	sims  recent.Map[pairKey, float64]
}

// bodyKey names the text of a body: its SHA-256.
type bodyKey [sha256.Size]byte

// pairKey names two bodies compared, the lesser key first (the Dice
// coefficient is symmetric).
type pairKey [2]bodyKey

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

// Merge is Merge through the memo; a nil Memo merges without one.
func (m *Memo) Merge(docs []*model.Document, pins Pins) []*model.Document {
	if m != nil {
		m.grams.Start()
		m.sims.Start()
	}
	return merge(docs, pins, m)
}

// keyOf is the key of the text of d's body.
func keyOf(d *model.Document) bodyKey {
	h := sha256.New()
	var n []byte
	for _, p := range d.Body {
		n = binary.AppendUvarint(n[:0], uint64(len(p.Text)))
		h.Write(n)
		h.Write([]byte(p.Text))
	}
	var k bodyKey
	h.Sum(k[:0])
	return k
}

// similarity is dice of the bigrams of the bodies of two editions,
// through the memo when there is one.
func (m *Memo) similarity(a, b *edition) float64 {
	if m == nil {
		return dice(a.gramsOf(nil), b.gramsOf(nil))
	}
	k := pairKey{a.keyOf(), b.keyOf()}
	if string(k[1][:]) < string(k[0][:]) {
		k[0], k[1] = k[1], k[0]
	}
	if v, ok := m.sims.Get(k); ok {
		return v
	}
	v := dice(a.gramsOf(m), b.gramsOf(m))
	m.sims.Put(k, v)
	return v
}

// bodyGrams is bodyGrams of the body of key k through the memo, when
// there is one. The bigrams it returns are shared: they are only read.
func (m *Memo) bodyGrams(d *model.Document, k bodyKey) []uint64 {
	if m == nil {
		return bodyGrams(d)
	}
	g, ok := m.grams.Get(k)
	if !ok {
		g = bodyGrams(d)
		m.grams.Put(k, g)
	}
	return g
}

// simsFormat begins what AppendBinary writes; it changes when the
// layout or the meaning of the keys does.
const simsFormat = "reconcile similarities: sha256 of bodies, float64 bits 1"

// storedSims is what a Memo writes: the similarities the last Merge used.
type storedSims struct {
	Format string
	Pairs  []storedSim
}

type storedSim struct {
	Pair pairKey
	Bits uint64
}

var errSimsFormat = errors.New("reconcile: a stored Memo of another format")

// AppendBinary appends the similarities the last Merge used to b.
func (m *Memo) AppendBinary(b []byte) ([]byte, error) {
	s := storedSims{Format: simsFormat}
	for k, v := range m.sims.All() {
		s.Pairs = append(s.Pairs, storedSim{Pair: k, Bits: math.Float64bits(v)})
	}
	return bincode.Append(b, &s)
}

// UnmarshalBinary reads back into an empty Memo what AppendBinary wrote;
// on an error the Memo is left empty.
func (m *Memo) UnmarshalBinary(data []byte) error {
	var s storedSims
	if err := bincode.Decode(data, &s); err != nil {
		return err
	}
	if s.Format != simsFormat {
		return errSimsFormat
	}
	for _, p := range s.Pairs {
		m.sims.Put(p.Pair, math.Float64frombits(p.Bits))
	}
	return nil
}

// Changed reports whether the last Merge kept any similarity but those
// the Memo read back, all of them.
func (m *Memo) Changed() bool { return !m.sims.Same() }
