package search

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSumsFileRoundTrip: a sums file of many chunks (sumsChunk), with
// records written field by field and records carried over as read, reads
// back as written, the carried ones byte for byte.
func TestSumsFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := newSums("prog", "corpus-digest")
	s.segs = &segmentRun{ids: []uint64{3, 7}, total: 42}
	for i := range 3000 {
		rec := s.start(&sumRecord{key: fmt.Sprintf("%sdoc-%04d", keyDocument, i), print: uint64(i) * 0x9e3779b97f4a7c15, doc: fmt.Sprint("doc-", i)})
		for j := range i % 4 {
			rec.entries = append(rec.entries, sumEntry{id: fmt.Sprintf("doc-%d#%d", i, j), sum: fmt.Sprintf("%032x", i*7+j),
				article: fmt.Sprint("第", j+1, "条"), shared: j%2 == 1, num: uint32(i*4 + j)})
		}
	}
	write := func(s *sums) {
		t.Helper()
		f, err := os.Create(filepath.Join(dir, sumsFile))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.encode(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write(s)
	if fi, err := os.Stat(filepath.Join(dir, sumsFile)); err != nil || fi.Size() < 3*sumsChunk {
		t.Fatalf("the sums file is not of several chunks: %v, %v", fi, err)
	}
	read := func() *sums {
		t.Helper()
		got := readSums(dir)
		if got == nil {
			t.Fatal("readSums: nil")
		}
		if _, err := got.records(); err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := read()
	if got.program != s.program || got.corpus != s.corpus || !reflect.DeepEqual(got.segs, s.segs) {
		t.Errorf("head: got %q %q %v, want %q %q %v", got.program, got.corpus, got.segs, s.program, s.corpus, s.segs)
	}
	if len(got.recs) != len(s.recs) {
		t.Fatalf("%d records, want %d", len(got.recs), len(s.recs))
	}
	for i, r := range got.recs {
		w := *s.recs[i]
		w.raw = r.raw
		if w.entries == nil {
			w.entries = []sumEntry{} // as records reads none
		}
		if !reflect.DeepEqual(*r, w) {
			t.Fatalf("record %d: got %+v, want %+v", i, *r, w)
		}
	}
	// Written again as read (every record carried over), the file is the same.
	before, err := os.ReadFile(filepath.Join(dir, sumsFile))
	if err != nil {
		t.Fatal(err)
	}
	write(got)
	after, err := os.ReadFile(filepath.Join(dir, sumsFile))
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Errorf("the sums file written again of carried records differs (%d bytes, was %d)", len(after), len(before))
	}
}
