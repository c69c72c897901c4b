package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"tiaoli/generator"
	"tiaoli/generator/examples"
	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
	"tiaoli/server"
)

// TestFirstSight opens the pages a new reader meets first on the sample
// site under tiaoli serve (home, a regulation, an article, a term, search
// results, a news item, the editor's report, and a comparison of versions
// when the site has one), saves screenshots of each at desktop and phone
// widths, and checks what makes a site look untrustworthy at first sight:
// Latin words in the report (also one listing input errors), half-width punctuation between Han characters
// in snippets and news bodies, nested 《《, a match cut inside <mark>, dates
// and ¶ marks wrapped on a phone, and the search box and help.
func TestFirstSight(t *testing.T) {
	dir := searchBuildSample(t)
	c := generator.Parse(os.DirFS(filepath.Join(testdir.Root(t), "content")))
	srv, err := server.New(server.Config{Site: dir, Watch: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx := newBrowser(t, 3*time.Minute)
	queries := append(examples.Queries(c), "ＡＥＯ")
	pages := firstSightPages(t, ts.URL+"/", c, dir, queries[0])

	for name, u := range pages {
		if err := chromedp.Do(ctx, emulate(screenWidths[0]), chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := siteRun(t, ctx, chromedp.Evaluate[string](`document.querySelector('main').innerText`))
		if strings.Contains(text, "《《") {
			t.Errorf("%s shows nested book-title marks: …%s…", name, around(text, "《《"))
		}
	}
	firstSightCitedOnce(t, ctx, pages["regulation"])
	firstSightReport(t, ctx, pages["report"])
	firstSightReportErrors(t, ctx)
	firstSightNews(t, ctx, ts.URL+"/", c)
	for _, q := range queries {
		firstSightSnippets(t, ctx, ts.URL+"/search?q="+url.QueryEscape(q), q)
	}
	firstSightLive(t, ctx, ts.URL+"/", dir, queries)
	firstSightArticle(t, ctx, pages["article"], pages["regulation"])
	firstSightPhone(t, ctx, pages)

	shots := screenshotDir(t)
	for name, u := range pages {
		for _, w := range screenWidths {
			screenshot(t, ctx, w, u, filepath.Join(shots, "first-"+name+"-"+w.name+".png"))
		}
	}
	// Parts of the long pages, to read at full size.
	for _, part := range []struct{ page, sel, name string }{
		{"regulation", ".apparatus", "variants"}, {"regulation", ".doc > section:has(.refs)", "cited-by"},
		{"report", "#r-variants", "report-variants"}, {"report", "#r-repairs", "report-repairs"},
	} {
		elementShot(t, ctx, pages[part.page], part.sel, filepath.Join(shots, "first-"+part.name+".png"))
	}
	t.Logf("screenshots in %s", shots)
}

// elementShot saves a screenshot of the first element sel finds on a page
// at desktop width, when the page has one.
func elementShot(t *testing.T, ctx context.Context, u, sel, file string) {
	t.Helper()
	if err := chromedp.Do(ctx, emulate(screenWidths[0]), chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatal(err)
	}
	if !siteRun(t, ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q) !== null`, sel))) {
		return
	}
	png := siteRun(t, ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstSightPages picks the pages of the sample site to look at.
func firstSightPages(t *testing.T, base string, c *model.Corpus, dir, query string) map[string]string {
	pages := map[string]string{"home": base, "report": base + "report/", "search": base + "search?q=" + url.QueryEscape(query)}
	for _, d := range c.Documents {
		switch {
		case d.Kind == model.KindRegulation && len(d.Articles) > 0 && pages["regulation"] == "":
			pages["regulation"] = base + d.URL
			pages["article"] = base + d.Articles[len(d.Articles)/2].URL
		case d.Kind == model.KindNews && d.Dateline != nil && pages["news"] == "":
			pages["news"] = base + d.URL
		}
	}
	best := 0
	for _, term := range c.Terms {
		if len(term.Occurrences) > best {
			best, pages["term"] = len(term.Occurrences), base+term.URL
		}
	}
	if cmp := comparisonPage(dir); cmp != "" {
		pages["comparison"] = base + cmp
	}
	for _, name := range []string{"regulation", "article", "news", "term"} {
		if pages[name] == "" {
			t.Fatalf("the sample has no %s page", name)
		}
	}
	return pages
}

// comparisonPage finds a page comparing versions in the built site, if
// the site has one: a folder named for comparing.
func comparisonPage(dir string) string {
	found := ""
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" || d.IsDir() || d.Name() != "index.html" {
			return nil
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(p))
		if regexp.MustCompile(`(?i)(^|/)(compare|diff|versions?|cmp)[^/]*$`).MatchString(filepath.ToSlash(rel)) {
			found = filepath.ToSlash(rel) + "/"
		}
		return nil
	})
	return found
}

var (
	// latinWord is two Latin letters in a row.
	latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)
	// quoted is text an editor's report quotes from a source or a title.
	quoted = regexp.MustCompile(`「[^」]*」|《[^》]*》`)
	// formatName is the name of a format or a byte an error may name.
	formatName = regexp.MustCompile(`UTF-(8|16LE|16BE)|GB18030|YAML|CSV|HTML|0x[0-9A-F]{2}`)
	// narrowBetweenHan is ASCII punctuation between two Han characters.
	narrowBetweenHan = regexp.MustCompile(`\p{Han}\s*[,:;?!()]\s*\p{Han}`)
)

// firstSightCitedOnce checks that what cites a document is listed once
// each, however many of its paragraphs cite it.
func firstSightCitedOnce(t *testing.T, ctx context.Context, u string) {
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatal(err)
	}
	dup := siteRun(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('ul.refs')].flatMap(ul => {
		const names = [...ul.querySelectorAll(':scope > li > a:first-child')].map(a => a.textContent);
		return names.filter((n, i) => names.indexOf(n) !== i); })`))
	if len(dup) > 0 {
		t.Errorf("listed more than once as citing the document: %q", dup)
	}
}

// firstSightReport checks that the report speaks Chinese (reportLatin)
// and groups its findings by document.
func firstSightReport(t *testing.T, ctx context.Context, u string) {
	reportLatin(t, ctx, u)
	if n := siteRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.report-doc').length`)); n == 0 {
		t.Errorf("the report groups no finding by document")
	}
}

