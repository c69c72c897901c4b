package search

import (
	"testing"

	"tiaoli/generator/label"
)

func TestTitledArticle(t *testing.T) {
	tests := []struct{ in, title, article string }{
		{"劳动法第三十六条", "劳动法", "第三十六条"},
		{"劳动法 36条", "劳动法", "第三十六条"},
		{"劳动法第36条", "劳动法", "第三十六条"},
		{"劳动法36条", "劳动法", "第三十六条"},
		{"劳动法第 十五 条", "劳动法", "第十五条"},
		{"刑法第一百二十条之一", "刑法", "第一百二十条之一"},
		{"第五条", "第", "第五条"}, // no document is titled 第
		{"劳动法第三十六条规定", "", ""},
		{"劳动法第一条件", "", ""},
		{"劳动法", "", ""},
	}
	for _, tt := range tests {
		title, l, ok := titledArticle(tt.in)
		if got := label.ArticleText(l.N, l.Suffix); ok != (tt.title != "") || ok && (title != tt.title || got != tt.article) {
			t.Errorf("titledArticle(%q) = %q %q, %v; want %q %q", tt.in, title, got, ok, tt.title, tt.article)
		}
	}
}
