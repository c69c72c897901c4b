package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/site"
)

// skippingRule has a list that skips （二）, and a reference to its （三）.
const skippingRule = `# 某某事项办理规定

第一条 为了规范办理工作，制定本规定。

第二条 有下列情形之一的，不予办理：
（一）材料不齐全的；
（三）超过期限的；
（四）其他不符合规定的。

第三条 有本规定第二条第（三）项情形的，退回申请。
`

// TestItemAnchorsByPrintedNumber checks that a 项 is anchored and cited by
// its printed number, on its page and where a reference links to it.
func TestItemAnchorsByPrintedNumber(t *testing.T) {
	c := generator.Parse(fstest.MapFS{"regs/rule.md": {Data: []byte(skippingRule)}})
	files := render(t, c, site.Options{Base: "/"})
	var url string
	for _, d := range c.Documents {
		if len(d.Articles) == 3 {
			url = d.Articles[1].URL
		}
	}
	if url == "" {
		t.Fatalf("no regulation of three articles parsed")
	}
	p := parsePage(t, files, url+"index.html")
	for id, cite := range map[string]string{"p1-i1": "第二条第（一）项", "p1-i3": "第二条第（三）项", "p1-i4": "第二条第（四）项"} {
		li := p.Find("li#" + id)
		if got, _ := li.Attr("data-cite"); got != cite {
			t.Errorf("li#%s: data-cite %q, want %q", id, got, cite)
		}
		if got, want := text(li.Find(".item-label")), cite[len("第二条第"):len(cite)-len("项")]; got != want {
			t.Errorf("li#%s holds the item %q, want %q", id, got, want)
		}
	}
	if n := p.Find("li#p1-i2").Length(); n != 0 {
		t.Errorf("an item is anchored p1-i2, a number the list does not print")
	}
	ref := parsePage(t, files, url[:len(url)-3]+"a3/index.html").Find("a.ref")
	if href, _ := ref.Attr("href"); href != "../a2/#p1-i3" {
		t.Errorf("第二条第（三）项 links to %q, want ../a2/#p1-i3", href)
	}
}

// TestBaseTypedWithoutSlash: a base typed without its slashes (fagui)
// gives the same absolute addresses as /fagui/, never hrefs relative to
// the page they stand on.
func TestBaseTypedWithoutSlash(t *testing.T) {
	c := generator.Parse(fstest.MapFS{"regs/rule.md": {Data: []byte(skippingRule)}})
	typed, full := render(t, c, site.Options{Base: "fagui"}), render(t, c, site.Options{Base: "/fagui/"})
	if len(typed) != len(full) {
		t.Fatalf("%d files with base fagui, %d with /fagui/", len(typed), len(full))
	}
	for name, b := range full {
		if string(typed[name]) != string(b) {
			t.Errorf("%s differs between base fagui and /fagui/", name)
		}
	}
	// The not-found page is served at any depth, so it loads its assets
	// by absolute address.
	if p := string(full["404.html"]); !strings.Contains(p, `href="/fagui/assets/`) {
		t.Errorf("404.html does not load its assets from /fagui/assets/")
	}
}
