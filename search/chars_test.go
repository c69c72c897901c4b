package search

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode"

	"github.com/RoaringBitmap/roaring/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// TestCharsFile writes the side file of characters and reads it back:
// each character lists the documents that hold it, by their numbers in
// the index, once each, and those that hold it in their head or a label.
func TestCharsFile(t *testing.T) {
	cp := newCharPostings()
	cp.add("a", "党的纪律\n第五条", "")
	cp.add("b", "", "纪律严明，党")
	cp.add("c", "AEO 3个月", "𰀀") // an extension G character
	dir := t.TempDir()
	numbers := []uint32{2, 0, 1} // a is document 2 of the index, b 0, c 1
	if err := cp.write(dir, numbers, nil); err != nil {
		t.Fatal(err)
	}
	ci, err := openChars(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ci.Close()
	for _, tc := range []struct {
		r         rune
		all, head []uint32
	}{
		{'党', []uint32{0, 2}, []uint32{2}}, {'纪', []uint32{0, 2}, []uint32{2}}, {'条', []uint32{2}, []uint32{2}},
		{'严', []uint32{0}, nil}, {'\U00030000', []uint32{1}, nil}, {'A', nil, nil}, {'月', []uint32{1}, []uint32{1}},
		{'无', nil, nil},
	} {
		d, err := ci.docs(tc.r)
		if err != nil {
			t.Fatal(err)
		}
		if got := bitmapList(d.all); !slices.Equal(got, tc.all) {
			t.Errorf("%c: documents %v, want %v", tc.r, got, tc.all)
		}
		if got := bitmapList(d.head); !slices.Equal(got, tc.head) {
			t.Errorf("%c: documents with it in the head %v, want %v", tc.r, got, tc.head)
		}
	}
}

func bitmapList(bm *roaring.Bitmap) []uint32 {
	if bm == nil || bm.IsEmpty() {
		return nil
	}
	return bm.ToArray()
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

// TestCharSearcher walks a character's documents with Next and Advance;
// a document with the character in its head scores headWeight times
// more, and a limited searcher keeps those first.
func TestCharSearcher(t *testing.T) {
	cp := newCharPostings()
	// Numbered 0 to 5, in another order than their IDs.
	for _, id := range []string{"d", "b", "x", "a", "y", "c"} {
		head, text := "", "法"
		switch id {
		case "x", "y":
			text = ""
		case "c":
			head, text = "法", ""
		}
		cp.add(id, head, text)
	}
	dir := t.TempDir()
	if err := cp.write(dir, []uint32{0, 1, 2, 3, 4, 5}, nil); err != nil {
		t.Fatal(err)
	}
	ci, err := openChars(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ci.Close()
	ctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(10, 0)}
	s := charSearcherOf(t, charQuery{ci: ci, r: '法', boost: 1})
	if s.Count() != 4 {
		t.Errorf("count %d, want 4", s.Count())
	}
	var got []uint64
	var scores []float64
	add := func(d *bsearch.DocumentMatch) {
		got, scores = append(got, d.IndexInternalID.Value()), append(scores, d.Score)
	}
	d, _ := s.Next(ctx)
	add(d)
	d, _ = s.Advance(ctx, index.NewIndexInternalID(nil, 2)) // 2 lacks it: 3
	add(d)
	d, _ = s.Advance(ctx, index.NewIndexInternalID(nil, 5))
	add(d)
	if d, _ = s.Next(ctx); d != nil {
		t.Errorf("a document after the last: %d", d.IndexInternalID.Value())
	}
	if !slices.Equal(got, []uint64{0, 3, 5}) {
		t.Errorf("documents %v, want [0 3 5]", got)
	}
	if scores[0] <= 0 || scores[1] != scores[0] || scores[2] != headWeight*scores[0] {
		t.Errorf("scores %v: want the head's %d times the text's", scores, headWeight)
	}
	order := newIDOrder(cp.ids, []uint32{0, 1, 2, 3, 4, 5}, 6, nil)
	lim := charSearcherOf(t, charQuery{ci: ci, r: '法', boost: 1, limit: 2, order: order})
	got = nil
	for d, _ := lim.Next(ctx); d != nil; d, _ = lim.Next(ctx) {
		got = append(got, d.IndexInternalID.Value())
	}
	if !slices.Equal(got, []uint64{3, 5}) {
		t.Errorf("limited to 2: documents %v, want [3 5] (the head's first, then the first ID)", got)
	}
}

func charSearcherOf(t *testing.T, q charQuery) bsearch.Searcher {
	t.Helper()
	s, err := q.Searcher(context.Background(), nil, nil, bsearch.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDocList: a character's list gives back the orders added, each once,
// across gaps of one to several bytes.
func TestDocList(t *testing.T) {
	var l docList
	for _, o := range []uint32{0, 0, 1, 2, 200, 70000, 70000, 1<<31 + 5} {
		l.add(o)
	}
	want := []uint32{0, 1, 2, 200, 70000, 1<<31 + 5}
	if got := l.orders(); !slices.Equal(got, want) {
		t.Errorf("orders %v, want %v", got, want)
	}
	if (&docList{}).orders() != nil {
		t.Error("an empty list gives orders")
	}
}

// TestIsHanRune: the shortcut for the main block of unified ideographs
// agrees with the Unicode table on every character up to plane 3.
func TestIsHanRune(t *testing.T) {
	for r := rune(0); r < 0x40000; r++ {
		if got, want := isHanRune(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHanRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestSortedNumbers checks that the numbers of a list come out in order
// whichever way they are sorted (short, dense through a set of bits,
// sparse by comparison), and that bitmapBytes adds them to more.
func TestSortedNumbers(t *testing.T) {
	// numbers gives order o the number (o*7919)%n*step: a permutation of
	// n numbers, step apart.
	numbers := func(n, step uint32) []uint32 {
		ns := make([]uint32, n)
		for o := range ns {
			ns[o] = uint32(o) * 7919 % n * step
		}
		return ns
	}
	orders := func(n uint32) []uint32 {
		list := make([]uint32, n)
		for i := range list {
			list[i] = n - 1 - uint32(i)
		}
		return list
	}
	for _, tc := range []struct {
		name    string
		n, step uint32
	}{
		{"short", 10, 3},
		{"dense", 1000, 1},
		{"spread", 1000, 9},   // through the set of bits still: 141 words
		{"sparse", 100, 1000}, // 1,547 words > 8*100: by comparison
	} {
		list, nums := orders(tc.n), numbers(tc.n, tc.step)
		want := make([]uint32, tc.n)
		for i := range want {
			want[i] = uint32(i) * tc.step
		}
		if got := sortedNumbers(list, nums); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, want)
		}
		more := roaring.BitmapOf(1, 7)
		data, err := bitmapBytes(list, nums, more)
		if err != nil {
			t.Fatal(err)
		}
		bm := roaring.New()
		if _, err := bm.FromBuffer(data); err != nil {
			t.Fatal(err)
		}
		wantMore := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(want), 1, 7))))
		if got := bitmapList(bm); !slices.Equal(got, wantMore) {
			t.Errorf("%s with more: got %v, want %v", tc.name, got, wantMore)
		}
	}
}
