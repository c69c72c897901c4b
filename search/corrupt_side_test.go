package search

import (
	"encoding/binary"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
)

// TestCorruptOrderRefused: a table of order whose ranks repeat, or run
// past the documents that have one, is refused when read, not trusted
// until a live update indexes past it.
func TestCorruptOrderRefused(t *testing.T) {
	for name, rank := range map[string][]uint32{
		"repeated": {0, 0, 1},
		"too high": {0, 5, noNumber},
	} {
		o := &idOrder{rank: rank}
		dir := t.TempDir()
		if err := o.write(dir); err != nil {
			t.Fatal(err)
		}
		if _, err := openOrder(dir); err == nil {
			t.Errorf("%s: a table of order with ranks %v was read", name, rank)
		}
	}
	good := &idOrder{rank: []uint32{1, noNumber, 0}}
	dir := t.TempDir()
	if err := good.write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := openOrder(dir); err != nil {
		t.Errorf("a sound table of order was refused: %v", err)
	}
}

// TestUnsortedPostingsRefused: a block whose bitmap holds its numbers
// out of order passes roaring's bounds checks, so it must be validated
// before its frequencies are read by rank.
func TestUnsortedPostingsRefused(t *testing.T) {
	block, err := appendPostBlock(nil, []posting{{num: 1, freq: 1}, {num: 5, freq: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := parsePostBlock(block, 10); err != nil {
		t.Fatalf("a sound block was refused: %v", err)
	}
	// The bitmap is one array container: its two values are its last
	// four bytes, before the frequencies. Swap them.
	size, n := binary.Uvarint(block[1:])
	end := 1 + n + int(size)
	bad := append([]byte(nil), block...)
	bad[end-4], bad[end-3], bad[end-2], bad[end-1] = bad[end-2], bad[end-1], bad[end-4], bad[end-3]
	if _, _, err := parsePostBlock(bad, 10); err == nil {
		t.Error("a block with its numbers out of order was read")
	}
}

// TestBlockHoldingRefusesBadHead: the walk over blocks an update makes
// (eachBlockHolding) checks a block's head as reading it does: a width
// that is not 1, 2 or 4, or a bitmap out of order, is an error.
func TestBlockHoldingRefusesBadHead(t *testing.T) {
	block, err := appendPostBlock(nil, []posting{{num: 1, freq: 1}, {num: 5, freq: 2}})
	if err != nil {
		t.Fatal(err)
	}
	size, n := binary.Uvarint(block[1:])
	end := 1 + n + int(size)
	unsorted := append([]byte(nil), block...)
	unsorted[end-4], unsorted[end-3], unsorted[end-2], unsorted[end-1] = unsorted[end-2], unsorted[end-1], unsorted[end-4], unsorted[end-3]
	wide := append([]byte{3}, block[1:]...)
	for name, b := range map[string][]byte{"sound": block, "width 3": wide, "unsorted": unsorted} {
		tp := &textPosts{data: append([]byte(textPostsMagic), b...),
			slots: binary.LittleEndian.AppendUint64(nil, uint64(len(textPostsMagic)))}
		var held []uint64
		err := tp.eachBlockHolding(roaring.BitmapOf(5), func(n uint64) { held = append(held, n) })
		if name == "sound" {
			if err != nil || len(held) != 1 {
				t.Errorf("a sound block: held %v, error %v", held, err)
			}
		} else if err == nil {
			t.Errorf("a block with %s was walked", name)
		}
	}
}
