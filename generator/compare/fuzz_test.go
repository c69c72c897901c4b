package compare

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

// FuzzAlign: any two lists of article texts give an alignment in which
// every article of either side appears, the newer side in order, with a
// known kind and a similarity from 0 to 1; and the same text is never
// paired as changed.
func FuzzAlign(f *testing.F) {
	f.Add("甲乙丙丁\n戊己庚辛\n违反本法规定，处罚款", "甲乙丙丁\n新条文\n违反本法规定，处罚款\n戊己庚辛")
	f.Add("", "一")
	f.Add("同\n同\n同", "同\n同")
	f.Fuzz(func(t *testing.T, a, b string) {
		old, new := units(a), units(b)
		pairs := align(old, new)
		seenOld, seenNew := map[int]bool{}, map[int]bool{}
		lastNew := -1
		for _, p := range pairs {
			if !knownKind[p.Kind] || p.Similarity < 0 || p.Similarity > 1 {
				t.Fatalf("pair %+v", p)
			}
			if p.OldIndex >= 0 {
				seenOld[p.OldIndex] = true
			}
			if p.NewIndex >= 0 {
				seenNew[p.NewIndex] = true
				if p.NewIndex < lastNew {
					t.Fatalf("new side out of order: %v", pairs)
				}
				lastNew = p.NewIndex
			}
			if p.Kind == model.PairModified && old[p.OldIndex].fold == new[p.NewIndex].fold {
				t.Fatalf("same text paired as modified: %+v", p)
			}
		}
		if len(seenOld) != len(old) || len(seenNew) != len(new) {
			t.Fatalf("%d of %d old and %d of %d new articles aligned", len(seenOld), len(old), len(seenNew), len(new))
		}
	})
}

var knownKind = map[string]bool{
	model.PairUnchanged: true, model.PairModified: true, model.PairRenumbered: true, model.PairAdded: true,
	model.PairDeleted: true, model.PairMerged: true, model.PairSplit: true,
}

// units makes one unit per line, labelled by its number.
func units(s string) []*unit {
	if s == "" {
		return nil
	}
	var out []*unit
	for i, l := range strings.Split(s, "\n") {
		out = append(out, newUnit(strings.Repeat("条", i+1), l))
	}
	return out
}
