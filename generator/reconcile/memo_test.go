package reconcile

import (
	"slices"
	"testing"

	"tiaoli/generator/model"
)

// TestMemoGrams: the bigrams of a body through the memo are those of the
// body as it is, after an edit too, and the memo keeps only what the last
// Merge used.
func TestMemoGrams(t *testing.T) {
	d := &model.Document{Body: []model.Paragraph{{Text: "第一条 甲乙丙。"}, {Text: "第二条 丁戊。"}}}
	m := NewMemo()
	m.Merge(nil, Pins{})
	check := func(step string) {
		t.Helper()
		for range 2 {
			if got, want := m.bodyGrams(d), bodyGrams(d); !slices.Equal(got, want) {
				t.Errorf("%s: %v, want %v", step, got, want)
			}
		}
	}
	check("first")
	d.Body[1].Text = "第二条 丁己。"
	check("a character changed")
	d.Body = append(d.Body[:1], model.Paragraph{Text: "第二条 丁"}, model.Paragraph{Text: "己。"})
	check("a paragraph split")
	if len(m.grams) != 3 {
		t.Errorf("%d bodies kept, want 3", len(m.grams))
	}
	m.Merge(nil, Pins{})
	m.Merge(nil, Pins{})
	if len(m.grams)+len(m.last) != 0 {
		t.Errorf("%d bodies kept after two merges that used none", len(m.grams)+len(m.last))
	}
}
