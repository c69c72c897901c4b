package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"
)

// TestStoredRoundTrip: the values packed into fieldStored read back as
// fields() gave them, absent ones as "", and a cut value loses only what
// was cut.
func TestStoredRoundTrip(t *testing.T) {
	long := strings.Repeat("第一条 本法所称", 40) // a length of two bytes
	for _, tc := range []struct {
		name   string
		fields map[string]interface{}
	}{
		{"article", map[string]interface{}{fieldTitle: "某某条例", fieldText: "第一行\n第二行", fieldKind: "regulation",
			fieldDoc: "mou-mou", fieldDate: "2020-01-02", fieldAnchors: "p1 p2-i1", fieldArticle: "第一条", fieldHeading: "第一章 总则"}},
		{"term", map[string]interface{}{fieldTitle: "四风", fieldKind: KindTerm, fieldText: long}},
		{"superseded", map[string]interface{}{fieldKind: "law", fieldStatus: "已修改", fieldHead: "not stored", fieldLabel: []string{"第五条"}}},
		{"empty", map[string]interface{}{}},
	} {
		v := unpackStored(string(packStored(nil, tc.fields)))
		for _, name := range storedNames {
			want, _ := tc.fields[name].(string)
			if got := v.get(name); got != want {
				t.Errorf("%s: %s = %q, want %q", tc.name, name, got, want)
			}
		}
	}
	packed := string(packStored(nil, map[string]interface{}{fieldTitle: "标题", fieldHeading: "章", fieldText: "正文"}))
	cut := unpackStored(packed[:len(packed)-len("正文")-7])
	if cut.get(fieldTitle) != "标题" || cut.get(fieldHeading) != "章" || cut.get(fieldText) != "" {
		t.Errorf("cut value read as %q", cut)
	}
	if got := unpackStored("\xff\xff"); got != (storedValues{}) {
		t.Errorf("damaged value read as %q", got)
	}
	if whole := unpackStored(packed); whole.get(fieldHead) != "" {
		got := whole.get(fieldHead)
		t.Errorf("a field that is not stored read as %q", got)
	}
}

// TestFieldsKept: every field fields() gives is either mapped (searched
// through bleve) or one of storedNames (packed into fieldStored); one that
// is neither would be dropped from the index without a word. The search
// documents set every field of searchDoc, so that a new one shows here.
func TestFieldsKept(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	mapped := im.(*mapping.IndexMappingImpl).DefaultMapping.Properties
	full := searchDoc{ID: "/d/a/", Title: "某法", Heading: []string{"第一章 总则"}, Labels: []string{"第五条", "第5条"},
		Article: "第五条", Lines: []string{"甲", "乙"}, Anchors: []string{"p1", "p2"}, Issuer: "某部", Whole: true,
		Kind: "law", Doc: "a", Date: "2020-01-02", Status: "已修改"}
	v := reflect.ValueOf(full)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("the test's search document leaves %s unset", v.Type().Field(i).Name)
		}
	}
	article := full
	article.Whole = false // no head of its own (sharedHead), no doctitle
	for _, d := range []searchDoc{full, article} {
		fields, _ := d.fields()
		for name := range fields {
			if _, ok := mapped[name]; !ok && !slices.Contains(storedNames[:], name) {
				t.Errorf("field %s of fields() is neither mapped nor stored", name)
			}
		}
	}
}
