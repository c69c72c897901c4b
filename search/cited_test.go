package search

import (
	"os"
	"path/filepath"
	"testing"

	"tiaoli/generator/model"
)

// TestCitedFile: references from other documents count, each citing
// document once for the document; references inside a document and
// unresolved ones do not; the counts come back by document number.
func TestCitedFile(t *testing.T) {
	ref := func(from, to, article string) *model.Reference {
		return &model.Reference{From: model.Location{Document: from}, To: &model.Location{Document: to, Article: article}}
	}
	c := &model.Corpus{References: []*model.Reference{
		ref("rule", "law", "第五条"),
		ref("rule", "law", "第五条"),
		ref("interp", "law", "第五条"),
		ref("interp", "law", ""),
		ref("law", "law", "第六条"), // inside the document
		{From: model.Location{Document: "rule"}, Text: "《无此法》"},
	}}
	cc := &citedCounts{of: countCitations(c)}
	for _, d := range []*searchDoc{
		{Doc: "law", Article: "第五条"},
		{Doc: "law", Article: "第六条"},
		{Doc: "rule", Article: "第一条"},
	} {
		cc.add(d.Doc, d.Article)
	}
	dir := t.TempDir()
	if err := cc.write(dir, []uint32{2, 0, 1}); err != nil {
		t.Fatal(err)
	}
	ct, err := openCited(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		doc                uint64
		article, documents float64
	}{{2, 3, 2}, {0, 0, 2}, {1, 0, 0}, {9, 0, 0}} {
		a, d := ct.of(tc.doc)
		if a != tc.article || d != tc.documents {
			t.Errorf("document %d: cited %v times, by %v documents; want %v, %v", tc.doc, a, d, tc.article, tc.documents)
		}
	}
	os.WriteFile(filepath.Join(dir, citedFile), []byte("TLCITED1\xff\xff\xff\xff"), 0o644)
	if _, err := openCited(dir); err == nil {
		t.Error("a damaged side file of citations is read")
	}
}

// TestCitedCodeInParts: a citation of a whole code printed as several
// files (its parts, which the link stage lists in Document.Parts) counts
// for every part, whichever part the link stage leads it to; a citation
// of one article counts for its part.
func TestCitedCodeInParts(t *testing.T) {
	part := func(id string) *model.Document {
		d := &model.Document{ID: id, Title: "某某法典", Date: "2020-05-28"}
		d.Parts = []string{"general", "property"}
		return d
	}
	ref := func(from, to, article string) *model.Reference {
		return &model.Reference{From: model.Location{Document: from}, To: &model.Location{Document: to, Article: article}}
	}
	c := &model.Corpus{
		Documents: []*model.Document{part("general"), part("property"), {ID: "rule", Title: "某某规定", Date: "2021-01-01"}},
		References: []*model.Reference{
			ref("rule", "general", ""),
			ref("interp", "general", ""),
			ref("interp2", "property", "第二百条"),
		},
	}
	ct := countCitations(c)
	for doc, want := range map[string]int{"general": 2, "property": 3, "rule": 0} {
		if got := ct.document[doc]; got != want {
			t.Errorf("%s is cited by %d documents, want %d", doc, got, want)
		}
	}
}
