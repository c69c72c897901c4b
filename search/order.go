package search

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
)

// Hits of one score come in the order of their IDs, however the index
// numbers its documents: bleve sorts the hits of a query by score, then
// ID (byScoreThenID), and what chooses hits without bleve's sort (the
// documents of a lone character, the candidates of the relaxed reading)
// ranks them by the side file of order. A whole build numbers documents
// in the order it indexed them, and an update numbers those it indexed
// anew after all the others: ordering by number would make the answer
// depend on how the index was built.

// orderFile is the side file of order inside the index folder: the magic,
// how many document numbers follow (uint32), then for each number the
// place of its document's ID among the IDs of the index's documents
// (uint32; noNumber for a number no document has, as a deleted one),
// little-endian.
const orderFile = "tiaoli-order"

const orderMagic = "TLORDER1"

// maxOrder bounds the numbers the side file of order covers, against a
// damaged file.
const maxOrder = 1 << 30

// idOrder ranks the documents of an index by their IDs.
type idOrder struct {
	// rank is, by document number, the place of its ID among the IDs
	// of the index's documents; noNumber for none.
	rank []uint32
	once sync.Once
	// sorted are the numbers of the documents in the order of their IDs
	// (inverse of rank), made when first needed.
	sorted []uint32
}

// newIDOrder ranks the documents whose IDs, by order of indexing, are
// ids and whose numbers are numbers, in an index of total numbers.
// Without prev it sorts every ID; with prev, an update's (the documents
// carried over, already in the order of their IDs, and those indexed
// anew), it sorts only the new ones and merges them in.
func newIDOrder(ids []string, numbers []uint32, total uint64, prev *carriedOrder) *idOrder {
	var seq []uint32 // orders of indexing, in the order of their IDs
	if prev != nil {
		slices.SortFunc(prev.added, func(a, b uint32) int { return strings.Compare(ids[a], ids[b]) })
		seq = mergeByID(prev.kept, prev.added, func(o uint32) string { return ids[o] })
	} else {
		seq = make([]uint32, len(ids))
		for i := range seq {
			seq[i] = uint32(i)
		}
		slices.SortFunc(seq, func(a, b uint32) int { return strings.Compare(ids[a], ids[b]) })
	}
	o := unranked(total)
	for r, ord := range seq {
		o.rank[numbers[ord]] = uint32(r)
	}
	return o
}

// unranked is an order of total numbers that ranks none yet.
func unranked(total uint64) *idOrder {
	return &idOrder{rank: noNumbers(int(total))}
}

// carriedOrder is what an update knows of the order of its documents:
// kept, the orders of indexing of the documents carried over, in the
// order of their IDs (the previous index's order), and added, those of
// the documents indexed anew.
type carriedOrder struct {
	kept, added []uint32
}

