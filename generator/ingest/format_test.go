package ingest

import (
	"os"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	cases := []struct{ path, text, want string }{
		{"a.md", "纯文本", FormatMarkdown},
		{"a.htm", "纯文本", FormatHTML},
		{"a.txt", "<!DOCTYPE html><html><body>正文</body></html>", FormatHTML},
		{"a.txt", "\n\n# 标题\n\n正文", FormatMarkdown},
		{"a.txt", "---\ntitle: 题\n---\n正文", FormatMarkdown},
		{"a.txt", "**第一条** 正文\n\n见[链接](http://x)", FormatMarkdown},
		{"a.txt", "标题\n\n- (一) 项目\n- (二) 项目\n\n1. 要点", FormatText},
		{"a", "新华社北京2月12日电 正文", FormatText},
	}
	for _, c := range cases {
		if got := Sniff(c.path, c.text); got != c.want {
			t.Errorf("Sniff(%q, %q) = %s, want %s", c.path, c.text, got, c.want)
		}
	}
}

// TestHTMLPage reads a saved news page through File: its article becomes
// a news document and its chrome is gone.
func TestHTMLPage(t *testing.T) {
	data, err := os.ReadFile("webpage/testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	src, docs, errs := File("saved/page.txt", data)
	if src.Format != FormatHTML || src.Date != "2026-02-12" || len(errs) > 0 {
		t.Fatalf("source %+v errors %v", src, errs)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	if d.Kind != "news" || d.Title != "俄罗斯将接回滞留古巴的公民" || d.Dateline == nil || d.Dateline.Place != "符拉迪沃斯托克" {
		t.Errorf("document %s %q %+v", d.Kind, d.Title, d.Dateline)
	}
	for _, p := range d.Body {
		if strings.Contains(p.Text, "首页") || strings.Contains(p.Text, "分享") || strings.Contains(p.Text, "版权") {
			t.Errorf("page chrome left in the body: %q", p.Text)
		}
	}
}

// TestFrontMatterError reports bad front matter at its line and still
// reads the file.
func TestFrontMatterError(t *testing.T) {
	src, docs, errs := File("a.md", []byte("---\ntitle: 题\ndate: 下周\n---\n# 题\n\n正文。\n"))
	if len(errs) != 1 || errs[0].Line != 3 || errs[0].Path != "a.md" {
		t.Errorf("errors %v", errs)
	}
	if len(docs) != 1 || docs[0].Title != "题" || docs[0].Body[0].Line != 7 || src.Title != "题" {
		t.Errorf("documents %+v", docs)
	}
}
