package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"tiaoli/generator/ingest/normalize"
)

// FuzzFile checks that File never panics on any bytes under any name, and
// that whatever it returns holds: errors name the file, documents have a
// title and a body, paragraphs have clean text and a line inside the file.
func FuzzFile(f *testing.F) {
	for _, name := range samples {
		data, err := os.ReadFile(filepath.Join("..", "..", "content", "pages", name))
		if err == nil {
			f.Add(name, data[:min(len(data), 3000)])
		}
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("气象\r\n今日 7℃~17℃\r\n")
	for _, seed := range [][2]string{
		{"a.html", "<html><body><article><h1>题</h1><p>新华社北京2月12日电 正文。</p></article></body></html>"},
		{"b.md", "---\ntitle: 题\ndate: 2025-02-12\n---\n### 引\n# 题\n> 本报记者 王浩\n正文"},
		{"c.txt", gb},
		{"d.txt", "# 法\n\n第一条 甲。\n\n第二条 乙。\n\n(新华社北京2月12日电)"},
		{"f.md", "## 某某行为辨析\n\n笔者认为，甲乙丙丁。\n\n（作者：甲乙 丙丁 单位：某纪工委（某区纪委）、某区监委）\n"},
		{"e.txt", "(上接第一版)\n\n甲乙丙丁，戊己庚辛。\n\n(二) 甲乙，丙丁\n\n甲乙丙丁戊己，庚辛壬癸。\n\n(三) 戊己，庚辛\n\n甲乙丙丁戊己，庚辛壬癸。"},
	} {
		f.Add(seed[0], []byte(seed[1]))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" || strings.ContainsAny(name, "\x00\n") {
			return
		}
		src, docs, errs := File(name, data)
		if src == nil || src.Path != name {
			t.Fatalf("source %+v", src)
		}
		for _, e := range errs {
			if e.Path != name || strings.Contains(e.Message, "internal error") {
				t.Fatalf("error %v", e)
			}
		}
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		for _, d := range docs {
			if d.Title == "" || len(d.Body) == 0 {
				t.Fatalf("empty document %+v", d)
			}
			for _, p := range d.Body {
				if p.Text == "" || p.Line < 1 || p.Line > lines || !utf8.ValidString(p.Text) || normalize.HasInvisible(p.Text) {
					t.Fatalf("bad paragraph %+v", p)
				}
			}
		}
	})
}
