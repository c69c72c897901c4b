package site_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
)

// pipelineRule is a small regulation in Markdown: chapters, 款, 项, a
// definition with its abbreviation, 前款 and a 第X条第X款第X项 reference.
const pipelineRule = `# 机关单位谈心谈话工作规定

（2026年1月5日省委批准 2026年1月8日省委办公厅发布）

## 第一章 总则

第一条 为了规范谈心谈话工作，根据《机关工作条例》，制定本规定。

第二条 本规定所称定期谈话，是指党组织负责人按照年度计划同下级单位负责人开展的谈话（以下简称年度谈话）。

## 第二章 谈话的开展

第三条 开展定期谈话，应当遵循年度计划。

定期谈话包括下列内容：

（一）履行职责情况；

（二）遵守纪律情况；

（三）落实整改情况。

有关单位负责人的谈话，参照前款执行。

第四条 违反本规定第三条第二款第（三）项的，依照有关规定处理。

第五条 年度谈话结束后，应当形成记录。

## 第三章 附则

第六条 本规定自发布之日起施行。
`

// pipelineSite parses a small content folder held in memory and renders
// it: the same regulation from two sources that differ in one word, and a
// news item whose text holds markup.
func pipelineSite(t *testing.T) (*model.Corpus, map[string][]byte) {
	t.Helper()
	content := fstest.MapFS{
		"regs/rule.md":   {Data: []byte(pipelineRule)},
		"pages/copy.md":  {Data: []byte(strings.Replace(pipelineRule, "形成记录", "形成纪录", 1))},
		"pages/news.txt": {Data: []byte("省委办公厅印发《机关单位谈心谈话工作规定》\n\n新华社杭州1月8日电 近日，省委办公厅印发了《机关单位谈心谈话工作规定》<script>alert(1)</script>，要求认真执行。\n")},
	}
	c := generator.Parse(content)
	return c, render(t, c, site.Options{Base: "/"})
}

func parsePage(t *testing.T, files map[string][]byte, name string) *goquery.Document {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no page %s", name)
	}
	p, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPipelineSite builds a site from content through every stage and
// checks its pages.
func TestPipelineSite(t *testing.T) {
	c, files := pipelineSite(t)
	var rule, news *model.Document
	for _, d := range c.Documents {
		switch d.Kind {
		case model.KindRegulation:
			rule = d
		case model.KindNews:
			news = d
		}
	}
	if rule == nil || news == nil || len(rule.Articles) != 6 {
		t.Fatalf("the content did not parse into a regulation of 6 articles and a news item: %+v", c.Documents)
	}
	doc := parsePage(t, files, rule.URL+"index.html")
	if got := text(doc.Find("h1")); got != "机关单位谈心谈话工作规定" {
		t.Errorf("h1 = %q", got)
	}
	if toc := text(doc.Find("nav.toc")); !strings.Contains(toc, "第二章 谈话的开展") || !strings.Contains(toc, "第六条") {
		t.Errorf("table of contents = %q", toc)
	}
	if v := doc.Find("#variants tbody tr"); v.Length() != 1 || !strings.Contains(text(v), "第五条") || v.Find(".readings li").Length() != 2 {
		t.Errorf("variants apparatus = %q", text(doc.Find("#variants")))
	}

	a3 := parsePage(t, files, rule.Articles[2].URL+"index.html")
	if cite, _ := a3.Find("#p2-i3").Attr("data-cite"); cite != "第三条第二款第（三）项" {
		t.Errorf("#p2-i3 cites %q", cite)
	}
	if href, _ := a3.Find(".pager a.prev").Attr("href"); href != "../a2/" {
		t.Errorf("prev = %q", href)
	}
	if href, _ := a3.Find(".pager a.next").Attr("href"); href != "../a4/" {
		t.Errorf("next = %q", href)
	}
	term := a3.Find("#p1 a.term")
	if def, _ := term.Attr("data-def"); text(term) != "定期谈话" || !strings.Contains(def, "年度计划") {
		t.Errorf("term link %q with definition %q", text(term), def)
	}
	if href, _ := a3.Find("#p3 a.ref").Attr("href"); href != "#p2" {
		t.Errorf("前款 links to %q", href)
	}
	if !strings.Contains(text(a3.Find("#citedby-title").Parent()), "第四条") {
		t.Errorf("第三条 does not list 第四条 among what cites it")
	}
	a4 := parsePage(t, files, rule.Articles[3].URL+"index.html")
	found := false
	a4.Find("a.ref").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		found = found || href == "../a3/#p2-i3"
	})
	if !found {
		t.Errorf("第四条 does not link to ../a3/#p2-i3: %s", a4.Find(".text").Text())
	}

	page := parsePage(t, files, news.URL+"index.html")
	if raw := string(files[news.URL+"index.html"]); strings.Contains(raw, "<script>alert") {
		t.Errorf("the source's <script> reached the page")
	}
	if !strings.Contains(text(page.Find(".text")), "<script>alert(1)</script>") {
		t.Errorf("the source's markup is not shown as text: %q", text(page.Find(".text")))
	}

	rep := parsePage(t, files, "report/index.html")
	if got := text(rep.Find("#r-variants")); !strings.Contains(got, "第五条") {
		t.Errorf("report lacks the undecided variant: %q", got)
	}
	if got := text(rep.Find("#r-cited")); !strings.Contains(got, "机关工作条例") {
		t.Errorf("report lacks the cited document: %q", got)
	}
	checkLinks(t, files, "/")
}
