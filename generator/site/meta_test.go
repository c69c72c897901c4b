package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator"
	"tiaoli/generator/site"
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
