package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tiaoli/search"
)

// startPreview runs tiaoli preview of content into out on a loopback
// port, polling every interval, and returns the URL of its base; it stops
// with the test.
func startPreview(t testing.TB, content, out string, interval time.Duration) string {
	t.Helper()
	return startPreviewTo(t, content, out, interval, io.Discard)
}

// startPreviewTo is startPreview, the preview writing its messages to
// stderr.
func startPreviewTo(t testing.TB, content, out string, interval time.Duration, stderr io.Writer) string {
	t.Helper()
	o := previewOptions{addr: "127.0.0.1:0", interval: interval, scratch: filepath.Dir(out),
		build: buildOptions{content: content, out: out, base: "/fagui/"}}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- runPreviewServer(ctx, o, stderr, ready) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("preview: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr.String() + "/fagui/"
	case err := <-done:
		t.Fatalf("preview did not start: %v", err)
	}
	return ""
}

// eventually waits until ok holds, failing the test after 30 s.
func eventually(t testing.TB, what string, ok func() bool) {
	t.Helper()
	within(t, what, 30*time.Second, ok)
}

// within waits until ok holds, failing the test after limit.
func within(t testing.TB, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("preview: still not %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// previewHits are the URLs a search of the preview returns whose
// excerpts hold the query as typed.
func previewHits(t testing.TB, base, query string) []string {
	var resp search.Response
	decodeJSON(t, fetchRaw(t, base+"api/search?q="+url.QueryEscape(query)).body, &resp)
	var urls []string
	for _, h := range resp.Hits {
		if text := tags.ReplaceAllString(strings.Join(h.Fragments, ""), ""); strings.Contains(text, query) {
			urls = append(urls, h.URL)
		}
	}
	return urls
}

// TestPreviewFollowsEdits: the preview shows an edit, a new file and a
// deleted file on its pages and in its search; a broken edit leaves the
// last good build served with its error told to the page, and the fix
// is shown again; a table of synonyms added to the content is searched
// with. HTML pages get the reload script; the preview writes
// no site folder.
func TestPreviewFollowsEdits(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	base := startPreview(t, content, out, 20*time.Millisecond)
	eventually(t, "built", func() bool { return fetchRaw(t, base).status == 200 })
	home := fetchRaw(t, base).body
	if !strings.Contains(home, `<script src="/fagui/_preview/reload.js"></script>`) {
		t.Errorf("the home page has no reload script")
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the preview wrote %s: %v", out, err)
	}
	if r := fetchRaw(t, base+"_preview/reload.js"); r.status != 200 || !strings.Contains(r.body, "EventSource") {
		t.Errorf("reload script: %d", r.status)
	}

	// An edit.
	first := filepath.Join(content, "reg0000.md")
	edit(t, first, "日常工作", "年度考核")
	eventually(t, "showing the edit in search", func() bool { return len(previewHits(t, base, "年度考核")) > 0 })
	page := previewHits(t, base, "年度考核")[0]
	if !strings.Contains(fetchRaw(t, base+strings.TrimPrefix(page, "/fagui/")).body, "年度考核") {
		t.Errorf("the page %s the search finds does not show the edit", page)
	}

	// The editors' synonyms: the index is built again with them.
	write(t, filepath.Join(content, search.SynonymsFile), "考评: [年度考核]\n")
	eventually(t, "searching with the editors' synonyms", func() bool {
		var resp search.Response
		decodeJSON(t, fetchRaw(t, base+"api/search?q="+url.QueryEscape("考评")).body, &resp)
		return len(resp.Hits) > 0 && strings.Contains(strings.Join(resp.Hits[0].Fragments, ""), "年度考核")
	})

	// A new file.
	write(t, filepath.Join(content, "new.md"), "# 新增示例细则\n\n第一条 本细则适用于临时借调事项。\n")
	eventually(t, "finding the new file", func() bool { return len(previewHits(t, base, "临时借调")) > 0 })
	added := previewHits(t, base, "临时借调")[0]
	if r := fetchRaw(t, base+strings.TrimPrefix(added, "/fagui/")); r.status != 200 || !strings.Contains(r.body, "临时借调") {
		t.Errorf("the page of the new file %s: %d, without its text", added, r.status)
	}

	// A deleted file.
	if err := os.Remove(filepath.Join(content, "new.md")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "dropping the deleted file", func() bool {
		return len(previewHits(t, base, "临时借调")) == 0 && fetchRaw(t, base+strings.TrimPrefix(added, "/fagui/")).status == 404
	})

	// A broken edit: the last good build stays, the error is told.
	write(t, first, "第一条 文字\n\x00\x01\x02\x03\n")
	eventually(t, "telling the error", func() bool {
		st := previewState(t, base)
		return strings.Contains(st, "reg0000.md:") && strings.Contains(st, "二进制")
	})
	if st := previewState(t, base); strings.Contains(st, "left as it was") {
		t.Errorf("the error told to the page carries the command line's English summary: %s", st)
	}
	if len(previewHits(t, base, "年度考核")) == 0 {
		t.Errorf("after a broken edit, the last good build is no longer searched")
	}
	if r := fetchRaw(t, base+strings.TrimPrefix(page, "/fagui/")); r.status != 200 || !strings.Contains(r.body, "年度考核") {
		t.Errorf("after a broken edit, the page %s is no longer the last good build's: %d", page, r.status)
	}

	// The fix.
	writeRegulations(t, content, 0, 1, 3)
	eventually(t, "recovering", func() bool {
		return strings.Contains(previewState(t, base), `"error":""`)
	})
	eventually(t, "showing the fixed file", func() bool {
		return len(previewHits(t, base, "年度考核")) == 0 && len(previewHits(t, base, "日常工作")) > 0
	})
}

// tags are the tags of a search excerpt (<mark>).
var tags = regexp.MustCompile(`<[^>]*>`)

// previewState reads the first state the preview's event stream sends:
// its event, "data: " and the state in JSON.
func previewState(t *testing.T, base string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"_preview/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for !strings.Contains(b.String(), "\n\n") {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	// One read may hold the next event too, when a build ended meanwhile.
	first, _, _ := strings.Cut(b.String(), "\n\n")
	return first
}

// TestPreviewStartsBroken: a preview started on broken content serves the
// site an earlier build left, with the error told to its pages.
func TestPreviewStartsBroken(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	pubBuild(t, content, out, "/fagui/")
	write(t, filepath.Join(content, "reg0001.md"), "第一条 文字\n\x00\x01\x02\x03\n")
	base := startPreview(t, content, out, 20*time.Millisecond)
	eventually(t, "telling the error", func() bool { return strings.Contains(previewState(t, base), "reg0001.md:") })
	if r := fetchRaw(t, base); r.status != 200 || !strings.Contains(r.body, "_preview/reload.js") {
		t.Errorf("home page: %d, want the earlier build with the reload script", r.status)
	}
}
