package sourcename

import (
	"testing"

	"tiaoli/generator/model"
)

func TestAssign(t *testing.T) {
	c := &model.Corpus{
		Documents: []*model.Document{
			{ID: "a", Title: "中共中央办公厅印发《关于加强某某工作的若干规定》的通知"},
			{ID: "b", Title: "一箭7星"},
			{ID: "c", Title: "天气"},
			{ID: "d", Title: "天气"},
		},
		Sources: []*model.Source{
			{Path: "p/1.md", Publication: "人民日报", Date: "2025-02-12", Page: "第 10 版", PageName: "要闻", Documents: []string{"b"}},
			{Path: "p/2.md", Publication: "人民日报", Date: "2025-02-12", Page: "10", PageName: "要闻", Documents: []string{"c"}},
			{Path: "p/3.html", Title: "某市通知", Documents: []string{"a"}},
			{Path: "p/4.txt", Date: "2026-02-13", Documents: []string{"a", "b"}},
			{Path: "p/5.txt", Date: "2026-02-13", Documents: []string{"a", "b"}},
			{Path: "p/6.txt"},
			{Path: "p/7.md", Date: "2020-09-17", Documents: []string{"c"}},
			{Path: "p/8.md", Documents: []string{"c"}},
			{Path: "p/9.md", Documents: []string{"c", "d"}},
		},
	}
	Assign(c)
	want := []string{
		"《人民日报》2025年2月12日第10版（要闻）：一箭7星",
		"《人民日报》2025年2月12日第10版（要闻）：天气",
		"某市通知",
		"2026年2月13日版面：中共中央办公厅印发《关于加强某某工作的若干规定》…等2篇",
		"2026年2月13日版面：中共中央办公厅印发《关于加强某某工作的若干规定》…等2篇（来源二）",
		"未注明日期的版面",
		"天气（2020年9月17日）",
		"天气",
		"天气（来源二）",
	}
	for i, s := range c.Sources {
		if s.Name != want[i] {
			t.Errorf("%s: name %q, want %q", s.Path, s.Name, want[i])
		}
	}
}

func TestPageAndDate(t *testing.T) {
	for in, want := range map[string]string{"第02版": "第2版", "A3": "第A3版", "第 10 版": "第10版", "": ""} {
		if got := Page(in); got != want {
			t.Errorf("Page(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"2026-02-03": "2026年2月3日", "": "", "2026": "2026"} {
		if got := Date(in); got != want {
			t.Errorf("Date(%q) = %q, want %q", in, got, want)
		}
	}
}
