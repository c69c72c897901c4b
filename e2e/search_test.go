package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/internal/testdir"
	"tiaoli/publish"
	"tiaoli/search"
	"tiaoli/server"
)

// TestSearchBox builds the sample site with its index, serves it with
// tiaoli serve's server, types queries in the search box in the header of
// every page in headless Chromium, submits, and checks the first result
// of each on the results page.
func TestSearchBox(t *testing.T) {
	dir := searchBuildSample(t)
	srv, err := server.New(server.Config{Site: dir, Watch: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()

	ctx := newBrowser(t, 60*time.Second)
	tests := []struct{ query, wantHref, wantMark string }{
		{"定期谈话 全覆盖", "/a5/", "定期谈话全覆盖"},
		{"ＡＥＯ 查验率", "/d/aeo-", "查验率"},
		{"3个月 整改", "/a11/", "3个月"},
	}
	// The first query goes in the home page's search box, the others in
	// the header's box of the results page before.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	box := `#q-home`
	for _, tt := range tests {
		err := chromedp.Do(ctx,
			chromedp.WaitVisible(chromedp.CSS(box)),
			chromedp.Clear(chromedp.CSS(box)),
			chromedp.SendKeys(chromedp.CSS(box), tt.query+"\n"),
		)
		if err == nil {
			err = searchWaitTitle(ctx, tt.query)
		}
		box = `#q`
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`.search-hits li:first-child h2 a`), "href"))
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		hit, err := chromedp.Run(ctx, chromedp.InnerHTML(chromedp.CSS(`.search-hits li:first-child`)))
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		mark := "<mark>" + tt.wantMark + "</mark>"
		if !strings.Contains(href.Value, tt.wantHref) || !strings.Contains(hit, mark) {
			t.Errorf("%s: first result links to %q, want %q, and has %s, want %s", tt.query, href.Value, tt.wantHref, hit, mark)
		}
	}
}

// searchWaitTitle waits until the browser shows the results page of q.
func searchWaitTitle(ctx context.Context, q string) error {
	for {
		title, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			return err
		}
		if strings.HasPrefix(title, q+" - ") {
			return chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`.search-hits li`)))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("no results page for %q (title %q): %w", q, title, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// searchBuildSample parses the sample content, renders the site and its
// index into a temporary folder and returns it.
func searchBuildSample(t *testing.T) string {
	root := testdir.Root(t)
	c := generator.Parse(os.DirFS(filepath.Join(root, "content")))
	if !searchHasArticles(c) {
		t.Skip("the sample content does not parse into articles yet: skipping")
	}
	dir := t.TempDir()
	renderTo(t, c, site.Options{Base: "/"}, dir)
	if err := search.BuildIndex(c, filepath.Join(dir, search.IndexDir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func searchHasArticles(c *model.Corpus) bool {
	for _, d := range c.Documents {
		if len(d.Articles) > 0 {
			return true
		}
	}
	return false
}

// renderTo renders c into the folder dir through the publishing writer, as
// tiaoli build does.
func renderTo(t *testing.T, c *model.Corpus, opts site.Options, dir string) {
	t.Helper()
	st, err := publish.Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := site.Render(c, opts, st); err != nil {
		st.Abort()
		t.Fatalf("render: %v", err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
}
