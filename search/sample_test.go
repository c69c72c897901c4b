package search

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tiaoli/generator"
	"tiaoli/internal/testdir"
)

// minMRR is the mean reciprocal rank the relevance set must reach. Every
// query of the set names the one result a reader wants first, so 1 means
// all of them come first; 0.9 allows a few to come second or third, not
// to be missed.
const minMRR = 0.9

var (
	sampleOnce sync.Once
	sampleIx   *Index
	sampleErr  error
	// sampleFields are the fields of each search document of the sample,
	// sampleHeads the heads articles and sections share.
	sampleFields map[string]map[string]interface{}
	sampleHeads  map[string]string
)

// openSample builds the index of the sample site (content/) once.
func openSample(t *testing.T) *Index {
	t.Helper()
	root := testdir.Root(t)
	sampleOnce.Do(func() {
		c := generator.Parse(os.DirFS(filepath.Join(root, "content")))
		articles := 0
		for _, d := range c.Documents {
			articles += len(d.Articles)
		}
		if articles == 0 {
			return
		}
		sampleFields, sampleHeads = map[string]map[string]interface{}{}, map[string]string{}
		eachDoc(c, func(d *searchDoc) error {
			var head string
			sampleFields[d.ID], head = d.fields()
			if d.sharedHead() {
				sampleHeads[d.ID] = head
			}
			return nil
		})
		dir, err := tempDir("sample")
		if err != nil {
			sampleErr = err
			return
		}
		idx := filepath.Join(dir, IndexDir)
		if sampleErr = BuildIndex(c, idx); sampleErr == nil {
			sampleIx, sampleErr = Open(idx)
		}
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	if sampleIx == nil {
		t.Skip("the sample content parses into no articles yet: skipping")
	}
	return sampleIx
}

func closeSample() {
	if sampleIx != nil {
		sampleIx.Close()
	}
}

// relevanceCase is a line of testdata/relevance.txt.
type relevanceCase struct {
	line  int
	query string
	want  []expected
}

// expected is one acceptable first result.
type expected struct {
	term, title, article string
	exact                bool // the title is the whole title
}

func (e expected) matches(h Hit) bool {
	if e.term != "" {
		return h.Kind == KindTerm && h.Title == e.term
	}
	if e.exact && h.Title != e.title {
		return false
	}
	return h.Kind != KindTerm && strings.Contains(h.Title, e.title) && h.Article == e.article
}

func readRelevance(t *testing.T) []relevanceCase {
	f, err := os.Open(filepath.Join("testdata", "relevance.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []relevanceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("relevance.txt:%d: no tab", n)
		}
		c := relevanceCase{line: n, query: q}
		for _, w := range strings.Split(want, " | ") {
			c.want = append(c.want, parseExpected(w))
		}
		out = append(out, c)
	}
	return out
}

func parseExpected(s string) expected {
	s = strings.TrimSpace(s)
	if term, ok := strings.CutPrefix(s, "term:"); ok {
		return expected{term: term}
	}
	title, article, _ := strings.Cut(s, " § ")
	exact := strings.HasPrefix(title, "=")
	title = strings.TrimPrefix(title, "=")
	return expected{title: strings.TrimSpace(title), article: strings.TrimSpace(article), exact: exact}
}

// TestRelevance runs the relevance set over the sample site and checks
// its mean reciprocal rank.
func TestRelevance(t *testing.T) {
	ix := openSample(t)
	cases := readRelevance(t)
	if len(cases) < 40 {
		t.Fatalf("the relevance set has %d queries; it needs at least 40", len(cases))
	}
	sum, first := 0.0, 0
	for _, c := range cases {
		resp, err := ix.Search(context.Background(), Request{Query: c.query, Size: 10})
		if err != nil {
			t.Fatalf("relevance.txt:%d: %s: %v", c.line, c.query, err)
		}
		rank := firstRank(resp.Hits, c.want)
		if rank == 1 {
			first++
		}
		if rank > 0 {
			sum += 1 / float64(rank)
		}
		if rank != 1 {
			t.Logf("relevance.txt:%d: %s: wanted first at rank %d; first three: %s", c.line, c.query, rank, topHits(resp.Hits, 3))
		}
	}
	mrr := sum / float64(len(cases))
	t.Logf("relevance: %d queries, %d first, MRR %.3f", len(cases), first, mrr)
	if mrr < minMRR {
		t.Errorf("MRR %.3f is below %.2f", mrr, minMRR)
	}
}

// firstRank is the 1-based rank of the first acceptable hit, 0 if none.
func firstRank(hits []Hit, want []expected) int {
	for i, h := range hits {
		for _, w := range want {
			if w.matches(h) {
				return i + 1
			}
		}
	}
	return 0
}

func topHits(hits []Hit, n int) string {
	var parts []string
	for _, h := range hits[:min(n, len(hits))] {
		s := h.Title
		if h.Article != "" {
			s += " § " + h.Article
		}
		parts = append(parts, "["+h.Kind+"] "+s)
	}
	return strings.Join(parts, "; ")
}

// TestSampleHighlight checks the case of the issue on the real sample:
// an odd-length word on a bigram field is marked whole.
func TestSampleHighlight(t *testing.T) {
	ix := openSample(t)
	for _, tt := range []struct{ q, mark string }{
		{"查验率", "<mark>查验率</mark>"},
		{"ＡＥＯ", "<mark>AEO</mark>"},
		{"定期谈话 全覆盖", "<mark>定期谈话全覆盖</mark>"},
		{"党(工)委", "<mark>党（工）委</mark>"}, // the text as printed, whatever the width typed
	} {
		resp, err := ix.Search(context.Background(), Request{Query: tt.q})
		if err != nil || len(resp.Hits) == 0 {
			t.Fatalf("%s: %v, %d hits", tt.q, err, len(resp.Hits))
		}
		if f := strings.Join(resp.Hits[0].Fragments, "\n"); !strings.Contains(f, tt.mark) {
			t.Errorf("%s: fragments %q lack %s", tt.q, f, tt.mark)
		}
	}
}
