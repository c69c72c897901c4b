package site_test

import (
	"strings"
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

// TestLaterVersionIsNoted: a rule of 1991 citing 第二条 of a law the corpus
// holds only in its text of 2018 links to that article with a note that
// the text it cites (of 1991) is not collected, on the citing article (its
// tooltip, class and list) and on the article cited; a citation made after
// the version has no note.
func TestLaterVersionIsNoted(t *testing.T) {
	c := generator.Parse(fstest.MapFS{
		"law/某某事项法(2018-10-26).md":    {Data: []byte("# 某某事项法\n\n第一条 为了规范某某事项，制定本法。\n\n第二条 某某事项由县级以上人民政府管理。\n")},
		"old/某某事项办理规定(1991-12-26).md": {Data: []byte("# 某某事项办理规定\n\n第一条 依照《某某事项法》第二条的规定，某某事项由县级以上人民政府管理。\n")},
		"new/某某事项实施细则(2020-05-01).md": {Data: []byte("# 某某事项实施细则\n\n第一条 依照《某某事项法》第二条的规定，制定本细则。\n")},
	})
	files := render(t, c, site.Options{Base: "/"})
	const note = "引用的是1991年时的文本（未收录），此为2018年文本，条文可能不同"
	var oldURL, newURL, lawURL string
	for _, d := range c.Documents {
		switch d.Title {
		case "某某事项办理规定":
			oldURL = d.Articles[0].URL
		case "某某事项实施细则":
			newURL = d.Articles[0].URL
		case "某某事项法":
			lawURL = d.Articles[1].URL
		}
	}
	old := parsePage(t, files, oldURL+"index.html")
	link := old.Find("a.ref.later")
	if text(link) != "第二条" {
		t.Fatalf("the 1991 citation of 第二条 is not marked as leading to a later version: %q", text(link))
	}
	if tip, _ := link.Attr("data-def"); !strings.HasSuffix(tip, "\n"+note) {
		t.Errorf("its tooltip = %q, want it to end in %q", tip, note)
	}
	if got := text(old.Find(".refs .note.later")); got != note {
		t.Errorf("the references list says %q, want %q", got, note)
	}
	if n := parsePage(t, files, newURL+"index.html").Find(".later").Length(); n != 0 {
		t.Errorf("a citation made after the version is noted %d times", n)
	}
	cited := parsePage(t, files, lawURL+"index.html").Find(".refs .note.later")
	if cited.Length() != 1 || text(cited) != note {
		t.Errorf("the article cited notes %q, want one %q", text(cited), note)
	}
}

// TestEarlierTextUnsaidIsNoLink: a rule of 1991 citing 第二条 of a law
// the corpus holds only in its text of 2018, in a sentence that says
// nothing that article says, is shown unresolved (the 第二条 of 1991 may
// be another article), with a note that the text cited is not collected;
// its row in the list of references names the article of that number in
// the text held, unlinked; the article of 2018 does not list it as citing
// it.
func TestEarlierTextUnsaidIsNoLink(t *testing.T) {
	c := generator.Parse(fstest.MapFS{
		"law/某某事项法(2018-10-26).md": {Data: []byte("# 某某事项法\n\n第一条 为了规范某某事项，制定本法。\n\n第二条 某某事项由县级以上人民政府管理。\n\n" +
			"第三条 转让某某许可证的，应当经原发证机关批准。\n")},
		"old/某某事项办理规定(1991-12-26).md": {Data: []byte("# 某某事项办理规定\n\n第一条 违反《某某事项法》第二条的规定，擅自转让许可证的，没收违法所得。\n")},
	})
	files := render(t, c, site.Options{Base: "/"})
	const note = "引用的是1991年时的文本（未收录）；所收录的2018年文本中的同号条文不能确定就是所引条文，不链接"
	var oldURL, lawURL string
	for _, d := range c.Documents {
		switch d.Title {
		case "某某事项办理规定":
			oldURL = d.Articles[0].URL
		case "某某事项法":
			lawURL = d.Articles[1].URL
		}
	}
	old := parsePage(t, files, oldURL+"index.html")
	span := old.Find("span.ref.unresolved")
	if text(span) != "第二条" {
		t.Fatalf("the 1991 citation of 第二条 is not shown unresolved: %q", text(span))
	}
	if tip, _ := span.Attr("title"); tip != note {
		t.Errorf("its title = %q, want %q", tip, note)
	}
	if got := text(old.Find(".refs .note.later")); got != note {
		t.Errorf("the references list says %q, want %q", got, note)
	}
	if got := text(old.Find(".refs .unresolved")); got != "《某某事项法》第二条" {
		t.Errorf("the references list names %q, want the place of that number in the text held, unlinked", got)
	}
	if n := old.Find("a.ref").FilterFunction(func(_ int, a *goquery.Selection) bool { return text(a) == "第二条" }).Length(); n != 0 {
		t.Errorf("第二条 is linked %d times", n)
	}
	if n := parsePage(t, files, lawURL+"index.html").Find("#citedby-title").Length(); n != 0 {
		t.Errorf("第二条 of 2018 lists the 1991 citation as citing it")
	}
}

// TestLaterVersionSameYearIsDated: a citation made earlier in the year of
// the version it leads to is noted with both days, not with one year twice
// ("引用的是2018年时的文本…此为2018年文本").
func TestLaterVersionSameYearIsDated(t *testing.T) {
	c := generator.Parse(fstest.MapFS{
		"law/某某事项法(2018-10-26).md":    {Data: []byte("# 某某事项法\n\n第一条 为了规范某某事项，制定本法。\n\n第二条 某某事项由县级以上人民政府管理。\n")},
		"mid/某某事项办理规定(2018-03-01).md": {Data: []byte("# 某某事项办理规定\n\n第一条 依照《某某事项法》第二条的规定，制定本规定。\n")},
	})
	files := render(t, c, site.Options{Base: "/"})
	const note = "引用的是2018年3月1日时的文本（未收录），此为2018年10月26日文本，条文可能不同"
	for _, d := range c.Documents {
		if d.Title != "某某事项办理规定" {
			continue
		}
		if got := text(parsePage(t, files, d.Articles[0].URL+"index.html").Find(".refs .note.later")); got != note {
			t.Errorf("the references list says %q, want %q", got, note)
		}
	}
}

// TestSourcePageAsNamed: a page printed as 02 is 第2版 in the source's
// particulars, as in its name.
func TestSourcePageAsNamed(t *testing.T) {
	c := generator.Parse(fstest.MapFS{"2025/page.md": {Data: []byte("---\npublication: 人民日报\ndate: 2025-02-12\npage: \"02\"\npage_name: 要闻\n---\n\n# 某地开展某某工作\n\n本报讯 某地近日开展某某工作。\n")}})
	files := render(t, c, site.Options{Base: "/"})
	p := parsePage(t, files, c.Sources[0].URL+"index.html")
	var page string
	p.Find("dt").Each(func(_ int, dt *goquery.Selection) {
		if text(dt) == "版次" {
			page = text(dt.Next())
		}
	})
	if page != "第2版" {
		t.Errorf("版次 = %q, want 第2版", page)
	}
}
