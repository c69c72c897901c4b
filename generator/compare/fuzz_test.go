package compare

import (
	"math"
	"slices"
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

// FuzzShares compares Shares with counting each bigram's hits per text
// in a map, on texts cut from a at newlines.
func FuzzShares(f *testing.F) {
	f.Add("临时用地的期限\n抵免限额抵免限额\n依照本法的规定", "临时用地抵免限额")
	f.Add("同同同\n同同\n", "同同")
	f.Add("", "一")
	f.Fuzz(func(t *testing.T, a, sentence string) {
		texts := strings.Split(a, "\n")
		got := NewTexts(texts).Shares(sentence)
		want := countedShares(NewTexts(texts), sentence)
		if !slices.Equal(got, want) {
			t.Fatalf("Shares(%q) of %q = %v, want %v", sentence, texts, got, want)
		}
	})
}

// countedShares is Shares with each bigram's hits counted in a map.
func countedShares(t *Texts, sentence string) []float64 {
	out := make([]float64, t.n)
	n := float64(t.n + 1)
	all := 0.0
	for _, g := range newUnit("", sentence).grams {
		counts := map[int32]int32{}
		for _, h := range t.hits {
			if h.key == g.key {
				counts[h.text]++
			}
		}
		w := math.Log(1 + n/float64(len(counts)+1))
		all += w * float64(g.count)
		for text, c := range counts {
			out[text] += w * float64(min(g.count, c))
		}
	}
	if all > 0 {
		for i := range out {
			out[i] /= all
		}
	}
	return out
}
