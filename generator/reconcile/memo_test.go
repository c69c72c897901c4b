package reconcile

import (
	"slices"
	"strconv"
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
			if got, want := m.bodyGrams(d, keyOf(d)), bodyGrams(d); !slices.Equal(got, want) {
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

// TestMemoStored: the similarities a Merge used are written down and read
// back by another Memo, whose Merge of the same documents computes none
// anew and gives what a Merge without a memo gives; what is not a stored
// Memo is refused.
func TestMemoStored(t *testing.T) {
	docs := func() []*model.Document {
		var out []*model.Document
		for _, end := range []string{"。", "。", "，另有规定的除外。"} {
			out = append(out, &model.Document{Title: "某某事项通报", Kind: model.KindNews,
				Sources: []model.Position{{Path: "pages/" + strconv.Itoa(len(out)) + ".txt"}},
				Body:    []model.Paragraph{{Text: "某某事项的办理情况通报如下。"}, {Text: "各单位应当按期办理" + end}}})
		}
		return out
	}
	m := NewMemo()
	m.Merge(docs(), Pins{})
	if m.sims.Len() == 0 {
		t.Fatal("the merge compared no bodies")
	}
	data, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	read := NewMemo()
	if err := read.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	got := read.Merge(docs(), Pins{})
	if read.Changed() || read.grams.Len() != 0 {
		t.Errorf("merging through the memo read back: changed %v, %d bodies cut", read.Changed(), read.grams.Len())
	}
	if want := Merge(docs(), Pins{}); len(got) != len(want) {
		t.Errorf("merged through the memo read back into %d documents, without a memo into %d", len(got), len(want))
	}
	for what, bad := range map[string][]byte{"cut short": data[:len(data)/2], "empty": nil} {
		if err := NewMemo().UnmarshalBinary(bad); err == nil {
			t.Errorf("%s: read without an error", what)
		}
	}
}
