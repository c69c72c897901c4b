package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStaticRoutes(t *testing.T) {
	s, dir := newTestServer(t, "/fagui/", false)
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(filepath.Dir(dir), "secret.txt"), filepath.Join(dir, "leak.txt"))
	os.Symlink("/etc", filepath.Join(dir, "etc"))
	os.Symlink("d/a/index.html", filepath.Join(dir, "inside.html"))
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("hidden"), 0o644)
	tests := []struct {
		path, want string
		status     int
	}{
		{"/fagui/", "home page", 200},
		{"/fagui/index.html", "home page", 200},
		{"/fagui/d/a/", "document a", 200},
		{"/fagui/d/a/a1/", "article 1", 200},
		{"/fagui/d/a", "", 301},
		{"/fagui/d/a/index.html/", "site 404", 404},
		{"/fagui/assets/site.css", "line-height", 200},
		{"/fagui/assets/", "site 404", 404}, // no listing
		{"/fagui/d/", "site 404", 404},
		{"/fagui/nope/", "site 404", 404},
		{"/fagui/_index/", "site 404", 404},
		{"/fagui/_index/store/root.bolt", "site 404", 404},
		{"/fagui/.hidden", "site 404", 404},
		{"/fagui/../secret.txt", "site 404", 404},
		{"/fagui/%2e%2e/secret.txt", "site 404", 404},
		{"/fagui/d/..%2f..%2f..%2fsecret.txt", "site 404", 404},
		{"/fagui/leak.txt", "site 404", 404},
		{"/fagui/etc/passwd", "site 404", 404},
		{"/fagui/inside.html", "document a", 200},
		{"/fagui//d/a/", "site 404", 404},
		{"/fagui/d\\a/", "site 404", 404},
		{"/", "", 302},
		{"/fagui", "", 302},
		{"/other/page", "site 404", 404},
		{"/fagui/api/other", "没有这个接口", 404},
		{"/healthz", `"status":"ok"`, 200},
		{"/fagui/healthz", `"search":false`, 200},
	}
	for _, tt := range tests {
		w := get(s, tt.path)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("GET %s = %d %.60q, want %d with %q", tt.path, w.Code, w.Body.String(), tt.status, tt.want)
		}
		if strings.Contains(w.Body.String(), "secret") || strings.Contains(w.Body.String(), "root:") {
			t.Errorf("GET %s leaked a file outside the site", tt.path)
		}
	}
	if loc := get(s, "/fagui/d/a?x=1").Header().Get("Location"); loc != "a/?x=1" {
		t.Errorf("folder redirect to %q", loc)
	}
	if loc := get(s, "/").Header().Get("Location"); loc != "/fagui/" {
		t.Errorf("root redirect to %q", loc)
	}
}

func TestMethods(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "TRACE"} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(m, "/index.html", strings.NewReader("x")))
		if w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s = %d", m, w.Code)
		}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("HEAD", "/index.html", nil))
	if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD = %d, %d bytes, length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("HEAD", "/missing", nil))
	if w.Code != 404 || w.Body.Len() != 0 {
		t.Errorf("HEAD of a missing page = %d with %d bytes", w.Code, w.Body.Len())
	}
}

func TestGzipVariant(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	plain := get(s, "/assets/site.css")
	zipped := get(s, "/assets/site.css", "Accept-Encoding", "br, gzip;q=0.8")
	if plain.Header().Get("Content-Encoding") != "" || zipped.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("encodings %q and %q", plain.Header().Get("Content-Encoding"), zipped.Header().Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if !bytes.Equal(body, plain.Body.Bytes()) || zipped.Body.Len() >= plain.Body.Len() {
		t.Errorf("gzip variant is not the file compressed")
	}
	for _, w := range []*httptest.ResponseRecorder{plain, zipped} {
		if w.Header().Get("Vary") != "Accept-Encoding" || w.Header().Get("Content-Type") != "text/css; charset=utf-8" {
			t.Errorf("headers %v", w.Header())
		}
	}
	if plain.Header().Get("ETag") == zipped.Header().Get("ETag") {
		t.Errorf("both encodings have ETag %s", plain.Header().Get("ETag"))
	}
	if w := get(s, "/assets/site.css", "Accept-Encoding", "gzip;q=0"); w.Header().Get("Content-Encoding") != "" {
		t.Errorf("gzip sent to a client that refused it")
	}
	if w := get(s, "/assets/app.js", "Accept-Encoding", "gzip"); w.Code != 200 || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("small file without variant: %d %q", w.Code, w.Header().Get("Content-Encoding"))
	}
}

func TestAcceptsGzip(t *testing.T) {
	for h, want := range map[string]bool{
		"": false, "gzip": true, "GZIP": true, "deflate, gzip": true, "gzip;q=0": false, "gzip; q=0.001": true,
		"*": true, "*;q=0": false, "gzip;q=0, *": false, "br": false, "x-gzip": true, "gzip;q=abc": true,
	} {
		if got := acceptsGzip(h); got != want {
			t.Errorf("acceptsGzip(%q) = %v", h, got)
		}
	}
}

