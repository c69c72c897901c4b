package page

import "testing"

// TestSectionNotSubtitle checks that a headline line that heads a section
// of the body (its text under it, a line of its level later) stays in the
// body, while real subtitles stay in the headline.
func TestSectionNotSubtitle(t *testing.T) {
	for _, c := range []struct {
		name, src, subtitle, first string
	}{
		{"section under title", "# 甲诉乙合同案\n\n## 事实经过\n\n甲与乙订立合同。\n\n## 处理结果\n\n驳回。\n", "", "事实经过"},
		{"case name above a section", "# 合同效力的认定\n\n## 甲诉乙合同案\n\n## 事实经过\n\n甲与乙订立合同。\n\n## 处理结果\n\n驳回。\n", "甲诉乙合同案", "事实经过"},
		{"bold dash subtitle above a bold section", "**某问题的认定**  \n**——某系列评析**\n\n**事实经过**\n\n甲违反纪律。\n\n**分歧意见**\n\n有两种意见。\n", "——某系列评析", "事实经过"},
		{"bold dash subtitle above text", "**某问题的认定**  \n**——某系列评析**\n\n开头的正文。\n\n**一、做法**\n\n正文。\n", "——某系列评析", "开头的正文。"},
		{"a heading with no sibling", "# 某法典\n\n# 某编\n\n## 第一章 一般规定\n\n第一条 为了规范某事，制定本法。\n\n第二条 本法适用于某事。\n", "某编", ""},
		{"deeper heading with no sibling", "# 某文章\n\n## 某副题\n\n正文。\n", "某副题", "正文。"},
		{"the title printed again", "# 某某院关于某某问题的批复（2000）\n\n**某某院关于某某问题的批复**\n\n某某省某某院：\n\n经研究，批复如下。\n", "", ""},
		{"the title printed again over two lines", "# 某某院关于某某问题的批复\n\n**某某院**\n**关于某某问题的批复**\n\n某某省某某院：\n\n经研究，批复如下。\n", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := splitMD(t, "p.md", c.src, "")
			if len(docs) != 1 {
				t.Fatalf("documents: %s", summary(docs))
			}
			d := docs[0]
			if d.Subtitle != c.subtitle {
				t.Errorf("subtitle %q, want %q", d.Subtitle, c.subtitle)
			}
			if c.first != "" && (len(d.Body) == 0 || d.Body[0].Text != c.first) {
				t.Errorf("body starts %+v, want %q", d.Body, c.first)
			}
		})
	}
}

// TestColumn: a headline that starts with its column's name and a bar
// gives the column as kicker; other bars and other headlines do not.
func TestColumn(t *testing.T) {
	for _, tc := range []struct{ in, kicker, title string }{
		{"漫说党纪 | 工作失职行为", "漫说党纪", "工作失职行为"},
		{"案例评析|村民小组长能否成为贪污罪的主体？", "案例评析", "村民小组长能否成为贪污罪的主体？"},
		{"两会声音丨代表委员谈基层治理", "两会声音", "代表委员谈基层治理"},
		{"常见职务犯罪解读 ｜ 滥用职权罪③定罪与量刑", "常见职务犯罪解读", "滥用职权罪③定罪与量刑"},
		{"某某条例", "", ""},
		{"| 开头就是竖线", "", ""},
		{"这是一个很长很长的不像栏目名称的标题 | 后文", "", ""},
		{"甲 | 乙 | 丙", "", ""},
		{"A | B", "", ""},
	} {
		k, title, ok := column(tc.in)
		if ok != (tc.kicker != "") || k != tc.kicker || title != tc.title {
			t.Errorf("column(%q) = %q, %q, %v; want %q, %q", tc.in, k, title, ok, tc.kicker, tc.title)
		}
	}
}

// TestWithoutSiteName: a saved web page's title loses the site it ends in;
// a title without one is kept.
func TestWithoutSiteName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"关于审理某某案件若干问题的解释_某某律师", "关于审理某某案件若干问题的解释"},
		{"国务院关于某某工作的通知 - 中国政府网", "国务院关于某某工作的通知"},
		{"某某条例", "某某条例"},
		{"某某_x", "某某_x"},
		{"短_某某网", "短_某某网"},
		{"关于某某的通知_这是一段很长的不像网站名称的文字", "关于某某的通知_这是一段很长的不像网站名称的文字"},
	} {
		if got := withoutSiteName(tc.in); got != tc.want {
			t.Errorf("withoutSiteName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLongRegulationTitle: in plain text, a regulation's title line longer
// than other titles (the issuers and the matter it rules on) is still its
// headline, and the file's name (with its date) is not the title; a line
// as long that is no regulation's title is no headline.
func TestLongRegulationTitle(t *testing.T) {
	long := "某某人民法院、某某人民检察院关于办理利用某某网络、某某终端、某某平台制作、复制、出版、贩卖、传播某某信息刑事案件具体应用法律若干问题的解释"
	body := "\n\n第一条 为了某某，制定本解释。\n\n第二条 本解释适用于某某。\n"
	for _, c := range []struct{ name, first, title string }{
		{"interpretation", long, long},
		{"with a version mark", long + "（二）", long + "（二）"},
		{"with a year", long + "(2004)", long + "(2004)"},
		{"a regulation", "某某省某某市关于某某某某某某某某某某、某某某某某某某某某某某某某某某某某某某某某某某某某某管理的若干规定", "某某省某某市关于某某某某某某某某某某、某某某某某某某某某某某某某某某某某某某某某某某某某某管理的若干规定"},
		{"not a title", "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某的情况", "解释(2004-09-03)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := splitText("解释(2004-09-03).txt", c.first+body, "")
			if len(docs) != 1 || docs[0].Title != c.title {
				t.Errorf("documents %s, want one titled %s", summary(docs), c.title)
			}
		})
	}
}
