package site_test

import (
	"bytes"
	"encoding/xml"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"tiaoli/internal/sitefiles"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/generator/site/sitetest"
	"tiaoli/linkcheck"
	"tiaoli/templates"
)

func TestTermPages(t *testing.T) {
	c, _ := fixture()
	term := c.Terms[sitetest.TermRegular]
	p := page(t, term.URL+"index.html")
	if got := text(p.Find("h1")); got != "定期谈话" {
		t.Errorf("h1 = %q", got)
	}
	if got := text(p.Find("dd.def")); got != term.Definition {
		t.Errorf("definition = %q", got)
	}
	d := docByTitle(t, sitetest.RuleTitle)
	if href, _ := p.Find("dl.definition a").Attr("href"); href != "../../"+d.Articles[1].URL+"#p1" {
		t.Errorf("defined-in link = %q", href)
	}
	if got := text(p.Find("dl.definition a")); got != "《"+sitetest.RuleTitle+"》第二条" {
		t.Errorf("defined in = %q", got)
	}
	if p.Find("blockquote.defining dfn").Length() == 0 {
		t.Errorf("the defining sentence is not shown")
	}
	occ := p.Find("ul.occurrences li")
	if occ.Length() != len(term.Occurrences) {
		t.Errorf("%d occurrences shown, want %d", occ.Length(), len(term.Occurrences))
	}
	if got := text(occ.First().Find("mark")); got != "定期谈话" {
		t.Errorf("occurrence context marks %q", got)
	}
	if p.Find("h3.occ-doc").Length() != 2 {
		t.Errorf("occurrences should be grouped under 2 documents")
	}
	list := page(t, c.Terms[sitetest.TermList].URL+"index.html")
	if list.Find("ol.members li").Length() != 2 || !strings.Contains(text(list.Find(".warn")), "不符") {
		t.Errorf("list term: members %d, warning %q", list.Find("ol.members li").Length(), text(list.Find(".warn")))
	}
	all := page(t, "t/index.html")
	if got := all.Find("ul.termlist a.term").Length(); got != len(c.Terms) {
		t.Errorf("terms page lists %d terms, want %d", got, len(c.Terms))
	}
	if got := text(all.Find("section h2").First()); got != "A" {
		t.Errorf("first initial = %q, want A (AEO)", got)
	}
}

func TestNewsPage(t *testing.T) {
	d := docByTitle(t, sitetest.NewsTitle)
	p := page(t, d.URL+"index.html")
	if got := text(p.Find(".doc-head .kicker")); got != d.Kicker {
		t.Errorf("kicker = %q", got)
	}
	if got := text(p.Find(".doc-head .subtitle")); got != d.Subtitle {
		t.Errorf("subtitle = %q", got)
	}
	// The body starts with the dateline: the page prints it there only.
	if got, n := text(p.Find(".dateline")), strings.Count(text(p.Find("main")), "新华社北京2月12日电"); got != "" || n != 1 {
		t.Errorf("dateline in the meta line %q, printed %d times, want once, in the text", got, n)
	}
	if !p.Find(".text").HasClass("prose") || p.Find(".text p#b1").Length() != 1 {
		t.Errorf("news body is not prose with paragraph anchors")
	}
	rule := docByTitle(t, sitetest.RuleTitle)
	if href, _ := p.Find(".carries a").Attr("href"); href != "../"+strings.TrimPrefix(rule.URL, "d/") {
		t.Errorf("carries link = %q", href)
	}
	if href, _ := p.Find("#b1 a.ref").Attr("href"); href != "../"+strings.TrimPrefix(rule.URL, "d/") {
		t.Errorf("reference in the news links to %q", href)
	}
	if !strings.Contains(text(p.Find("dl.meta")), "第二版") {
		t.Errorf("continuation not shown: %q", text(p.Find("dl.meta")))
	}
	photo := page(t, docByTitle(t, "春日田野").URL+"index.html")
	if !strings.Contains(text(photo.Find("dl.meta")), "新华社发（李明 摄）") {
		t.Errorf("photo credit not shown")
	}
}

