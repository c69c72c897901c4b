package search

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
)

// Every article of a document has the same title in its head, and every
// article of a chapter the same headings: as a bleve field, those heads
// were a tenth of the index's tokens. They are kept once each instead, in
// a side file of heads: each distinct head of articles and sections, in
// the form of the side file of texts (see normalText), with the set of
// documents that have it. A query word is looked for in every head, and
// the documents of the heads that hold it match, scoring as a term of
// that many documents would. Whole documents and terms keep their heads
// in the head field: theirs are their own.

// headsFile is the side file of heads inside the index folder: the magic,
// the number of heads (uint32), then per head the length of its text and
// of its bitmap (two uint32), the text and the bitmap (roaring, portable
// format), all little-endian.
const headsFile = "tiaoli-heads"

const headsMagic = "TLHEADS1"

// headPostings collects, while the index is fed, the distinct shared
// heads and the documents of each, by their order of indexing.
type headPostings struct {
	ords  map[string][]uint32
	order []string // the heads in the order they first came
	buf   []byte
}

func newHeadPostings() *headPostings { return &headPostings{ords: map[string][]uint32{}} }

// add records that the document indexed as ord has head.
func (hp *headPostings) add(ord uint32, head string) {
	hp.buf = normalText(hp.buf[:0], head)
	hp.addNormal(ord, hp.buf)
}

// addNormal records that the search document of order ord shares the
// head h, as normalText gives it.
func (hp *headPostings) addNormal(ord uint32, h []byte) {
	if len(h) == 0 {
		return
	}
	l, ok := hp.ords[string(h)]
	if !ok {
		hp.order = append(hp.order, string(h))
	}
	hp.ords[string(h)] = append(l, ord)
}

// write writes the side file of heads into dir, by the numbers the index
// gives documents (numbers[ord]).
func (hp *headPostings) write(dir string, numbers []uint32) error {
	return writeSideFile(dir, headsFile, func(w *bufio.Writer) error {
		w.WriteString(headsMagic)
		binary.Write(w, binary.LittleEndian, uint32(len(hp.order)))
		for _, h := range hp.order {
			bm, err := bitmapBytes(hp.ords[h], numbers, nil)
			if err != nil {
				return fmt.Errorf("%s: documents with the head %q: %w", headsFile, h, err)
			}
			binary.Write(w, binary.LittleEndian, [2]uint32{uint32(len(h)), uint32(len(bm))})
			w.WriteString(h)
			w.Write(bm)
		}
		return nil
	})
}

// headTable is the side file of heads, read whole at open. It is safe for
// concurrent use.
type headTable struct {
	heads []headEntry
	cache *bitmapCache[string, *roaring.Bitmap]
	// deleted, in a live index (live.go), are the documents it deleted
	// since the file was written; nil for none.
	deleted *roaring.Bitmap
	// byDoc gives each document number the index of its head plus one
	// (0 for none), built on first use by headOf.
	byDocOnce sync.Once
	byDoc     []uint32
}

// headOf returns the shared head of document number doc, nil for none.
func (ht *headTable) headOf(doc uint64) []byte {
	ht.byDocOnce.Do(func() {
		n := uint32(0)
		for _, h := range ht.heads {
			if !h.docs.IsEmpty() {
				n = max(n, h.docs.Maximum()+1)
			}
		}
		ht.byDoc = make([]uint32, n)
		for i, h := range ht.heads {
			it := h.docs.Iterator()
			for it.HasNext() {
				ht.byDoc[it.Next()] = uint32(i + 1)
			}
		}
	})
	if doc >= uint64(len(ht.byDoc)) || ht.byDoc[doc] == 0 {
		return nil
	}
	return ht.heads[ht.byDoc[doc]-1].text
}

// withChanges is the table ht with the heads more, of documents a live
// index added, and without the documents deleted.
func (ht *headTable) withChanges(more []headEntry, deleted *roaring.Bitmap) *headTable {
	heads := append(ht.heads[:len(ht.heads):len(ht.heads)], more...)
	return &headTable{heads: heads, deleted: deleted, cache: newBitmapCache[string, *roaring.Bitmap](maxHeadsCache)}
}

// maxHeadsCache bounds the bytes of the bitmaps of words kept in memory.
const maxHeadsCache = 4 << 20

type headEntry struct {
	text []byte // as normalText gives it
	docs *roaring.Bitmap
}

// Bounds of one head's text and bitmap in the file, far above what any
// takes: a damaged length is refused before it is allocated.
const (
	maxHeadText   = 1 << 16
	maxHeadBitmap = 1 << 24
)

// openHeads reads the side file of heads of the index in dir.
func openHeads(dir string) (*headTable, error) {
	return readSideFile(dir, headsFile, readHeads)
}

func readHeads(r io.Reader) (*headTable, error) {
	n, err := readSideHeader(r, headsMagic, "table of heads")
	if err != nil {
		return nil, err
	}
	ht := &headTable{cache: newBitmapCache[string, *roaring.Bitmap](maxHeadsCache)}
	for i := uint32(0); i < n; i++ {
		var size [2]uint32
		if err := binary.Read(r, binary.LittleEndian, &size); err != nil {
			return nil, err
		}
		if size[0] > maxHeadText || size[1] > maxHeadBitmap {
			return nil, errors.New("corrupt table of heads")
		}
		buf := make([]byte, int(size[0])+int(size[1]))
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		docs := roaring.New()
		if err := docs.UnmarshalBinary(buf[size[0]:]); err != nil {
			return nil, err
		}
		ht.heads = append(ht.heads, headEntry{text: buf[:size[0]:size[0]], docs: docs})
	}
	return ht, nil
}

// docs returns the documents whose head holds needle; none for an empty
// needle. The bitmap is shared: callers must not change it.
func (ht *headTable) docs(needle []byte) *roaring.Bitmap {
	if out, ok := ht.cache.get(string(needle)); ok {
		return out
	}
	out := roaring.New()
	if len(needle) == 0 {
		return out
	}
	for _, h := range ht.heads {
		if containsUnits(h.text, needle) {
			out.Or(h.docs)
		}
	}
	if ht.deleted != nil {
		out.AndNot(ht.deleted)
	}
	out.RunOptimize()
	ht.cache.put(string(needle), out, int(out.GetSizeInBytes())+len(needle))
	return out
}

// headQuery matches the documents of the shared heads that hold a word.
type headQuery struct {
	ht     *headTable
	needle []byte
	boost  float64
}

// Searcher returns a searcher over the documents of the heads that hold
// the word, each scoring as a term found in that many documents would:
// its idf, as bleve reckons it.
func (q headQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	docs := q.ht.docs(q.needle)
	total, err := i.DocCount()
	if err != nil {
		return nil, err
	}
	idf := 1 + math.Log(float64(total)/float64(docs.GetCardinality()+1))
	return &bitmapSearcher{
		it:     docs.Iterator(),
		count:  docs.GetCardinality(),
		scorer: scorer.NewConstantScorer(idf, q.boost, options),
		id:     index.NewIndexInternalID(nil, 0),
	}, nil
}
