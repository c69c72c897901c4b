package search

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// postsState is a corpus of a test of the text postings: the documents
// by their numbers in the index.
type postsState map[uint32]postDoc

// TestTextPostsPatchAsWhole updates a file of text postings again and
// again as an update whose documents keep their numbers does (documents
// dropped, documents added at the end) and checks after each step that
// it holds what a file written whole holds: a new term, a term whose
// last document goes, a term that comes back, a document without text,
// more added terms than maxAddedTerms (lowered), and enough unused
// blocks that the file is written whole again.
func TestTextPostsPatchAsWhole(t *testing.T) {
	defer func(n int) { maxAddedTerms = n }(maxAddedTerms)
	maxAddedTerms = 8
	doc := func(terms ...string) postDoc {
		d := postDoc{freqs: map[string]int{}}
		for _, term := range terms {
			d.freqs[term]++
			d.length++
		}
		return d
	}
	state := postsState{0: doc("甲乙", "乙丙", "甲乙"), 1: doc("乙丙", "只一"), 2: {}, 3: doc("甲乙", "丙丁")}
	// Documents of terms of their own, that a patch leaves alone, until
	// the last step drops them and leaves most of the blocks unused.
	var fillers []uint32
	for i := range uint32(200) {
		state[4+i] = doc(fmt.Sprint("填", i), "甲乙")
		fillers = append(fillers, 4+i)
	}
	steps := []struct {
		name  string
		drop  []uint32
		added []postDoc
		whole bool // the step writes the file whole
	}{
		{"a document changes, with a new term", []uint32{1}, []postDoc{doc("乙丙", "只一", "新词")}, false},
		{"the last document of a term goes", []uint32{204}, []postDoc{doc("乙丙")}, false},
		{"a term comes back", nil, []postDoc{doc("新词", "只一", "丙丁")}, false},
		{"a document without text", []uint32{0}, []postDoc{{}}, false},
		{"more documents", []uint32{3, 205}, []postDoc{doc("甲乙", "又一"), doc("又二"), doc("又三", "甲乙")}, false},
		{"more added terms than allowed", nil, []postDoc{doc("多一", "多二", "多三", "多四", "多五", "多六", "多七", "多八")}, true},
		{"a term added after", nil, []postDoc{doc("多九")}, false},
		{"most documents go", append(fillers, 206, 208), []postDoc{doc("末了")}, true},
	}
	dir := t.TempDir()
	prev := filepath.Join(dir, "0")
	writeState(t, prev, state)
	for i, st := range steps {
		old, err := openTextPosts(prev)
		if err != nil {
			t.Fatal(err)
		}
		c := &carried{posts: old}
		for _, n := range slices.Sorted(maps.Keys(state)) {
			if !slices.Contains(st.drop, n) {
				c.keep(uint32(len(c.from)), n)
			}
		}
		for _, n := range st.drop {
			delete(state, n)
		}
		numbers := slices.Clone(c.from)
		fresh := newTextPostings()
		next := old.count()
		for _, d := range st.added {
			if d.freqs != nil {
				fresh.add(uint32(len(numbers)), d.length, tokenFreqs(d.freqs))
			}
			numbers = append(numbers, next)
			state[next] = d
			next++
		}
		cur := filepath.Join(dir, filepath.Base(prev)+"x")
		if err := os.Mkdir(cur, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := c.writeTextPosts(cur, fresh, numbers, next); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		old.Close()
		got, err := openTextPosts(cur)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if whole := got.dead == 0 && got.addedCount() == 0; whole != st.whole {
			t.Errorf("step %d, %s: written whole %v, want %v", i+1, st.name, whole, st.whole)
		}
		want := readBack(t, stateTextPostings(state), identity(next), next)
		if a, b := dumpPosts(t, got), dumpPosts(t, want); a != b {
			t.Errorf("step %d, %s: the patched file holds\n%s\nwant\n%s", i+1, st.name, a, b)
		}
		got.Close()
		prev = cur
	}
}

// writeState writes the file of text postings of state, numbered as it
// is, into the new folder dir.
func writeState(t *testing.T, dir string, state postsState) {
	t.Helper()
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	count := uint32(0)
	for n := range state {
		count = max(count, n+1)
	}
	if err := writeTextPostings(dir, stateTextPostings(state), identity(count), count); err != nil {
		t.Fatal(err)
	}
}

// stateTextPostings collects the documents of state, each at the order of
// its number.
func stateTextPostings(state postsState) *textPostings {
	tp := newTextPostings()
	for _, n := range slices.Sorted(maps.Keys(state)) {
		if d := state[n]; d.freqs != nil {
			tp.add(n, d.length, tokenFreqs(d.freqs))
		}
	}
	return tp
}

func identity(n uint32) []uint32 {
	out := make([]uint32, n)
	for i := range out {
		out[i] = uint32(i)
	}
	return out
}

// dumpPosts prints what a file of text postings holds: its terms in
// order with their documents and frequencies, and the lengths.
func dumpPosts(t *testing.T, tp *textPosts) string {
	t.Helper()
	var b bytes.Buffer
	terms, err := tp.terms()
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range terms {
		p, ok, err := tp.postings([]byte(term))
		if !ok || err != nil {
			t.Fatalf("term %q listed, not found: %v", term, err)
		}
		b.WriteString(term)
		for i, n := range p.docs.ToArray() {
			fmt.Fprintf(&b, " %d:%d", n, p.freq(uint64(i)))
		}
		b.WriteString("\n")
	}
	for n := range tp.count() {
		fmt.Fprintf(&b, "%d ", tp.length(n))
	}
	return b.String()
}
