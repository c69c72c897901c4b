package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tiaoli/internal/testdir"
)

// TestNginxInFront publishes the sample site under /fagui/ behind a real
// nginx configured with deploy/nginx.conf, with tiaoli serve answering
// search, and checks pages, assets, search and the 404 page through nginx.
// A second nginx server block without the search locations shows the site
// as plain files.
func TestNginxInFront(t *testing.T) {
	if testing.Short() {
		t.Skip("starts nginx")
	}
	dir := pubTempDir(t)
	site := filepath.Join(dir, "site")
	pubBuild(t, filepath.Join(testdir.Root(t), "content"), site, "/fagui/")
	searchAddr := pubServe(t, site, "/fagui/")
	withSearch, plain := freePort(t), freePort(t)
	startNginx(t, nginxConf(t, site, searchAddr, withSearch, true)+
		nginxConf(t, site, searchAddr, plain, false), withSearch, plain)
	checkInFront(t, fmt.Sprintf("http://127.0.0.1:%d/fagui/", withSearch), site, false)
	t.Run("plain", func(t *testing.T) {
		checkPlainFileServer(t, fmt.Sprintf("http://127.0.0.1:%d/fagui/", plain), site)
	})
}

// checkPage wants a 200 HTML page with the security and cache headers.
func checkPage(t *testing.T, what string, r response) {
	t.Helper()
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("%s: %d %s", what, r.status, r.header.Get("Content-Type"))
	}
	if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("%s: Content-Security-Policy %q", what, csp)
	}
	if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
		t.Errorf("%s: security headers missing: %v", what, r.header)
	}
	if cc := r.header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("%s: Cache-Control %q, want revalidation", what, cc)
	}
}

// checkLinks follows every link of the home page, then the links of the
// first document page and of one of its article pages, through nginx.
func checkLinks(t *testing.T, base, body string) {
	pages := 0
	seen := map[string]bool{}
	var next []string
	for round := 0; round < 3; round++ {
		for _, link := range links(t, base, body, seen) {
			r := fetchRaw(t, link)
			if r.status != 200 {
				t.Errorf("%s: %d", link, r.status)
				continue
			}
			if strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
				pages++
				next = append(next, r.body)
			}
		}
		if len(next) == 0 {
			break
		}
		body, next = next[len(next)-1], nil
	}
	if pages < 5 {
		t.Errorf("only %d pages reached through nginx", pages)
	}
}

// links resolves the site's own links of a page, each once.
func links(t *testing.T, base, body string, seen map[string]bool) []string {
	b, _ := url.Parse(base)
	var out []string
	for _, h := range hrefs(body) {
		u, err := b.Parse(h)
		if err != nil || u.Host != b.Host || !strings.HasPrefix(u.Path, b.Path) {
			continue
		}
		if strings.HasPrefix(u.Path, b.Path+"search") || seen[u.String()] {
			continue
		}
		seen[u.String()] = true
		out = append(out, u.String())
	}
	return out
}

func checkAssets(t *testing.T, base, home string) {
	var css string
	for _, h := range hrefs(home) {
		if strings.Contains(h, ".css") {
			css = h
		}
	}
	if css == "" {
		t.Fatal("the home page links no stylesheet")
	}
	u, _ := url.Parse(base)
	u, _ = u.Parse(css)
	plain := fetchRaw(t, u.String())
	if plain.status != 200 || !strings.HasPrefix(plain.header.Get("Content-Type"), "text/css") {
		t.Fatalf("%s: %d %s", u, plain.status, plain.header.Get("Content-Type"))
	}
	want := "public, max-age=86400"
	if u.Query().Get("v") != "" {
		want = "public, max-age=31536000, immutable"
	}
	if cc := plain.header.Get("Cache-Control"); cc != want {
		t.Errorf("%s: Cache-Control %q, want %q", u, cc, want)
	}
	zipped := fetchRaw(t, u.String(), "Accept-Encoding", "gzip")
	if zipped.header.Get("Content-Encoding") != "gzip" || len(zipped.body) >= len(plain.body) {
		t.Errorf("%s: no prebuilt gzip variant served (%q, %d of %d bytes)", u,
			zipped.header.Get("Content-Encoding"), len(zipped.body), len(plain.body))
	}
}

// checkInFront checks a site served at base by a web server in front of
// tiaoli serve: the home page and its links, assets, validators, search
// and the 404 page.
func checkInFront(t *testing.T, base, site string, symlink403 bool) {
	home := fetchRaw(t, base)
	checkPage(t, "home", home)
	checkLinks(t, base, home.body)
	t.Run("assets", func(t *testing.T) { checkAssets(t, base, home.body) })
	t.Run("validators", func(t *testing.T) { checkValidators(t, base) })
	t.Run("search", func(t *testing.T) { checkSearchThroughNginx(t, base) })
	t.Run("404", func(t *testing.T) { checkNotFound(t, base, site, symlink403) })
}

