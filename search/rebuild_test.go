package search

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/golden"
	"tiaoli/internal/testdir"
)

// TestUpdateFollowsEveryInput changes the corpus, one way at a time, in
// what its search documents hold and in what they depend on outside
// themselves (the citations other documents make of them, which record
// has a search document's ID, the titles and terms of the metadata), and
// checks after each change that an update from the index before holds
// what an index built whole holds: every stored field and the metadata
// of every search document, and the side files.
func TestUpdateFollowsEveryInput(t *testing.T) {
	c := sampleCorpus(t)
	var law *model.Document
	for _, d := range c.Documents {
		if len(d.Articles) > 2 && law == nil {
			law = d
		}
	}
	if law == nil || len(c.Terms) < 2 {
		t.Skip("the sample content has no document with articles or too few terms: skipping")
	}
	cited := law.Articles[1]
	other := c.Documents[0]
	if other == law {
		other = c.Documents[1]
	}
	// A term with the URL of another, before it: the other's search
	// document is this one's, until it goes.
	twin := *c.Terms[1]
	twin.Term, twin.Definition = "同址术语", "同址术语的定义。"
	c.Terms = slices.Insert(c.Terms, 1, &twin)
	// A document with the URL of another, before it: likewise.
	dup := &model.Document{ID: "tong-zhi", Kind: other.Kind, URL: other.URL, Title: "同址文件",
		Body: []model.Paragraph{{Text: "同址文件的正文。"}}}
	c.Documents = slices.Insert(c.Documents, 0, dup)
	steps := []struct {
		name   string
		change func()
	}{
		{"nothing", func() {}},
		{"a new document cites an unchanged one", func() {
			d := &model.Document{ID: "xin-gui", Kind: model.KindNotice, URL: "d/xin-gui/", Title: "新规通知",
				Date: "2026-04-01", Body: []model.Paragraph{{Text: "依照有关规定执行。"}}}
			c.Documents = append(c.Documents, d)
			c.References = append(c.References, &model.Reference{From: model.Location{Document: d.ID},
				To: &model.Location{Document: law.ID, Article: cited.Label}, Kind: "citation"})
		}},
		{"a reference resolves anew, no document changed", func() {
			c.References = append(c.References, &model.Reference{From: model.Location{Document: other.ID},
				To: &model.Location{Document: law.ID, Article: cited.Label}, Kind: "article"})
		}},
		{"the first of two terms with one URL goes", func() {
			c.Terms = slices.Delete(c.Terms, 1, 2)
		}},
		{"the first of two documents with one URL goes", func() {
			c.Documents = slices.DeleteFunc(c.Documents, func(d *model.Document) bool { return d == dup })
		}},
		{"a term's kind changes, only in the metadata", func() {
			if c.Terms[0].Kind == model.TermAbbreviation {
				c.Terms[0].Kind = model.TermAcronym
			} else {
				c.Terms[0].Kind = model.TermAbbreviation
			}
		}},
		{"a title changes", func() { other.Title += "（修订）" }},
		{"an article's line changes", func() {
			p := law.Articles[2].Clauses[0]
			p.Text += "增补条文：网络安全审查。"
		}},
		{"a document goes", func() {
			c.Documents = slices.DeleteFunc(c.Documents, func(d *model.Document) bool { return d.ID == "xin-gui" })
		}},
	}
	dir := t.TempDir()
	prev := filepath.Join(dir, "0")
	if err := Build(c, prev, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	for i, st := range steps {
		st.change()
		next := filepath.Join(dir, fmt.Sprint(i+1))
		if done, err := update(c, printsOf(t, c), next, prev, "test", func() {}); !done || err != nil {
			t.Fatalf("%s: update = %v, %v; want it done", st.name, done, err)
		}
		whole := filepath.Join(dir, fmt.Sprintf("whole%d", i+1))
		if err := BuildIndex(c, whole); err != nil {
			t.Fatal(err)
		}
		got, want := indexByID(t, next)+sideByID(t, next), indexByID(t, whole)+sideByID(t, whole)
		if got != want {
			t.Fatalf("%s: the updated index differs from a whole build's (want: whole build, got: updated):\n%s", st.name, golden.Diff(want, got))
		}
		prev = next
	}
}

// TestNothingChangedKeepsIndex: a build of the corpus the previous index
// was built of takes its files as they are, and writes none.
func TestNothingChangedKeepsIndex(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first"), filepath.Join(dir, "second")
	if err := Build(sampleCorpus(t), first, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	if err := Build(sampleCorpus(t), second, Options{Program: "test", Previous: first}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{charsFile, textsFile, headsFile, citedFile, orderFile, sumsFile} {
		a, errA := os.Stat(filepath.Join(first, name))
		b, errB := os.Stat(filepath.Join(second, name))
		if errA != nil || errB != nil || !os.SameFile(a, b) {
			t.Errorf("%s: not the previous index's file (%v, %v)", name, errA, errB)
		}
	}
	if got, want := indexByID(t, second), indexByID(t, first); got != want {
		t.Errorf("the index differs from the previous one:\n%s", golden.Diff(want, got))
	}
}

// indexByID prints the stored fields of every search document of the
// index in dir, by ID, but empty ones, and its metadata.
func indexByID(t *testing.T, dir string) string {
	t.Helper()
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	var lines []string
	for _, id := range indexIDs(t, dir) {
		d, err := bi.Document(id)
		if err != nil || d == nil {
			t.Fatalf("%s: %v", id, err)
		}
		var fields []string
		d.VisitFields(func(f index.Field) {
			if len(f.Value()) > 0 { // an empty field reads as none (see declareAll)
				fields = append(fields, f.Name()+"="+string(f.Value()))
			}
		})
		slices.Sort(fields)
		lines = append(lines, id+" "+strings.Join(fields, " "))
	}
	slices.Sort(lines)
	mb, err := bi.GetInternal(metaKey)
	if err != nil {
		t.Fatal(err)
	}
	var m any
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	pretty, _ := json.MarshalIndent(m, "", " ")
	return strings.Join(lines, "\n") + "\n" + string(pretty) + "\n"
}

// TestRebuildRanksAsFresh builds an index of part of the corpus whole,
// then, after each of the edits TestLiveMatchesWholeBuild makes, updates
// it from the index before (as a rebuild of the site does, its deleted
// documents left in their segments until a merge) and checks that it
// answers every query as an index built whole from the same corpus: the
// same hits, in the same order, with the same scores, pages of lone
// characters and questions (the relaxed reading) included. Thirty more
// laws make each edit small enough for an update.
func TestRebuildRanksAsFresh(t *testing.T) {
	src := filepath.Join(testdir.Corpus(t), "lawrefbook-laws")
	more, err := os.ReadDir(filepath.Join(src, "行政法规"))
	if err != nil {
		t.Skipf("corpus not found at %s: skipping", src)
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	for _, f := range liveFiles {
		copyFile(t, src, content, f)
	}
	for _, e := range more[:min(30, len(more))] {
		copyFile(t, src, content, filepath.Join("行政法规", e.Name()))
	}
	prev := filepath.Join(dir, "0")
	if err := Build(generator.Parse(os.DirFS(content)), prev, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	queries := append(slices.Clone(liveQueries), "劳", "工", "保险", "用人单位 劳动者")
	for i, e := range liveEdits {
		c := applyEdit(t, i, content, src)
		next, whole := filepath.Join(dir, fmt.Sprint(i+1)), filepath.Join(dir, fmt.Sprintf("whole%d", i+1))
		if done, err := update(c, printsOf(t, c), next, prev, "test", func() {}); !done || err != nil {
			t.Fatalf("%s: update = %v, %v; want it done from the index before", e.name, done, err)
		}
		if err := BuildIndex(c, whole); err != nil {
			t.Fatal(err)
		}
		compareIndexes(t, e.name, queries, openAt(t, next), openAt(t, whole))
		prev = next
	}
}
