package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveOn serves s on a loopback port until the test ends and returns
// the address.
func serveOn(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Serve(ctx, ln); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}

// TestServesRegularFilesOnly: a named pipe in the published folder is
// not found, at once, however often it is asked for; no request waits on
// it.
func TestServesRegularFilesOnly(t *testing.T) {
	s, dir := newTestServer(t, "/", false)
	if err := mkfifo(filepath.Join(dir, "pipe.html")); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	addr := serveOn(t, s)
	c := &http.Client{Timeout: 5 * time.Second}
	for range 300 {
		resp, err := c.Get("http://" + addr + "/pipe.html")
		if err != nil {
			t.Fatalf("a request for a pipe: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Fatalf("a pipe answered %d", resp.StatusCode)
		}
	}
	if w := get(s, "/healthz"); w.Code != 200 {
		t.Errorf("health after the pipe: %d", w.Code)
	}
}

// health reads /healthz.
func health(t *testing.T, s *Server) map[string]any {
	t.Helper()
	var h map[string]any
	if err := json.Unmarshal(get(s, "/healthz").Body.Bytes(), &h); err != nil {
		t.Fatal(err)
	}
	return h
}

// TestRefusedBuildInHealth: a new build whose index does not open, or
// names pages the build lacks, is not served, and /healthz says so until
// a good build comes.
func TestRefusedBuildInHealth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, version(1), true)
	s, err := New(Config{Site: dir, Watch: -1, ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if h := health(t, s); h["status"] != "ok" {
		t.Fatalf("health %v", h)
	}
	for name, breakIt := range map[string]func(string){
		"empty root.bolt": func(site string) { os.WriteFile(filepath.Join(site, "_index", "store", "root.bolt"), nil, 0o644) },
		"pages missing":   func(site string) { os.RemoveAll(filepath.Join(site, "d")) },
	} {
		writeSite(t, dir, version(1), true)
		s.reloadIfChanged()
		writeSite(t, dir, version(2), true)
		breakIt(dir)
		s.reloadIfChanged()
		if body := get(s, "/").Body.String(); !strings.Contains(body, "build 1") {
			t.Errorf("%s: the broken build is served: %q", name, body)
		}
		if h := health(t, s); h["status"] != "degraded" || h["refused"] == "" {
			t.Errorf("%s: health %v", name, h)
		}
		if err := CheckSite(dir); err == nil {
			t.Errorf("%s: CheckSite passes the broken build", name)
		}
	}
	writeSite(t, dir, version(3), true)
	s.reloadIfChanged()
	if body := get(s, "/").Body.String(); !strings.Contains(body, "build 3") {
		t.Errorf("a good build after broken ones is not served: %q", body)
	}
	if h := health(t, s); h["status"] != "ok" {
		t.Errorf("health after a good build: %v", h)
	}
}

// rawRequest sends a request as bytes and reads the answer.
func rawRequest(t *testing.T, addr, req string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	go io.WriteString(conn, req)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(strings.NewReader(string(body)))
	return resp
}

// TestEveryAnswerIsGuarded: every answer, those net/http makes itself
// included (431 for headers over the cap, 400 for a malformed request),
// carries the security headers, and every error of the search API is
// JSON.
func TestEveryAnswerIsGuarded(t *testing.T) {
	s, _ := newTestServer(t, "/fagui/", true)
	addr := serveOn(t, s)
	big := "X-Big: " + strings.Repeat("a", 64<<10) + "\r\n"
	cases := []struct {
		name, req string
		status    int
		json      bool
	}{
		{"431 api", "GET /fagui/api/search?q=a HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", 431, true},
		{"431 page", "GET /fagui/ HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", 431, false},
		{"400", "GET /fagui/ HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, false},
		{"414 api", "GET /fagui/api/search?q=" + strings.Repeat("a", maxRawQuery+1) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, true},
		{"405 api", "POST /fagui/api/search?q=a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405, true},
		{"400 api", "GET /fagui/api/search?q=a&page=x HTTP/1.1\r\nHost: x\r\n\r\n", 400, true},
		{"404 api", "GET /fagui/api/nope HTTP/1.1\r\nHost: x\r\n\r\n", 404, true},
	}
	for _, c := range cases {
		resp := rawRequest(t, addr, c.req)
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d", c.name, resp.StatusCode)
		}
		for k, v := range securityHeaders {
			if resp.Header.Get(k) != v {
				t.Errorf("%s: %s = %q", c.name, k, resp.Header.Get(k))
			}
		}
		body, _ := io.ReadAll(resp.Body)
		var e struct {
			Error  string
			Status int
		}
		isJSON := json.Unmarshal(body, &e) == nil && e.Status == c.status && e.Error != ""
		if c.json && (!isJSON || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json")) {
			t.Errorf("%s: not a JSON error: %s %q", c.name, resp.Header.Get("Content-Type"), body)
		}
	}
}

// TestLimitsAreSettable: the queue and the idle timeout are the
// configuration's.
func TestLimitsAreSettable(t *testing.T) {
	s, err := New(Config{Site: t.TempDir(), MaxSearches: 3, MaxWaiting: 7, Timeouts: Timeouts{Idle: time.Second},
		Watch: -1, ErrorLog: log.New(io.Discard, "", 0)})
	if err == nil {
		defer s.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "home page") {
		t.Errorf("an empty folder served: %v", err)
	}
	s, _ = newTestServer(t, "/", false)
	if s.cfg.MaxWaiting != DefaultQueue || s.HTTPServer().IdleTimeout != DefaultTimeouts.Idle || DefaultTimeouts.Idle > time.Minute {
		t.Errorf("defaults: queue %d, idle %v", s.cfg.MaxWaiting, s.HTTPServer().IdleTimeout)
	}
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, version(1), false)
	s, err = New(Config{Site: dir, MaxSearches: 3, MaxWaiting: 7, Timeouts: Timeouts{Idle: time.Second},
		Watch: -1, ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if cap(s.limit.slots) != 3 || s.limit.maxWaiting != 7 || s.HTTPServer().IdleTimeout != time.Second {
		t.Errorf("limits not taken: %d running, %d waiting, idle %v", cap(s.limit.slots), s.limit.maxWaiting, s.HTTPServer().IdleTimeout)
	}
}
