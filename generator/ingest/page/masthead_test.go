package page

import (
	"testing"

	"tiaoli/generator/ingest/block"
)

func TestReadMasthead(t *testing.T) {
	tests := []struct {
		line string
		want Masthead
		ok   bool
	}{
		{"人民日报 2025年2月12日 星期三 第4版 要闻", Masthead{"人民日报", "2025-02-12", "第4版", "要闻"}, true},
		{"2026年2月13日 星期五 第3版：国际", Masthead{"", "2026-02-13", "第3版", "国际"}, true},
		{"《舟山日报》第 12 版", Masthead{"舟山日报", "", "第12版", ""}, true},
		{"第A3版 · 体育", Masthead{"", "", "第A3版", "体育"}, true},
		{"本报讯 第三版刊登了有关消息。", Masthead{}, false},
		{"上接第一版", Masthead{}, false},
	}
	for _, tt := range tests {
		got, at := ReadMasthead([]block.Line{{Text: tt.line, Line: 1}})
		if (at == 0) != tt.ok || got != tt.want {
			t.Errorf("ReadMasthead(%q) = %+v at %d, want %+v (found %v)", tt.line, got, at, tt.want, tt.ok)
		}
	}
}
