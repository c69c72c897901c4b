package server

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tiaoli/generator"
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
	"assets/site.css":   strings.Repeat("body { margin: 0; line-height: 1.8 }\n", 100),
	"assets/app.js":     "// small",
	"404.html":          "<!doctype html><title>找不到</title><p>page not found (site 404)",
	"search/index.html": "<!doctype html><p>search needs the server",
	"sitemap.xml":       "<urlset/>",
}

var (
	corpusOnce sync.Once
	corpus     *model.Corpus
)

// sampleCorpus parses the project's content folder once.
func sampleCorpus(t testing.TB) *model.Corpus {
	corpusOnce.Do(func() {
		corpus = generator.Parse(os.DirFS(filepath.Join(repoRoot(t), "content")))
	})
	return corpus
}

// repoRoot is the folder holding go.mod.
func repoRoot(t testing.TB) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
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
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
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
