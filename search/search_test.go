package search

import (
	"path/filepath"

	"reflect"
	"sync"
	"tiaoli/generator/model"

	"context"
	"errors"
	"github.com/blevesearch/bleve/v2"
	"strings"
	"testing"
)

func search(t *testing.T, ix *Index, q string) *Response {
	t.Helper()
	resp, err := ix.Search(context.Background(), Request{Query: q, Size: 20})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return resp
}

func TestSearchFixture(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		q        string
		firstURL string // the first hit's URL, anchor included
		mark     string // a fragment of the first hit contains it
	}{
		{"查验率", "d/aeo/", "<mark>查验率</mark>"},
		{"ＡＥＯ 查验率", "d/aeo/", "<mark>查验率</mark>"},
		{"定期谈话 全覆盖", "d/jdth/a5/#p2", "<mark>定期谈话全覆盖</mark>"},
		{"３个月", "d/jdth/a11/#p2", "<mark>3个月</mark>"},
		{"第5条", "d/jdth/a5/", ""},
		{"第十条 前款", "d/jdth/a10/#p2", "<mark>前款</mark>"},
		{"拉票贿选", "d/tongzhi/", "<mark>拉票贿选</mark>"},
		{"定期谈话", "d/jdth/a5/#p1", "<mark>定期谈话</mark>"},
		{"监督谈话", "d/jdth/a2/#p1", "<mark>监督谈话</mark>"},
		{"AEO", "d/aeo/", "<mark>AEO</mark>"},
		{"经认证的经营者", "d/aeo/", "<mark>经认证的经营者</mark>"},
		{"党(工)委", "d/jdth/a7/#p1", "<mark>党(工)委</mark>"},
		{`"党要管党"`, "d/jdth/a4/#p1-i1", "<mark>党要管党</mark>"},
	}
	for _, tt := range tests {
		resp := search(t, ix, tt.q)
		if len(resp.Hits) == 0 {
			t.Errorf("%s: no hits", tt.q)
			continue
		}
		h := resp.Hits[0]
		if h.URL != tt.firstURL {
			t.Errorf("%s: first hit %s, want %s (hits %v)", tt.q, h.URL, tt.firstURL, urls(resp))
		}
		if tt.mark != "" && !strings.Contains(strings.Join(h.Fragments, "\n"), tt.mark) {
			t.Errorf("%s: fragments %q lack %q", tt.q, h.Fragments, tt.mark)
		}
	}
}

func urls(resp *Response) []string {
	var out []string
	for _, h := range resp.Hits {
		out = append(out, h.URL)
	}
	return out
}

func TestSearchSyntax(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		q      string
		has    []string
		hasNot []string
		total  int // -1: any
	}{
		{"谈话 -定期谈话", []string{"d/jdth/a4/"}, []string{"d/jdth/a5/", "d/jdth/a10/"}, -1},
		{"拉票贿选 OR 查验率", []string{"d/tongzhi/", "d/aeo/"}, nil, 2},
		{"谈话 kind:news", nil, []string{"d/jdth/a5/"}, 0},
		{"谈话 year:2026 doc:jdth", []string{"d/jdth/a5/"}, []string{"d/aeo/"}, -1},
		{"通知 kind:新闻", []string{"d/tongzhi/"}, nil, -1},
		{"谈话 -kind:regulation", nil, []string{"d/jdth/a5/"}, -1},
		{"党", []string{"d/jdth/a4/", "d/jdth/a7/"}, nil, -1},
		{"《通知》", []string{"d/tongzhi/"}, nil, -1},
	}
	for _, tt := range tests {
		resp := search(t, ix, tt.q)
		got := strings.Join(urls(resp), " ")
		for _, u := range tt.has {
			if !containsURL(resp, u) {
				t.Errorf("%s: want %s among %s", tt.q, u, got)
			}
		}
		for _, u := range tt.hasNot {
			if containsURL(resp, u) {
				t.Errorf("%s: do not want %s among %s", tt.q, u, got)
			}
		}
		if tt.total >= 0 && int(resp.Total) != tt.total {
			t.Errorf("%s: total %d, want %d (%s)", tt.q, resp.Total, tt.total, got)
		}
	}
}

