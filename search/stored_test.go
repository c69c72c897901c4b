package search

import (
	"strings"
	"testing"
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
