package plaintext

import (
	"strings"
	"testing"

	"tiaoli/generator/ingest/block"
)

func TestRead(t *testing.T) {
	p := Read("\n\n标题\n\n第一条　正文。\n- (一) 项目；\n• 要点\n-不是列表\n\u200b\n尾")
	want := []block.Line{
		{Text: "标题", Line: 3, Break: true},
		{Text: "第一条 正文。", Line: 5, Break: true},
		{Text: "(一) 项目；", Line: 6, ListItem: true},
		{Text: "要点", Line: 7, ListItem: true},
		{Text: "-不是列表", Line: 8},
		{Text: "尾", Line: 10, Break: true},
	}
	if len(p.Lines) != len(want) {
		t.Fatalf("lines %+v", p.Lines)
	}
	for i := range want {
		if p.Lines[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, p.Lines[i], want[i])
		}
	}
}

// FuzzRead checks that every line read has text and a line in the input.
func FuzzRead(f *testing.F) {
	f.Add("标题\n\n- 项\n正文")
	f.Fuzz(func(t *testing.T, s string) {
		n := strings.Count(s, "\n") + 1
		for _, l := range Read(s).Lines {
			if l.Text == "" || l.Line < 1 || l.Line > n {
				t.Fatalf("bad line %+v of %q", l, s)
			}
		}
	})
}