// reportLatin opens a report and checks that it speaks Chinese: no Latin
// word outside file paths (code), document titles, quoted text and the
// names of formats (UTF-8, YAML, …) and bytes (0xFF) an error names.
func reportLatin(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main h1`))); err != nil {
		t.Fatal(err)
	}
	text := siteRun(t, ctx, chromedp.Evaluate[string](`(() => {
		const m = document.querySelector('main').cloneNode(true);
		m.querySelectorAll('code, .report-doc').forEach(e => e.remove());
		return m.innerText; })()`))
	text = formatName.ReplaceAllString(quoted.ReplaceAllString(text, ""), "")
	if words := latinWord.FindAllString(text, -1); len(words) > 0 {
		t.Errorf("the editor's report %s has Latin words outside file paths and quotes: %q", u, words)
	}
}

// firstSightNews checks every news page: the dateline printed once, and
// no half-width punctuation between Han characters in the body.
func firstSightNews(t *testing.T, ctx context.Context, base string, c *model.Corpus) {
	for _, d := range c.Documents {
		if d.Kind != model.KindNews {
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+d.URL), chromedp.WaitVisible(chromedp.CSS(`main .text`))); err != nil {
			t.Fatal(err)
		}
		body := siteRun(t, ctx, chromedp.Evaluate[string](`document.querySelector('main .text').innerText`))
		if m := narrowBetweenHan.FindString(body); m != "" {
			t.Errorf("%s: half-width punctuation between Han characters in the body: %q", d.Title, m)
		}
		if d.Dateline == nil {
			continue
		}
		all := siteRun(t, ctx, chromedp.Evaluate[string](`document.querySelector('main').innerText`))
		if n := strings.Count(all, d.Dateline.Text); n != 1 {
			t.Errorf("%s: the dateline %q is printed %d times", d.Title, d.Dateline.Text, n)
		}
	}
}

// firstSightSnippets checks the results of a query: printed punctuation
// in the snippets, and every <mark> a whole word of the query.
func firstSightSnippets(t *testing.T, ctx context.Context, u, q string) {
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`.search-hits li`))); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	frags := siteRun(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.hit-fragment')].map(p => p.innerText)`))
	for _, f := range frags {
		if m := narrowBetweenHan.FindString(f); m != "" {
			t.Errorf("%s: snippet with half-width punctuation between Han characters: %q", q, m)
		}
	}
	// Each mark with the characters either side of it.
	marks := siteRun(t, ctx, chromedp.Evaluate[[][]string](`[...document.querySelectorAll('.hit-fragment mark')].map(m => {
		const p = m.previousSibling, n = m.nextSibling;
		return [p && p.nodeType === 3 ? p.nodeValue.slice(-1) : '', m.textContent, n && n.nodeType === 3 ? n.nodeValue.slice(0, 1) : ''];
	})`))
	if len(marks) == 0 {
		t.Errorf("%s: no marked match in the snippets", q)
	}
	word := regexp.MustCompile(`^[A-Za-z0-9]$`)
	for _, m := range marks {
		first, last := m[1][:1], m[1][len(m[1])-1:]
		if (word.MatchString(m[0]) && word.MatchString(first)) || (word.MatchString(m[2]) && word.MatchString(last)) || m[2] == "…" {
			t.Errorf("%s: a mark cuts a word: %q<mark>%q</mark>%q", q, m[0], m[1], m[2])
		}
	}
}

