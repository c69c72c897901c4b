package compare

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
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
	k := memoKey{digestOf(old), digestOf(new)}
	a, ok := m.aligned.Get(k)
	if !ok {
		a.articles, a.headings = Align(old, new)
		m.aligned.Put(k, a)
	}
	return slices.Clone(a.articles), slices.Clone(a.headings)
}

// digestOf is the SHA-256 sum of what alignment reads of a version (its
// inputs): the number of articles, then each article's label and Text,
// then the number of headings and each heading's label and title, each
// string after its length. It writes the texts to the sum line by line
// instead of making them: a run of Works sums every version of every
// work.
func digestOf(d *model.Document) [sha256.Size]byte {
	h := sha256.New()
	w := bufio.NewWriterSize(h, 4096) // copies strings without making []byte of them
	var n [8]byte
	count := func(k int) {
		binary.LittleEndian.PutUint64(n[:], uint64(k))
		w.Write(n[:])
	}
	field := func(s string) {
		count(len(s))
		w.WriteString(s)
	}
	count(len(d.Articles))
	for _, a := range d.Articles {
		if a == nil {
			a = &model.Article{}
		}
		field(a.Label)
		count(textLen(a))
		first := true
		eachLine(a, func(label, text string) {
			if !first {
				w.WriteByte('\n')
			}
			first = false
			w.WriteString(label)
			w.WriteString(text)
		})
	}
	count(len(d.Headings))
	for _, hd := range d.Headings {
		field(hd.Label)
		field(hd.Title)
	}
	w.Flush()
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}
