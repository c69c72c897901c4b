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

// versionedLaw is a small law in LawRefBook's markup, dated by its file
// name and history line.
func versionedLaw(history string, articles ...string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("# 中华人民共和国示例档案法\n\n" + history + "\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n" +
		strings.Join(articles, "\n\n") + "\n")}
}

// lawVersions are two versions of one law: the newer inserts an
// article, rewrites one and deletes one.
func lawVersions() fstest.MapFS {
	return fstest.MapFS{
		"laws/示例档案法(2016-11-07).md": versionedLaw("2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过",
			"第一条 为了加强档案管理，有效保护和利用档案，制定本法。",
			"第二条 档案工作实行统一领导、分级管理的原则。",
			"第三条 档案馆应当定期向社会开放档案，每年公布开放档案的目录。",
			"第四条 本法自2017年1月1日起施行。"),
		"laws/示例档案法(2024-06-28).md": versionedLaw("2024年6月28日第十四届全国人民代表大会常务委员会第十次会议修订",
			"第一条 为了加强档案管理，有效保护和利用档案，制定本法。",
			"第二条 国家鼓励和支持档案信息化建设，推进电子档案的规范管理。",
			"第三条 档案工作实行统一领导、分级管理的原则。",
			"第四条 本法自2025年1月1日起施行。"),
	}
}

func versionsCorpus(t *testing.T) *model.Corpus {
	c := generator.Parse(lawVersions())
	if len(c.Works) != 1 || len(c.Comparisons) != 1 {
		t.Fatalf("%d works and %d comparisons, want 1 and 1; errors %v", len(c.Works), len(c.Comparisons), c.Errors)
	}
	return c
}

// TestVersionPages renders a work with two versions: the comparison page
// marks the changes and counts them, the pages of both versions and of
// their articles link each other, and every link resolves.
func TestVersionPages(t *testing.T) {
	c := versionsCorpus(t)
	w, cmp := c.Works[0], c.Comparisons[0]
	if w.Versions[0].Date != "2024-06-28" || w.Versions[1].Status != "已修改" {
		t.Errorf("versions %+v", w.Versions)
	}
	files := render(t, c, site.Options{Base: "/"})
	checkLinks(t, files, "/")
	page := doc(t, files, cmp.URL)
	if n := page.Find(".cmp-articles tr.same").Length(); n != 1 {
		t.Errorf("%d unchanged rows, want 1 (第一条)", n)
	}
	if got := page.Find("#n3 .cmp-note").Text(); got != "原第二条 → 第三条" {
		t.Errorf("renumbering note %q", got)
	}
	if got := page.Find("#n4 .new ins").Text(); !strings.Contains(got, "25") {
		t.Errorf("the changed date is not marked inserted: %q", got)
	}
	if page.Find("#o3 .old").Text() == "" || page.Find("input#only-changed").Length() != 1 {
		t.Error("no row for the deleted 第三条, or no filter")
	}
	newer := c.Document(cmp.To)
	art := doc(t, files, newer.Articles[2].URL)
	if !strings.Contains(art.Find(".version-note").Text(), "修订前：原第二条") {
		t.Errorf("the in-force article does not link its former self: %q", art.Find(".version-note").Text())
	}
	older := c.Document(cmp.From)
	oldArt := doc(t, files, older.Articles[1].URL)
	if !strings.Contains(oldArt.Find(".version-note").Text(), "最新版本") {
		t.Errorf("the older article does not link its counterpart in force: %q", oldArt.Find(".version-note").Text())
	}
	if !strings.Contains(doc(t, files, older.URL).Find(".version-note").Text(), "2024-06-28") {
		t.Error("the older version's page does not link the newer")
	}
	if doc(t, files, w.URL).Find("table.versions tbody tr").Length() != 2 {
		t.Error("the work page does not list two versions")
	}
	if sm := string(files["sitemap.xml"]); !strings.Contains(sm, cmp.URL) || !strings.Contains(sm, w.URL) {
		t.Error("the sitemap lacks the work or the comparison")
	}
}

// TestNewerVersionKeepsURLs: adding a newer version changes no URL of the
// older versions, of the work or of the comparison between them.
func TestNewerVersionKeepsURLs(t *testing.T) {
	urls := func(c *model.Corpus) map[string]bool {
		out := map[string]bool{}
		for _, d := range c.Documents {
			out[d.URL] = true
			for _, a := range d.Articles {
				out[a.URL] = true
			}
		}
		for _, w := range c.Works {
			out[w.URL] = true
		}
		for _, cmp := range c.Comparisons {
			out[cmp.URL] = true
		}
		return out
	}
	before := urls(versionsCorpus(t))
	fsys := lawVersions()
	fsys["laws/示例档案法(2026-03-01).md"] = versionedLaw("2026年3月1日第十四届全国人民代表大会常务委员会第二十次会议修正",
		"第一条 为了加强档案管理，有效保护和利用档案，制定本法。",
		"第二条 国家鼓励和支持档案信息化建设，推进电子档案的规范管理和安全保护。",
		"第三条 档案工作实行统一领导、分级管理的原则。",
		"第四条 本法自2026年6月1日起施行。")
	c := generator.Parse(fsys)
	after := urls(c)
	for u := range before {
		if !after[u] {
			t.Errorf("%s is gone after a newer version was added", u)
		}
	}
	if len(c.Comparisons) != 2 || c.Works[0].Versions[0].Status == "已修改" || c.Works[0].Versions[1].Status != "已修改" {
		t.Errorf("%d comparisons, versions %+v", len(c.Comparisons), c.Works[0].Versions)
	}
}

func doc(t *testing.T, files map[string][]byte, url string) *goquery.Document {
	t.Helper()
	data, ok := files[url+"index.html"]
	if !ok {
		t.Fatalf("no page %s", url)
	}
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
