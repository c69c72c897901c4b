package compare

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/model"
)

// TestMemo compares the works of the case files through one Memo again
// and again: with nothing changed, with an article of a newer version
// edited, with a heading renamed and with an article's label changed, each
// time as without the memo. Works that keep their text align from the
// memo; an edited one aligns anew.
func TestMemo(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	var works []*model.Work
	for _, f := range files {
		sec := sections(t, f)
		old, new := document(t, f, sec["old"]), document(t, f, sec["new"])
		works = append(works, &model.Work{Versions: []model.Version{{Doc: new}, {Doc: old}}})
	}
	m := NewMemo()
	same := func(step string) {
		t.Helper()
		if got, want := comparisonsJSON(t, Works(works, m)), comparisonsJSON(t, Works(works, nil)); got != want {
			t.Errorf("%s: through the memo\n%s\nwant\n%s", step, got, want)
		}
	}
	same("first")
	same("nothing changed")
	newest := works[0].Versions[0].Doc
	if len(newest.Articles) < 2 {
		t.Fatalf("%d articles", len(newest.Articles))
	}
	cl := newest.Articles[1].Clauses[0]
	cl.Text = strings.Repeat(cl.Text, 2)
	same("an article edited")
	newest.Articles[0].Label += "之一"
	same("a label changed")
	if h := firstHeading(works); h != nil {
		h.Title += "和附则"
		same("a heading renamed")
	}
	if m.aligned.Len() != len(works) {
		t.Errorf("the memo keeps %d alignments, want the %d of the last run", m.aligned.Len(), len(works))
	}
}

// firstHeading is the first heading of a version, nil when none has one.
func firstHeading(works []*model.Work) *model.Heading {
	for _, w := range works {
		for _, v := range w.Versions {
			if len(v.Doc.Headings) > 0 {
				return &v.Doc.Headings[0]
			}
		}
	}
	return nil
}

func comparisonsJSON(t *testing.T, cs []*model.Comparison) string {
	data, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
