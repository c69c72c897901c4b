package server

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator/model"
	"tiaoli/search"
	"tiaoli/templates"
)

// openIndex builds the search index of c in a temporary folder and opens
// it for the test.
func openIndex(t testing.TB, c *model.Corpus) *search.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), search.IndexDir)
	if err := search.BuildIndex(c, dir); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// sampleHandler serves the search routes over the index of the sample
// corpus.
func sampleHandler(t testing.TB, opts SearchOptions) http.Handler {
	ix := openIndex(t, sampleCorpus(t))
	return newSearchHandler(func() *search.Index { return ix }, opts)
}

func TestSearchAPI(t *testing.T) {
	h := sampleHandler(t, SearchOptions{})
	rec := get(h, "/api/search?q="+url.QueryEscape("新华社"))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var resp search.Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Total == 0 || resp.Hits[0].URL != "d/news1/" || resp.Query != "新华社" || resp.Page != 1 {
		t.Fatalf("answer %+v", resp)
	}
	if !strings.Contains(resp.Hits[0].Fragments[0], "<mark>新华社</mark>") {
		t.Errorf("fragment %q", resp.Hits[0].Fragments[0])
	}
	var raw struct {
		Facets map[string][]map[string]any `json:"facets"`
	}
	json.Unmarshal(rec.Body.Bytes(), &raw)
	for _, name := range []string{"kind", "document", "year"} {
		if len(raw.Facets[name]) == 0 {
			t.Errorf("JSON lacks the facet %q: %s", name, rec.Body.String())
		}
	}
}

func TestSearchRefuses(t *testing.T) {
	h := sampleHandler(t, SearchOptions{})
	long := url.QueryEscape(strings.Repeat("谈", search.MaxQueryRunes+1))
	tests := []struct {
		target string
		status int
		says   string
	}{
		{"/api/search?q=" + long, 400, "搜索词太长"},
		{"/search?q=" + long, 400, "搜索词太长"},
		{"/api/search?q=x&page=100000", 400, "页码太大"},
		{"/api/search?q=x&page=-1", 400, "页码应为"},
		{"/api/search?q=x&size=abc", 400, "每页条数应为"},
		{"/api/search?q=kind:nonsense", 400, "这一类"},
		{"/api/search?q=" + strings.Repeat("a", maxSearchQuery), 400, "请求太长"},
	}
	for _, tt := range tests {
		rec := get(h, tt.target)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.says) {
			t.Errorf("%.60s: %d %.200q, want %d saying %q", tt.target, rec.Code, rec.Body.String(), tt.status, tt.says)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/search?q=x", nil))
	if rec.Code != 405 || rec.Header().Get("Allow") == "" {
		t.Errorf("POST: %d", rec.Code)
	}
	rec = get(h, "/api/search?q=%E8%B0%88&size=1000")
	var resp search.Response
	json.Unmarshal(rec.Body.Bytes(), &resp)
	if resp.Size != search.MaxPageSize {
		t.Errorf("size=1000 gave pages of %d, want %d", resp.Size, search.MaxPageSize)
	}
}

func TestSearchUnavailable(t *testing.T) {
	h := newSearchHandler(func() *search.Index { return nil }, SearchOptions{})
	if rec := get(h, "/api/search?q=x"); rec.Code != 503 {
		t.Errorf("no index: %d", rec.Code)
	}
	ix := openIndex(t, sampleCorpus(t))
	h = newSearchHandler(func() *search.Index { return ix }, SearchOptions{Timeout: time.Nanosecond})
	rec := get(h, "/api/search?q="+url.QueryEscape("谈话"))
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("past its deadline: %d %s", rec.Code, rec.Body.String())
	}
}

