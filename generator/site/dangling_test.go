package site_test

import (
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator"
	"tiaoli/generator/site"
)

// ruleSite parses one regulation of n articles, renders the site and
// returns its files and the URL of the last article.
func ruleSite(t *testing.T, text string, n int) (map[string][]byte, string) {
	t.Helper()
	c := generator.Parse(fstest.MapFS{"regs/rule.md": {Data: []byte(text)}})
	for _, d := range c.Documents {
		if len(d.Articles) == n {
			return render(t, c, site.Options{Base: "/"}), d.Articles[n-1].URL
		}
	}
	t.Fatalf("no regulation of %d articles parsed", n)
	return nil, ""
}

// danglingRule cites a 款 and a 项 that its existing articles do not have.
const danglingRule = `# 某某事项办理规定

第一条 为了规范办理工作，制定本规定。

第二条 有下列情形之一的，不予办理：
（一）材料不齐全的；
（二）超过期限的。

第三条 有本规定第二条第（五）项情形的，依照第一条第三款退回申请；有第二条第（二）项情形的，告知申请人。
`

// TestDanglingPartIsNoLink: a reference to a 款 or 项 its article does not
// have is shown unresolved, not linked to the article (a false precise
// link), and is not listed as citing that article; a reference beside it
// to an item that exists still links.
func TestDanglingPartIsNoLink(t *testing.T) {
	files, url := ruleSite(t, danglingRule, 3)
	p := parsePage(t, files, url+"index.html")
	var unresolved []string
	p.Find(".ref.unresolved").Each(func(_ int, s *goquery.Selection) { unresolved = append(unresolved, text(s)) })
	if len(unresolved) != 2 || unresolved[0] != "本规定第二条第（五）项" || unresolved[1] != "第一条第三款" {
		t.Errorf("unresolved references = %q, want 本规定第二条第（五）项 and 第一条第三款", unresolved)
	}
	links := p.Find("#article a.ref, article a.ref")
	if links.Length() != 1 || text(links) != "第二条第（二）项" {
		t.Errorf("linked references = %q, want only 第二条第（二）项", text(links))
	}
	a1 := parsePage(t, files, url[:len(url)-3]+"a1/index.html")
	if n := a1.Find("#citedby-title").Length(); n != 0 {
		t.Errorf("第一条 lists a reference to its missing 第三款 as citing it")
	}
}

// aboveRule refers back with 上述法规 to two titles, neither in the corpus.
const aboveRule = `# 某某工作规定

第一条 对照《某某监督条例》、《某某问责条例》等法规文件，上述法规文件均应遵守。
`

// TestAboveSeveralIsNoLink: 上述… after several citations is no link (no
// one place is what it means, and a joined title is no page); its title
// names what it points back to.
func TestAboveSeveralIsNoLink(t *testing.T) {
	files, url := ruleSite(t, aboveRule, 1)
	p := parsePage(t, files, url+"index.html")
	above := p.Find("span.ref.above")
	if text(above) != "上述法规文件" {
		t.Fatalf("上述法规文件 is not marked as pointing back: %q", text(above))
	}
	if title, _ := above.Attr("title"); title != "指前文所引：《某某监督条例》（未收录）、《某某问责条例》（未收录）" {
		t.Errorf("its title = %q", title)
	}
	p.Find("a").Each(func(_ int, a *goquery.Selection) {
		if text(a) == "上述法规文件" {
			t.Errorf("上述法规文件 links to %s", a.AttrOr("href", ""))
		}
	})
}
