package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tiaoli/internal/testdir"
	"tiaoli/search"
)

// TestPreviewCommand runs the tiaoli command's preview on a small content
// folder and watches a page of it in headless Chromium while the folder
// is edited: after an edit the open page reloads itself and shows it; a
// new file gets a page and is found by the search; the open page of a
// deleted file reloads to the site's 404 page; a broken edit leaves the
// page as it was, the last good build, with the build's error (file and
// line) shown over it, and the fix reloads it without the error.
func TestPreviewCommand(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	content := filepath.Join(t.TempDir(), "content")
	writeSource(t, content, "a.md", "# 示例事务管理办法\n\n第一条 为了规范示例事务，制定本办法。\n\n第二条 本办法适用于日常工作。\n")
	writeSource(t, content, "b.md", "# 示例档案管理规定\n\n第一条 档案按年度整理。\n")
	base := startPreviewCommand(t, content)

	page := searchHit(t, base, "日常工作")
	open(t, ctx, page)
	mark(t, ctx)
	writeSource(t, content, "a.md", "# 示例事务管理办法\n\n第一条 为了规范示例事务，制定本办法。\n\n第二条 本办法适用于年度考核。\n")
	waitPage(t, ctx, "reloaded with the edit", reloaded+` && document.body.innerText.includes("年度考核")`)

	writeSource(t, content, "c.md", "# 示例借调细则\n\n第一条 本细则适用于临时借调事项。\n")
	added := waitHit(t, base, "临时借调")
	open(t, ctx, added)
	mark(t, ctx)
	if err := os.Remove(filepath.Join(content, "c.md")); err != nil {
		t.Fatal(err)
	}
	waitPage(t, ctx, "reloaded without the deleted file", reloaded+` && !document.body.innerText.includes("临时借调")`)
	if status := fetchStatus(t, added); status != http.StatusNotFound {
		t.Errorf("the page of the deleted file answers %d, want 404", status)
	}

	open(t, ctx, page)
	mark(t, ctx)
	writeSource(t, content, "a.md", "第一条 文字\n\x00\x01\x02\x03\n")
	waitPage(t, ctx, "showing the error", `(`+errorBox+`).includes("构建失败") && (`+errorBox+`).includes("a.md:")`)
	if !siteRun(t, ctx, chromedp.Evaluate[bool](`window.previewMark === 1 && document.body.innerText.includes("年度考核")`)) {
		t.Errorf("after a broken edit, the page reloaded or no longer shows the last good build")
	}

	writeSource(t, content, "a.md", "# 示例事务管理办法\n\n第一条 为了规范示例事务，制定本办法。\n\n第二条 本办法适用于考核工作。\n")
	waitPage(t, ctx, "reloaded after the fix, without the error",
		reloaded+` && !document.getElementById("tiaoli-preview-error") && document.body.innerText.includes("考核工作")`)
}

// Scripts the test evaluates in the page.
const (
	// reloaded: the page was loaded again since mark.
	reloaded = `window.previewMark === undefined && document.readyState === "complete"`
	// listening: the page listens to the preview's events.
	listening = `document.documentElement.hasAttribute("data-preview-build")`
	// errorBox is the text of the build error shown over the page.
	errorBox = `(document.getElementById("tiaoli-preview-error") || {}).textContent || ""`
)

// startPreviewCommand builds the tiaoli command and runs its preview of
// content on a free loopback port until the test ends; it returns the
// site's URL once the first build is served.
func startPreviewCommand(t *testing.T, content string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tiaoli")
	build := exec.Command("go", "build", "-o", bin, "./cmd/tiaoli")
	build.Dir = testdir.Root(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "preview", "--content", content, "--addr", "127.0.0.1:0", "--interval", "20ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	found := make(chan string, 1)
	go func() {
		serving := regexp.MustCompile(`serving at (http://\S+)`)
		lines := bufio.NewScanner(stderr)
		for lines.Scan() {
			if m := serving.FindStringSubmatch(lines.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	var base string
	select {
	case base = <-found:
	case <-time.After(time.Minute):
		t.Fatal("tiaoli preview did not say where it serves")
	}
	for end := time.Now().Add(time.Minute); fetchStatus(t, base) != http.StatusOK; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("tiaoli preview served no build")
		}
	}
	return base
}

// writeSource writes a source of the content folder.
func writeSource(t *testing.T, content, name, text string) {
	t.Helper()
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fetchStatus(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// searchHit is the URL of the first page the search of the site at base
// finds for q, "" when none.
func searchHit(t *testing.T, base, q string) string {
	t.Helper()
	resp, err := http.Get(base + "api/search?q=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var found search.Response
	if err := json.NewDecoder(resp.Body).Decode(&found); err != nil || len(found.Hits) == 0 {
		return ""
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	hit, err := u.Parse(found.Hits[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	return hit.String()
}

// waitHit waits until the search finds q, and returns the page it finds.
func waitHit(t *testing.T, base, q string) string {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if u := searchHit(t, base, q); u != "" {
			return u
		}
	}
	t.Fatalf("the search still does not find %s", q)
	return ""
}

// open loads u in the browser and waits until the page listens to the
// preview's events.
func open(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if u == "" {
		t.Fatal("no page to open")
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	waitPage(t, ctx, "listening to the preview", listening)
}

// mark marks the page: a reload drops the mark.
func mark(t *testing.T, ctx context.Context) {
	t.Helper()
	siteRun(t, ctx, chromedp.Evaluate[int](`window.previewMark = 1`))
}

// waitPage waits until js holds in the page.
func waitPage(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
	}
	t.Fatalf("the page is still not %s", what)
}
