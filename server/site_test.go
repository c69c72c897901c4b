package server

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/publish"
	"tiaoli/search"
)

// A hand-made site: a few pages, an asset big enough for a .gz variant,
// a 404 page and a search page.
var siteFiles = map[string]string{
	"index.html":        "<!doctype html><title>home</title><p>home page",
	"d/a/index.html":    "<!doctype html><title>doc a</title><p>document a",
	"d/a/a1/index.html": "<!doctype html><p>article 1 of a " + strings.Repeat("条文 ", 400),
	"assets/site.css":   strings.Repeat("body { margin: 0; line-height: 1.8 }\n", 300),
	"assets/app.js":     "// small",
	"404.html":          "<!doctype html><title>找不到</title><p>page not found (site 404)",
	"search/index.html": "<!doctype html><p>search needs the server",
	"sitemap.xml":       "<urlset/>",
}

// sampleCorpus is a small hand-made corpus: one regulation of three
// articles and a news item, enough for the search index to answer.
func sampleCorpus(t testing.TB) *model.Corpus {
	clause := func(text string) *model.Clause {
		return &model.Clause{Paragraph: model.Paragraph{Text: text, Position: model.Position{Path: "a.txt", Line: 1}}}
	}
	reg := &model.Document{ID: "jdth", Kind: model.KindRegulation, Title: "监督谈话工作办法", URL: "d/jdth/",
		Date: "2026-01-30", Sources: []model.Position{{Path: "a.txt", Line: 1}}}
	texts := []string{"为了规范监督谈话工作，制定本办法。", "监督谈话应当全覆盖，定期谈话每年至少一次。",
		"谈话内容应当保密，<script>alert(1)</script>不得外传。"}
	for i, text := range texts {
		label := []string{"第一条", "第二条", "第三条"}[i]
		a := &model.Article{Number: i + 1, Label: label,
			URL: fmt.Sprintf("d/jdth/a%d/", i+1), Paragraphs: []*model.Clause{clause(text)}}
		address.ArticleAnchors(a)
		reg.Articles = append(reg.Articles, a)
	}
	news := &model.Document{ID: "news1", Kind: model.KindNews, Title: "监督谈话办法发布", URL: "d/news1/",
		Date: "2026-02-13", Body: []model.Paragraph{{Text: "新华社北京2月12日电 中共中央办公厅印发监督谈话工作办法。"}}}
	return &model.Corpus{Documents: []*model.Document{reg, news}}
}

// writeSite publishes files (and, with index, a search index of the
// sample content) as out, the way tiaoli build does.
func writeSite(t testing.TB, out string, files map[string]string, index bool) {
	t.Helper()
	opts := publish.DefaultOptions
	opts.Sync = false
	st, err := publish.BeginOptions(out, opts)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := st.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if index {
		if err := search.BuildIndex(sampleCorpus(t), filepath.Join(st.Dir(), search.IndexDir)); err != nil {
			t.Fatal(err)
		}
		writeIndexedPages(t, st, files)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
}

// writeIndexedPages writes a stand-in for every page the index of st names
// that files lacks: a server serves a build only when they are there.
func writeIndexedPages(t testing.TB, st *publish.Staging, files map[string]string) {
	t.Helper()
	ix, err := search.Open(filepath.Join(st.Dir(), search.IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	pages, err := ix.Pages(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if _, ok := files[p+"index.html"]; !ok {
			if err := st.WriteFile(p+"index.html", []byte("<p>"+p+"</p>")); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// newTestServer serves a fresh copy of the hand-made site under base.
func newTestServer(t testing.TB, base string, index bool) (*Server, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, siteFiles, index)
	s, err := New(Config{Site: dir, Base: base, Watch: -1, ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

// get runs one request through the handler.
func get(h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// waitFor polls cond for up to two seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(2 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
