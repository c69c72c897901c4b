package search

import (
	"slices"
	"strings"
	"testing"
)

// TestEachDocByID checks that eachDocByID gives the search documents
// eachDoc gives, each once, in the order of their IDs, on the sample
// site, whose corpus order is not that order.
func TestEachDocByID(t *testing.T) {
	c := sampleCorpus(t)
	var inCorpus, byID []*searchDoc
	eachDoc(c, func(d *searchDoc) error { inCorpus = append(inCorpus, d); return nil })
	eachDocByID(c, func(d *searchDoc) error { byID = append(byID, d); return nil })
	ids := func(list []*searchDoc) []string {
		var out []string
		for _, d := range list {
			out = append(out, d.ID)
		}
		return out
	}
	got, corpus := ids(byID), ids(inCorpus)
	if slices.Equal(got, corpus) {
		t.Fatal("the sample's corpus order is already the order of IDs: nothing is tested")
	}
	if !slices.IsSorted(got) {
		t.Errorf("not in the order of IDs: %q", got)
	}
	want := slices.Clone(corpus)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("IDs\n got %q\nwant %q", got, want)
	}
	// The documents themselves, not only their IDs: the first of each ID
	// in corpus order is the one a build indexes.
	first := map[string]*searchDoc{}
	for _, d := range inCorpus {
		if _, ok := first[d.ID]; !ok {
			first[d.ID] = d
		}
	}
	for i, d := range byID {
		if i > 0 && byID[i-1].ID == d.ID {
			continue
		}
		if w := first[d.ID]; docSum(d) != docSum(w) {
			t.Errorf("%s: another document than eachDoc's first of that ID: %q", d.ID, strings.Join(d.Lines, "|"))
		}
	}
}
