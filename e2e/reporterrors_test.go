package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"tiaoli/generator"
	"tiaoli/generator/site"
)

// badContent is a small law with, beside it, files every stage refuses
// or reports: a binary file, an undecodable one, bad front matter, a
// repeated article label, bad pins, edits, glossary and metadata table.
func badContent() fstest.MapFS {
	fsys := compareContent()
	add := func(name, data string) { fsys[name] = &fstest.MapFile{Data: []byte(data)} }
	add("pages/图片.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02")
	add("pages/乱码.txt", "第一行\n\xff\xfe\xfd\xfc坏\n")
	add("pages/空白.md", "\n\n")
	add("notes/坏日期.md", "---\ntitle: 通知\ndate: 明天\nstatus: 作废\n---\n\n正文一句。\n")
	add("laws/重复条标.md", "# 示例管理办法\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于本单位。\n\n第二条\n\n第三条 本办法自公布之日起施行。\n")
	add("pins.yaml", "- document: 示例统计法\n  where: 第一条\n- document: 没有的法\n  where: 第一条\n  reading: 字\n")
	add("works.yaml", "- join: [示例统计法]\n- split: [没有的法]\n")
	add("glossary.yaml", "- term: 好词\n  kind: other\n  definition: x\n- term: 坏\n  definition: y\n")
	add("laws/_metadata/表.csv", "path,status,expired\n示例统计法(2009-06-27).md,作废,2\n")
	add("laws/.隐藏.md", "# 隐藏\n")
	return fsys
}

// firstSightReportErrors builds a site from badContent and checks that its
// report lists the errors, and in Chinese: no Latin word outside file
// paths and quoted details.
func firstSightReportErrors(t *testing.T, ctx context.Context) {
	c := generator.Parse(badContent())
	if len(c.Errors) < 10 {
		t.Fatalf("%d input errors from the bad content, want at least 10: %v", len(c.Errors), c.Errors)
	}
	dir := t.TempDir()
	renderTo(t, c, site.Options{Base: sitePrefix}, dir)
	ts := httptest.NewServer(http.StripPrefix(sitePrefix, http.FileServer(http.Dir(dir))))
	defer ts.Close()
	u := ts.URL + sitePrefix + "report/"
	reportLatin(t, ctx, u)
	n := siteRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#r-errors .entries li').length`))
	if n < len(c.Errors) {
		msgs := make([]string, len(c.Errors))
		for i, e := range c.Errors {
			msgs[i] = e.Error()
		}
		t.Errorf("the report lists %d input errors, the build found %d:\n%s", n, len(c.Errors), strings.Join(msgs, "\n"))
	}
}
