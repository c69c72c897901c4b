package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator"
	"tiaoli/generator/site"
)

// TestKindOfOwnDocument: a kind listed in a definition (本条例所称学校，包括
// 幼儿园、小学…) links to the term its own document defines, not to a
// term of the same name that another document defined first.
func TestKindOfOwnDocument(t *testing.T) {
	c := generator.Parse(fstest.MapFS{
		"a.md": {Data: []byte("# 甲市学校管理规定\n\n<!-- INFO END -->\n\n第一条 本规定所称学校，是指甲市行政区域内的中小学校。\n\n第二条 学校应当建立安全制度。\n")},
		"b.md": {Data: []byte("# 乙省学校安全条例\n\n<!-- INFO END -->\n\n第一条 本条例所称学校，包括幼儿园、普通中小学校和特殊教育学校。\n\n第二条 普通中小学校应当办理校方责任保险。\n")},
	})
	own := ""
	for _, term := range c.Terms {
		if term.Term == "学校" && strings.Contains(term.DefinedIn.Document, "yi") {
			own = term.URL
		}
	}
	var member string
	for _, term := range c.Terms {
		if term.Term == "普通中小学校" {
			member = term.URL
		}
	}
	if own == "" || member == "" {
		t.Fatalf("terms: want 学校 of 乙省 and 普通中小学校, got %d terms", len(c.Terms))
	}
	files := render(t, c, site.Options{Base: "/"})
	page := parsePage(t, files, member+"index.html")
	var kindOf string
	page.Find("dt").Each(func(_ int, dt *goquery.Selection) {
		if text(dt) == "属于" {
			kindOf, _ = dt.Next().Find("a").Attr("href")
		}
	})
	if !strings.HasSuffix(strings.TrimSuffix(kindOf, "/"), strings.TrimSuffix(strings.TrimPrefix(own, "t/"), "/")) {
		t.Errorf("属于 links to %q, want the 学校 of its own document %q", kindOf, own)
	}
}

// TestOccurrencesOncePerPlace: a 款 that uses a term three times is one
// row of the term's page, saying how often; another 款 is a row of its own.
func TestOccurrencesOncePerPlace(t *testing.T) {
	c := generator.Parse(fstest.MapFS{
		"a.md": {Data: []byte("# 甲市林地管理规定\n\n第一条 本规定所称林地，是指甲市行政区域内的有林地。\n\n第二条 林地的保护、林地的利用和林地的管理，适用本规定。\n\n林地应当登记。\n")},
	})
	var url string
	for _, term := range c.Terms {
		if term.Term == "林地" {
			url = term.URL
		}
	}
	if url == "" {
		t.Fatal("林地 is not a term")
	}
	page := parsePage(t, render(t, c, site.Options{Base: "/"}), url+"index.html")
	var rows []string
	page.Find(".occurrences li").Each(func(_ int, li *goquery.Selection) {
		rows = append(rows, text(li.Find("a").First())+" "+text(li.Find(".note")))
	})
	if len(rows) != 2 || rows[0] != "第二条第一款 （此处3次）" || rows[1] != "第二条第二款 " {
		t.Errorf("rows = %q, want 第二条第一款 （此处3次） and 第二条第二款", rows)
	}
}