func TestEscaping(t *testing.T) {
	_, files := fixture()
	d := docByTitle(t, "遗失声明"+sitetest.ScriptText)
	raw := string(files[d.URL+"index.html"])
	if strings.Contains(raw, sitetest.ScriptText) {
		t.Fatalf("the source's <script> reached the page unescaped")
	}
	p := page(t, d.URL+"index.html")
	if n := p.Find("script").Length(); n != 1 {
		t.Errorf("%d script elements, want only the site's", n)
	}
	if !strings.Contains(text(p.Find("h1")), sitetest.ScriptText) || !strings.Contains(text(p.Find("#b1")), sitetest.ScriptText) {
		t.Errorf("the markup is not shown as text")
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte(sitetest.ScriptText)) {
			t.Errorf("%s holds the source's <script> unescaped", name)
		}
	}
}

func TestSectionPages(t *testing.T) {
	d := docByTitle(t, "关于做好春节期间值班工作的通知")
	p := page(t, d.URL+"index.html")
	if p.Find("nav.toc a[href='#s1']").Length() != 1 || p.Find("nav.toc a[href='#s1-1']").Length() != 1 {
		t.Errorf("section TOC missing entries")
	}
	s1 := page(t, d.Sections[0].URL+"index.html")
	if got := text(s1.Find("h1")); !strings.Contains(got, "一、加强值班") {
		t.Errorf("section h1 = %q", got)
	}
	if href, _ := s1.Find(".pager a.next").Attr("href"); href != "../s2/" {
		t.Errorf("section next = %q", href)
	}
	if !strings.Contains(text(s1.Find(".text")), "值班人员应当保持通讯畅通") {
		t.Errorf("subsection text missing")
	}
	// A reference to the section lands on its page at its anchor
	// (…/s1/#s1): the page holds that id once, around the section's text.
	for _, s := range d.Sections {
		sp := page(t, s.URL+"index.html")
		target := sp.Find("#" + s.Anchor)
		if target.Length() != 1 || target.Find("h1").Length() != 1 || target.Find(".text").Length() != 1 {
			t.Errorf("%s: %d elements #%s, want one holding the heading and the text", s.URL, target.Length(), s.Anchor)
		}
	}
}

func TestSourcePage(t *testing.T) {
	c, _ := fixture()
	s := c.Sources[0]
	p := page(t, s.URL+"index.html")
	var titles []string
	p.Find("ol.page-docs h2").Each(func(_ int, h *goquery.Selection) { titles = append(titles, text(h)) })
	want := []string{sitetest.NewsTitle, sitetest.RuleTitle, "春日田野"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("documents on the page: %q, want %q", titles, want)
	}
	if !strings.Contains(text(p.Find("dl.meta")), "第1版") {
		t.Errorf("page number missing")
	}
}

func TestReportPage(t *testing.T) {
	p := page(t, "report/index.html")
	want := map[string]string{
		"numbering":     "缺少第六条",
		"references":    "「第九条」",
		"abbreviations": "WTO",
		"lists":         "三必须",
		"variants":      "形成纪录",
		"errors":        "pages/broken.txt",
		"repairs":       "年度计⏎计划",
		"cited":         "机关工作条例",
	}
	for key, s := range want {
		if got := text(p.Find("#r-" + key)); !strings.Contains(got, s) {
			t.Errorf("report section %s lacks %q: %q", key, s, got)
		}
	}
	if !strings.Contains(text(p.Find("#r-numbering")), "第一条重复") {
		t.Errorf("duplicate article not reported")
	}
}