// mergeByID merges two lists each in the order of the IDs idOf gives.
func mergeByID(a, b []uint32, idOf func(uint32) string) []uint32 {
	out := make([]uint32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if idOf(b[0]) < idOf(a[0]) {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// write writes the side file of order into the index folder dir.
func (o *idOrder) write(dir string) error {
	return writeSideFile(dir, orderFile, func(w *bufio.Writer) error {
		w.WriteString(orderMagic)
		binary.Write(w, binary.LittleEndian, uint32(len(o.rank)))
		return binary.Write(w, binary.LittleEndian, o.rank)
	})
}

// openOrder reads the side file of order of the index folder dir.
func openOrder(dir string) (*idOrder, error) {
	return readSideFile(dir, orderFile, readOrder)
}

func readOrder(r io.Reader) (*idOrder, error) {
	n, err := readSideHeader(r, orderMagic, "table of order")
	if err != nil {
		return nil, err
	}
	if n > maxOrder {
		return nil, errors.New("corrupt table of order")
	}
	o := &idOrder{rank: make([]uint32, n)}
	if err := binary.Read(r, binary.LittleEndian, o.rank); err != nil {
		return nil, err
	}
	if !o.ranksEachOnce() {
		return nil, errors.New("corrupt table of order")
	}
	return o, nil
}

// ranksEachOnce reports whether the ranks of the numbers that have one
// are 0 to their count less one, each once, as numbers and changed need.
func (o *idOrder) ranksEachOnce() bool {
	n := 0
	for _, r := range o.rank {
		if r != noNumber {
			n++
		}
	}
	seen := make([]bool, n)
	for _, r := range o.rank {
		if r == noNumber {
			continue
		}
		if int(r) >= n || seen[r] {
			return false
		}
		seen[r] = true
	}
	return true
}

// of is the place of document number n's ID; noNumber, after every
// other, for a number no document has.
func (o *idOrder) of(n uint64) uint32 {
	if n >= uint64(len(o.rank)) {
		return noNumber
	}
	return o.rank[n]
}

// before reports whether the ID of document number a comes before that
// of b.
func (o *idOrder) before(a, b uint64) bool {
	ra, rb := o.of(a), o.of(b)
	if ra != rb {
		return ra < rb
	}
	return a < b // neither has a document
}

// numbers are the numbers of the documents in the order of their IDs.
func (o *idOrder) numbers() []uint32 {
	o.once.Do(func() {
		n := 0
		for _, r := range o.rank {
			if r != noNumber {
				n++
			}
		}
		o.sorted = make([]uint32, n)
		for num, r := range o.rank {
			if r != noNumber && int(r) < n {
				o.sorted[r] = uint32(num)
			}
		}
	})
	return o.sorted
}

// denseShare: a bitmap holding more than this share of the documents is
// walked in the order of IDs (the first come soon); a smaller one is
// sorted by it.
const denseShare = 64

// fill adds to out, which holds has documents, the documents of bm with
// the first IDs until it holds n, and returns how many it holds.
func (o *idOrder) fill(out, bm *roaring.Bitmap, has, n int) int {
	if has >= n {
		return has
	}
	if bm.GetCardinality()*denseShare >= uint64(len(o.rank)) {
		for _, num := range o.numbers() {
			if has >= n {
				break
			}
			if bm.Contains(num) && out.CheckedAdd(num) {
				has++
			}
		}
		return has
	}
	nums := bm.ToArray()
	slices.SortFunc(nums, func(a, b uint32) int {
		return cmp.Or(cmp.Compare(o.of(uint64(a)), o.of(uint64(b))), cmp.Compare(a, b))
	})
	for _, num := range nums {
		if has >= n {
			break
		}
		if out.CheckedAdd(num) {
			has++
		}
	}
	return has
}

// changed is the order after an update of a live index deleted the
// documents of gone and indexed those of added (IDs and numbers), in an
// index of total numbers; ids are the IDs of o's documents in order, and
// it returns those of the new order too.
func (o *idOrder) changed(ids []string, gone *roaring.Bitmap, added []numberedID, total uint64) (*idOrder, []string) {
	// The documents, as indexes: those of o below len(ids), in order,
	// then the added ones.
	old := o.numbers()
	kept := make([]uint32, 0, len(old))
	for i, num := range old {
		if !gone.Contains(num) {
			kept = append(kept, uint32(i))
		}
	}
	more := make([]uint32, len(added))
	for j := range added {
		more[j] = uint32(len(ids) + j)
	}
	idOf := func(x uint32) string {
		if int(x) < len(ids) {
			return ids[x]
		}
		return added[int(x)-len(ids)].id
	}
	numOf := func(x uint32) uint32 {
		if int(x) < len(ids) {
			return old[x]
		}
		return added[int(x)-len(ids)].num
	}
	slices.SortFunc(more, func(a, b uint32) int { return strings.Compare(idOf(a), idOf(b)) })
	seq := mergeByID(kept, more, idOf)
	out := unranked(max(total, uint64(len(o.rank)))) // numbers of o beyond total stay unranked
	out.sorted = make([]uint32, len(seq))
	out.once.Do(func() {}) // sorted is made here
	outIDs := make([]string, len(seq))
	for r, x := range seq {
		num := numOf(x)
		out.rank[num], out.sorted[r], outIDs[r] = uint32(r), num, idOf(x)
	}
	return out, outIDs
}

// numberedID is a search document's ID and number.
type numberedID struct {
	id  string
	num uint32
}
