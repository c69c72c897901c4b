package server

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// version returns the hand-made site with pages stamped with a build
// number.
func version(n int) map[string]string {
	files := map[string]string{}
	for k, v := range siteFiles {
		files[k] = v
	}
	for _, p := range []string{"index.html", "d/a/index.html", "d/a/a1/index.html"} {
		files[p] = fmt.Sprintf("%s<p>build %d", siteFiles[p], n)
	}
	return files
}

func TestReloadKeepsOldBuildForRequestsInFlight(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, version(1), true)
	s, err := New(Config{Site: dir, Watch: -1, ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	inFlight := s.acquire() // a request that started before the swap
	writeSite(t, dir, version(2), true)
	s.reloadIfChanged()
	if body := get(s, "/").Body.String(); !strings.Contains(body, "build 2") {
		t.Fatalf("after the swap: %q", body)
	}
	// The request in flight still reads build 1, index included.
	f, _, err := openRegular(inFlight.root, "index.html")
	if err != nil {
		t.Fatalf("old build closed under a request: %v", err)
	}
	data, _ := io.ReadAll(f)
	f.Close()
	if !strings.Contains(string(data), "build 1") {
		t.Errorf("request in flight sees %q", data)
	}
	if _, err := inFlight.index.DocCount(); err != nil {
		t.Errorf("old index closed under a request: %v", err)
	}
	inFlight.release()
	if _, err := inFlight.root.Stat("."); err == nil {
		t.Errorf("old build still open after its last request")
	}
	if err := s.Reload(); err != nil { // SIGHUP: reopen even if unchanged
		t.Fatal(err)
	}
	if body := get(s, "/").Body.String(); !strings.Contains(body, "build 2") {
		t.Errorf("after Reload: %q", body)
	}
}

// serveWatching serves the site dir on loopback, watching it for new
// builds; stop ends the server and returns what Serve returned.
func serveWatching(t *testing.T, dir string, watch time.Duration) (base string, stop func() error) {
	s, err := New(Config{Site: dir, Watch: watch, ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() error {
		cancel()
		return <-served
	}
}

func TestWatchPicksUpNewBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, version(1), false)
	base, stop := serveWatching(t, dir, 20*time.Millisecond)
	writeSite(t, dir, version(2), false)
	waitFor(t, "build 2", func() bool { return strings.Contains(fetch(t, base+"/"), "build 2") })
	if err := stop(); err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Errorf("still answering after shutdown")
	}
}

func fetch(t *testing.T, url string) string {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestBrokenBuildKeepsServingTheOld(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, version(1), true)
	s, err := New(Config{Site: dir, Watch: -1, ErrorLog: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	broken := version(2)
	broken["_index/index_meta.json"] = "not an index"
	writeSite(t, dir, broken, false)
	s.reloadIfChanged()
	if body := get(s, "/").Body.String(); !strings.Contains(body, "build 1") {
		t.Errorf("a build whose index does not open replaced the served one: %q", body)
	}
	if w := get(s, "/api/search?q=谈话"); w.Code != 200 {
		t.Errorf("search after a broken build: %d", w.Code)
	}
}

// TestSwapUnderLoad swaps new builds under a server answering a stream of
// page and search requests over loopback, and checks that no request
// failed and every page came whole from one build.
func TestSwapUnderLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, version(1), true)
	base, stopServing := serveWatching(t, dir, 10*time.Millisecond)

	var stop atomic.Bool
	var ok, failed atomic.Int64
	var mu sync.Mutex
	var failures []string
	var wg sync.WaitGroup
	paths := []string{"/", "/d/a/", "/d/a/a1/", "/assets/site.css", "/api/search?q=谈话", "/search?q=监督"}
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second}
			for i := c; !stop.Load() && i < 100000; i++ {
				p := paths[i%len(paths)]
				if err := check(client, base+p); err != nil {
					failed.Add(1)
					mu.Lock()
					failures = append(failures, p+": "+err.Error())
					mu.Unlock()
					continue
				}
				ok.Add(1)
			}
		}()
	}
	for n := 2; n <= 6; n++ {
		time.Sleep(60 * time.Millisecond)
		writeSite(t, dir, version(n), true)
	}
	waitFor(t, "the last build", func() bool { return strings.Contains(fetch(t, base+"/"), "build 6") })
	stop.Store(true)
	wg.Wait()
	stopServing()
	t.Logf("%d requests during 5 swaps, %d failed", ok.Load()+failed.Load(), failed.Load())
	if failed.Load() > 0 {
		t.Fatalf("%d requests failed, e.g. %v", failed.Load(), failures[:min(5, len(failures))])
	}
	if ok.Load() < 100 {
		t.Errorf("only %d requests ran", ok.Load())
	}
}

// check fetches url and wants a 200 with a whole body.
func check(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	if strings.HasSuffix(url, "/") && !strings.Contains(string(body), "<p>build ") {
		return fmt.Errorf("page without a build stamp: %.80q", body)
	}
	return nil
}

// TestShutdownFinishesRequestsInFlight: a request that started before
// shutdown is answered; new connections are refused after.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	s, _ := newTestServer(t, "/", false)
	started := make(chan struct{})
	s.gen.Load().search = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "slow answer")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error)
	go func() { served <- s.Serve(ctx, ln) }()
	answer := make(chan string)
	go func() { answer <- fetch(t, "http://"+ln.Addr().String()+"/api/search?q=x") }()
	<-started
	cancel()
	if got := <-answer; got != "slow answer" {
		t.Errorf("request in flight got %q", got)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Errorf("a new request was answered after shutdown")
	}
}
