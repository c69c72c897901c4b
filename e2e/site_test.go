package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/generator/site"
	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/testdir"
)

// sitePrefix is the path the test server publishes the site under, to
// show that relative links work below any path.
const sitePrefix = "/fagui/"

// siteCase is a rendered site served over HTTP and the clause page the
// test opens: an article with a term link in its text.
type siteCase struct {
	url     string // the server's root URL
	c       *model.Corpus
	doc     *model.Document
	article *model.Article
	term    *model.Term
}

// TestClauseTermBrowser opens a clause page, checks the definition that
// shows on hover and on keyboard focus, follows the term link to its term
// page, uses the go-to-article box and the cite control, and saves
// screenshots.
func TestClauseTermBrowser(t *testing.T) {
	sc := siteServe(t)
	ctx := newBrowser(t, 90*time.Second)
	clause := sc.url + sitePrefix + sc.article.URL
	sel := chromedp.CSS(fmt.Sprintf(`.clause-page .text a.term[href$=%q]`, sc.term.URL))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(clause),
		chromedp.WaitVisible(sel)); err != nil {
		t.Fatal(err)
	}
	siteCheckTooltip(t, ctx, sel, sc.term.Term)
	siteCheckCite(t, ctx, sc)

	// Follow the term link to the term page.
	err := chromedp.Do(ctx, chromedp.Navigate(clause), chromedp.WaitVisible(sel), chromedp.Click(sel),
		chromedp.WaitVisible(chromedp.CSS(`.term-page h1`)))
	if err != nil {
		t.Fatal(err)
	}
	h1 := siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.term-page h1`)))
	loc := siteRun(t, ctx, chromedp.Location())
	if strings.TrimSpace(h1) != sc.term.Term || !strings.HasSuffix(loc, sitePrefix+sc.term.URL) {
		t.Errorf("after the term link: h1 %q at %s, want %q at %s", h1, loc, sc.term.Term, sc.term.URL)
	}
	siteCheckGoTo(t, ctx, sc)
	siteCheckSlugs(t, ctx)
	siteCheckPrint(t, ctx, clause)
	siteCheckSearchOffline(t, ctx, sc)
	shots := map[string]string{"home": sc.url + sitePrefix, "clause": clause,
		"term": sc.url + sitePrefix + sc.term.URL, "document": sc.url + sitePrefix + sc.doc.URL}
	if os.Getenv("TIAOLI_SCREENSHOTS_ALL") != "" {
		for _, p := range []string{"report/", "t/", "cited/", "k/regulation/", "search/", "404.html"} {
			shots[strings.Trim(strings.ReplaceAll(p, "/", "-"), "-")] = sc.url + sitePrefix + p
		}
		shots["source"] = sc.url + sitePrefix + sc.c.Sources[0].URL
	}
	siteScreenshots(t, ctx, shots)
}

// siteRun runs an action that returns a value, failing the test on error.
func siteRun[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// siteCheckTooltip hovers a term link, then focuses it from the
// keyboard, and checks that the tooltip shows the term's definition.
func siteCheckTooltip(t *testing.T, ctx context.Context, sel chromedp.CSS, term string) {
	def := siteRun(t, ctx, chromedp.AttributeValue(sel, "data-def")).Value
	if !strings.HasPrefix(def, term) || len(def) <= len(term) {
		t.Fatalf("term link's definition = %q", def)
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(sel)); err != nil {
		t.Fatal(err)
	}
	xy := siteRun(t, ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(
		`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.left + r.width/2, r.top + r.height/2]; })()`, string(sel))))
	tip := chromedp.ID("tip")
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]), chromedp.WaitVisible(tip)); err != nil {
		t.Fatalf("hover: %v", err)
	}
	if got := siteRun(t, ctx, chromedp.Text(tip)); got != def {
		t.Errorf("hover tooltip = %q, want %q", got, def)
	}
	// Away from the link the tooltip goes; keyboard focus brings it back.
	err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 2, 2), chromedp.WaitNotVisible(tip),
		chromedp.Focus(sel), chromedp.WaitVisible(tip))
	if err != nil {
		t.Fatalf("focus: %v", err)
	}
	described := siteRun(t, ctx, chromedp.Evaluate[bool](fmt.Sprintf(
		`document.querySelector(%q).getAttribute('aria-describedby') === 'tip'`, string(sel))))
	if got := siteRun(t, ctx, chromedp.Text(tip)); got != def || !described {
		t.Errorf("focus tooltip = %q (link described by it: %v), want %q", got, described, def)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\x1b"), chromedp.WaitNotVisible(tip)); err != nil {
		t.Errorf("Escape does not hide the tooltip: %v", err)
	}
}

// siteCheckCite targets a 款 and checks that the cite control names it.
func siteCheckCite(t *testing.T, ctx context.Context, sc *siteCase) {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.hash = '#p1'`),
		chromedp.Click(chromedp.CSS(`.cite-btn`))); err != nil {
		t.Fatal(err)
	}
	text := siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.cite .cite-text`)))
	url := siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.cite .cite-url`)))
	// The message comes when the copy is done, which a busy machine delays.
	msg := ""
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end) && msg == ""; time.Sleep(50 * time.Millisecond) {
		msg = siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.cite-msg`)))
	}
	want := "《" + sc.doc.Title + "》" + sc.article.Label
	if !strings.HasPrefix(text, want) || !strings.HasPrefix(url, "http") || !strings.HasSuffix(url, sc.article.URL+"#p1") {
		t.Errorf("cite control shows %q %q, want %s… and the page's full address with #p1", text, url, want)
	}
	if msg == "" {
		t.Errorf("the cite button says nothing")
	}
}

// siteCheckGoTo types the number of the document's last article in the
// go-to box, spelt two ways, and checks where the browser lands.
func siteCheckGoTo(t *testing.T, ctx context.Context, sc *siteCase) {
	a := sc.doc.Articles[len(sc.doc.Articles)-1]
	full := strings.Map(func(r rune) rune { return r - '0' + '０' }, fmt.Sprint(a.Number))
	box := chromedp.CSS(`form.goto input`)
	for _, typed := range []string{"第" + numeral.Format(a.Number) + "条", full} {
		err := chromedp.Do(ctx, chromedp.Navigate(sc.url+sitePrefix+sc.article.URL), chromedp.WaitVisible(box),
			chromedp.SendKeys(box, typed+"\n"))
		if err != nil {
			t.Fatalf("go to %q: %v", typed, err)
		}
		if loc := siteWaitPath(ctx, a.URL); !strings.HasSuffix(loc, a.URL) {
			t.Errorf("go to %q: at %s, want %s", typed, loc, a.URL)
		}
	}
}

// siteWaitPath waits up to ten seconds for the page's address to end in
// suffix, and returns the last address seen.
func siteWaitPath(ctx context.Context, suffix string) string {
	loc := ""
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if l, err := chromedp.Run(ctx, chromedp.Location()); err == nil {
			loc = l
			if strings.HasSuffix(l, suffix) {
				break
			}
		}
	}
	return loc
}

// siteCheckPrint checks what a printed clause page shows: the clause and
// its citation with the address, without the site's header and tools.
func siteCheckPrint(t *testing.T, ctx context.Context, url string) {
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(`.cite`))); err != nil {
		t.Fatal(err)
	}
	shown := siteRun(t, ctx, chromedp.Evaluate[[]string](`["header.site", ".pager", "form.goto", ".cite-btn", ".clause-page .text", ".cite .cite-text", ".cite .cite-url"]
		.map(s => { const e = document.querySelector(s); return s + "=" + (e && getComputedStyle(e).display !== "none" && e.offsetParent !== null) })`))
	want := []string{"header.site=false", ".pager=false", "form.goto=false", ".cite-btn=false",
		".clause-page .text=true", ".cite .cite-text=true", ".cite .cite-url=true"}
	if strings.Join(shown, " ") != strings.Join(want, " ") {
		t.Errorf("printed clause page shows %q, want %q", shown, want)
	}
}

// siteCheckSlugs checks how the go-to box reads what readers type.
func siteCheckSlugs(t *testing.T, ctx context.Context) {
	in := []string{"第一百零三条", "一百零三", "103", "１０３", "第五条之一", "5-1", "十", "两千零五", "第 十二 条", "x", ""}
	want := []string{"a103", "a103", "a103", "a103", "a5-1", "a5-1", "a10", "a2005", "a12", "", ""}
	// The script is deferred: wait until it has run.
	siteRun(t, ctx, chromedp.Poll[bool](`typeof window.tiaoliArticleSlug === "function"`))
	expr := `["` + strings.Join(in, `","`) + `"].map(s => window.tiaoliArticleSlug(s) || "")`
	got := siteRun(t, ctx, chromedp.Evaluate[[]string](expr))
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("article slugs of %q = %q, want %q", in, got, want)
	}
}

// siteCheckSearchOffline opens the search page on the plain file server,
// where no search API answers: the page must say so.
func siteCheckSearchOffline(t *testing.T, ctx context.Context, sc *siteCase) {
	warn := chromedp.CSS(`#results .warn`)
	if err := chromedp.Do(ctx, chromedp.Navigate(sc.url+sitePrefix+"search/?q="+sc.term.Term), chromedp.WaitVisible(warn)); err != nil {
		t.Fatalf("search page without a server: %v", err)
	}
	if got := siteRun(t, ctx, chromedp.Text(warn)); !strings.Contains(got, "tiaoli serve") {
		t.Errorf("search page without a server says %q", got)
	}
	if got := siteRun(t, ctx, chromedp.Value(chromedp.CSS(`#q-page`))); got != sc.term.Term {
		t.Errorf("the search box holds %q, want the query %q", got, sc.term.Term)
	}
}

