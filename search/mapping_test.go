package search

import (
	"fmt"
	"maps"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// TestDocMakerMatchesMapping makes the bleve document of every search
// document of the sample site both ways, by docMaker and by the index
// mapping's reflective walk, and compares their fields: name, place in
// a list, indexing options, value and the tokens analysis gives.
func TestDocMakerMatchesMapping(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	dm, err := newDocMaker()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = eachDoc(sampleCorpus(t), func(d *searchDoc) error {
		if d.ID == "" {
			return nil
		}
		n++
		fields, _ := d.fields()
		mapped := maps.Clone(fields) // the values docMaker packs into one (see stored.go)
		mapped[fieldStored] = string(packStored(nil, fields))
		want := document.NewDocument(d.ID)
		if err := m.MapDocument(want, mapped); err != nil {
			return err
		}
		got := dm.document(d.ID, fields)
		if g, w := describeFields(got), describeFields(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\n got %q\nwant %q", d.ID, g, w)
		}
		if got.Indexed() != want.Indexed() {
			t.Errorf("%s: indexed %v, want %v", d.ID, got.Indexed(), want.Indexed())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("only %d search documents in the sample", n)
	}
}

// describeFields lists a document's fields, each analysed, in a fixed
// order. Of a name neither stored nor with term vectors, the index keeps
// only what its fields add up to (their lengths and term frequencies), so
// they are described together.
func describeFields(d *document.Document) []string {
	var out []string
	type sum struct {
		options index.FieldIndexingOptions
		length  int
		freqs   map[string]int
	}
	sums := map[string]*sum{}
	for _, f := range d.Fields {
		f.Analyze()
		tokens := f.AnalyzedTokenFrequencies()
		if o := f.Options(); !o.IsStored() && !o.IncludeTermVectors() {
			s := sums[f.Name()]
			if s == nil {
				s = &sum{options: o, freqs: map[string]int{}}
				sums[f.Name()] = s
			}
			s.length += f.AnalyzedLength()
			for k, tf := range tokens {
				s.freqs[fmt.Sprintf("%s:%v", k, tf.Locations != nil)] += tf.Frequency()
			}
			continue
		}
		keys := make([]string, 0, len(tokens))
		for k, tf := range tokens {
			keys = append(keys, fmt.Sprintf("%s:%d:%v", k, tf.Frequency(), tf.Locations != nil))
		}
		sort.Strings(keys)
		out = append(out, fmt.Sprintf("%s %v %d %q len=%d %v", f.Name(), f.ArrayPositions(), f.Options(), f.Value(), f.AnalyzedLength(), keys))
	}
	for name, s := range sums {
		out = append(out, fmt.Sprintf("%s %d len=%d %v", name, s.options, s.length, s.freqs))
	}
	sort.Strings(out)
	return out
}

// TestDeclareAll: a document given every field by declareAll has each
// field of the mapping, and the fields it gained add no term (analysed
// when indexed, as the index does) and store an empty value.
func TestDeclareAll(t *testing.T) {
	dm, err := newDocMaker()
	if err != nil {
		t.Fatal(err)
	}
	err = eachDoc(sampleCorpus(t), func(d *searchDoc) error {
		if d.ID == "" {
			return nil
		}
		fields, _ := d.fields()
		doc := dm.document(d.ID, fields)
		had := len(doc.Fields)
		dm.declareAll(doc, fields)
		names := map[string]bool{}
		for i, f := range doc.Fields {
			names[f.Name()] = true
			if i < had {
				continue
			}
			if f.Options().IsIndexed() { // as the index does
				f.Analyze()
			}
			if n := len(f.AnalyzedTokenFrequencies()); n != 0 || f.AnalyzedLength() != 0 || len(f.Value()) != 0 {
				t.Errorf("%s: the declared field %s has %d terms, length %d, value %q", d.ID, f.Name(), n, f.AnalyzedLength(), f.Value())
			}
		}
		if len(names) != len(dm.fields) {
			t.Errorf("%s: fields %v after declareAll, want the %d of the mapping", d.ID, names, len(dm.fields))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