func TestSearchPage(t *testing.T) {
	h := sampleHandler(t, SearchOptions{Base: "/fagui"})
	rec := get(h, "/fagui/search?size=2&q="+url.QueryEscape("谈话"))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	first := doc.Find(".search-hits li h2 a").First()
	if href, _ := first.Attr("href"); !strings.HasPrefix(href, "/fagui/d/") && !strings.HasPrefix(href, "/fagui/t/") {
		t.Errorf("first result links to %q", href)
	}
	if doc.Find(".search-hits li").Length() != 2 {
		t.Errorf("%d hits on a page of 2", doc.Find(".search-hits li").Length())
	}
	if doc.Find(".hit-fragment mark").Length() == 0 {
		t.Errorf("no marks")
	}
	if v, _ := doc.Find("#q").Attr("value"); v != "谈话" {
		t.Errorf("search box holds %q", v)
	}
	if action, _ := doc.Find("form[role=search]").Attr("action"); action != "/fagui/search/" {
		t.Errorf("form action %q", action)
	}
	if doc.Find("header.site").Length() == 0 || !strings.Contains(doc.Find("title").Text(), "谈话") {
		t.Errorf("the page is not in the site's frame: %q", doc.Find("title").Text())
	}
	if css, _ := doc.Find(`link[rel=stylesheet]`).Attr("href"); !strings.HasPrefix(css, "/fagui/assets/site.css?v=") {
		t.Errorf("stylesheet %q", css)
	}
	next, ok := doc.Find(`.pager a[rel=next]`).Attr("href")
	if !ok || !strings.Contains(next, "page=2") {
		t.Errorf("next page link %q", next)
	}
	facet, _ := doc.Find(".facet-kind a").First().Attr("href")
	if !strings.Contains(facet, url.QueryEscape("kind:regulation")) {
		t.Errorf("kind facet links to %q", facet)
	}
}

func TestSearchEscapes(t *testing.T) {
	h := sampleHandler(t, SearchOptions{})
	rec := get(h, "/search?q="+url.QueryEscape(`<script>alert(1)</script> "x`))
	if strings.Contains(rec.Body.String(), "<script>alert") {
		t.Errorf("the query came back unescaped")
	}
}

// TestHandlerStandalone renders the page without the site's layout when
// the templates have none.
func TestSearchStandalone(t *testing.T) {
	page, err := fs.ReadFile(templates.FS(""), resultsTemplate)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{resultsTemplate: {Data: page}}
	h := sampleHandler(t, SearchOptions{Templates: fsys})
	rec := get(h, "/search?q="+url.QueryEscape("新华社"))
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := doc.Find("#q-page").Attr("value"); v != "新华社" {
		t.Errorf("search box holds %q", v)
	}
	if rec.Code != 200 || doc.Find("main .search-hits mark").Length() == 0 || doc.Find("header.site").Length() != 0 {
		t.Errorf("standalone page: %d, %d marks", rec.Code, doc.Find("main .search-hits mark").Length())
	}
}

// TestHandlerEscapesSourceText shows that text from a source is escaped:
// a source holding a script shows it as text.
func TestSearchEscapesSourceText(t *testing.T) {
	c := &model.Corpus{Documents: []*model.Document{{
		ID: "x", Kind: model.KindNews, URL: "d/x/", Title: "标题<b>粗</b>",
		Body: []model.Paragraph{{Text: "监督谈话<script>alert(1)</script>&amp;"}},
	}}}
	ix := openIndex(t, c)
	h := newSearchHandler(func() *search.Index { return ix }, SearchOptions{})
	rec := get(h, "/api/search?q="+url.QueryEscape("监督谈话"))
	var resp search.Response
	json.Unmarshal(rec.Body.Bytes(), &resp)
	if len(resp.Hits) != 1 || resp.Hits[0].Fragments[0] != "<mark>监督谈话</mark>&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" {
		t.Errorf("fragments %+v", resp.Hits)
	}
	page := get(h, "/search?q="+url.QueryEscape("监督谈话")).Body.String()
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<b>粗") {
		t.Errorf("the page shows source text as HTML")
	}
}
