package search

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"testing"

	index "github.com/blevesearch/bleve_index_api"
)

// postDoc is a document of a postings test: its text's length and the
// frequency of each of its terms.
type postDoc struct {
	length int
	freqs  map[string]int
}

func tokenFreqs(m map[string]int) index.TokenFrequencies {
	out := index.TokenFrequencies{}
	for t, f := range m {
		tf := &index.TokenFreq{Term: []byte(t)}
		tf.SetFrequency(f)
		out[t] = tf
	}
	return out
}

// writePosts collects docs in order, numbers them by numbers and reads
// the file back.
func writePosts(t testing.TB, docs []postDoc, numbers []uint32, count uint32) *textPosts {
	t.Helper()
	tp := newTextPostings()
	for i, d := range docs {
		if d.freqs == nil {
			continue // a document without text
		}
		tp.add(uint32(i), d.length, tokenFreqs(d.freqs))
	}
	return readBack(t, tp, numbers, count)
}

// readBack writes tp, numbered by numbers, and reads it back.
func readBack(t testing.TB, tp *textPostings, numbers []uint32, count uint32) *textPosts {
	t.Helper()
	var buf bytes.Buffer
	if err := tp.write(&buf, numbers, count); err != nil {
		t.Fatal(err)
	}
	r, err := parseTextPosts(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTextPostsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name    string
		docs    []postDoc
		numbers []uint32
		count   uint32
	}{
		{name: "empty", count: 0},
		{name: "numbers as orders",
			docs:    []postDoc{{3, map[string]int{"监督": 1, "督谈": 1, "谈话": 1}}, {2, map[string]int{"谈话": 2}}},
			numbers: []uint32{0, 1}, count: 2},
		{name: "renumbered, with gaps and a document without text",
			docs:    []postDoc{{1, map[string]int{"a": 1}}, {}, {300, map[string]int{"a": 300, "b": 70000}}},
			numbers: []uint32{5, 0, 2}, count: 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := writePosts(t, tc.docs, tc.numbers, tc.count)
			if r.count() != tc.count {
				t.Fatalf("count %d, want %d", r.count(), tc.count)
			}
			want := map[string]map[uint32]uint64{}
			lengths := map[uint32]uint32{}
			for ord, d := range tc.docs {
				num := tc.numbers[ord]
				lengths[num] = uint32(d.length)
				for term, f := range d.freqs {
					if want[term] == nil {
						want[term] = map[uint32]uint64{}
					}
					want[term][num] = uint64(f)
				}
			}
			for n := uint32(0); n < tc.count; n++ {
				if got := r.length(n); got != lengths[n] {
					t.Errorf("length(%d) = %d, want %d", n, got, lengths[n])
				}
			}
			for term, docs := range want {
				p, ok, err := r.postings([]byte(term))
				if err != nil || !ok {
					t.Fatalf("postings(%q): %v %v", term, ok, err)
				}
				got := map[uint32]uint64{}
				for i, n := range p.docs.ToArray() {
					got[n] = p.freq(uint64(i))
				}
				if !maps.Equal(got, docs) {
					t.Errorf("postings(%q) = %v, want %v", term, got, docs)
				}
			}
			if _, ok, err := r.postings([]byte("absent")); ok || err != nil {
				t.Errorf("postings of an absent term: %v %v", ok, err)
			}
		})
	}
}

func TestTextPostsRefusesBadNumbers(t *testing.T) {
	tp := newTextPostings()
	tp.add(0, 1, tokenFreqs(map[string]int{"a": 1}))
	tp.add(1, 1, tokenFreqs(map[string]int{"a": 1}))
	var buf bytes.Buffer
	if err := tp.write(&buf, []uint32{0}, 2); err == nil {
		t.Error("fewer numbers than documents accepted")
	}
	if err := tp.write(&buf, []uint32{0, 2}, 2); err == nil {
		t.Error("a number beyond the count accepted")
	}
	if err := tp.write(&buf, []uint32{1, 1}, 2); err == nil {
		t.Error("two documents of one number accepted")
	}
}

// FuzzTextPostsFile checks that reading any bytes as the file errs or
// gives postings within its bounds, never panics; and that a file
// written from documents the input describes reads back.
func FuzzTextPostsFile(f *testing.F) {
	f.Add([]byte("ab\x01c\x02"))
	f.Add([]byte(textPostsMagic + "\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if r, err := parseTextPosts(b); err == nil {
			for _, term := range [][]byte{{}, b[:min(len(b), 3)]} {
				p, ok, err := r.postings(term)
				if ok && err == nil && p.docs.GetCardinality() > 0 {
					_ = p.freq(p.docs.GetCardinality() - 1)
				}
			}
		}
		// documents from the bytes: each byte a term (its low 3 bits) and
		// frequency (the rest), a zero byte ending a document.
		var docs []postDoc
		cur := postDoc{freqs: map[string]int{}}
		for _, c := range b {
			if c == 0 {
				docs = append(docs, cur)
				cur = postDoc{freqs: map[string]int{}}
				continue
			}
			term := string(rune('a' + c&7))
			cur.freqs[term] += int(c>>3) + 1
			cur.length += int(c>>3) + 1
		}
		docs = append(docs, cur)
		numbers := make([]uint32, len(docs))
		for i := range numbers {
			numbers[i] = uint32(len(docs) - 1 - i)
		}
		r := writePosts(t, docs, numbers, uint32(len(docs)))
		for ord, d := range docs {
			if r.length(numbers[ord]) != uint32(d.length) {
				t.Fatalf("length of %d", ord)
			}
			for _, term := range slices.Sorted(maps.Keys(d.freqs)) {
				p, ok, err := r.postings([]byte(term))
				if !ok || err != nil || !p.docs.Contains(numbers[ord]) {
					t.Fatalf("term %q of %d: %v %v", term, ord, ok, err)
				}
				if got := p.freq(p.docs.Rank(numbers[ord]) - 1); got != uint64(d.freqs[term]) {
					t.Fatalf("freq of %q in %d = %d, want %d", term, ord, got, d.freqs[term])
				}
			}
		}
	})
}

// TestSortPostings: postings come out ordered by number with their
// frequencies, whichever way they are sorted (comparison, keys, table),
// and a number given twice stays twice, for newTermPosts to refuse.
func TestSortPostings(t *testing.T) {
	shuffled := func(n, step uint32) []posting {
		var ps []posting
		for i := uint32(0); i < n; i++ {
			num := (i * 7919) % n * step // a permutation of n numbers, step apart
			ps = append(ps, posting{num: num, freq: uint64(num%5 + 1)})
		}
		return ps
	}
	twice := shuffled(100, 1)
	twice[50].num = twice[10].num
	for _, tc := range []struct {
		name string
		ps   []posting
	}{
		{"short", shuffled(10, 3)},
		{"dense", shuffled(1000, 1)},
		{"sparse", shuffled(1000, 9)},
		{"twice", twice},
		{"sorted", []posting{{1, 2}, {5, 1}, {9, 3}}},
	} {
		want := slices.Clone(tc.ps)
		slices.SortStableFunc(want, func(a, b posting) int { return cmp.Compare(a.num, b.num) })
		got := slices.Clone(tc.ps)
		sortPostings(got)
		if !slices.EqualFunc(got, want, func(a, b posting) bool { return a.num == b.num && (a.freq == b.freq || tc.name == "twice") }) {
			t.Errorf("%s: got %v, want %v", tc.name, got, want)
		}
	}
}
