package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator"
	"tiaoli/generator/site"
	"tiaoli/generator/site/lookup"
)

// TestHistoryUnderOneLabel: the lines of a document's history stand under
// one 沿革, each a value of its own, not under a 沿革 each.
func TestHistoryUnderOneLabel(t *testing.T) {
	rule := "# 某某市绿化条例\n\n1991年10月26日 某某市人民代表大会常务委员会第二十六次会议通过\n\n" +
		"2003年9月26日 某某市人民代表大会常务委员会第五次会议修正\n\n2017年12月18日 某某市人民代表大会常务委员会第五次会议修订\n\n" +
		"<!-- INFO END -->\n\n第一条 为了促进绿化，制定本条例。\n\n第二条 本条例自2018年3月1日起施行。\n"
	files, url := ruleSite(t, rule, 2)
	p := parsePage(t, files, strings.TrimSuffix(url, "a2/")+"index.html")
	var labels []string
	p.Find("dl.meta dt").Each(func(_ int, s *goquery.Selection) { labels = append(labels, s.Text()) })
	if n := strings.Count(strings.Join(labels, " "), "沿革"); n != 1 {
		t.Errorf("labels %q: 沿革 %d times, want once", labels, n)
	}
	dd := p.Find("dl.meta dt:contains('沿革')").NextUntil("dt")
	if dd.Length() != 3 || !strings.HasPrefix(text(dd.First()), "1991年10月26日") {
		t.Errorf("%d values under 沿革 (%q), want the 3 history lines", dd.Length(), text(dd))
	}
}

// TestAmendedTextPrintsNoValidFrom: an amended text whose article still
// gives its first version's day (本条例自X起施行, X before the last
// amendment) says plainly that it prints no day of its own since the
// amendment and that the printed day is an earlier text's (the first
// version's or another amended one's: it cannot tell which), in Chinese
// date form, instead of showing no 施行日期 beside that article.
func TestAmendedTextPrintsNoValidFrom(t *testing.T) {
	rule := "# 某某市绿化条例\n\n1991年10月26日 某某市人民代表大会常务委员会第二十六次会议通过\n\n" +
		"2003年9月26日 某某市人民代表大会常务委员会第五次会议修正\n\n" +
		"<!-- INFO END -->\n\n第一条 为了促进绿化，制定本条例。\n\n第二条 本条例自1992年1月1日起施行。\n"
	files, url := ruleSite(t, rule, 2)
	p := parsePage(t, files, strings.TrimSuffix(url, "a2/")+"index.html")
	got := text(p.Find("dl.meta dt:contains('施行日期')").Next())
	if want := "本文本未载明本次修改后的施行日期（文中所载1992年1月1日为此前文本的施行日期）"; got != want {
		t.Errorf("施行日期 = %q, want %q", got, want)
	}
}

// TestReporterInDateline: a news item whose reporter is named only in its
// dateline (本报北京2月11日电 （记者某某）) gives that reporter as 作者.
func TestReporterInDateline(t *testing.T) {
	c := generator.Parse(fstest.MapFS{"2025/page.md": {Data: []byte("---\npublication: 人民日报\ndate: 2025-02-12\n---\n\n# 某项新标准发布\n\n本报北京2月11日电 （记者王某某）近日，某部印发新修订的某项标准。\n")}})
	var url string
	for _, d := range c.Documents {
		url = d.URL
	}
	p := parsePage(t, render(t, c, site.Options{Base: "/"}), url+"index.html")
	if got := text(p.Find("dl.meta dt:contains('作者')").Next()); got != "王某某" {
		t.Errorf("作者 = %q, want 王某某", got)
	}
}

