package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"第一条\u3000为了", "第一条 为了"},
		{"  \t两端空白\u3000 ", "两端空白"},
		{"ＡＥＯ企业１２３家", "AEO企业123家"},
		{"（一）坚持，。：；“”", "（一）坚持，。：；“”"}, // Chinese punctuation as printed
		{"〔履行办公厅(室)职责的部门，下同〕", "〔履行办公厅(室)职责的部门，下同〕"},
		{"零\u200b宽\u200d字\ufeff符\u2060", "零宽字符"},
		// A no-break space is white space like any other, between Chinese
		// characters too, where sources print it between fields.
		{"（作者：甲乙\u00a0单位：某市纪委监委）", "（作者：甲乙 单位：某市纪委监委）"},
		{"（作者：甲乙 丙丁\u00a0\u00a0单位：某市）", "（作者：甲乙 丙丁 单位：某市）"},
		{"（\u00a0作者：\u00a0甲乙\u00a0单位：某市）", "（ 作者： 甲乙 单位：某市）"},
		{"\u3000\u3000甲乙丙\u00a0某市纪委监委案件审理室主任", "甲乙丙 某市纪委监委案件审理室主任"},
		{"甲\u00a0乙\u00a0某市纪委监委干部", "甲 乙 某市纪委监委干部"}, // a padded name, as with plain spaces
		{"第一条\u00a0为了", "第一条 为了"},
		{"## 第二章\u00a0总则", "## 第二章 总则"},
		{"（文：甲乙\u202f图：某市）", "（文：甲乙 图：某市）"},
		{"中\u00a0\u200b文", "中 文"},
		{"AEO\u00a0企业", "AEO 企业"},
		{"2\ue0105米", "2.5米"},      // private use between digits: a decimal point
		{"施行。\ue5f9\ue5f9", "施行。"}, // other private use: removed
		{"韩  鑫  张腾扬", "韩 鑫 张腾扬"},
		{"tab\there", "tab here"},
		{"ctl\x07char", "ctlchar"},
		{"２０07年9月１日", "2007年9月1日"},
		{"－", "－"}, // full-width punctuation is not folded
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUnbalanced(t *testing.T) {
	cases := map[string]bool{
		"党(工":    true,
		"跑稳“接力":  true,
		"办公厅(室)": false,
		"〔履行办公厅(室)职责，下同〕":  false,
		"〔混合括号)":           false,
		"《党委(党组)工作办法》全文如下": false,
		"未闭合《书名":           true,
	}
	for in, want := range cases {
		if got := Unbalanced(in); got != want {
			t.Errorf("Unbalanced(%q) = %v, want %v", in, got, want)
		}
	}
}

// FuzzLine checks that a normalised line is valid, trimmed, free of
// invisible characters and stable under a second pass.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"第一条\u3000为了", "ＡＢ１", "2\ue0105", "\u00a0中\u00a0", " \u200b ", "作者：甲\u00a0\u00a0单位：乙", "甲\u00a0乙\u00a0丙"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Line(s)
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") || HasInvisible(got) {
			t.Fatalf("Line(%q) = %q", s, got)
		}
		if again := Line(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
		Unbalanced(s)
	})
}

// TestCleanBlock: isClean passes the runes from U+3400 to the private use
// area without a look; none of them is in a class Line changes.
func TestCleanBlock(t *testing.T) {
	for r := rune(0x3400); r < 0xE000; r++ {
		if isSpace(r) || IsZeroWidth(r) || unicode.IsControl(r) || isPrivate(r) || Fold(r) != r || r == utf8.RuneError {
			t.Fatalf("%U is in a class Line changes", r)
		}
	}
}
