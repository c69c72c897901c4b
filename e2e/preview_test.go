package e2e

import (
	"errors"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tiaoli/preview"
	"tiaoli/server"
)

// TestPreviewReloads serves the sample site through tiaoli preview's
// handler, with its real server and Content-Security-Policy, in headless
// Chromium: after a good build the open page reloads itself; after a
// failed one it stays, and shows the build's error over the page; after
// the fix it reloads without the error.
func TestPreviewReloads(t *testing.T) {
	dir := searchBuildSample(t)
	srv, err := server.New(server.Config{Site: dir, Watch: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	const brokenFile = "content/broken.md:3"
	var fail atomic.Bool
	p := preview.New(preview.Config{Base: "/", Build: func() error {
		if fail.Load() {
			return errors.New(brokenFile + ": 文件含有二进制内容")
		}
		return srv.Reload()
	}}, srv)
	p.Rebuild()
	hs := httptest.NewServer(p)
	defer hs.Close()
	defer p.Close() // the page's event stream ends before the server closes

	ctx := newBrowser(t, 60*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(hs.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatal(err)
	}
	// Let the page's event stream connect before the builds.
	waitPage(t, ctx, "listening", listening)
	mark(t, ctx)
	p.Rebuild()
	waitPage(t, ctx, "reloaded after a good build", reloaded)
	waitPage(t, ctx, "listening again", listening)

	mark(t, ctx)
	fail.Store(true)
	p.Rebuild()
	waitPage(t, ctx, "showing the error", `(`+errorBox+`).includes("构建失败") && (`+errorBox+`).includes("`+brokenFile+`")`)
	if !siteRun(t, ctx, chromedp.Evaluate[bool](`window.previewMark === 1 && document.querySelector("main") !== null`)) {
		t.Errorf("the page reloaded, or lost its text, after a failed build")
	}

	fail.Store(false)
	p.Rebuild()
	waitPage(t, ctx, "reloaded after the fix, without the error", reloaded+` && !document.getElementById("tiaoli-preview-error")`)
}
