package link

import (
	"crypto/sha256"
	"reflect"
	"strings"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/internal/cputime"
)

// TestKeyCoversEveryField changes every field a document can hold, one at
// a time, down to the items of items and the sections of sections, and
// checks that the document's key changes with it: a field the key missed
// would let a memo give the links of another text. Only Links, which
// linking writes, leaves it as it is. A field added to the model later is
// checked too. Both keys are checked: by where texts lie, and by their
// bytes (a Memo kept on disk).
func TestKeyCoversEveryField(t *testing.T) {
	for _, bytes := range []bool{false, true} {
		d := &model.Document{}
		k := &keyCheck{t: t, d: d, bytes: bytes}
		k.visit(reflect.ValueOf(d).Elem(), "Document", 0)
		if k.fields < 100 {
			t.Errorf("only %d fields visited", k.fields)
		}
	}
}

// TestKeyByBytes: a key by bytes is the same for the same texts in other
// strings, as another process reads them, and changes with a byte.
func TestKeyByBytes(t *testing.T) {
	doc := func(text string) *model.Document {
		return &model.Document{ID: "d", Regulation: model.Regulation{Articles: []*model.Article{
			{Number: 1, Label: "第一条", Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: text}}}},
		}}}
	}
	a, b := doc(strings.Repeat("甲", 3)), doc(strings.Repeat("甲", 3))
	if keyOf(a, true, nil) != keyOf(b, true, nil) {
		t.Error("the same texts in other strings give another key by bytes")
	}
	if keyOf(a, false, nil).whole == keyOf(b, false, nil).whole {
		t.Error("the same texts in other strings give the same key by place")
	}
	if keyOf(a, true, nil).whole == keyOf(doc("甲甲乙"), true, nil).whole {
		t.Error("a text changed gives the same key by bytes")
	}
}

// TestKeyBySpans: a text that lies in a span is keyed by the span's
// digest and where it lies, so that two copies of an entry give the same
// key; a text that lies partly outside every span, or in none, by its
// bytes.
func TestKeyBySpans(t *testing.T) {
	doc := func(texts ...string) *model.Document {
		a := &model.Article{Number: 1, Label: "第一条"}
		for _, s := range texts {
			a.Clauses = append(a.Clauses, &model.Clause{Paragraph: model.Paragraph{Text: s}})
		}
		return &model.Document{ID: "d", Regulation: model.Regulation{Articles: []*model.Article{a}}}
	}
	entry := "头甲乙丙丁戊尾"
	copyOf := func(s string) string { return string([]byte(s)) }
	a, b := copyOf(entry), copyOf(entry)
	spans := newSpanIndex([]Span{{Data: a, Sum: sha256.Sum256([]byte(a))}, {Data: b, Sum: sha256.Sum256([]byte(b))}})
	ka := keyOf(doc(a[3:9], a[9:15]), true, spans)
	if kb := keyOf(doc(b[3:9], b[9:15]), true, spans); ka != kb {
		t.Error("the same places in two copies of a span give other keys")
	}
	if ka == keyOf(doc(copyOf(a[3:9]), copyOf(a[9:15])), true, nil) {
		t.Error("texts in a span are keyed by their bytes")
	}
	if ka == keyOf(doc(a[3:9], a[12:18]), true, spans) {
		t.Error("a text elsewhere in the span gives the same key")
	}
	other := newSpanIndex([]Span{{Data: a, Sum: sha256.Sum256([]byte("another"))}})
	if ka == keyOf(doc(a[3:9], a[9:15]), true, other) {
		t.Error("a span of another digest gives the same key")
	}
	short := newSpanIndex([]Span{{Data: a[:6], Sum: sha256.Sum256([]byte(a[:6]))}})
	if keyOf(doc(a[3:9]), true, short) != keyOf(doc(copyOf(a[3:9])), true, nil) {
		t.Error("a text that runs past the end of a span is not keyed by its bytes")
	}
}

type keyCheck struct {
	t      *testing.T
	d      *model.Document
	fields int
	bytes  bool // keys by the bytes of texts
}

var documentType = reflect.TypeOf(model.Document{})

// changed checks that what change does to the document changes its key,
// undoes it and reports whether the key is back.
func (k *keyCheck) changed(path string, change, undo func()) {
	k.fields++
	before := keyOf(k.d, k.bytes, nil).whole
	change()
	if keyOf(k.d, k.bytes, nil).whole == before {
		k.t.Errorf("%s: the key does not change with it", path)
	}
	undo()
	if keyOf(k.d, k.bytes, nil).whole != before {
		k.t.Fatalf("%s: undoing the change does not give the key back", path)
	}
}

