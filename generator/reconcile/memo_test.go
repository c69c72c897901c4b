package reconcile

import (
	"slices"
	"testing"

	"tiaoli/generator/model"
)

// TestMemoGrams: the bigrams of a body through the memo are those of the
// body as it is, after an edit too.
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
	if n := m.grams.Len(); n != 3 {
		t.Errorf("%d bodies kept, want 3", n)
	}
}
