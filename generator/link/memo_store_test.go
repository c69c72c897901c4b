package link

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/internal/bincode"
)

// TestStoredMemoRoundTrip links the sample corpus through a stored Memo,
// writes the memo down and reads it back: it holds what was written,
// and linking the corpus again, built anew as another process builds it
// (other strings, the same bytes), through the memo read back links no
// document anew and gives what a whole link gives.
func TestStoredMemoRoundTrip(t *testing.T) {
	glossary := []byte("- term: 监督谈话\n  definition: 对下级党组织主要负责人开展的谈话。\n")
	m := NewStoredMemo()
	m.Link(sampleCorpus(t), glossary)
	data, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	written := sortedStored(t, data)
	if len(written.Found) == 0 || len(written.Linked) == 0 {
		t.Fatalf("the memo wrote %d discoveries and %d linkings", len(written.Found), len(written.Linked))
	}
	read := NewStoredMemo()
	if err := read.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	again, err := read.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sortedStored(t, again), written) {
		t.Fatal("the memo read back does not hold what was written")
	}

	c := sampleCorpus(t)
	read.Link(c, glossary)
	if d, l := read.Anew(); d != 0 || l != 0 {
		t.Errorf("linking again through the memo read back: %d documents read for terms and %d linked anew, want none", d, l)
	}
	whole := sampleCorpus(t)
	Link(whole, glossary)
	if got, want := linkedJSON(t, c), linkedJSON(t, whole); !bytes.Equal(got, want) {
		t.Errorf("linked through the memo read back:\n%s\nlinked whole:\n%s", got, want)
	}
}

// TestStoredMemoDelta links the sample corpus through a stored Memo and
// writes it whole; a Memo that read it back links the corpus with one
// document edited and writes only what changed (AppendDelta), much less
// than the whole; a third Memo reads the whole one, then the delta, and
// holds what the second used, all of it and nothing else: linking the
// edited corpus through it links no document anew and gives what a
// whole link gives. An edit that adds a reference moves the references
// of the documents after it, which the delta holds as moved. A delta cut
// short is an error and leaves the Memo as it was.
func TestStoredMemoDelta(t *testing.T) {
	for _, edit := range []struct {
		what  string
		doc   func(c *model.Corpus) *model.Document
		add   string
		moved bool
	}{
		{"a character added to the last document", func(c *model.Corpus) *model.Document { return c.Documents[len(c.Documents)-1] }, "各", false},
		{"a reference added to the first document", func(c *model.Corpus) *model.Document { return c.Documents[0] }, "依照本办法第三条的规定。", true},
	} {
		t.Run(edit.what, func(t *testing.T) {
			deltaRoundTrip(t, func() *model.Corpus {
				c := sampleCorpus(t)
				d := edit.doc(c)
				d.Body[len(d.Body)-1].Text += edit.add
				return c
			}, edit.moved)
		})
	}
}

// deltaRoundTrip is TestStoredMemoDelta with one edit.
func deltaRoundTrip(t *testing.T, edited func() *model.Corpus, moved bool) {
	m := NewStoredMemo()
	m.Link(sampleCorpus(t), nil)
	whole, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	second := NewStoredMemo()
	if err := second.UnmarshalBinary(whole); err != nil {
		t.Fatal(err)
	}
	second.Link(edited(), nil)
	if d, l := second.Anew(); d != 1 || l != 1 {
		t.Fatalf("one document edited: %d read for terms and %d linked anew, want 1 and 1", d, l)
	}
	delta, ok, err := second.AppendDelta(nil)
	if err != nil || !ok {
		t.Fatalf("no delta written for one document edited (%v)", err)
	}
	if len(delta)*2 > len(whole) {
		t.Errorf("the delta of one document edited takes %d bytes, the whole memo %d", len(delta), len(whole))
	}
	var d storedDelta
	if err := bincode.Decode(delta, &d); err != nil {
		t.Fatal(err)
	}
	if (len(d.Moved) > 0) != moved {
		t.Errorf("%d entries moved, want some: %v", len(d.Moved), moved)
	}
	want, err := second.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}

	third := NewStoredMemo()
	if err := third.UnmarshalBinary(whole); err != nil {
		t.Fatal(err)
	}
	if err := third.UnmarshalDelta(delta[:len(delta)/2]); err == nil {
		t.Error("a delta cut short was read")
	}
	if got, err := third.AppendBinary(nil); err != nil || !reflect.DeepEqual(sortedStored(t, got), sortedStored(t, whole)) {
		t.Error("a delta cut short changed the memo")
	}
	if err := third.UnmarshalDelta(delta); err != nil {
		t.Fatal(err)
	}
	got, err := third.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sortedStored(t, got), sortedStored(t, want)) {
		t.Error("the whole memo and its delta read back do not hold what the memo that wrote the delta used")
	}
	c := edited()
	third.Link(c, nil)
	if d, l := third.Anew(); d != 0 || l != 0 {
		t.Errorf("linking again through the memo and its delta: %d documents read for terms and %d linked anew, want none", d, l)
	}
	fresh := edited()
	Link(fresh, nil)
	if got, want := linkedJSON(t, c), linkedJSON(t, fresh); !bytes.Equal(got, want) {
		t.Errorf("linked through the memo and its delta:\n%s\nlinked whole:\n%s", got, want)
	}
}

