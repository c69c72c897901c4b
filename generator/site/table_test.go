package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
)

// tableRule prints a Markdown table inside an article and another after
// the last one; its cells cite articles.
const tableRule = `# 某某罪名补充规定

<!-- INFO END -->

第一条 罪名如下：

| 条文 | 罪名 |
|-----|-----|
| 第二条第一款 | 甲罪 |
| 第三条 | 乙罪，丙罪 |

本规定自公布之日起施行。

第二条 甲应当乙。

第三条 丙不得丁。
`

// TestTables: a Markdown table is a <table>, its header row of <th>, each
// row apart with its own anchor, the 款 after it a 款 of its own, and the
// references inside a cell link.
func TestTables(t *testing.T) {
	c, d := parseRegulation(tableRule)
	if d == nil || len(d.Articles) != 3 {
		t.Fatalf("want a regulation of 3 articles, got %+v", c.Documents)
	}
	a := d.Articles[0]
	var rows []string
	for _, cl := range a.Clauses {
		rows = append(rows, cl.Row+":"+cl.Text)
	}
	want := []string{":罪名如下：", "head:条文 | 罪名", "body:第二条第一款 | 甲罪", "body:第三条 | 乙罪，丙罪", ":本规定自公布之日起施行。"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Fatalf("款 of 第一条:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	files := render(t, c, site.Options{Base: "/"})
	page := parsePage(t, files, a.URL+"index.html")
	table := page.Find("table.rows")
	if table.Length() != 1 || table.Find("tr").Length() != 3 || table.Find("th").Length() != 2 {
		t.Fatalf("table = %q", text(table))
	}
	if cells := table.Find("#p3 td"); cells.Length() != 2 || text(cells.First()) != "第二条第一款" {
		t.Errorf("row #p3 cells = %q", text(cells))
	}
	if href, ok := table.Find("#p3 td a").First().Attr("href"); !ok || !strings.Contains(href, "a2") {
		t.Errorf("the reference in a cell links to %q", href)
	}
	if p5 := page.Find("#p5"); p5.Length() != 1 || !strings.Contains(text(p5), "施行") {
		t.Errorf("the 款 after the table = %q", text(p5))
	}
}

// parseRegulation parses one Markdown file and returns the corpus and its
// last regulation (nil when it has none).
func parseRegulation(src string) (*model.Corpus, *model.Document) {
	c := generator.Parse(fstest.MapFS{"regs/rule.md": {Data: []byte(src)}})
	var d *model.Document
	for _, x := range c.Documents {
		if x.Kind == model.KindRegulation {
			d = x
		}
	}
	return c, d
}

// TestNotes: a footnote after an article is shown apart from its 款, in
// an aside with its own anchor.
func TestNotes(t *testing.T) {
	src := "# 某某法\n\n<!-- INFO END -->\n\n第一条 甲应当乙。\n\n第二条 本法自公布之日起施行。\n\n① 施行日期依各法律确定。\n"
	c := generator.Parse(fstest.MapFS{"regs/law.md": {Data: []byte(src)}})
	var a *model.Article
	for _, d := range c.Documents {
		if d.Kind == model.KindRegulation && len(d.Articles) == 2 {
			a = d.Articles[1]
		}
	}
	if a == nil || len(a.Clauses) != 1 || len(a.Notes) != 1 {
		t.Fatalf("want 第二条 with one 款 and one note, got %+v", a)
	}
	page := parsePage(t, render(t, c, site.Options{Base: "/"}), a.URL+"index.html")
	if n := page.Find("aside.notes #n1"); n.Length() != 1 || !strings.Contains(text(n), "施行日期") {
		t.Errorf("note = %q", text(page.Find("aside.notes")))
	}
	if page.Find(".clause").Length() != 1 {
		t.Errorf("want one 款 on the page, got %d", page.Find(".clause").Length())
	}
}

// TestNumberedSectionHeading: a 司法解释's 一、 heading reads as printed,
// with no space after 、, in the text, the table of contents and the path
// over an article; a 第一章 heading keeps its space.
func TestNumberedSectionHeading(t *testing.T) {
	src := "# 某某解释\n\n## 一、管辖\n\n第一条 甲应当乙。\n\n## 二、审理\n\n第二条 本解释自公布之日起施行。\n"
	law := "# 某某法\n\n## 第一章 总则\n\n第一条 甲应当乙。\n"
	c := generator.Parse(fstest.MapFS{"regs/jd.md": {Data: []byte(src)}, "regs/law.md": {Data: []byte(law)}})
	var jd, reg *model.Document
	for _, d := range c.Documents {
		switch d.Title {
		case "某某解释":
			jd = d
		case "某某法":
			reg = d
		}
	}
	if jd == nil || reg == nil || len(jd.Headings) != 2 {
		t.Fatalf("want both documents, the interpretation with two headings")
	}
	out := render(t, c, site.Options{Base: "/"})
	doc := parsePage(t, out, jd.URL+"index.html")
	if got := text(doc.Find("h2.heading").First()); got != "一、管辖" {
		t.Errorf("heading = %q, want 一、管辖", got)
	}
	if got := text(doc.Find("nav.toc a.toc-h").Last()); got != "二、审理" {
		t.Errorf("TOC heading = %q, want 二、审理", got)
	}
	art := parsePage(t, out, jd.Articles[0].URL+"index.html")
	if !strings.Contains(text(art.Find("body")), "一、管辖") {
		t.Errorf("article page does not name 一、管辖 over 第一条")
	}
	if got := text(parsePage(t, out, reg.URL+"index.html").Find("h2.heading").First()); got != "第一章 总则" {
		t.Errorf("heading = %q, want 第一章 总则", got)
	}
}