func TestValidatorsAndCache(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	page := get(s, "/d/a/")
	tag, mod := page.Header().Get("ETag"), page.Header().Get("Last-Modified")
	if tag == "" || mod == "" || page.Header().Get("Cache-Control") != cachePage {
		t.Fatalf("page headers %v", page.Header())
	}
	if w := get(s, "/d/a/", "If-None-Match", tag); w.Code != 304 {
		t.Errorf("If-None-Match: %d", w.Code)
	}
	if w := get(s, "/d/a/", "If-Modified-Since", mod); w.Code != 304 {
		t.Errorf("If-Modified-Since: %d", w.Code)
	}
	if w := get(s, "/d/a/", "If-None-Match", `"other"`); w.Code != 200 {
		t.Errorf("stale ETag: %d", w.Code)
	}
	if cc := get(s, "/assets/site.css").Header().Get("Cache-Control"); cc != cacheAsset {
		t.Errorf("asset cache %q", cc)
	}
	if cc := get(s, "/assets/site.css?v=abc").Header().Get("Cache-Control"); cc != cacheVersioned {
		t.Errorf("versioned asset cache %q", cc)
	}
	if cc := get(s, "/nope").Header().Get("Cache-Control"); cc != cachePage {
		t.Errorf("404 cache %q", cc)
	}
	if w := get(s, "/assets/site.css", "Range", "bytes=0-3"); w.Code != 206 || w.Body.String() != "body" {
		t.Errorf("range: %d %q", w.Code, w.Body.String())
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, "/", true)
	for _, p := range []string{"/", "/nope", "/api/search?q=谈话", "/search?q=谈话", "/healthz", "/api/x"} {
		w := get(s, p)
		for k, v := range securityHeaders {
			if w.Header().Get(k) != v {
				t.Errorf("%s: %s = %q", p, k, w.Header().Get(k))
			}
		}
	}
	if csp := securityHeaders["Content-Security-Policy"]; strings.Contains(csp, "unsafe") || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("policy allows more than the site: %s", csp)
	}
}

func TestSearch(t *testing.T) {
	s, _ := newTestServer(t, "/fagui/", true)
	w := get(s, "/fagui/api/search?q=谈话")
	var resp struct {
		Total int
		Hits  []struct{ URL string }
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || w.Code != 200 {
		t.Fatalf("api: %d %v %.200s", w.Code, err, w.Body.String())
	}
	if resp.Total == 0 || len(resp.Hits) == 0 {
		t.Errorf("no hits for 谈话 in the sample site")
	}
	if w := get(s, "/fagui/search?q=谈话"); w.Code != 200 || !strings.Contains(w.Body.String(), "<mark>") {
		t.Errorf("results page: %d", w.Code)
	}
	if w := get(s, "/fagui/api/search?q="+strings.Repeat("谈", 2000)); w.Code != 400 {
		t.Errorf("long query: %d", w.Code)
	}
	if w := get(s, "/fagui/api/search?q=x&"+strings.Repeat("a", maxRawQuery)); w.Code != 414 {
		t.Errorf("huge query string: %d", w.Code)
	}
	if w := get(s, "/fagui/healthz"); !strings.Contains(w.Body.String(), `"search":true`) {
		t.Errorf("health: %s", w.Body.String())
	}
}

func TestSearchWithoutIndex(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	if w := get(s, "/api/search?q=谈话"); w.Code != 503 {
		t.Errorf("search without an index: %d", w.Code)
	}
}

func TestSearchLimit(t *testing.T) {
	s, _ := newTestServer(t, "/", true)
	s.limit = newLimiter(1, 1, 30e6) // one running, one waiting 30 ms
	s.limit.acquire(context.Background())
	w := get(s, "/api/search?q=谈话")
	if w.Code != 503 || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "搜索太多") {
		t.Errorf("over the limit: %d %q %s", w.Code, w.Header().Get("Retry-After"), w.Body.String())
	}
	s.limit.release()
	if w := get(s, "/api/search?q=谈话"); w.Code != 200 {
		t.Errorf("after release: %d", w.Code)
	}
}

func TestLimiter(t *testing.T) {
	l := newLimiter(2, 1, 20e6)
	ctx := context.Background()
	for range 2 {
		if !l.acquire(ctx) {
			t.Fatal("free slots refused")
		}
	}
	if l.acquire(ctx) {
		t.Fatal("third slot granted")
	}
	done := make(chan bool)
	l.wait = 5e9
	go func() { done <- l.acquire(ctx) }()
	for l.waiting.Load() == 0 {
	}
	if l.acquire(ctx) {
		t.Error("a second waiter was queued past the cap")
	}
	l.release()
	if !<-done {
		t.Error("the waiter did not get the freed slot")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if l.acquire(cctx) {
		t.Error("a cancelled request got a slot")
	}
}

func TestAccessLog(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	var buf bytes.Buffer
	s.cfg.AccessLog = &buf
	get(s, "/d/a/", "User-Agent", "evil\n127.0.0.1 - - forged")
	get(s, "/nope")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"GET /d/a/ HTTP/1.1" 200`) ||
		!strings.Contains(lines[0], `evil\n127`) || !strings.Contains(lines[1], `"GET /nope HTTP/1.1" 404`) {
		t.Errorf("access log:\n%s", buf.String())
	}
}

func TestPanicIsA500(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	g := s.gen.Load()
	g.search = http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })
	if w := get(s, "/api/search?q=x"); w.Code != 500 {
		t.Errorf("panic: %d", w.Code)
	}
	if w := get(s, "/"); w.Code != 200 {
		t.Errorf("after a panic: %d", w.Code)
	}
}
