package model

import (
	"reflect"
	"slices"
	"testing"
)

// TestCloneSharesNothing fills every field of a document, clones it and
// checks that the clone equals it and shares no slice or pointer with it
// but those no later stage changes: a field added to the model without a
// copy in Clone fails here.
func TestCloneSharesNothing(t *testing.T) {
	var d, carrier Document
	fill(reflect.ValueOf(&d).Elem(), 0)
	fill(reflect.ValueOf(&carrier).Elem(), 0)
	d.Carrier, d.VersionDocs = &carrier, []*Document{&carrier, &carrier}
	carrier.Carrier, carrier.VersionDocs = nil, nil
	cs := CloneDocuments([]*Document{&carrier, &d})
	c := cs[1]
	if c.Carrier != cs[0] || c.VersionDocs[0] != cs[0] || c.VersionDocs[1] != cs[0] {
		t.Errorf("the copy's links to another document do not point to its copy")
	}
	c.Carrier, c.VersionDocs = d.Carrier, d.VersionDocs // compared apart
	if !reflect.DeepEqual(&d, c) {
		t.Fatalf("clone differs:\n%+v\n%+v", d, *c)
	}
	c.Carrier, c.VersionDocs = nil, nil
	d.Carrier, d.VersionDocs = nil, nil
	// The Body of an Outlined document is shared, and only it.
	if !d.Outlined() || &c.Body[0] != &d.Body[0] {
		t.Errorf("the clone of an outlined document does not share its Body")
	}
	// So is the Path of each article.
	if a, b := d.Articles[0], c.Articles[0]; &a.Path[0] != &b.Path[0] {
		t.Errorf("the clone of an article does not share its Path")
	}
	for _, a := range append(slices.Clone(d.Articles), c.Articles...) {
		a.Path = nil
	}
	body := d.Body
	c.Body, d.Body = nil, nil
	if p := shared(reflect.ValueOf(d), reflect.ValueOf(*c), "Document"); p != "" {
		t.Errorf("the clone shares %s with the original", p)
	}
	// Of a document read from its Body, the Body is copied too.
	flat := Document{Body: body}
	if c := CloneDocuments([]*Document{&flat})[0]; !reflect.DeepEqual(&flat, c) {
		t.Errorf("clone of a document without articles differs")
	} else if p := shared(reflect.ValueOf(flat), reflect.ValueOf(*c), "Document"); p != "" {
		t.Errorf("the clone of a document without articles shares %s with the original", p)
	}
	outside := &Document{}
	outside.Carrier = &carrier
	if c := CloneDocuments([]*Document{outside})[0]; c.Carrier != &carrier {
		t.Errorf("a link out of the list does not stay as it was")
	}

	s := Source{ID: "s", Documents: []string{"a", "b"}}
	if cs := s.Clone(); !reflect.DeepEqual(&s, cs) || &cs.Documents[0] == &s.Documents[0] {
		t.Errorf("source clone %+v shares or differs from %+v", cs, s)
	}
}

// fill gives every field of v a value that is not zero: two elements in
// each list, a value behind each pointer (to a depth, for the recursive
// types).
func fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int:
		v.SetInt(int64(depth + 1))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		if depth > 3 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth+1)
	case reflect.Slice:
		if depth > 3 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), depth)
		}
	}
}

// shared names the first slice or pointer that a and b hold in common,
// "" when none.
func shared(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
		return shared(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() == 0 {
			return ""
		}
		if a.Pointer() == b.Pointer() {
			return path
		}
		for i := range a.Len() {
			if p := shared(a.Index(i), b.Index(i), path+"[i]"); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if p := shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); p != "" {
				return p
			}
		}
	}
	return ""
}
