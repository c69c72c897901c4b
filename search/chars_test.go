package search

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// TestCharsFile writes the side file of characters and reads it back:
// each character lists the documents that hold it, by their numbers in
// the index, once each, whatever field held it.
func TestCharsFile(t *testing.T) {
	cp := newCharPostings()
	cp.add("a", "党的纪律", "第五条", "")
	cp.add("b", "", "", "纪律严明，党")
	cp.add("c", "AEO 3个月", "", "𰀀") // no Han but an extension G character
	dir := t.TempDir()
	numbers := []uint32{2, 0, 1} // a is document 2 of the index, b 0, c 1
	if err := cp.write(dir, numbers); err != nil {
		t.Fatal(err)
	}
	ci, err := openChars(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ci.Close()
	for _, tc := range []struct {
		r    rune
		want []uint32
	}{
		{'党', []uint32{0, 2}}, {'纪', []uint32{0, 2}}, {'条', []uint32{2}}, {'严', []uint32{0}},
		{'𰀀', []uint32{1}}, {'A', nil}, {'月', []uint32{1}}, {'无', nil},
	} {
		bm, err := ci.docs(tc.r)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint32
		if bm != nil {
			got = bm.ToArray()
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%c: documents %v, want %v", tc.r, got, tc.want)
		}
	}
}

// TestCharsFileRefused: a file that is not a character table is an error.
func TestCharsFileRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, charsFile), []byte("not a table"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openChars(dir); err == nil {
		t.Error("a broken character table opened")
	}
	if _, err := openChars(t.TempDir()); err == nil {
		t.Error("a missing character table opened")
	}
}

// TestCharSearcher walks a character's documents with Next and Advance.
func TestCharSearcher(t *testing.T) {
	cp := newCharPostings()
	for _, id := range []string{"0", "1", "2", "3", "4", "5"} {
		text := ""
		if id != "2" && id != "4" {
			text = "法"
		}
		cp.add(id, text)
	}
	dir := t.TempDir()
	if err := cp.write(dir, []uint32{0, 1, 2, 3, 4, 5}); err != nil {
		t.Fatal(err)
	}
	ci, err := openChars(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ci.Close()
	s, err := charQuery{ci: ci, r: '法', boost: 1}.Searcher(nil, nil, nil, bsearch.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Count() != 4 {
		t.Errorf("count %d, want 4", s.Count())
	}
	ctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(10, 0)}
	var got []uint64
	d, _ := s.Next(ctx)
	got = append(got, d.IndexInternalID.Value())
	d, _ = s.Advance(ctx, index.NewIndexInternalID(nil, 2)) // 2 lacks it: 3
	got = append(got, d.IndexInternalID.Value())
	d, _ = s.Advance(ctx, index.NewIndexInternalID(nil, 5))
	got = append(got, d.IndexInternalID.Value())
	if d, _ = s.Next(ctx); d != nil {
		t.Errorf("a document after the last: %d", d.IndexInternalID.Value())
	}
	if !slices.Equal(got, []uint64{0, 3, 5}) {
		t.Errorf("documents %v, want [0 3 5]", got)
	}
}