// TestAuthorsAndUnit: a write-up closed by its author line (（作者：张三 李四
// 单位：某市纪委监委）) lists both authors under 作者 and their unit under
// 作者单位, and prints the line no more in its text.
func TestAuthorsAndUnit(t *testing.T) {
	long := strings.Repeat("笔者认为，审批机关工作人员利用职务之便谋取利益，应当依纪依法处理，不能以行业惯例为由从轻。", 5)
	src := "# 某某行为辨析\n\n" + strings.Repeat(long+"\n\n", 4) + "（作者：张三 李四 单位：某市纪委监委）\n"
	c := generator.Parse(fstest.MapFS{"a.md": {Data: []byte(src)}})
	d := c.Documents[0]
	p := parsePage(t, render(t, c, site.Options{Base: "/"}), d.URL+"index.html")
	if got := text(p.Find("dl.meta dt:contains('作者')").First().NextUntil("dt")); got != "张三李四" {
		t.Errorf("作者 = %q, want 张三 and 李四", got)
	}
	if got := text(p.Find("dl.meta dt:contains('作者单位')").Next()); got != "某市纪委监委" {
		t.Errorf("作者单位 = %q, want 某市纪委监委", got)
	}
	if strings.Contains(text(p.Find("main")), "单位：") {
		t.Error("the author line is still printed in the text")
	}
}

// TestOwnTitleShown: a 批复 whose collector's heading adds a year to its
// title (某某批复（2000）) is headed by its own title; the year shows as its
// 版本, and a citation of it names the year after the 《》.
func TestOwnTitleShown(t *testing.T) {
	src := "# 某某院关于某某问题的批复（2000）\n\n某某院关于某某问题的批复\n\n（2000年6月1日某某院某某委员会第一次会议通过）\n\n" +
		"某省某某院：\n\n你院《关于某某问题的请示》收悉。经研究，批复如下：\n\n某某行为以受贿论。\n\n此复\n"
	c := generator.Parse(fstest.MapFS{"a.md": {Data: []byte(src)}})
	d := c.Documents[0]
	p := parsePage(t, render(t, c, site.Options{Base: "/"}), d.URL+"index.html")
	if got := text(p.Find("main h1")); got != "某某院关于某某问题的批复" {
		t.Errorf("heading %q, want the 批复's own title without the year", got)
	}
	if got := text(p.Find("dl.meta dt:contains('版本')").Next()); got != "2000" {
		t.Errorf("版本 = %q, want 2000", got)
	}
	if got := lookup.Cite(d); got != "《某某院关于某某问题的批复》（2000）" {
		t.Errorf("cited as %q", got)
	}
}

// TestHeaderShownOnce: a regulation without articles or sections (a 批复,
// a short 解释) shows its body; the title, particulars and history lines it
// starts with are shown once, above it, not again as text.
func TestHeaderShownOnce(t *testing.T) {
	for first, src := range map[string]string{
		"b3": "# 某某院关于某某行为法律适用问题的解释\n\n2000年9月29日 某某院某某委员会第七十次会议通过\n\n<!-- INFO END -->\n\n为依法办理某某案件，对某某行为法律适用问题解释如下：\n\n某某行为，依照刑法的规定追究刑事责任。\n",
		"b4": "## 某某院研究室关于某某问题的答复 （2006）\n\n（2006年9月12日　（2006）某研发8号）\n\n某某院研究室关于某某问题的答复\n\n某省某某院研究室：\n\n你室《关于某某问题的请示》收悉。经研究，答复如下：\n\n某某行为以受贿论。\n\n此复\n",
	} {
		t.Run(first, func(t *testing.T) {
			c := generator.Parse(fstest.MapFS{"a.md": {Data: []byte(src)}})
			d := c.Documents[0]
			p := parsePage(t, render(t, c, site.Options{Base: "/"}), d.URL+"index.html")
			body := p.Find("main .text")
			if body.Length() != 1 || p.Find("main h1").Length() != 1 {
				t.Fatalf("no text or no heading")
			}
			if strings.Contains(body.Text(), strings.Fields(d.Title)[0]) {
				t.Errorf("the title is shown again in the text: %q", body.Text())
			}
			if strings.Contains(body.Text(), d.History[0][:12]) {
				t.Errorf("the history line is shown again in the text: %q", body.Text())
			}
			if id := body.Find("p").First().AttrOr("id", ""); id != first {
				t.Errorf("the text does not keep its ids: first paragraph %q, want %q", id, first)
			}
			if body.Find("#b1").Length() != 1 || body.Find("#b2").Length() != 1 {
				t.Errorf("the paragraphs left out lost their anchors: a link to #b1 would not land")
			}
		})
	}
}