// firstSightLive types in the box of the results page of tiaoli serve and
// waits for the results to change without a page load; it checks that the
// results page and the site's search page have the same help.
func firstSightLive(t *testing.T, ctx context.Context, base, dir string, queries []string) {
	err := chromedp.Do(ctx, chromedp.Navigate(base+"search?q="+url.QueryEscape(queries[0])),
		chromedp.WaitVisible(chromedp.CSS(`#q-page`)),
		chromedp.Evaluate[chromedp.Void](`window.tiaoliLoaded = true`))
	if err != nil {
		t.Fatal(err)
	}
	next := queries[1]
	if err := chromedp.Do(ctx, chromedp.Clear(chromedp.CSS(`#q-page`)), chromedp.SendKeys(chromedp.CSS(`#q-page`), next)); err != nil {
		t.Fatal(err)
	}
	h1 := ""
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end) && h1 != "搜索："+next; time.Sleep(100 * time.Millisecond) {
		h1 = siteRun(t, ctx, chromedp.Text(chromedp.CSS(`main h1`)))
	}
	same := siteRun(t, ctx, chromedp.Evaluate[bool](`window.tiaoliLoaded === true && document.querySelectorAll('#results .search-hits li').length > 0`))
	if h1 != "搜索："+next || !same {
		t.Errorf("typing %q on the results page: heading %q, results shown in place: %v", next, h1, same)
	}
	help := siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.search-help`)))
	f, err := os.Open(filepath.Join(dir, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	static, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(static.Find(".search-help").Text()); got != strings.TrimSpace(help) || help == "" {
		t.Errorf("help of the results page %q, of the search page %q", help, got)
	}
	if hint, _ := static.Find("#q-page").Attr("placeholder"); hint != examples.Placeholder(queries[:len(queries)-1]) {
		t.Errorf("search page hint %q", hint)
	}
}

// firstSightArticle checks the article page: the citation box and the
// list of what cites it named apart, the go-to box naming 第五条之一, and
// the column beside the text on a wide screen.
func firstSightArticle(t *testing.T, ctx context.Context, article, regulation string) {
	if err := chromedp.Do(ctx, emulate(screenWidths[0]), chromedp.Navigate(article), chromedp.WaitVisible(chromedp.CSS(`.side-col`))); err != nil {
		t.Fatalf("article page without a side column: %v", err)
	}
	caption := siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.cite figcaption`)))
	beside := siteRun(t, ctx, chromedp.Evaluate[bool](`(() => {
		const m = document.querySelector('.main-col').getBoundingClientRect(), s = document.querySelector('.side-col').getBoundingClientRect();
		return s.left >= m.right && s.top < m.bottom; })()`))
	if caption != "引用格式" || !beside {
		t.Errorf("article page: citation box %q, side column beside the text: %v", caption, beside)
	}
	label := siteRun(t, ctx, chromedp.Poll[string](`window.tiaoliArticleLabel && window.tiaoliArticleLabel('a5-1')`))
	if label != "第五条之一" {
		t.Errorf("go-to box names a5-1 %q", label)
	}
	box := chromedp.CSS(`form.goto input`)
	if err := chromedp.Do(ctx, chromedp.Navigate(regulation), chromedp.WaitVisible(box), chromedp.SendKeys(box, "第九百九十九条之一\n")); err != nil {
		t.Fatal(err)
	}
	msg := ""
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end) && msg == ""; time.Sleep(100 * time.Millisecond) {
		msg = siteRun(t, ctx, chromedp.Text(chromedp.CSS(`.goto-msg`)))
	}
	if msg != "本文件没有第九百九十九条之一" {
		t.Errorf("go-to box says %q", msg)
	}
}

// firstSightPhone checks every page at phone width: no date broken over
// two lines, no ¶ mark alone at the start of a line.
func firstSightPhone(t *testing.T, ctx context.Context, pages map[string]string) {
	for name, u := range pages {
		if err := chromedp.Do(ctx, emulate(screenWidths[1]), chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatal(err)
		}
		bad := siteRun(t, ctx, chromedp.Evaluate[[]string](`[
			...[...document.querySelectorAll('time')].filter(e => e.getClientRects().length > 1).map(e => 'date ' + e.textContent),
			...[...document.querySelectorAll('.pilcrow')].filter(p => {
				const r = document.createRange();
				r.setStart(p.parentNode, 0);
				r.setEndBefore(p);
				const rects = [...r.getClientRects()].filter(x => x.width > 0.5);
				const last = rects[rects.length - 1];
				const b = p.getBoundingClientRect();
				return last && (last.bottom <= b.top || b.bottom <= last.top); // not on one line
			}).map(p => '¶ of ' + p.getAttribute('href'))]`))
		for _, b := range bad {
			t.Errorf("%s at 390 px: %s wraps", name, b)
		}
	}
}

// around is s near the first occurrence of sub.
func around(s, sub string) string {
	i := strings.Index(s, sub)
	from, to := max(0, i-30), min(len(s), i+30)
	return fmt.Sprintf("%q", strings.ToValidUTF8(s[from:to], ""))
}
