package audit_test

import (
	"strings"
	"testing"

	"tiaoli/generator/audit"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
)

func clause(text string, line int, items ...*model.Item) *model.Clause {
	return &model.Clause{Paragraph: model.Paragraph{Text: text, Position: model.Position{Path: "a.md", Line: line}}, Items: items}
}

func article(label string, line int, cs ...*model.Clause) *model.Article {
	n, _ := numeral.Parse(strings.TrimSuffix(strings.TrimPrefix(label, "第"), "条"))
	return &model.Article{Number: n, Label: label, URL: "/d/" + label + "/", Clauses: cs, Position: model.Position{Path: "a.md", Line: line}}
}

// TestChecks runs each check on a document misread the way its class
// describes, and on one read right.
func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		class string
		doc   *model.Document
		want  int
	}{
		{audit.HeadingAsClause, doc("某法", article("第一条", 1, clause("甲应当乙。", 1), clause("第二章 中介合同", 3))), 1},
		{audit.HeadingAsClause, doc("某法", article("第一条", 1, clause("甲应当乙。", 1), clause("违法所得的没收程序", 3))), 1},
		{audit.HeadingAsClause, doc("某法", article("第一条", 1, clause("甲应当乙。", 1), clause("丙可以丁。", 3))), 0},
		{audit.SplitClause, doc("某法", article("第一条", 1, clause("委员会由下列人员组成：", 1), clause("委员长，", 2), clause("委员若干人。", 3))), 1},
		{audit.SplitClause, doc("某法", article("第一条", 1, clause("有下列情形之一的：", 1, &model.Item{Label: "（一）", Number: 1}), clause("前款规定的情形，依法处理。", 5))), 0},
		{audit.AmendmentQuote, doc("某法修正案", article("第一条", 1, clause("增加一条，作为第九条：“第九条 甲。", 1)), article("第九条", 2, clause("乙。”", 2))), 1},
		{audit.AmendmentQuote, doc("某法修正案", article("第一条", 1, clause("将第九条修改为：“第九条 甲。”", 1)), article("第二条", 2, clause("乙。", 2))), 0},
		{audit.AmendmentQuote, doc("某法修正案", article("第一条", 1, clause("将第九条修改为：", 1)), article("第九条", 2, clause("甲。", 2))), 1},
		{audit.TableAsText, doc("某规定", article("第一条", 1, clause("| 第1条 | 甲罪 |", 1))), 1},
		{audit.Apparatus, doc("某法", article("第一条", 1, clause("本法自公布之日起施行。", 1), clause("① 施行日期依各法律确定。", 3))), 1},
		{audit.Apparatus, doc("某法", article("第一条", 1, clause("①甲；", 1), clause("②乙。", 3))), 0},
		{audit.LostDivisionLabel, divided(heading("章", 1, "总则"), heading("章", 0, "管理"), heading("章", 5, "附则")), 1},
		{audit.LostDivisionLabel, divided(heading("章", 1, "总则"), heading("章", 2, "管理"), heading("章", 0, "附则")), 0},
		// a 节 without a label is a sibling of the numbered 节 of its own 章 only
		{audit.LostDivisionLabel, divided(heading("章", 1, "总则"), heading("节", 1, "一般规定"), heading("章", 2, "管理"), heading("节", 0, "规划")), 0},
		{audit.LostDivisionLabel, divided(heading("章", 1, "总则"), heading("节", 1, "一般规定"), heading("节", 0, "规划")), 1},
	} {
		c := &model.Corpus{Documents: []*model.Document{tc.doc}}
		got := count(audit.Run(c), tc.class)
		if got != tc.want {
			t.Errorf("%s on %s: %d findings, want %d", tc.class, tc.doc.Articles[len(tc.doc.Articles)-1].Clauses[0].Text, got, tc.want)
		}
	}
}

func doc(title string, as ...*model.Article) *model.Document {
	return &model.Document{ID: "d", Kind: model.KindRegulation, Title: title, Date: "2020-01-01", Regulation: model.Regulation{Articles: as}}
}

// divided is a regulation of one article under the headings hs.
func divided(hs ...model.Heading) *model.Document {
	d := doc("某法", article("第一条", 9, clause("甲应当乙。", 9)))
	d.Headings = hs
	return d
}

// heading is a division of level numbered n (0: printed without a label).
func heading(level string, n int, title string) model.Heading {
	h := model.Heading{Level: level, Title: title, Number: n, Position: model.Position{Path: "a.md", Line: 1}}
	if n > 0 {
		h.Label = "第" + numeral.Format(n) + level
	}
	return h
}

func count(rs []audit.Result, class string) int {
	for _, r := range rs {
		if r.Class == class {
			for _, f := range r.Findings {
				if f.Class != class || f.Path == "" || f.Line == 0 {
					panic("finding without class or position")
				}
			}
			return len(r.Findings)
		}
	}
	return -1
}

// TestQuotedSelfReference checks that a 本法 inside an amendment's
// quotation that resolves to the amendment itself is found, and only when
// the amendment is the document its ID finds.
func TestQuotedSelfReference(t *testing.T) {
	text := "将第九条修改为：“本法自公布之日起施行。”"
	self := &model.Reference{
		From: model.Location{Document: "d", Article: "第一条", Paragraph: 1, Start: strings.Index(text, "本法"), End: strings.Index(text, "本法") + len("本法")},
		Text: "本法", To: &model.Location{Document: "d"}, Kind: "document",
	}
	amending := doc("某法修正案", article("第一条", 1, clause(text, 1)))
	other := doc("某法", article("第一条", 1, clause("甲应当乙。", 1)))
	for _, tc := range []struct {
		name string
		docs []*model.Document
		want int
	}{
		{"amendment", []*model.Document{amending}, 1},
		{"amendment after another document of its ID", []*model.Document{other, amending}, 0},
	} {
		c := &model.Corpus{Documents: tc.docs, References: []*model.Reference{self}}
		if got := count(audit.Run(c), audit.AmendmentQuote); got != tc.want {
			t.Errorf("%s: %d findings, want %d", tc.name, got, tc.want)
		}
	}
}

// TestAuthorLineInText: a write-up's closing author line left in its text
// is a news-page finding; the same words in a sentence are none.
func TestAuthorLineInText(t *testing.T) {
	for last, want := range map[string]int{
		"（作者：张三 李四 单位：某市纪委监委）": 1,
		"作者认为，这种行为构成受贿。":       0,
	} {
		d := &model.Document{ID: "d", Kind: model.KindCommentary, Title: "某某行为辨析", URL: "/d/d/", Body: []model.Paragraph{
			{Text: "笔者认为，某某行为应当认定为受贿。", Position: model.Position{Path: "a.md", Line: 1}},
			{Text: last, Position: model.Position{Path: "a.md", Line: 3}},
		}}
		if got := count(audit.Run(&model.Corpus{Documents: []*model.Document{d}}), audit.NewsPage); got != want {
			t.Errorf("%s: %d findings, want %d", last, got, want)
		}
	}
}
