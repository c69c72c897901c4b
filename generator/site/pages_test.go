package site_test

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator/address"
	"tiaoli/generator/site/sitetest"
)

func TestDocumentPage(t *testing.T) {
	d := docByTitle(t, sitetest.RuleTitle)
	p := page(t, d.URL+"index.html")
	if got := text(p.Find("h1")); got != sitetest.RuleTitle {
		t.Errorf("h1 = %q", got)
	}
	if got := p.Find("title").Text(); !strings.HasPrefix(got, sitetest.RuleTitle) {
		t.Errorf("title = %q", got)
	}
	if got := text(p.Find(".doc-head .status")); got != "有效" {
		t.Errorf("status = %q", got)
	}
	if got := text(p.Find("dl.meta")); !strings.Contains(got, "发布机关") || !strings.Contains(got, "省委办公厅") {
		t.Errorf("meta = %q", got)
	}
	if href, _ := p.Find(".carrier a").Attr("href"); !strings.HasPrefix(href, "../") || !strings.Contains(text(p.Find(".carrier")), sitetest.NewsTitle) {
		t.Errorf("carrier link %q, text %q", href, text(p.Find(".carrier")))
	}
	// The table of contents nests 节 under 章, with the articles under each.
	toc := p.Find("nav.toc")
	if got := text(toc.Find("a.toc-h").First()); got != "第一章 总则" {
		t.Errorf("first TOC heading = %q", got)
	}
	sec := toc.Find("li li a.toc-h").First()
	if got := text(sec); got != "第一节 定期谈话" {
		t.Errorf("nested TOC heading = %q", got)
	}
	if got := text(sec.Parent().Find(".toc-arts")); got != "第三条" {
		t.Errorf("articles under 第一节 = %q", got)
	}
	if n := toc.Find(".toc-arts a").Length(); n != len(d.Articles) {
		t.Errorf("TOC links %d articles, want %d", n, len(d.Articles))
	}
	toc.Find("a").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if p.Find(href).Length() != 1 {
			t.Errorf("TOC link %s has no target on the page", href)
		}
	})
	// Full text: every article, 款 and 项 has an anchor; labels link to the article pages.
	for _, id := range []string{"#a1", "#a3-p2", "#a3-p2-i3", "#a5-1", "#zhang2-jie1"} {
		if p.Find(id).Length() != 1 {
			t.Errorf("no %s on the document page", id)
		}
	}
	if href, _ := p.Find("#a3 a.label").Attr("href"); href != "a3/" {
		t.Errorf("label of 第三条 links to %q", href)
	}
	// Variants apparatus: where, each reading, chosen, why.
	rows := p.Find("#variants table.variants tbody tr")
	if rows.Length() != 2 {
		t.Fatalf("%d variant rows, want 2", rows.Length())
	}
	first := rows.First()
	if got := text(first.Find("th")); got != "第三条第一款" {
		t.Errorf("variant where = %q", got)
	}
	if got := first.Find(".readings li").Length(); got != 2 {
		t.Errorf("%d readings", got)
	}
	if got := text(first.Find(".readings li.chosen q")); got != "开展定期谈话" {
		t.Errorf("chosen reading = %q", got)
	}
	if got := text(first.Find("td").Last()); got != "所取读法在语料中复现" {
		t.Errorf("rule = %q", got)
	}
	if !rows.Last().HasClass("undecided") || !strings.Contains(text(rows.Last()), "未决") {
		t.Errorf("undecided variant not flagged: %q", text(rows.Last()))
	}
	if list, _ := p.Find("form.goto").Attr("data-list"); list != "articles.json" {
		t.Errorf("go-to list = %q", list)
	}
}

func TestArticleListJSON(t *testing.T) {
	_, files := fixture()
	d := docByTitle(t, sitetest.RuleTitle)
	got := string(files[d.URL+"articles.json"])
	if got != `["a1","a2","a3","a4","a5","a5-1","a7"]` {
		t.Errorf("articles.json = %s", got)
	}
}

