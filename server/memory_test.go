package server

import (
	"errors"
	"io"
	"io/fs"
	"log"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/search"
)

// memorySite is the hand-made site as files in memory.
func memorySite(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o444}
	}
	return fsys
}

// failingFS is a site whose page broken.html fails to open with an error
// other than not existing, as a page that fails to render.
type failingFS struct{ fs.FS }

func (f failingFS) Open(name string) (fs.File, error) {
	if name == "broken.html" {
		return nil, errors.New("render broken.html: template failed")
	}
	return f.FS.Open(name)
}

// TestInMemory: a site held in memory is served as a folder of the same
// files is (folders by their index.html, redirects, 404 page, hidden
// names refused), with ETags from the bytes and no compressed variant;
// its search index answers; Use switches to another build and refuses one
// without a home page; a page that fails says so with 500.
func TestInMemory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), search.IndexDir)
	if err := search.BuildIndex(sampleCorpus(t), dir); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := version(1)
	files[".tiaoli/state.json"] = "{}"
	s, err := NewInMemory(Config{Base: "/fagui/", ErrorLog: log.New(io.Discard, "", 0)}, failingFS{memorySite(files)}, ix)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		target string
		status int
		has    string
	}{
		{"/fagui/", 200, "build 1"},
		{"/fagui/d/a/", 200, "document a"},
		{"/fagui/d/a", 301, ""},
		{"/fagui/d/a/index.html/", 404, "site 404"},
		{"/fagui/assets/site.css", 200, "margin"},
		{"/fagui/nothing/", 404, "site 404"},
		{"/fagui/d/", 404, "site 404"},
		{"/fagui/.tiaoli/state.json", 404, "site 404"},
		{"/fagui/broken.html", 500, "template failed"},
		{"/fagui/api/search?q=监督谈话", 200, "jdth"},
	} {
		w := get(s, tc.target, "Accept-Encoding", "gzip")
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.has) {
			t.Errorf("%s: %d %.80q, want %d with %q", tc.target, w.Code, w.Body.String(), tc.status, tc.has)
		}
		if enc := w.Header().Get("Content-Encoding"); enc != "" {
			t.Errorf("%s: Content-Encoding %s", tc.target, enc)
		}
	}
	if h := health(t, s); h["search"] != true {
		t.Errorf("healthz: %v", h)
	}

	tag := get(s, "/fagui/d/a/").Header().Get("ETag")
	if tag == "" || get(s, "/fagui/d/a/", "If-None-Match", tag).Code != 304 {
		t.Errorf("ETag %q does not revalidate", tag)
	}
	css := get(s, "/fagui/assets/site.css").Header().Get("ETag")

	// The next build: changed pages get another ETag, unchanged files keep
	// theirs. Without an index, search says it has none.
	if err := s.Use(memorySite(version(2)), nil); err != nil {
		t.Fatal(err)
	}
	if w := get(s, "/fagui/d/a/"); !strings.Contains(w.Body.String(), "build 2") || w.Header().Get("ETag") == tag {
		t.Errorf("after Use: %q, ETag %s (was %s)", w.Body.String(), w.Header().Get("ETag"), tag)
	}
	if got := get(s, "/fagui/assets/site.css").Header().Get("ETag"); got != css {
		t.Errorf("an unchanged file's ETag went from %s to %s", css, got)
	}
	if h := health(t, s); h["search"] != false {
		t.Errorf("healthz without an index: %v", h)
	}

	// A build without a home page is refused; the last one stays.
	broken := version(3)
	delete(broken, "index.html")
	if err := s.Use(memorySite(broken), nil); err == nil {
		t.Errorf("a build without a home page was served")
	}
	if body := get(s, "/fagui/").Body.String(); !strings.Contains(body, "build 2") {
		t.Errorf("after a refused build: %q", body)
	}
	if err := s.Reload(); err == nil {
		t.Errorf("Reload of a site in memory did not fail")
	}
}
