package compare

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"slices"

	"tiaoli/generator/model"
	"tiaoli/generator/recent"
)

// Memo keeps the alignments of pairs of versions by what Align reads of
// them (the label and Text of every article, the label and title of every
// heading), so that comparing the works of a corpus again after an edit
// aligns only the pairs whose text changed. A Memo forgets the pairs the
// last Works did not ask for. It is safe for one Works at a time.
type Memo struct {
	aligned recent.Map[memoKey, alignment]
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

type memoKey struct{ old, new [sha256.Size]byte }

type alignment struct{ articles, headings []model.Pair }

// start begins a run of Works: what it does not ask for is forgotten at
// its end.
func (m *Memo) start() {
	if m != nil {
		m.aligned.Start()
	}
}

// align is Align through the memo.
func (m *Memo) align(old, new *model.Document) (articles, headings []model.Pair) {
	if m == nil {
		return Align(old, new)
	}
	in := [2]inputs{inputsOf(old), inputsOf(new)}
	k := memoKey{in[0].digest(), in[1].digest()}
	a, ok := m.aligned.Get(k)
	if !ok {
		a.articles, a.headings = alignInputs(in[0], in[1])
		m.aligned.Put(k, a)
	}
	return slices.Clone(a.articles), slices.Clone(a.headings)
}

// digest is the SHA-256 sum of the inputs, each string after its length.
func (in inputs) digest() [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	for _, list := range [][]input{in.articles, in.headings} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(list)))
		h.Write(n[:])
		for _, x := range list {
			field(x.label)
			field(x.text)
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}
