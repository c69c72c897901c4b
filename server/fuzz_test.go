package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/search"
)

// statuses are the answers a request may get; anything else (500 above
// all: a panic) is a bug.
var statuses = map[int]bool{200: true, 206: true, 301: true, 302: true, 304: true, 400: true,
	404: true, 405: true, 412: true, 414: true, 416: true, 503: true}

// fuzzServer serves the hand-made site with a search index, a file
// outside the site and a symbolic link to it.
func fuzzServer(f *testing.F) *Server {
	s, dir := newTestServer(f, "/fagui/", true)
	secret := filepath.Join(filepath.Dir(dir), "secret.txt")
	os.WriteFile(secret, []byte("TOP-SECRET"), 0o644)
	os.Symlink(secret, filepath.Join(dir, "leak.txt"))
	return s
}

// checkAnswer holds for every response of the server.
func checkAnswer(t *testing.T, target string, w *httptest.ResponseRecorder) {
	if !statuses[w.Code] {
		t.Fatalf("%q: status %d: %.200s", target, w.Code, w.Body.String())
	}
	if strings.Contains(w.Body.String(), "TOP-SECRET") {
		t.Fatalf("%q: served a file outside the site", target)
	}
	if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("%q: no security headers", target)
	}
}

// FuzzServe sends any path, query and conditional, range and encoding
// headers to the server.
func FuzzServe(f *testing.F) {
	for _, p := range []string{"/fagui/", "/fagui/d/a", "/fagui/d/a/a1/", "/fagui/assets/site.css", "/fagui/_index/",
		"/fagui/../secret.txt", "/fagui/leak.txt", "/fagui/%2e%2e/x", "/", "/healthz", "/fagui/api/search",
		"/fagui/search/", "/fagui//d", "/fagui/.hidden", "/fagui/d/a/index.html/"} {
		f.Add(p, "q=谈话&page=2", "gzip", "bytes=0-10", `"x"`)
	}
	f.Add("/fagui/assets/site.css", "v=1", "gzip;q=0, *", "bytes=-5,10-", "*")
	f.Add("/fagui/search", "q=%ff%fe&size=-1", "", "bytes=99999-", "")
	s := fuzzServer(f)
	f.Fuzz(func(t *testing.T, p, rawQuery, acceptEncoding, rangeHeader, ifNoneMatch string) {
		if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, " \r\n\t?#") || strings.ContainsAny(rawQuery, " \r\n\t#") {
			return // not a request line a client can send
		}
		u := &url.URL{Path: p, RawQuery: rawQuery}
		target := u.EscapedPath()
		if rawQuery != "" {
			target += "?" + rawQuery
		}
		r, err := http.NewRequest(http.MethodGet, target, nil)
		if err != nil {
			return
		}
		r.RequestURI = target
		for k, v := range map[string]string{"Accept-Encoding": acceptEncoding, "Range": rangeHeader, "If-None-Match": ifNoneMatch} {
			if v != "" {
				r.Header.Set(k, v)
			}
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		checkAnswer(t, target, w)
	})
}

// searchSeeds are queries of every kind the parser reads: words, phrases,
// exclusions, OR, filters, and broken ones.
var searchSeeds = []string{"谈话", "监督 谈话", `"定期谈话"`, "-谈话 监督", "kind:regulation 办法", "doc:jdth",
	"year:2026", "OR", "(", "\"", strings.Repeat("谈", 300), "ＡＥＯ", "<script>", "定期谈话 OR 及时谈话",
	"kind:news doc:jdth year:2026", "第5条", "党", "kind:", "kind:新闻", "a OR OR b", "year:2o26", "\x00\xff", "a:b c:", "－ＯＲ"}

// FuzzSearchQuery sends any query, page and size to both search routes
// through the server's limits.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range searchSeeds {
		f.Add(q, "1", "10", true)
		f.Add(q, "3", "50", false)
	}
	f.Add("谈话", "-1", "0", true)
	f.Add("谈话", "99999999999999999999", "abc", false)
	s := fuzzServer(f)
	f.Fuzz(func(t *testing.T, q, page, size string, api bool) {
		v := url.Values{"q": {q}, "page": {page}, "size": {size}}
		route := "/fagui/search?"
		if api {
			route = "/fagui/api/search?"
		}
		target := route + v.Encode()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
		checkAnswer(t, target, w)
		// JSON goes out as application/json with nosniff; the HTML page must
		// escape the query.
		if !api && strings.Contains(w.Body.String(), "<script>") {
			t.Fatalf("%q: a query came back as markup", target)
		}
	})
}

// FuzzAcceptsGzip: any header is read without panic, and only a header
// naming gzip or * can select the gzip variant.
func FuzzAcceptsGzip(f *testing.F) {
	for _, h := range []string{"gzip", "gzip;q=0", "*;q=0.5", "br, deflate", "gzip;q=abc", ";;,,", "GZip ; Q=1"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if acceptsGzip(h) && !strings.Contains(strings.ToLower(h), "gzip") && !strings.Contains(h, "*") {
			t.Fatalf("acceptsGzip(%q) without gzip or *", h)
		}
	})
}

// FuzzSearchHandler sends any query, page and size to the search routes
// over the sample index: it answers 200 or 400 with JSON, never panics or fails.
func FuzzSearchHandler(f *testing.F) {
	for _, s := range searchSeeds {
		f.Add(s, "1", "10")
	}
	f.Add("谈话", "1000", "1")
	f.Add("谈话", "x", "-3")
	f.Add(strings.Repeat("谈", search.MaxQueryRunes+1), "", "")
	h := sampleHandler(f, SearchOptions{})
	f.Fuzz(func(t *testing.T, q, page, size string) {
		target := "/api/search?" + url.Values{"q": {q}, "page": {page}, "size": {size}}.Encode()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		switch rec.Code {
		case 200:
			var resp search.Response
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			if len(resp.Hits) > search.MaxPageSize {
				t.Fatalf("%s: %d hits", target, len(resp.Hits))
			}
			for _, h := range resp.Hits {
				for _, f := range h.Fragments {
					bare := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(f)
					if strings.ContainsAny(bare, "<>") || strings.Count(f, "<mark>") != strings.Count(f, "</mark>") {
						t.Fatalf("%s: fragment %q is not escaped text with marks", target, f)
					}
				}
			}
		case 400:
			var e apiError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%s: 400 without a message: %s", target, rec.Body.String())
			}
		default:
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body.String())
		}
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, strings.Replace(target, "/api/search", "/search", 1), nil))
		if rec.Code != 200 && rec.Code != 400 {
			t.Fatalf("page %s: status %d", target, rec.Code)
		}
	})
}