func (k *keyCheck) visit(v reflect.Value, path string, depth int) {
	switch v.Kind() {
	case reflect.String:
		old := v.String()
		k.changed(path, func() { v.SetString(old + "x") }, func() { v.SetString(old) })
	case reflect.Int:
		old := v.Int()
		k.changed(path, func() { v.SetInt(old + 1) }, func() { v.SetInt(old) })
	case reflect.Bool:
		old := v.Bool()
		k.changed(path, func() { v.SetBool(!old) }, func() { v.SetBool(old) })
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Name == "Links" || f.Name == "Parts" { // what linking writes
				k.unchanged(path+"."+f.Name, v.Field(i))
				continue
			}
			k.visit(v.Field(i), path+"."+f.Name, depth)
		}
	case reflect.Slice:
		if depth > 4 {
			return
		}
		n := v.Len()
		elem := reflect.New(v.Type().Elem()).Elem()
		if v.Type().Elem().Kind() == reflect.Pointer {
			elem = reflect.New(v.Type().Elem().Elem())
			if v.Type().Elem().Elem() == documentType {
				elem.Elem().FieldByName("ID").SetString("other")
			}
		}
		k.changed(path+"[]", func() { v.Set(reflect.Append(v, elem)) }, func() { v.Set(v.Slice(0, n)) })
		v.Set(reflect.Append(v, elem))
		if et := v.Type().Elem(); et.Kind() != reflect.Pointer || et.Elem() != documentType {
			k.visit(v.Index(n), path+"[]", depth+1)
		}
		v.Set(v.Slice(0, n))
	case reflect.Pointer:
		if depth > 4 {
			return
		}
		if v.Type().Elem() == documentType { // another document: by its ID
			other := &model.Document{ID: "other"}
			k.changed(path, func() { v.Set(reflect.ValueOf(other)) }, func() { v.SetZero() })
			return
		}
		if v.IsNil() {
			k.changed(path, func() { v.Set(reflect.New(v.Type().Elem())) }, func() { v.SetZero() })
			v.Set(reflect.New(v.Type().Elem()))
			k.visit(v.Elem(), path, depth+1)
			v.SetZero()
			return
		}
		k.visit(v.Elem(), path, depth+1)
	default:
		k.t.Errorf("%s: a field of kind %s the test cannot change", path, v.Kind())
	}
}

// unchanged checks that links leave the key as it is.
func (k *keyCheck) unchanged(path string, v reflect.Value) {
	before := keyOf(k.d, k.bytes, nil).whole
	if v.Type() == reflect.TypeOf([]string{}) {
		v.Set(reflect.ValueOf([]string{"d"}))
	} else {
		v.Set(reflect.ValueOf([]model.Link{{Start: 1, End: 2, Kind: "term"}}))
	}
	if keyOf(k.d, k.bytes, nil).whole != before {
		k.t.Errorf("%s: what linking writes changes the key", path)
	}
	v.SetZero()
}

// TestOutlineLeavesText: an edit of a paragraph's text changes a
// document's whole key, not its outline or shape (of an article's, its
// worded key: a version cited before it reads its words, speaksOf); a 款
// added changes its shape, not its outline; an article added changes its
// outline.
func TestOutlineLeavesText(t *testing.T) {
	d := &model.Document{ID: "d", Regulation: model.Regulation{Articles: []*model.Article{
		{Number: 1, Label: "第一条", Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: "甲"}}}},
	}}}
	step := func(what string, edit func(), outline, shape bool) {
		t.Helper()
		before := keyOf(d, false, nil)
		edit()
		after := keyOf(d, false, nil)
		if after.whole == before.whole || (after.outline != before.outline) != outline || (after.shape != before.shape) != shape {
			t.Errorf("%s: whole, outline and shape changed %v %v %v", what,
				after.whole != before.whole, after.outline != before.outline, after.shape != before.shape)
		}
	}
	before := keyOf(d, false, nil).worded
	step("a text edited", func() { d.Articles[0].Clauses[0].Text = "乙" }, false, false)
	if keyOf(d, false, nil).worded == before {
		t.Error("an article's text edited: its worded key does not change")
	}
	step("a 款 added", func() { d.Articles[0].Clauses = append(d.Articles[0].Clauses, &model.Clause{}) }, false, true)
	step("an article added", func() { d.Articles = append(d.Articles, &model.Article{Number: 2, Label: "第二条"}) }, true, true)
}

// BenchmarkKeys computes the keys of every regulation of the shared corpus,
// by where texts lie (a Memo in memory) and by their bytes (a Memo kept on
// disk), and reports the CPU seconds each takes per op.
func BenchmarkKeys(b *testing.B) {
	c := loadCorpus(b, 0)
	for _, byBytes := range []bool{false, true} {
		name := "place"
		if byBytes {
			name = "bytes"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cputime.Used()
			for b.Loop() {
				for _, d := range c.Documents {
					keyOf(d, byBytes, nil)
				}
			}
			b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
