package e2e

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is Debian's chromium, which .ci/run installs.
const chromium = "/usr/bin/chromium"

// newBrowser starts headless Chromium with a fresh profile, or skips the
// test when there is none; what runs in the returned context must finish
// within limit.
func newBrowser(t *testing.T, limit time.Duration) context.Context {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no chromium at %s (install Debian's chromium): skipping the browser test", chromium)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser without a deadline
		t.Fatalf("start chromium: %v", err)
	}
	tctx, cancelTime := context.WithTimeout(ctx, limit)
	t.Cleanup(cancelTime)
	return tctx
}
