package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// tiedCorpus has n documents alike but for their IDs: every query that
// finds one finds all of them with one score.
func tiedCorpus(n int) *model.Corpus {
	c := &model.Corpus{}
	for i := range n {
		id := fmt.Sprintf("t%03d", i)
		a := &model.Article{Number: 1, Label: "第一条", URL: "d/" + id + "/a1/",
			Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: "经营者应当公开收费标准，不得另行收取费用。"}}}}
		address.ArticleAnchors(a)
		c.Documents = append(c.Documents, &model.Document{ID: id, Kind: model.KindRegulation, URL: "d/" + id + "/",
			Title: "收费管理办法", Date: "2026-01-01",
			Regulation: model.Regulation{Articles: []*model.Article{a}}})
	}
	return c
}

// TestEqualScoresInIDOrder builds the same content twice, whole and as an
// update of an index first built without its first documents (so that
// the index numbers them last), and checks that both list the hits of a
// query in one order, page after page, with no hit twice: hits of equal
// score come in the order of their IDs, more than a rank window of them.
func TestEqualScoresInIDOrder(t *testing.T) {
	const n, late = rankWindow + 60, rankWindow / 4
	dir := t.TempDir()
	first, updated, whole := filepath.Join(dir, "first"), filepath.Join(dir, "updated"), filepath.Join(dir, "whole")
	c := tiedCorpus(n)
	if err := Build(&model.Corpus{Documents: c.Documents[late:]}, first, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	if done, err := update(c, printsOf(t, c), updated, first, "test", func() {}); !done || err != nil {
		t.Fatalf("update = %v, %v; want it done from the first build", done, err)
	}
	if err := BuildIndex(c, whole); err != nil {
		t.Fatal(err)
	}
	lists := [][]string{}
	for _, ix := range []*Index{openAt(t, updated), openAt(t, whole)} {
		lists = append(lists, pagedURLs(t, ix, "收费标准", 15))
	}
	if len(lists[0]) < n {
		t.Fatalf("%d hits, want at least %d", len(lists[0]), n)
	}
	if !slices.Equal(lists[0], lists[1]) {
		t.Errorf("the updated index lists\n%v\nthe whole index\n%v", lists[0], lists[1])
	}
	ids := slices.Clone(lists[1])
	slices.Sort(ids)
	if !slices.Equal(ids, lists[1]) {
		t.Errorf("hits of one score are not in the order of their IDs:\n%v", lists[1])
	}
}

// pagedURLs pages through a query's answer, size hits a page, and
// returns the URLs of its hits in order, failing on a hit given twice.
func pagedURLs(t *testing.T, ix *Index, query string, size int) []string {
	var out []string
	seen := map[string]bool{}
	for from := 0; from+size <= MaxResults; from += size {
		r, err := ix.Search(context.Background(), Request{Query: query, From: from, Size: size})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Hits {
			if seen[h.URL] {
				t.Errorf("%s: %s again on the page from %d", query, h.URL, from)
			}
			seen[h.URL] = true
			out = append(out, h.URL)
		}
		if len(r.Hits) < size {
			break
		}
	}
	return out
}