// siteScreenshots saves full-page screenshots at desktop and phone widths.
func siteScreenshots(t *testing.T, ctx context.Context, pages map[string]string) {
	dir := screenshotDir(t)
	for name, url := range pages {
		for _, w := range screenWidths {
			screenshot(t, ctx, w, url, filepath.Join(dir, name+"-"+w.name+".png"))
		}
	}
	siteDarkScreenshot(t, ctx, dir, pages["clause"])
	t.Logf("screenshots in %s", dir)
}

// screenWidth is a width the screenshots are taken at.
type screenWidth struct {
	name          string
	width, height int64
	mobile        bool
}

// screenWidths are a desktop and a phone.
var screenWidths = []screenWidth{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}}

// screenshotDir is $TIAOLI_SCREENSHOTS, or screenshots/ when it is unset.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("TIAOLI_SCREENSHOTS")
	if dir == "" {
		dir = "screenshots"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// emulate sets the viewport of a width, as a phone for the phone width.
func emulate(w screenWidth) chromedp.Action[chromedp.Void] {
	if w.mobile {
		return chromedp.EmulateViewport(w.width, w.height, chromedp.EmulateMobile, chromedp.EmulateScale(2))
	}
	return chromedp.EmulateViewport(w.width, w.height)
}

// screenshot opens url at a width and saves a full-page screenshot.
func screenshot(t *testing.T, ctx context.Context, w screenWidth, url, file string) {
	t.Helper()
	if err := chromedp.Do(ctx, emulate(w), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatalf("screenshot of %s: %v", url, err)
	}
	png := siteRun(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// siteDarkScreenshot saves the clause page as a reader who prefers dark
// colours sees it, and checks that the page honours the preference.
func siteDarkScreenshot(t *testing.T, ctx context.Context, dir, url string) {
	dark := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, dark); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatal(err)
	}
	bg := siteRun(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if bg != "rgb(22, 23, 26)" {
		t.Errorf("dark mode background = %s", bg)
	}
	png := siteRun(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, "clause-dark.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// siteServe renders the sample content (or, until it parses into
// regulations with terms, the fixture corpus) and serves it under
// sitePrefix from a plain file server.
func siteServe(t *testing.T) *siteCase {
	c := generator.Parse(os.DirFS(filepath.Join(testdir.Root(t), "content")))
	sc := siteFind(c)
	if sc == nil {
		t.Log("the sample content has no article with a term link yet: using the fixture corpus")
		c = sitetest.Corpus()
		sc = siteFind(c)
	}
	dir := t.TempDir()
	renderTo(t, c, site.Options{Base: sitePrefix}, dir)
	ts := httptest.NewServer(http.StripPrefix(sitePrefix, http.FileServer(http.Dir(dir))))
	t.Cleanup(ts.Close)
	sc.url = ts.URL
	return sc
}

// siteFind picks the first article whose first 款 links a term with a
// definition.
func siteFind(c *model.Corpus) *siteCase {
	for _, d := range c.Documents {
		for _, a := range d.Articles {
			for _, cl := range a.Paragraphs {
				for _, l := range cl.Links {
					if l.Kind == "term" && !l.Definition && l.Term < len(c.Terms) && c.Terms[l.Term].Definition != "" {
						return &siteCase{c: c, doc: d, article: a, term: c.Terms[l.Term]}
					}
				}
			}
		}
	}
	return nil
}