func checkValidators(t *testing.T, base string) {
	r := fetchRaw(t, base)
	tag := r.header.Get("ETag")
	if tag == "" || r.header.Get("Last-Modified") == "" {
		t.Fatalf("no validators: %v", r.header)
	}
	if again := fetchRaw(t, base, "If-None-Match", tag); again.status != 304 {
		t.Errorf("If-None-Match: %d", again.status)
	}
	if z := fetchRaw(t, base, "Accept-Encoding", "gzip"); z.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("page not sent compressed")
	}
}

func checkSearchThroughNginx(t *testing.T, base string) {
	q := url.QueryEscape("谈话")
	for _, p := range []string{"search?q=" + q, "search/?q=" + q} {
		r := fetchRaw(t, base+p)
		if r.status != 200 || !strings.Contains(r.body, "<mark>") {
			t.Errorf("%s: %d, highlighted hits: %v", p, r.status, strings.Contains(r.body, "<mark>"))
		}
		if !strings.Contains(r.header.Get("Content-Security-Policy"), "'self'") {
			t.Errorf("%s: no security headers", p)
		}
	}
	r := fetchRaw(t, base+"api/search?q="+q)
	var resp struct {
		Total int
		Hits  []struct{ URL string }
	}
	decodeJSON(t, r.body, &resp)
	if r.status != 200 || resp.Total == 0 || len(resp.Hits) == 0 {
		t.Fatalf("api: %d, %d hits", r.status, resp.Total)
	}
	u, _ := url.Parse(base)
	hit, _ := u.Parse(resp.Hits[0].URL)
	if page := fetchRaw(t, hit.String()); page.status != 200 {
		t.Errorf("first hit %s: %d", hit, page.status)
	}
	if long := fetchRaw(t, base+"api/search?q="+strings.Repeat(q, 150)); long.status != 400 {
		t.Errorf("overlong query: %d", long.status)
	}
	// Search answers (8–12 KB of HTML or JSON) go out compressed.
	for _, p := range []string{"search?q=" + q, "api/search?q=" + q} {
		if z := fetchRaw(t, base+p, "Accept-Encoding", "gzip"); z.status != 200 || z.header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: %d, sent with Content-Encoding %q, want gzip", p, z.status, z.header.Get("Content-Encoding"))
		}
	}
}

func checkNotFound(t *testing.T, base, site string, symlink403 bool) {
	want, err := os.ReadFile(filepath.Join(site, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(filepath.Dir(site), "secret.txt"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(filepath.Dir(site), "secret.txt"), filepath.Join(site, "leak.txt"))
	defer os.Remove(filepath.Join(site, "leak.txt"))
	for _, p := range []string{"no/such/page/", "d/nope", "_index/", "_index/index_meta.json",
		".hidden", "leak.txt", "assets/"} {
		if p == "leak.txt" && symlink403 {
			// Apache refuses a symbolic link with 403 and cannot map it to 404.
			if r := fetchRaw(t, base+p); r.status != 403 || strings.Contains(r.body, "secret") {
				t.Errorf("%s: %d %.40q", p, r.status, r.body)
			}
			continue
		}
		r := fetchRaw(t, base+p)
		if r.status != 404 || r.body != string(want) {
			t.Errorf("%s: %d, the site's 404 page: %v", p, r.status, r.body == string(want))
		}
	}
	// A named pipe in the site (which no build makes) is not served and
	// holds up no request.
	if err := mkfifo(filepath.Join(site, "pipe.html")); err == nil {
		r := fetchRaw(t, base+"pipe.html")
		if r.status != 404 && r.status != 403 {
			t.Errorf("a named pipe: %d", r.status)
		}
		os.Remove(filepath.Join(site, "pipe.html"))
	}
	if r := fetchRaw(t, base+"%2e%2e/secret.txt"); r.status != 404 || strings.Contains(r.body, "secret") {
		t.Errorf("a path out of the site: %d %.40q", r.status, r.body)
	}
	if r := fetchRaw(t, strings.TrimSuffix(base, "/")); r.status != 301 || !strings.HasSuffix(r.header.Get("Location"), "/fagui/") {
		t.Errorf("/fagui: %d to %q", r.status, r.header.Get("Location"))
	}
}

// checkPlainFileServer: with search off, the search page is the site's
// static page, which says search needs the server.
func checkPlainFileServer(t *testing.T, base, site string) {
	checkPage(t, "home without search", fetchRaw(t, base))
	want, err := os.ReadFile(filepath.Join(site, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	r := fetchRaw(t, base+"search/?q="+url.QueryEscape("谈话"))
	if r.status != 200 || r.body != string(want) {
		t.Fatalf("search page: %d, the static page: %v", r.status, r.body == string(want))
	}
	if !strings.Contains(r.body, "tiaoli serve") {
		t.Errorf("the static search page does not say that search needs the server (tiaoli serve)")
	}
	if api := fetchRaw(t, base+"api/search?q=x"); api.status != 404 {
		t.Errorf("api without search: %d", api.status)
	}
}
