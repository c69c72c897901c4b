package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// show renders lines one per row: line, marks, text.
func show(src string) string {
	p, _ := Read(src)
	var b strings.Builder
	for _, l := range p.Lines {
		marks := ""
		if l.Heading > 0 {
			marks += fmt.Sprintf("h%d", l.Heading)
		}
		if l.ListItem {
			marks += "li"
		}
		if l.Strong {
			marks += "b"
		}
		if l.Quote {
			marks += "q"
		}
		if l.Row != "" {
			marks += l.Row + " "
		}
		if l.Rule {
			marks += "r"
		}
		if l.Break {
			marks += "|"
		}
		fmt.Fprintf(&b, "%d %s %s\n", l.Line, marks, l.Text)
	}
	return b.String()
}

func TestRead(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"headings and emphasis",
			"# 标题\n\n**第一条** 正文*强调*。\n第二行软换行  \n硬换行后\\\n反斜杠换行\n",
			"1 h1| 标题\n3 | 第一条 正文强调。\n4  第二行软换行\n5  硬换行后\n6  反斜杠换行\n"},
		{"bold line and approval",
			"**某某工作办法**  \n(2026年1月30日批准)\n",
			"1 b| 某某工作办法\n2  (2026年1月30日批准)\n"},
		{"lists",
			"- (一)坚持；\n- (二)突出\n  续行；\n\n1. 甲\n   - 乙\n",
			"1 li| (一)坚持；\n2 li| (二)突出\n3  续行；\n5 li| 1.甲\n6 li| 乙\n"},
		{"ordered lists keep their numbers",
			"3) 丙\n4) 丁\n\n1. 甲\n\n2. 乙\n",
			"1 li| 3)丙\n2 li| 4)丁\n4 li| 1.甲\n6 li| 2.乙\n"},
		{"quote, code and rule",
			"> 本报记者  王浩\n\n___\n\n    缩进的正文\n\n```\n代码块\n```\n",
			"1 q| 本报记者 王浩\n5 r| 缩进的正文\n8 | 代码块\n"},
		{"a rule marks the line after it only",
			"第二条 正文。\n\n***\n\n**解读**  \n作者：某某\n\n---\n| 甲 | 乙 |\n|---|---|\n",
			"1 | 第二条 正文。\n5 br| 解读\n6  作者：某某\n9 head r| 甲 | 乙\n"},
		{"comments, images and link bars",
			"<!-- INFO END -->\n\n![](a.jpg)\n\n[![](b.jpg)](x) [\\>>点击查看更多回复](http://x) [点击进入](http://y)\n\n正文[链接文字](http://z)。\n",
			"7 | 正文链接文字。\n"},
		{"index of notes",
			"[《甲规定》（全文）](doc/a/00.md)\n[乙办法](doc/a/01.md#top)\n\n- [丙条例](c.md)（2007年）\n- [丁](d.md) | [戊](e.md)\n- [己规定](https://x/y.md)\n- 庚规定\n\n见[丙条例](c.md)第三条。\n",
			"6 li| 己规定\n7 li| 庚规定\n9 | 见丙条例第三条。\n"},
		{"note-taking leftovers",
			"规定了\\<color\n#ed1c24\\>四种`</color>`{html}情况：\n\n\\[\\[http://a/b.pdf\\|PDF文件下载\\]\\]\n\n见\\[\\[另一篇\\]\\]。\n",
			"1 | 规定了\n2  四种情况：\n6 | 见另一篇。\n"},
		{"a list mark without its space",
			"*1997年3月14日某某会议修订　\n\n*根据2009年8月27日某某决定修正\n\n\\*转义的星号\n\n*强调*的词\n\n* 列表\n",
			"1 li| 1997年3月14日某某会议修订\n3 li| 根据2009年8月27日某某决定修正\n5 | *转义的星号\n7 | 强调的词\n9 li| 列表\n"},
		{"a * before text that is no history line is printed",
			"*注：本表由申请人填写\n\n*为必填项\n",
			"1 | *注：本表由申请人填写\n3 | *为必填项\n"},
		{"stray bold markers",
			"对**“一把手”**的监督\n",
			"1 | 对“一把手”的监督\n"},
		{"bold split by a line break",
			"**某某机关关于某某问题的规定  \n**（2005年12月29日某某委员会第四十九次会议通过）\n\n**某某法院关于某某问题的**\n\n**的批复\n**  \n\n恢复**同志的党员权利。\n",
			"1 | 某某机关关于某某问题的规定\n2  （2005年12月29日某某委员会第四十九次会议通过）\n4 b| 某某法院关于某某问题的\n6 | 的批复\n9 | 恢复**同志的党员权利。\n"},
		{"table",
			"| 条文 | 罪名 |\n|---|---|\n| 第152条 | 走私罪 |\n",
			"1 head | 条文 | 罪名\n3 body | 第152条 | 走私罪\n"},
		{"table with escaped pipes",
			"| 类别 \\| 住宿费 \\| 合计 \\|\n\n| 一类 \\| 500 \\| 760 \\|\n\n| \\| \\| \\|\n\n|不是表格\n",
			"1 body | 类别 | 住宿费 | 合计\n3 body | 一类 | 500 | 760\n7 | |不是表格\n"},
		{"pandoc table",
			"  ------- -------\n  甲       乙\n  ------- -------\n",
			"2 | 甲 乙\n"},
		{"front matter keeps line numbers",
			"---\ntitle: 题\ndate: 2025-02-12\n---\n\n### 引题\n\n# 题\n",
			"6 h3| 引题\n8 h1| 题\n"},
		{"setext and empty heading",
			"### \n\n标题\n===\n\n　　正文缩进。\n",
			"3 h1| 标题\n6 | 正文缩进。\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := show(c.in); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestReadMeta(t *testing.T) {
	p, probs := Read("---\ntitle: 题\ndate: 2025-02-12\nsection: 第10版\n---\n正文\n")
	if len(probs) > 0 || p.Meta.Title != "题" || p.Meta.Date != "2025-02-12" || p.Meta.Page != "第10版" {
		t.Errorf("meta %+v, problems %v", p.Meta, probs)
	}
}

