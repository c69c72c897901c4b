package search

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
)

// sampleCorpus parses the sample content afresh.
func sampleCorpus(t *testing.T) *model.Corpus {
	c := generator.Parse(os.DirFS(filepath.Join(testdir.Root(t), "content")))
	if len(c.Documents) < 3 {
		t.Skip("the sample content parses into too few documents: skipping")
	}
	return c
}

// edit changes the sample corpus as one file's edit would: a paragraph of
// an article reworded, a document gone, and another added.
func edit(c *model.Corpus) {
	for _, d := range c.Documents {
		if len(d.Articles) > 2 {
			p := d.Articles[1].Clauses[0]
			p.Text, p.Links = p.Text+"增补条文：网络安全审查。", nil
			break
		}
	}
	gone := c.Documents[len(c.Documents)-1]
	c.Documents = c.Documents[:len(c.Documents)-1]
	c.Documents = append(c.Documents, &model.Document{ID: "xin-wen", Kind: model.KindNews, URL: "d/xin-wen/",
		Title: "新增新闻" + gone.Title, Date: "2026-03-01",
		Body: []model.Paragraph{{Text: "本报讯 网络安全审查办法今日公布。"}}})
}

// TestUpdateMatchesWholeBuild builds an index, edits the corpus, updates
// the index from the first and checks that it answers every query of the
// relevance set (and the edited words) as an index built whole does.
func TestUpdateMatchesWholeBuild(t *testing.T) {
	dir := t.TempDir()
	first, updated, whole := filepath.Join(dir, "first"), filepath.Join(dir, "updated"), filepath.Join(dir, "whole")
	if err := Build(sampleCorpus(t), first, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	c := sampleCorpus(t)
	edit(c)
	if done, err := update(c, printsOf(t, c), updated, first, "test", func() {}); !done || err != nil {
		t.Fatalf("update = %v, %v; want it done from the first build", done, err)
	}
	if err := BuildIndex(c, whole); err != nil {
		t.Fatal(err)
	}
	a, b := openAt(t, updated), openAt(t, whole)
	sameTextPosts(t, "update", a, b)
	queries := []string{"网络安全", "网络安全 审查", "新增新闻", "增补条文"}
	for _, rc := range readRelevance(t) {
		queries = append(queries, rc.query)
	}
	for _, q := range queries {
		ra, ea := a.Search(context.Background(), Request{Query: q, Size: MaxPageSize})
		rb, eb := b.Search(context.Background(), Request{Query: q, Size: MaxPageSize})
		if ea != nil || eb != nil {
			if (ea == nil) != (eb == nil) {
				t.Errorf("%s: errors %v and %v", q, ea, eb)
			}
			continue
		}
		if ra.Total != rb.Total || !reflect.DeepEqual(ra.Facets, rb.Facets) || hitSet(ra) != hitSet(rb) {
			t.Errorf("%s: updated index answers %d %v\n%s\nwhole index %d %v\n%s", q,
				ra.Total, ra.Facets, hitSet(ra), rb.Total, rb.Facets, hitSet(rb))
		}
	}
	if r, _ := a.Search(context.Background(), Request{Query: "增补条文"}); r == nil || r.Total != 1 {
		t.Errorf("the edited article is not found in the updated index")
	}
}

// TestUpdateFallsBack: another program's index, or none, is built whole.
func TestUpdateFallsBack(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first")
	if err := Build(sampleCorpus(t), first, Options{Program: "one"}); err != nil {
		t.Fatal(err)
	}
	for name, prev := range map[string]string{"other program": first, "no index": filepath.Join(dir, "none")} {
		out := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := Build(sampleCorpus(t), out, Options{Previous: prev, Program: "two"}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if segs := segmentFiles(t, out); segs != 1 {
			t.Errorf("%s: %d segments, want a whole build's one", name, segs)
		}
	}
}

// hitSet lists a response's hits with their scores, in URL order: the
// order of equal scores depends on how documents are numbered.
func hitSet(r *Response) string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.URL+" "+strings.Join(h.Fragments, "|"))
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

func segmentFiles(t *testing.T, dir string) int {
	files, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	return len(files)
}

func openAt(t *testing.T, dir string) *Index {
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestIndexedCallback: Build calls Indexed once, when every document is
// indexed and before the merge writes the side files, whether it builds
// whole or updates.
func TestIndexedCallback(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first"), filepath.Join(dir, "second")
	for _, run := range []struct{ out, prev string }{{first, ""}, {second, first}} {
		calls := 0
		o := Options{Previous: run.prev, Program: "test", Indexed: func() {
			calls++
			if _, err := os.Stat(filepath.Join(run.out, charsFile)); err == nil {
				t.Errorf("%s: Indexed called after the side files were written", run.out)
			}
		}}
		if err := Build(sampleCorpus(t), run.out, o); err != nil {
			t.Fatal(err)
		}
		if calls != 1 {
			t.Errorf("%s: Indexed called %d times, want once", run.out, calls)
		}
	}
}

// TestDocSumCoversEveryField changes each field of a search document in
// turn: every change must change the digest, or an update would keep a
// document whose indexed text changed. A field added to searchDoc and
// left out of docSum fails here.
func TestDocSumCoversEveryField(t *testing.T) {
	base := searchDoc{}
	seen := map[string]string{docSum(&base): "(empty)"}
	typ := reflect.TypeOf(base)
	for i := 0; i < typ.NumField(); i++ {
		d := base
		f := reflect.ValueOf(&d).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{""}))
		default:
			t.Fatalf("field %s: kind %s not covered by this test", typ.Field(i).Name, f.Kind())
		}
		sum := docSum(&d)
		if other, ok := seen[sum]; ok {
			t.Errorf("setting %s gives the digest of %s", typ.Field(i).Name, other)
		}
		seen[sum] = typ.Field(i).Name
	}
	// Items move between lists, or between neighbours, without colliding.
	a := searchDoc{Lines: []string{"ab"}, Anchors: []string{""}}
	b := searchDoc{Lines: []string{"a", "b"}}
	c := searchDoc{Title: "ab"}
	e := searchDoc{Title: "a", Article: "b"}
	if docSum(&a) == docSum(&b) || docSum(&c) == docSum(&e) {
		t.Error("lists or neighbouring fields collide")
	}
}

// printsOf is corpusPrintsOf(c), failing t on error.
func printsOf(t *testing.T, c *model.Corpus) *corpusPrints {
	t.Helper()
	cp, err := corpusPrintsOf(c)
	if err != nil {
		t.Fatal(err)
	}
	return cp
}
