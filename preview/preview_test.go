package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tiaoli/internal/testdir"
)

// site is a site of one HTML page and one stylesheet.
var site = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/fagui/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", "40")
		w.Header().Set("ETag", `"x"`)
		w.Write([]byte("<html><body><p>页</p></body></html>"))
	case "/fagui/a.css":
		w.Header().Set("Content-Type", "text/css")
		w.Write([]byte("p{}"))
	default:
		http.NotFound(w, r)
	}
})

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", target, nil)
	r.Header.Set("Accept-Encoding", "gzip")
	h.ServeHTTP(w, r)
	return w
}

func TestScriptOnlyInHTML(t *testing.T) {
	p := New(Config{Base: "/fagui/", Build: func() error { return nil }}, site)
	if w := get(p, "/fagui/"); w.Code != 503 || !strings.Contains(w.Body.String(), scriptPath) {
		t.Errorf("before a build: %d %q, want 503 with the script", w.Code, w.Body)
	}
	p.Rebuild()
	w := get(p, "/fagui/")
	want := `<p>页</p><script src="/fagui/_preview/reload.js"></script></body>`
	if !strings.Contains(w.Body.String(), want) {
		t.Errorf("page %q does not end with the script tag", w.Body)
	}
	if w.Header().Get("Content-Length") != "" || w.Header().Get("ETag") != "" {
		t.Errorf("page keeps the file's length or tag: %v", w.Header())
	}
	if w := get(p, "/fagui/a.css"); w.Body.String() != "p{}" {
		t.Errorf("stylesheet changed: %q", w.Body)
	}
	if w := get(p, "/fagui/"+scriptPath); w.Code != 200 || !strings.Contains(w.Body.String(), "EventSource") {
		t.Errorf("script: %d %q", w.Code, w.Body)
	}
}

// TestEvents checks that a page is told the state at once and at every
// build: the good build's number, or the failed build's error.
func TestEvents(t *testing.T) {
	var fail atomic.Bool
	p := New(Config{Base: "/", Build: func() error {
		if fail.Load() {
			return errors.New("a.md:3: 无法解析")
		}
		return nil
	}}, site)
	p.Rebuild()
	srv := httptest.NewServer(p)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/" + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() State {
		t.Helper()
		for lines.Scan() {
			if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				var st State
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
		}
		t.Fatal("stream ended")
		return State{}
	}
	if st := next(); st != (State{Build: 1}) {
		t.Fatalf("first state %+v", st)
	}
	fail.Store(true)
	p.Rebuild()
	if st := next(); st.Build != 1 || !strings.Contains(st.Error, "a.md:3") {
		t.Fatalf("after a failed build %+v, want build 1 with its error", st)
	}
	fail.Store(false)
	p.Rebuild()
	if st := next(); st != (State{Build: 2}) {
		t.Fatalf("after the fix %+v", st)
	}
}

// watching runs a Preview watching dir, polling every interval, until
// the test ends. builds receives a value per build; wait waits for one,
// failing the test after 5 s. It returns after the first build.
func watching(t *testing.T, dir string, interval time.Duration) (builds chan struct{}, wait func(what string)) {
	t.Helper()
	builds = make(chan struct{}, 10)
	p := New(Config{Watch: []string{dir}, Interval: interval,
		Build: func() error { builds <- struct{}{}; return nil }}, site)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go p.Run(ctx)
	wait = func(what string) {
		t.Helper()
		select {
		case <-builds:
		case <-time.After(5 * time.Second):
			t.Fatalf("no build after %s", what)
		}
	}
	wait("start")
	return builds, wait
}

// TestRunSeesChanges checks that an edit, a new file and a deleted file
// each start a build, and that nothing else does, hidden files included.
func TestRunSeesChanges(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.md")
	os.WriteFile(file, []byte("一"), 0o644)
	builds, wait := watching(t, dir, 10*time.Millisecond)
	for _, c := range []struct {
		what string
		do   func() error
	}{
		{"an edit", func() error { return os.WriteFile(file, []byte("一二"), 0o644) }},
		{"a new file", func() error { return os.WriteFile(filepath.Join(dir, "b.md"), []byte("三"), 0o644) }},
		{"a deletion", func() error { return os.Remove(file) }},
	} {
		if err := c.do(); err != nil {
			t.Fatal(err)
		}
		wait(c.what)
	}
	// An editor's swap file and a hidden folder are not content.
	os.WriteFile(filepath.Join(dir, ".b.md.swp"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "index"), []byte("x"), 0o644)
	select {
	case <-builds:
		t.Error("a build without a change")
	case <-time.After(100 * time.Millisecond):
	}
}

// TestRunToldChanges: where the operating system tells changes, an edit,
// a file in a new folder and a deletion each start a build at once, long
// before the next poll; a hidden file starts none.
func TestRunToldChanges(t *testing.T) {
	dir := t.TempDir()
	if n, err := newNotifier([]string{dir}); err != nil {
		t.Skipf("the system does not tell changes: %v", err)
	} else {
		n.close()
	}
	file := filepath.Join(dir, "a.md")
	os.WriteFile(file, []byte("一"), 0o644)
	builds, wait := watching(t, dir, time.Hour)
	time.Sleep(50 * time.Millisecond) // the folders are watched before the first build
	for _, c := range []struct {
		what string
		do   func() error
	}{
		{"an edit", func() error { return os.WriteFile(file, []byte("一二"), 0o644) }},
		{"a file in a new folder", func() error {
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
				return err
			}
			time.Sleep(50 * time.Millisecond)
			return os.WriteFile(filepath.Join(dir, "sub", "b.md"), []byte("三"), 0o644)
		}},
		{"an edit in the new folder", func() error { return os.WriteFile(filepath.Join(dir, "sub", "b.md"), []byte("三四"), 0o644) }},
		{"a deletion", func() error { return os.Remove(file) }},
		{"a removed folder", func() error { return os.RemoveAll(filepath.Join(dir, "sub")) }},
	} {
		if err := c.do(); err != nil {
			t.Fatal(err)
		}
		wait(c.what)
		for len(builds) > 0 { // a folder made and a file written may be two builds
			<-builds
		}
	}
	os.WriteFile(filepath.Join(dir, ".a.md.swp"), []byte("x"), 0o644)
	select {
	case <-builds:
		t.Error("a build after a hidden file")
	case <-time.After(200 * time.Millisecond):
	}
}

// BenchmarkTake polls the LawRefBook corpus once per iteration: the cost
// of watching it, paid every Interval.
func BenchmarkTake(b *testing.B) {
	dir := filepath.Join(testdir.Corpus(b), "lawrefbook-laws")
	for b.Loop() {
		take([]string{dir})
	}
}
