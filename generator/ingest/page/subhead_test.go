package page

import (
	"testing"

	"tiaoli/generator/model"
)

// TestMarkSubheads: the bare subheadings of a case write-up printed as
// plain text become headings; a lone short line, a short sentence and a
// line before another short line stay text.
func TestMarkSubheads(t *testing.T) {
	para := "某某，中共党员，某市某局办公室主任，于某年收受他人财物，数额较大。"
	for _, tc := range []struct {
		name string
		in   []string
		want []int // indexes marked as headings
	}{
		{"case", []string{"基本案情", para, para, "裁判要旨", para, "【评析意见】", para}, []int{0, 3, 5}},
		{"one only", []string{para, "基本案情", para, para}, nil},
		{"sentence", []string{"他同意。", para, "对此有异议", para}, nil},
		{"before a short line", []string{"基本情况", "基本案情", para, "裁判要旨", para, "评析", para}, []int{1, 3, 5}},
		{"last line", []string{"基本案情", para, "裁判要旨", para, "责任编辑 某某"}, []int{0, 2}},
	} {
		ps := make([]model.Paragraph, len(tc.in))
		for i, s := range tc.in {
			ps[i].Text = s
		}
		markSubheads(ps)
		var got []int
		for i, p := range ps {
			if p.Heading > 0 {
				got = append(got, i)
			}
		}
		if len(got) != len(tc.want) || (len(got) > 0 && !equalInts(got, tc.want)) {
			t.Errorf("%s: headings at %v, want %v", tc.name, got, tc.want)
		}
	}
}

func equalInts(a, b []int) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