func TestArticlePage(t *testing.T) {
	d := docByTitle(t, sitetest.RuleTitle)
	p := page(t, d.Articles[2].URL+"index.html") // 第三条
	if got := text(p.Find("h1")); got != sitetest.RuleTitle+" 第三条" {
		t.Errorf("h1 = %q", got)
	}
	var crumbs []string
	p.Find("nav.crumbs li").Each(func(_ int, s *goquery.Selection) { crumbs = append(crumbs, text(s)) })
	if want := []string{sitetest.RuleTitle, "第二章 谈话的开展", "第一节 定期谈话", "第三条"}; strings.Join(crumbs, "›") != strings.Join(want, "›") {
		t.Errorf("breadcrumb = %q, want %q", crumbs, want)
	}
	if href, _ := p.Find("nav.crumbs li a").Eq(2).Attr("href"); href != "../#zhang2-jie1" {
		t.Errorf("breadcrumb 节 links to %q", href)
	}
	for _, id := range []string{"#p1", "#p2", "#p3", "#p2-i1", "#p2-i3"} {
		if p.Find(id).Length() != 1 {
			t.Errorf("no anchor %s", id)
		}
	}
	if got, _ := p.Find("#p2-i3").Attr("data-cite"); got != "第三条第二款第（三）项" {
		t.Errorf("data-cite of #p2-i3 = %q", got)
	}
	if got := text(p.Find("#p2-i3 .item-label")); got != "（三）" {
		t.Errorf("item label = %q", got)
	}
	if got := text(p.Find(".status")); got != "有效" {
		t.Errorf("status on the article page = %q", got)
	}
	// Prev/next.
	if href, _ := p.Find(".pager a.prev").Attr("href"); href != "../a2/" {
		t.Errorf("prev = %q", href)
	}
	if href, _ := p.Find(".pager a.next").Attr("href"); href != "../a4/" {
		t.Errorf("next = %q", href)
	}
	// Term links carry their definition and lead to the term page.
	term := p.Find("#p1 a.term")
	if def, _ := term.Attr("data-def"); !strings.Contains(def, "按照年度计划") {
		t.Errorf("term tooltip = %q", def)
	}
	if href, _ := term.Attr("href"); !strings.HasPrefix(href, "../../../t/") {
		t.Errorf("term link = %q", href)
	}
	// 前款 points at 第二款 on the same page.
	if href, _ := p.Find("#p3 a.ref").Attr("href"); href != "#p2" {
		t.Errorf("前款 links to %q", href)
	}
	// What cites it: 第四条.
	citedBy := text(p.Find("#citedby-title").Parent())
	if !strings.Contains(citedBy, "第四条") || !strings.Contains(citedBy, "第三条第二款第（三）项") {
		t.Errorf("cited-by = %q", citedBy)
	}
	// Terms it uses.
	if got := p.Find("#terms-title").Parent().Find("a.term").Length(); got != 3 {
		t.Errorf("%d terms listed, want 3", got)
	}
	// The citation is visible without JavaScript.
	if got := text(p.Find(".cite .cite-text")); got != "《"+sitetest.RuleTitle+"》第三条" {
		t.Errorf("citation = %q", got)
	}
	if got := text(p.Find(".cite .cite-url")); got != "/fagui/"+d.Articles[2].URL {
		t.Errorf("citation URL = %q", got)
	}
	if p.Find(".apparatus tbody tr").Length() != 1 {
		t.Errorf("the article's variant is not shown")
	}
}

func TestArticleReferencesOut(t *testing.T) {
	d := docByTitle(t, sitetest.RuleTitle)
	p := page(t, d.Articles[3].URL+"index.html") // 第四条
	ref := p.Find("#p1 a.ref").FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == "第三条第二款第（三）项" })
	if href, _ := ref.Attr("href"); href != "../a3/#p2-i3" {
		t.Errorf("第三条第二款第（三）项 links to %q", href)
	}
	if tip, _ := ref.Attr("data-def"); !strings.Contains(tip, "第三条第二款第（三）项") {
		t.Errorf("reference tooltip = %q", tip)
	}
	if href, _ := p.Find("#p1 a.ref").First().Attr("href"); href != "../" {
		t.Errorf("本规定 links to %q", href)
	}
	cites := text(p.Find("#cites-title").Parent())
	if !strings.Contains(cites, "《"+sitetest.RuleTitle+"》第三条第二款第（三）项") {
		t.Errorf("cites = %q", cites)
	}
	// 第五条 → 第五条之一 → 第七条, across the gap.
	p5 := page(t, d.Articles[4].URL+"index.html")
	if href, _ := p5.Find(".pager a.next").Attr("href"); href != "../a5-1/" {
		t.Errorf("next of 第五条 = %q", href)
	}
	p51 := page(t, d.Articles[5].URL+"index.html")
	if href, _ := p51.Find(".pager a.next").Attr("href"); href != "../a7/" {
		t.Errorf("next of 第五条之一 = %q", href)
	}
	last := page(t, d.Articles[6].URL+"index.html")
	if last.Find(".pager a.next").Length() != 0 {
		t.Errorf("the last article has a next link")
	}
	// A reference from another document shows on the cited article.
	p2 := page(t, d.Articles[1].URL+"index.html")
	if !strings.Contains(text(p2.Find("#citedby-title").Parent()), sitetest.OldRuleTitle) {
		t.Errorf("第二条 does not show that %s cites it", sitetest.OldRuleTitle)
	}
	// A definition is marked as such.
	if p2.Find("dfn a.term").Length() != 2 {
		t.Errorf("第二条 should mark its two definitions")
	}
}

func TestExternalAndUnresolvedReferences(t *testing.T) {
	d := docByTitle(t, sitetest.RuleTitle)
	p := page(t, d.Articles[0].URL+"index.html")
	ext := p.Find("a.ref.ext")
	want := "../../../cited/#" + address.CitedAnchor("机关工作条例")
	if href, _ := ext.Attr("href"); href != want {
		t.Errorf("external reference links to %q, want %q", href, want)
	}
	old := docByTitle(t, sitetest.OldRuleTitle)
	po := page(t, old.URL+"index.html")
	if got := text(po.Find(".ref.unresolved")); got != "第九条" {
		t.Errorf("unresolved reference = %q", got)
	}
	cited := page(t, "cited/index.html")
	sec := cited.Find("#" + address.CitedAnchor("机关工作条例"))
	if !strings.Contains(text(sec), "《机关工作条例》") || sec.Find("li a").Length() != 1 {
		t.Errorf("cited page entry = %q", text(sec))
	}
}
