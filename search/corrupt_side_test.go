package search

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"

	"tiaoli/generator/model"
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

// TestDamagedTextPostsRefused flips each byte of a small file of text
// postings: a flip in the table of offsets or a dictionary is refused on
// opening (vellum trusts an FST's bytes and panics on some), and no flip
// anywhere makes reading the file panic.
func TestDamagedTextPostsRefused(t *testing.T) {
	tp := newTextPostings()
	terms := []string{"甲乙", "乙丙", "丙丁", "只一", "又二"}
	for i := range uint32(6) {
		freqs := map[string]int{}
		for j, term := range terms {
			if (int(i)+j)%3 != 0 {
				freqs[term] = j + 1
			}
		}
		tp.add(i, 5, tokenFreqs(freqs))
	}
	var buf bytes.Buffer
	if err := tp.write(&buf, []uint32{5, 4, 3, 2, 1, 0}, 6); err != nil {
		t.Fatal(err)
	}
	sound := buf.Bytes()
	r, err := parseTextPosts(sound)
	if err != nil {
		t.Fatal(err)
	}
	slotsOff := len(r.data) + len(r.lengths)
	footOff := len(sound) - textPostsFoot
	for at := range sound {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			b := bytes.Clone(sound)
			b[at] ^= mask
			r, err := readAll(b, terms)
			if at >= slotsOff && at < footOff && r {
				t.Errorf("byte %d (of the table or a dictionary) ^ %#x: the file was read", at, mask)
			}
			if err != nil {
				t.Errorf("byte %d ^ %#x: %v", at, mask, err)
			}
		}
	}
}

// readAll reads b as a file of text postings and the postings of terms
// and of every term it lists: read is whether it opened; err is a panic.
func readAll(b []byte, terms []string) (read bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	r, perr := parseTextPosts(b)
	if perr != nil {
		return false, nil
	}
	listed, _ := r.terms()
	for _, term := range append(listed, terms...) {
		if p, ok, err := r.postings([]byte(term)); ok && err == nil && p.docs.GetCardinality() > 0 {
			_ = p.freq(p.docs.GetCardinality() - 1)
		}
	}
	return true, nil
}

// TestDamagedPublishedIndexBuiltWhole: when the published index's file
// of text postings is refused as damaged, Build neither copies it nor
// updates from it, but builds the index whole, whether the corpus
// changed or not.
func TestDamagedPublishedIndexBuiltWhole(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first")
	if err := Build(sampleCorpus(t), first, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	posts := filepath.Join(first, textPostsFile)
	b, err := os.ReadFile(posts)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-textPostsFoot-1] ^= 0xff // the dictionary's last byte
	if err := os.WriteFile(posts, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(first); err == nil {
		t.Fatal("an index with a damaged dictionary was opened")
	}
	edited := sampleCorpus(t)
	edit(edited)
	for name, c := range map[string]*model.Corpus{"same corpus": sampleCorpus(t), "edited corpus": edited} {
		out := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := Build(c, out, Options{Previous: first, Program: "test"}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ix, err := Open(out)
		if err != nil {
			t.Errorf("%s: the index built cannot be opened: %v", name, err)
			continue
		}
		ix.Close()
		if segs := segmentFiles(t, out); segs != 1 {
			t.Errorf("%s: %d segments, want a whole build's one", name, segs)
		}
	}
}
