package page

import (
	"testing"

	"tiaoli/generator/model"
)

// TestMarkSubheads: the bare and numbered subheadings of a write-up
// printed as plain text become headings, numbered ones nested by their
// label; a lone short line, a short sentence, a line before another short
// line and the short lines of a list stay text.
func TestMarkSubheads(t *testing.T) {
	para := "某某，中共党员，某市某局办公室主任，于某年收受他人财物，数额较大。"
	long := para + "经审查，某某的行为构成受贿，应当依纪依法处理。"
	for _, tc := range []struct {
		name string
		in   []string
		want []int // indexes marked as headings
	}{
		{"case", []string{"基本案情", para, para, "裁判要旨", para, "【评析意见】", para}, []int{0, 3, 5}},
		{"one only", []string{para, "基本案情", para, para}, nil},
		{"sentence", []string{"他同意。", para, "对此有异议", para}, nil},
		{"before a short line", []string{"基本情况", "基本案情", para, "裁判要旨", para, "评析", para}, []int{1, 3, 5}},
		{"last line", []string{"基本案情", para, "裁判要旨", para, "责任编辑 某某"}, []int{0, 2}},
		{"numbered", []string{para, "一、本罪的主体", para, "二、挪用、侵占公款的区分", para}, []int{1, 3}},
		{"numbered after bare", []string{"评析意见", para, "一、某甲的行为不构成贪污罪", para}, []int{0, 2}},
		{"numbered sentence", []string{"一、本罪的主体；特殊主体", para, "二、本罪的客体。", para, "三、本罪的主观方面：故意", para}, nil},
		{"long before prose", []string{para, "弄清“查什么、调什么”是审查调查的前提", long, "明确怎么查怎么调是审查调查工作的关键", long}, []int{1, 3}},
		{"long before a short line", []string{"过往文章", "某某措施期限热点常识问题的全面解析", "某某人员收受红包回扣是否犯法？", "某某调查后律师何时可以会见和阅卷", "亲属被调查后怎么办？"}, nil},
		{"a list in a short line", []string{"贪污、受贿", para, "挪用、侵占", para}, nil},
		{"two phrases", []string{para, "（二）还原事实过程，确保情节翔实", para, "（三）紧盯关键疑点，主动填补漏洞", para}, []int{1, 3}},
		{"list end", []string{"一、本罪的主体", para, "1.国有公司", "2.国有企业", para, "二、本罪的客体", para}, []int{0, 5}},
		{"after a long item", []string{"1.某某条例的规定：", para, "2.某某办法的规定：", para, "3.虚列支出", para, "4.虚增支出", para}, []int{4, 6}},
		{"before its first subsection", []string{"一、关于贪污罪", "（一）贪污罪的认定", para, "（二）受贿罪的认定", para}, []int{0, 1, 3}},
		{"before a colon", []string{"一、本罪的主体", para, "二、本罪的立案标准", "涉嫌下列情形之一的，应予立案追诉:", "（一）造成损失的；"}, []int{0, 2}},
		{"after sentence items", []string{"申请人应当提交下列材料：", "1.申请书，载明申请事项和理由", "2.身份证明文件", para,
			"有下列情形之一的，不予受理：", "（一）申请材料不齐全，经告知仍未补正的", "（二）超过申请期限", para}, nil},
		{"after a heading run into its text", []string{"一、本罪的主体", para, "（一）国有公司的认定 " + para, "（二）国有企业的认定", para}, []int{0, 3}},
		{"questions", []string{"1.合同是否有效", para, "2.违约金是否过高", para}, []int{0, 2}},
		{"list start", []string{"一、本罪的主体", para, "1.国有公司", "2." + para, "二、本罪的客体", para}, []int{0, 4}},
	} {
		ps := make([]model.Paragraph, len(tc.in))
		for i, s := range tc.in {
			ps[i].Text = s
		}
		markSubheads(ps)
		var got []int
		for i, p := range ps {
			if p.Heading > 0 {
				got = append(got, i)
			}
		}
		if len(got) != len(tc.want) || (len(got) > 0 && !equalInts(got, tc.want)) {
			t.Errorf("%s: headings at %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestNumberedSubheadLevels: numbered subheadings nest by their label, the
// outermost kind used at the level of a bare subheading.
func TestNumberedSubheadLevels(t *testing.T) {
	para := "某某，中共党员，某市某局办公室主任，于某年收受他人财物，数额较大。"
	for _, tc := range []struct {
		name string
		in   []string
		want []int // heading level of each paragraph
	}{
		{"two kinds", []string{"一、本罪的主体", para, "1.国有公司", para, "二、本罪的客体", para},
			[]int{3, 0, 4, 0, 3, 0}},
		{"digits only", []string{"1.国有公司", para, "2.国有企业", para}, []int{3, 0, 3, 0}},
		{"three kinds", []string{"一、主体", para, "（一）国有公司", para, "1.独资公司", para},
			[]int{3, 0, 4, 0, 5, 0}},
	} {
		ps := make([]model.Paragraph, len(tc.in))
		for i, s := range tc.in {
			ps[i].Text = s
		}
		markSubheads(ps)
		got := make([]int, len(ps))
		for i, p := range ps {
			got[i] = p.Heading
		}
		if !equalInts(got, tc.want) {
			t.Errorf("%s: levels %v, want %v", tc.name, got, tc.want)
		}
	}
}

func equalInts(a, b []int) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