func TestHomeAndLists(t *testing.T) {
	p := page(t, "index.html")
	recent := p.Find("#recent").Parent()
	if got := recent.Find("li.docrow").Length(); got != 6 {
		t.Errorf("home lists %d recent documents, want 6", got)
	}
	if got := p.Find("#new-regs").Parent().Find("li.docrow").Length(); got != 2 {
		t.Errorf("home lists %d regulations, want 2", got)
	}
	if got := text(recent.Find("li.docrow a").First()); got != sitetest.NewsTitle && !strings.HasPrefix(got, "遗失声明") && got != "春日田野" {
		t.Errorf("newest first: got %q", got)
	}
	if href, _ := p.Find("#by-kind").Parent().Find("a").First().Attr("href"); href != "k/regulation/" {
		t.Errorf("first kind links to %q", href)
	}
	regs := page(t, "k/regulation/index.html")
	if got := regs.Find("li.docrow").Length(); got != 2 {
		t.Errorf("regulation list has %d documents", got)
	}
	if got := text(regs.Find("section h2").First()); !strings.HasPrefix(got, "2026年") {
		t.Errorf("newest year first: %q", got)
	}
	y := page(t, "y/2019/index.html")
	if !strings.Contains(text(y.Find("li.docrow")), sitetest.OldRuleTitle) {
		t.Errorf("2019 list lacks the old rule")
	}
}

func TestEveryPageFrame(t *testing.T) {
	_, files := fixture()
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		p, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if lang, _ := p.Find("html").Attr("lang"); lang != "zh-CN" {
			t.Errorf("%s: lang = %q", name, lang)
		}
		for _, sel := range []string{"header.site", "main#main", "footer.site", "nav", "form.searchbox input[name=q]"} {
			if p.Find(sel).Length() == 0 {
				t.Errorf("%s: no %s", name, sel)
			}
		}
		action, _ := p.Find("header form.searchbox").Attr("action")
		if !strings.HasSuffix(action, "search/") {
			t.Errorf("%s: search form goes to %q", name, action)
		}
		p.Find("link[href], script[src], img[src], iframe[src], source[src]").Each(func(_ int, s *goquery.Selection) {
			for _, a := range []string{"href", "src"} {
				if v, ok := s.Attr(a); ok && (strings.Contains(v, "://") || strings.HasPrefix(v, "//")) {
					t.Errorf("%s: loads %q from outside the site", name, v)
				}
			}
		})
		if name == "404.html" {
			continue
		}
		p.Find("[href], [src], [action]").Each(func(_ int, s *goquery.Selection) {
			for _, a := range []string{"href", "src", "action"} {
				if v, ok := s.Attr(a); ok && strings.HasPrefix(v, "/") {
					t.Errorf("%s: %s=%q is not relative", name, a, v)
				}
			}
		})
	}
	nf := page(t, "404.html")
	if href, _ := nf.Find("link[rel=stylesheet]").Attr("href"); !strings.HasPrefix(href, "/fagui/assets/site.css") {
		t.Errorf("404 stylesheet = %q; it must start from the base", href)
	}
	sp := page(t, "search/index.html")
	if action, _ := sp.Find("#search-form").Attr("action"); action != "./" {
		t.Errorf("search form submits to %q, want ./ (the results page of tiaoli serve)", action)
	}
	// The boxes' hint comes from the corpus: its most used term.
	hint, _ := sp.Find("#q-page").Attr("placeholder")
	home, _ := page(t, "index.html").Find("#q-home").Attr("placeholder")
	if !strings.HasPrefix(hint, "如：定期谈话") || home != hint || sp.Find(".search-help").Length() != 1 {
		t.Errorf("search box hint %q, home box hint %q, help %d", hint, home, sp.Find(".search-help").Length())
	}
}

