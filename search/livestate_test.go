package search

import (
	"slices"
	"testing"
)

// TestAddPosts: the text postings of the documents an update adds are
// those the state held of their terms and the new ones, numbered from
// first; a document the state already held postings of is an error that
// leaves the state as it was (the update then builds the index whole),
// not a panic.
func TestAddPosts(t *testing.T) {
	const first = 4 // the documents added are numbered 4 and 5
	held, err := newTermPosts([]posting{{num: 5, freq: 3}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		ord   uint32 // the order of the document added, less first
		nums  []uint32
		freqs []uint64
		fails bool
	}{
		{name: "a document beside those held", ord: 0, nums: []uint32{4, 5}, freqs: []uint64{2, 3}},
		{name: "a document held already", ord: 1, fails: true},
	} {
		st := &liveState{total: first + 2, posts: map[string]termPosts{"甲乙": held}, postLens: []uint32{0, 7}}
		added := newTextPostings()
		added.add(tc.ord, 9, tokenFreqs(map[string]int{"甲乙": 2}))
		err := st.addPosts(added, first)
		if tc.fails {
			if err == nil {
				t.Errorf("%s: no error", tc.name)
			}
			if st.posts["甲乙"].docs != held.docs || !slices.Equal(st.postLens, []uint32{0, 7}) {
				t.Errorf("%s: the state changed on error", tc.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		p := st.posts["甲乙"]
		var freqs []uint64
		for i := range p.docs.GetCardinality() {
			freqs = append(freqs, p.freq(i))
		}
		if got := p.docs.ToArray(); !slices.Equal(got, tc.nums) || !slices.Equal(freqs, tc.freqs) {
			t.Errorf("%s: documents %v with frequencies %v, want %v and %v", tc.name, got, freqs, tc.nums, tc.freqs)
		}
		if want := []uint32{9, 7}; !slices.Equal(st.postLens, want) {
			t.Errorf("%s: lengths %v, want %v", tc.name, st.postLens, want)
		}
	}
}