// TestStoredMemoRefuses: bytes cut short or with bytes left over, and a
// memo whose keys were written otherwise (another keysFormat, or one
// written before keysFormat existed), are an error and leave the Memo
// empty; a Memo kept in memory, which knows documents by where their
// texts lie, is not written.
func TestStoredMemoRefuses(t *testing.T) {
	m := NewStoredMemo()
	m.Link(sampleCorpus(t), nil)
	data, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte(keysFormat))
	if at < 1 {
		t.Fatal("the memo written does not name its keys format")
	}
	other := slices.Clone(data)
	other[at+len(keysFormat)-1]++
	before := slices.Concat(data[:at-1], data[at+len(keysFormat):]) // no length, no format
	for what, bad := range map[string][]byte{
		"empty":               nil,
		"cut short":           data[:len(data)/2],
		"bytes left over":     append(slices.Clone(data), 0),
		"another keys format": other,
		"before keys format":  before,
	} {
		r := NewStoredMemo()
		if err := r.UnmarshalBinary(bad); err == nil {
			t.Errorf("%s: read without an error", what)
		}
		c := sampleCorpus(t)
		r.Link(c, nil)
		if d, l := r.Anew(); d != len(c.Documents) || l != len(c.Documents) {
			t.Errorf("%s: %d documents read for terms and %d linked anew, want all %d", what, d, l, len(c.Documents))
		}
	}
	if _, err := NewMemo().AppendBinary(nil); err == nil {
		t.Error("a Memo kept in memory was written")
	}
	if err := NewMemo().UnmarshalBinary(data); err == nil {
		t.Error("a Memo kept in memory read a stored one")
	}
}

// TestStoredMemoFields: storedMemo writes every field of what a Memo
// keeps; a field added to one of these types must be written too (then
// change the count here).
func TestStoredMemoFields(t *testing.T) {
	for _, c := range []struct {
		v      any
		fields int
	}{
		{def{}, 11}, {occurrence{}, 3}, {citedHit{}, 2},
		{discovered{}, 5}, // doc is not written: the next Link sets it; onDisk is set on reading
		{linkedDoc{}, 9},  // nor here; nor onDisk and diskOffset
		{Memo{}, 6},       // found, linked and context are written; stored, spans and anew are not
		{storedDef{}, 11},
	} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.fields {
			t.Errorf("%T has %d fields, %d when memo_store.go was written: write the new ones", c.v, n, c.fields)
		}
	}
}

// sortedStored reads what AppendBinary wrote, in the order of the keys.
func sortedStored(t *testing.T, data []byte) storedMemo {
	t.Helper()
	var s storedMemo
	if err := bincode.Decode(data, &s); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(s.Found, func(a, b storedDiscovery) int { return bytes.Compare(a.Key[:], b.Key[:]) })
	slices.SortFunc(s.Linked, func(a, b storedLinking) int { return bytes.Compare(a.Key[:], b.Key[:]) })
	for _, l := range s.Linked {
		slices.SortFunc(l.Shapes, func(a, b storedShape) int { return bytes.Compare([]byte(a.ID), []byte(b.ID)) })
	}
	return s
}

// linkedJSON is what linking gave c: its terms, references, cited
// documents and the links of every document.
func linkedJSON(t *testing.T, c *model.Corpus) []byte {
	t.Helper()
	data, err := json.MarshalIndent(struct {
		Terms      []*model.Term
		References []*model.Reference
		Cited      []*model.CitedDocument
		Documents  []*model.Document
	}{c.Terms, c.References, c.Cited, c.Documents}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}