func TestSitemapAndFeed(t *testing.T) {
	c, files := fixture()
	sm := string(files["sitemap.xml"])
	d := docByTitle(t, sitetest.RuleTitle)
	for _, u := range []string{"/fagui/" + d.URL, "/fagui/" + d.Articles[2].URL, "/fagui/" + c.Terms[0].URL, "<loc>/fagui/</loc>"} {
		if !strings.Contains(sm, u) {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	var feed struct {
		Updated string `xml:"updated"`
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if feed.Updated != "2026-02-12T00:00:00Z" || len(feed.Entries) != len(c.Documents) {
		t.Errorf("feed updated %s with %d entries", feed.Updated, len(feed.Entries))
	}
	if !strings.HasPrefix(feed.Entries[0].Link.Href, "/fagui/d/") {
		t.Errorf("feed link = %q", feed.Entries[0].Link.Href)
	}
}

func TestDeterministic(t *testing.T) {
	a := render(t, sitetest.Corpus(), site.Options{Base: "/", Workers: 4})
	b := render(t, sitetest.Corpus(), site.Options{Base: "/", Workers: 1})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// checkLinks runs the link checker over a rendered site.
func checkLinks(t *testing.T, files map[string][]byte, base string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	problems, stats, err := linkcheck.Check(fsys, linkcheck.Options{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if stats.Links == 0 {
		t.Error("the checker saw no links")
	}
}

func TestFixtureSiteLinks(t *testing.T) {
	_, files := fixture()
	checkLinks(t, files, "/fagui/")
}

func TestTemplateOverride(t *testing.T) {
	over := fstest.MapFS{"home.html": {Data: []byte(`{{define "content"}}<p id="mine">自定义首页 {{.Documents}}</p>{{end}}`)}}
	files := render(t, sitetest.Corpus(), site.Options{Templates: overlay{over, templates.FS("")}})
	if !bytes.Contains(files["index.html"], []byte(`<p id="mine">自定义首页 6</p>`)) {
		t.Errorf("the override did not take: %s", files["index.html"])
	}
	broken := fstest.MapFS{"home.html": {Data: []byte(`{{define "content"}}{{.Nope}`)}}
	var w sitefiles.Writer
	if err := site.Render(sitetest.Corpus(), site.Options{Templates: overlay{broken, templates.FS("")}}, &w); err == nil || !strings.Contains(err.Error(), "home.html") {
		t.Errorf("a broken template gives %v, want an error naming it", err)
	}
}

// overlay serves files from top, then from bottom.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return o.bottom.Open(name)
}

func TestRobustModel(t *testing.T) {
	c := sitetest.Corpus()
	c.Documents = append(c.Documents, &model.Document{ID: "odd", URL: "d/odd/", Kind: "mystery", Title: "",
		Body: []model.Paragraph{
			{Text: "短", Links: []model.Link{{Start: 0, End: 99, Kind: "term"}, {Start: 1, End: 2, Kind: "term", Term: 999}}},
			{Text: "中文字", Links: []model.Link{{Start: 1, End: 4, Kind: "term"}, {Start: 3, End: 6, Kind: "reference", Reference: -1}}},
		},
		Regulation: model.Regulation{Parent: "missing", Carries: []string{"missing"}}},
		&model.Document{ID: "odd2", URL: "d/odd2/", Kind: model.KindRegulation, Regulation: model.Regulation{
			Headings: []model.Heading{{Level: "章", Depth: 3, Article: 7}, {Level: "节", Depth: -1, Article: -2}},
			Articles: []*model.Article{{Label: "第一条", URL: "d/odd/a1/", Clauses: []*model.Clause{nil}[:0]}},
			Variants: []model.Variant{{Where: "第九条", Article: "第九条"}}}})
	c.References = append(c.References, &model.Reference{From: model.Location{Document: "nowhere"}, To: &model.Location{Document: "odd", Article: "第五十条", Paragraph: 3}})
	c.Terms = append(c.Terms, &model.Term{Term: "孤", URL: "t/gu/", DefinedIn: &model.Location{Document: "gone"},
		Occurrences: []model.Location{{Document: "odd", Paragraph: 9}, {Document: "odd", Paragraph: 1, Start: 5, End: 1}}})
	files := render(t, c, site.Options{})
	if _, ok := files["d/odd/index.html"]; !ok {
		t.Fatal("the odd document has no page")
	}
	if !bytes.Contains(files["d/odd/index.html"], []byte("中文字")) {
		t.Errorf("text lost around bad links")
	}
}

func TestProgress(t *testing.T) {
	var last, total int
	calls := 0
	render(t, sitetest.Corpus(), site.Options{Progress: func(d, n int) { last, total = d, n; calls++ }})
	if calls == 0 || last != total || total < 30 {
		t.Errorf("progress: %d calls, last %d/%d", calls, last, total)
	}
}
