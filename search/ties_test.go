package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search/searcher"

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
// score come in the order of their IDs, more than a rank window of them,
// whether bleve orders them (words), the side file of characters chooses
// them (a lone character) or the relaxed reading does (a question).
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
	ixs := []*Index{openAt(t, updated), openAt(t, whole)}
	for _, query := range []string{"收费标准", "费", "经营者怎么公开收费标准"} {
		lists := [][]pagedHit{}
		for _, ix := range ixs {
			lists = append(lists, pagedHits(t, ix, query, 15))
		}
		if len(lists[0]) < n {
			t.Fatalf("%s: %d hits, want at least %d", query, len(lists[0]), n)
		}
		if !slices.Equal(lists[0], lists[1]) {
			t.Errorf("%s: the updated index lists\n%v\nthe whole index\n%v", query, lists[0], lists[1])
		}
		for i, h := range lists[1][1:] {
			if g := lists[1][i]; g.score == h.score && g.url > h.url {
				t.Errorf("%s: hits of one score are not in the order of their IDs: %s before %s", query, g.url, h.url)
			}
		}
	}
	if r, err := ixs[0].Search(context.Background(), Request{Query: "经营者怎么公开收费标准"}); err != nil || !r.Relaxed {
		t.Errorf("the question is not read relaxed: %v", err)
	}
}

// pagedHit is a hit of pagedHits: its URL and score.
type pagedHit struct {
	url   string
	score float64
}

// pagedHits pages through a query's answer, size hits a page, and
// returns its hits in order, failing on a hit given twice or one of a
// higher score after a lower.
func pagedHits(t *testing.T, ix *Index, query string, size int) []pagedHit {
	var out []pagedHit
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
			if len(out) > 0 && out[len(out)-1].score < h.Score {
				t.Errorf("%s: %s scores above %s before it", query, h.URL, out[len(out)-1].url)
			}
			out = append(out, pagedHit{h.URL, h.Score})
		}
		if len(r.Hits) < size {
			break
		}
	}
	return out
}

// TestScoresAddedInAnyOrder makes bleve add up the scores of a query's
// parts in the order of its heap, which follows how the index numbers
// its documents (as it does for a disjunction of more than ten parts),
// and checks that an index built whole and one updated from an index
// first built without some documents still list the hits of a query of
// many alternatives in one order: sums taken in another order differ in
// their last bits, which must not reorder hits of one score.
func TestScoresAddedInAnyOrder(t *testing.T) {
	was := searcher.DisjunctionHeapTakeover
	searcher.DisjunctionHeapTakeover = 1
	defer func() { searcher.DisjunctionHeapTakeover = was }()
	words := []string{"收费", "标准", "经营", "公开", "费用", "价格", "监督", "检查"}
	c := &model.Corpus{}
	for i := range 150 {
		id := fmt.Sprintf("h%03d", i)
		var text strings.Builder
		for j, w := range words {
			if (i*j+i/3+j)%3 == 0 {
				continue // each document holds some of the words
			}
			for range (i*7+j*3)%4 + 1 {
				text.WriteString(w + "，")
			}
			fmt.Fprintf(&text, "第%d项。", (i+j)%5)
		}
		c.Documents = append(c.Documents, &model.Document{ID: id, Kind: model.KindNews, URL: "d/" + id + "/",
			Title: "通报" + id, Date: "2026-01-01", Body: []model.Paragraph{{Text: text.String()}}})
	}
	dir := t.TempDir()
	first, updated, whole := filepath.Join(dir, "first"), filepath.Join(dir, "updated"), filepath.Join(dir, "whole")
	if err := Build(&model.Corpus{Documents: c.Documents[30:]}, first, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	if done, err := update(c, printsOf(t, c), updated, first, "test", func() {}); !done || err != nil {
		t.Fatalf("update = %v, %v; want it done from the first build", done, err)
	}
	if err := BuildIndex(c, whole); err != nil {
		t.Fatal(err)
	}
	query := strings.Join(words, " OR ")
	a, b := pagedHits(t, openAt(t, updated), query, 20), pagedHits(t, openAt(t, whole), query, 20)
	if len(a) < 100 || !slices.Equal(a, b) {
		t.Errorf("%d hits; the updated index lists\n%v\nthe whole index\n%v", len(a), a, b)
	}
}
