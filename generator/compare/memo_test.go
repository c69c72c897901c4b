package compare

import (
	"crypto/sha256"
	"encoding/binary"
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
	var works []*model.Work
	for _, v := range caseVersions(t) {
		works = append(works, &model.Work{Versions: []model.Version{{Doc: v[1]}, {Doc: v[0]}}})
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

// caseVersions are the older and the newer version of each case file.
func caseVersions(t *testing.T) [][2]*model.Document {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	var out [][2]*model.Document
	for _, f := range files {
		sec := sections(t, f)
		out = append(out, [2]*model.Document{document(t, f, sec["old"]), document(t, f, sec["new"])})
	}
	return out
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

// TestDigestOf: the key of a version is the sum of its inputs as
// alignment reads them (inputsOf), each string after its length, though
// digestOf makes none of the texts: for the case files and for articles
// with no 款, an empty 款, items with and without their label, and a 款
// ending in a line break. A memo written down before keeps its keys.
func TestDigestOf(t *testing.T) {
	var docs []*model.Document
	for _, v := range caseVersions(t) {
		docs = append(docs, v[0], v[1])
	}
	item := func(label, text string, sub ...*model.Item) *model.Item {
		it := &model.Item{Label: label, Items: sub}
		it.Text = text
		return it
	}
	clause := func(text string, items ...*model.Item) *model.Clause {
		c := &model.Clause{Items: items}
		c.Text = text
		return c
	}
	odd := &model.Document{}
	odd.Articles = []*model.Article{
		nil,
		{Label: "第一条"},
		{Label: "第二条", Clauses: []*model.Clause{nil, clause("")}},
		{Label: "第三条", Clauses: []*model.Clause{
			clause("甲：", item("（一）", "乙；", item("1.", "1.丙")), nil, item("（二）", "（二）丁。")),
			clause("戊\n"),
		}},
	}
	odd.Headings = []model.Heading{{Label: "第一章", Title: "总则"}, {}}
	docs = append(docs, &model.Document{}, odd)
	for i, d := range docs {
		if got, want := digestOf(d), inputsDigest(inputsOf(d)); got != want {
			t.Errorf("document %d: digestOf %x, want %x", i, got, want)
		}
	}
}

// inputsDigest is the SHA-256 sum of inputs made whole: the lengths of the
// lists and of each string, then the string.
func inputsDigest(in inputs) [sha256.Size]byte {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	for _, list := range [][]input{in.articles, in.headings} {
		binary.LittleEndian.PutUint64(n[:], uint64(len(list)))
		h.Write(n[:])
		for _, x := range list {
			field(x.label)
			field(x.text)
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}