func containsURL(resp *Response, prefix string) bool {
	for _, h := range resp.Hits {
		if strings.HasPrefix(h.URL, prefix) {
			return true
		}
	}
	return false
}

func TestSearchFacets(t *testing.T) {
	ix := openFixture(t)
	resp := search(t, ix, "谈话")
	kinds := resp.Facets[FacetKind]
	if len(kinds) == 0 || kinds[0].Value != "regulation" || kinds[0].Label != "法规" {
		t.Errorf("kind facet %+v", kinds)
	}
	docs := resp.Facets[FacetDocument]
	if len(docs) == 0 || docs[0].Value != "jdth" || !strings.Contains(docs[0].Label, "监督谈话工作办法") {
		t.Errorf("doc facet %+v", docs)
	}
	if years := resp.Facets[FacetYear]; len(years) == 0 || years[0].Value != "2026" {
		t.Errorf("year facet %+v", years)
	}
}

func TestSearchRefuses(t *testing.T) {
	ix := openFixture(t)
	for _, req := range []Request{
		{Query: strings.Repeat("谈", MaxQueryRunes+1)},
		{Query: "谈话", From: MaxResults},
		{Query: "kind:nonsense"},
		{Query: "year:26"},
	} {
		_, err := ix.Search(context.Background(), req)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("%.20q from %d: err %v, want a QueryError", req.Query, req.From, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, Request{Query: "谈话"}); err == nil {
		t.Errorf("a cancelled search succeeded")
	}
}

// TestFacetsMatchBleve checks the facet counts of the table against
// bleve's own facets of the same query.
func TestFacetsMatchBleve(t *testing.T) {
	ix := openFixture(t)
	for _, q := range []string{"谈话", "党", "AEO OR 通知", "kind:news"} {
		parsed, err := ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		p := ix.compile(parsed)
		sr := bleve.NewSearchRequest(p.q)
		sr.AddFacet("f", bleve.NewFacetRequest(fieldFacet, 1000))
		res, err := ix.bi.Search(sr)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{}
		for _, tf := range res.Facets["f"].Terms.Terms() {
			want[tf.Term] = tf.Count
		}
		got := map[string]int{}
		resp := search(t, ix, q)
		for filter, name := range facetOfFilter {
			for _, f := range resp.Facets[name] {
				got[facetValue(filter, f.Value)] = f.Count
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: facets %v, bleve counts %v", q, got, want)
		}
	}
}

// TestSearchConcurrent runs searches at once on one index, as a server
// does; run with -race it checks the shared caches.
func TestSearchConcurrent(t *testing.T) {
	ix := openFixture(t)
	queries := []string{"第5条", "党(工)委", "党", "定期谈话 全覆盖", "AEO 查验率", "kind:news 通知"}
	want := map[string]string{}
	for _, q := range queries {
		want[q] = strings.Join(urls(search(t, ix, q)), " ")
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				q := queries[(g+i)%len(queries)]
				resp, err := ix.Search(context.Background(), Request{Query: q, Size: 20})
				if err != nil {
					t.Error(err)
					return
				}
				if got := strings.Join(urls(resp), " "); got != want[q] {
					t.Errorf("%s: %s at once, %s alone", q, got, want[q])
				}
			}
		}(g)
	}
	wg.Wait()
}

// TestEmptyCorpus indexes and searches a corpus with nothing in it.
func TestEmptyCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), IndexDir)
	if err := BuildIndex(&model.Corpus{}, dir); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	resp := search(t, ix, "谈话 kind:news")
	if resp.Total != 0 || len(resp.Hits) != 0 || resp.Facets[FacetKind] == nil {
		t.Errorf("answer %+v", resp)
	}
	if err := BuildIndex(&model.Corpus{}, dir); err == nil {
		t.Errorf("BuildIndex wrote over an existing folder")
	}
	if _, err := Open(t.TempDir()); err == nil {
		t.Errorf("Open took an empty folder for an index")
	}
}
