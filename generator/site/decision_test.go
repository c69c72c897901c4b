package site_test

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator/site"
)

// decisionRule is a decision that amends a text and prints it whole after
// 附：, as a court republishes an interpretation it amended.
const decisionRule = `# 关于审理某某案件适用法律若干问题的解释

2016年12月16日某某审判委员会第1次会议通过

<!-- INFO END -->

为了依法惩处某某犯罪，现决定对《关于审理某某案件适用法律若干问题的解释》（以下简称《解释》）作如下修改：

一、删除《解释》第一条第二项。

二、在《解释》第一条后增加一条。

根据本决定，对《解释》作相应修改后，重新公布。

附：

关于审理某某案件适用法律

若干问题的解释

为依法惩处某某犯罪，现解释如下：

第一条 某某行为，以某某论。

第二条 本解释自公布之日起施行。
`

// TestDecision: the decision's text is a part of its own on the document
// page, apart from the preamble; 附： and the attached text's title head
// that text's preamble; every paragraph keeps its id, once.
func TestDecision(t *testing.T) {
	c, d := parseRegulation(decisionRule)
	if d == nil || len(d.Articles) != 2 || d.Decision != 4 {
		t.Fatalf("want a regulation of 2 articles after a decision of 4 paragraphs, got %+v", c.Documents)
	}
	files := render(t, c, site.Options{Base: "/"})
	page := parsePage(t, files, d.URL+"index.html")
	dec := page.Find("section.decision p")
	if dec.Length() != 4 || text(dec.Eq(1)) != "一、删除《解释》第一条第二项。" {
		t.Errorf("decision paragraphs = %q", text(dec))
	}
	pre := page.Find("section.preamble")
	if got := text(pre.Find("p.attached")); got != "附：" {
		t.Errorf("attachment mark = %q", got)
	}
	if got := text(pre.Find(".subhead")); got != "关于审理某某案件适用法律若干问题的解释" {
		t.Errorf("attached title = %q", got)
	}
	for i := 1; i <= len(d.Preamble); i++ {
		id := "#pre" + string(rune('0'+i))
		if n := page.Find(id).Length(); n != 1 {
			t.Errorf("%s found %d times", id, n)
		}
	}
}

// TestDecisionReferences: the decision's 第一条 names the text before the
// amendment, which the corpus does not hold: it is shown unresolved, not
// linked to the attached 第一条; 本决定 links the decision, named as such.
func TestDecisionReferences(t *testing.T) {
	c, d := parseRegulation(decisionRule)
	if d == nil || d.Decision != 4 {
		t.Fatalf("no decision parsed: %+v", c.Documents)
	}
	files := render(t, c, site.Options{Base: "/"})
	dec := parsePage(t, files, d.URL+"index.html").Find("section.decision")
	dec.Find("a.ref").Each(func(_ int, a *goquery.Selection) {
		if strings.HasPrefix(text(a), "第一条") {
			t.Errorf("the decision's %s links to the amended text: %s", text(a), a.AttrOr("href", ""))
		}
	})
	if n := dec.Find(".ref.unresolved").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return strings.HasPrefix(text(s), "第一条")
	}).Length(); n != 2 {
		t.Errorf("%d of the decision's two 第一条 are shown unresolved", n)
	}
	const note = "引用的是2016年12月16日以前的文本（未收录）"
	if tip := dec.Find(".ref.unresolved").First().AttrOr("title", ""); tip != note {
		t.Errorf("the unresolved reference's title = %q, want %q", tip, note)
	}
	self := dec.Find("a.ref").FilterFunction(func(_ int, s *goquery.Selection) bool { return text(s) == "本决定" })
	if tip := self.AttrOr("data-def", ""); self.Length() != 1 || !strings.Contains(tip, "修改决定第1段") ||
		!strings.HasSuffix(self.AttrOr("href", ""), "#pre1") {
		t.Errorf("本决定 links %q with tip %q, want the decision", self.AttrOr("href", ""), tip)
	}
}
