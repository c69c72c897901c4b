package address

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"监督谈话工作办法", 8, "jian-du-tan-hua-gong-zuo-ban-fa"},
		{"AEO 这张“绿色通行证”", 8, "aeo-zhe-zhang-lv-se-tong-xing-zheng"},
		{"一箭7星!", 8, "yi-jian-7-xing"},
		{"中华人民共和国民法典", 3, "zhong-hua-ren"},
		{"", 8, ""},
		{"！？", 8, ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in, tt.max); got != tt.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestArticleSlug(t *testing.T) {
	if got := ArticleSlug(5, 0); got != "a5" {
		t.Errorf("ArticleSlug(5, 0) = %q", got)
	}
	if got := ArticleSlug(103, 1); got != "a103-1" {
		t.Errorf("ArticleSlug(103, 1) = %q", got)
	}
}

// TestSlugCapped: a long Latin word (a file named with 250 letters) makes
// a slug short enough for a path element.
func TestSlugCapped(t *testing.T) {
	for _, text := range []string{strings.Repeat("b", 300), strings.Repeat("ab ", 100), "法" + strings.Repeat("x", 200)} {
		if got := Slug(text, 12); len(got) > maxSlugBytes || strings.HasSuffix(got, "-") || got == "" {
			t.Errorf("Slug(%.20q…) = %q (%d bytes)", text, got, len(got))
		}
	}
}