// FuzzRead checks that Markdown of any shape reads without a panic into
// lines with text and a line inside the file.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"# 标题\n\n**第一条** 正文", "- a\n  - b\n> c", "---\ntitle: x\n---\n| a | b |\n|-|-|\n", "\\<color\n#fff\\>x`</color>`{html}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := strings.Count(s, "\n") + 1
		p, _ := Read(s)
		for _, l := range p.Lines {
			if l.Text == "" || l.Line < 1 || l.Line > n {
				t.Fatalf("bad line %+v of %q", l, s)
			}
		}
	})
}

// TestParticularsMarker: the lines above <!-- INFO END --> are the file's
// particulars; those below it, and every line of a file without the
// marker, are not. Another comment marks nothing.
func TestParticularsMarker(t *testing.T) {
	header := func(src string) string {
		p, _ := Read(src)
		var b strings.Builder
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "%v:%s ", l.Header, l.Text)
		}
		return b.String()
	}
	for _, c := range []struct{ src, want string }{
		{"# 某某条例\n\n1984年4月4日 某部\n\n某委发布\n\n<!-- INFO END -->\n\n第一条 甲。\n",
			"true:某某条例 true:1984年4月4日 某部 true:某委发布 false:第一条 甲。 "},
		{"# 某某条例\n\n某委发布\n\n<!-- 注释 -->\n\n第一条 甲。\n",
			"false:某某条例 false:某委发布 false:第一条 甲。 "},
	} {
		if got := header(c.src); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
	}
}

// TestSiteFooter checks that the literal check before the footer
// expression leaves out no line the expression matches.
func TestSiteFooter(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"京ICP备11001839号", true},
		{"沪ICP证 020000号 网站地图", true},
		{"京公网安备11000002000025号", true},
		{"互联网新闻信息服务备案：10120170004", true},
		{"© 2004-2024 某网", true},
		{"  Copyright © 2019 某网 版权所有", true},
		{"Copyright 2019", true},
		{"第一条 为了规范ICP经营活动，制定本办法。", false},
		{"第二条 本条例所称公网安备，是指备案。", false},
		{"第三条 本办法自2020年1月1日起施行。", false},
		{"", false},
	} {
		if got := isSiteFooter(tc.line); got != tc.want || got != siteFooter.MatchString(tc.line) {
			t.Errorf("isSiteFooter(%q) = %v, want %v (expression: %v)", tc.line, got, tc.want, siteFooter.MatchString(tc.line))
		}
	}
}
