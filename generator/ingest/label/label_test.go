package label

import "testing"

func TestArticle(t *testing.T) {
	cases := []struct {
		in     string
		n, sfx int
		rest   string
		ok     bool
	}{
		{"第一条 为了压实责任", 1, 0, "为了压实责任", true},
		{"第一百零三条　内容", 103, 0, "内容", true},
		{"第五条之一 补充", 5, 1, "补充", true},
		{"第十五 条 空格", 15, 0, "空格", true},
		{"第一条为了", 1, 0, "为了", true},
		{"第一条", 1, 0, "", true},
		{"第12条 数字", 12, 0, "数字", true},
		{"第六十六条第一款规定了", 0, 0, "", false},
		{"第三十一条的决定》", 0, 0, "", false},
		{"第一款规定的", 0, 0, "", false},
		{"本条第一款", 0, 0, "", false},
	}
	for _, c := range cases {
		n, sfx, rest, ok := Article(c.in)
		if n != c.n || sfx != c.sfx || rest != c.rest || ok != c.ok {
			t.Errorf("Article(%q) = %d %d %q %v, want %d %d %q %v", c.in, n, sfx, rest, ok, c.n, c.sfx, c.rest, c.ok)
		}
	}
}

func TestPartItemOpener(t *testing.T) {
	if lvl, n, title, ok := Part("第二章 机构和人员"); !ok || lvl != "章" || n != 2 || title != "机构和人员" {
		t.Errorf("Part = %q %d %q %v", lvl, n, title, ok)
	}
	if _, _, _, ok := Part("第三节的规定"); ok {
		t.Error("第三节的规定 read as a section")
	}
	for s, want := range map[string]bool{
		"(一) 坚持": true, "（十二）项": true, "一、总则": true, "1. 要点": true, "12、要点": true,
		"1.5亿元": false, "2025年": false, "(室)应当": false, "一箭7星": false,
	} {
		if got := Item(s); got != want {
			t.Errorf("Item(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{"附件：办法": true, "附 则": true, "目录": true, "附近": false} {
		if got := Opener(s); got != want {
			t.Errorf("Opener(%q) = %v", s, got)
		}
	}
}

// FuzzStructural checks the label readers never panic.
func FuzzStructural(f *testing.F) {
	f.Add("第一百零三条之一 内容")
	f.Add("（十）")
	f.Fuzz(func(t *testing.T, s string) {
		Structural(s)
		Article(s)
		Part(s)
	})
}
