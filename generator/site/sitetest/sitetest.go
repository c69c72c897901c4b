// Package sitetest builds a small hand-made corpus that exercises every
// page of the site: a regulation with chapters, sections, 款 and 项, a gap
// in its numbering, variants and repairs; a second regulation with a
// duplicate article; the news item that carries the first; a photo, an
// announcement whose text holds markup, and a notice without 条; terms of
// every kind and references resolved, external and unresolved.
//
// Tests of the renderer, the link checker and the browser tests share it
// until the parsing stages give the sample content the same coverage.
package sitetest

import (
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// Paths of the fixture's sources.
const (
	PageDaily   = "pages/2026-02-12-provincial-daily.txt"
	PageEvening = "pages/2026-02-12-evening-news.md"
	RuleFile    = "regs/old-rule.md"
)

// Titles of the fixture's main documents.
const (
	RuleTitle    = "机关单位谈心谈话工作规定"
	OldRuleTitle = "机关谈话记录管理办法"
	NewsTitle    = "省委办公厅印发《机关单位谈心谈话工作规定》"
	ScriptText   = "<script>alert(1)</script>"
)

// Indexes of the fixture's terms in Corpus.Terms.
const (
	TermRegular  = iota // 定期谈话, defined in 第二条
	TermAnnual          // 年度谈话, an abbreviation
	TermList            // 三必须, a list whose count does not match
	TermAEO             // AEO, an acronym with its expansion
	TermGlossary        // 谈心谈话, from the glossary
)

// builder collects terms and references while paragraphs are written.
type builder struct {
	c *model.Corpus
}

// Corpus returns a fresh fixture corpus with IDs and URLs assigned.
func Corpus() *model.Corpus {
	b := &builder{c: &model.Corpus{}}
	b.terms()
	rule := b.rule()
	old := b.oldRule()
	news := b.news(rule)
	photo := &model.Document{Kind: model.KindPhoto, Title: "春日田野", Date: "2026-02-12",
		Credits: []string{"新华社发（李明 摄）"},
		Body:    []model.Paragraph{para(PageDaily, 40, "2月12日，农民在田间劳作。")},
		Sources: []model.Position{{Path: PageDaily, Line: 39}}}
	notice := b.notice()
	ann := &model.Document{Kind: model.KindAnnouncement, Title: "遗失声明" + ScriptText, Date: "2026-02-12",
		Body:    []model.Paragraph{para(PageEvening, 60, "某单位不慎遗失"+ScriptText+"证件一本，声明作废。")},
		Sources: []model.Position{{Path: PageEvening, Line: 59}}}
	b.c.Documents = []*model.Document{news, rule, photo, notice, ann, old}
	b.c.Sources = []*model.Source{
		{Path: PageDaily, Format: "text", Encoding: "utf-8", Title: "省报 2026年2月12日 第1版",
			Date: "2026-02-12", Publication: "省报", Page: "第1版"},
		{Path: PageEvening, Format: "markdown", Encoding: "gb18030", Title: "晚报 2026年2月12日 第3版",
			Date: "2026-02-12", Publication: "晚报", Page: "第3版"},
		{Path: RuleFile, Format: "markdown", Encoding: "utf-8"},
	}
	b.c.Cited = []*model.CitedDocument{{Title: "机关工作条例",
		CitedBy: []model.Location{{Document: "rule", Article: "第一条", Paragraph: 1}}}}
	b.c.Errors = []model.Error{{Path: "pages/broken.txt", Line: 3, Message: "编码无效：字节0xFF不符合UTF-8，全文也不是GB18030，不读"}}
	address.Assign(b.c)
	address.Terms(b.c)
	b.resolveIDs(map[*model.Document]string{rule: "rule", old: "old", news: "news"})
	b.sourceDocs()
	return b.c
}

func (b *builder) terms() {
	b.c.Terms = []*model.Term{
		{Term: "定期谈话", Kind: model.TermDefined, Definition: "党组织负责人按照年度计划同下级单位负责人开展的谈话",
			DefinedIn: &model.Location{Document: "rule", Article: "第二条", Paragraph: 1}},
		{Term: "年度谈话", Kind: model.TermAbbreviation, Expansion: "定期谈话", Definition: "定期谈话的简称",
			DefinedIn: &model.Location{Document: "rule", Article: "第二条", Paragraph: 1}},
		{Term: "三必须", Kind: model.TermList, Count: 3, Members: []string{"必须准备", "必须记录"},
			Definition: "必须准备、必须记录",
			DefinedIn:  &model.Location{Document: "rule", Article: "第三条", Paragraph: 2, Item: 3}},
		{Term: "AEO", Kind: model.TermAcronym, Expansion: "经认证的经营者", Definition: "经认证的经营者"},
		{Term: "谈心谈话", Kind: model.TermGlossary, Definition: "党组织同党员、干部之间交流思想、沟通情况的谈话"},
	}
}

// para makes a paragraph at a position.
func para(path string, line int, text string) model.Paragraph {
	return model.Paragraph{Text: text, Position: model.Position{Path: path, Line: line}}
}

// term links the first occurrence of a term's name in p (after skip bytes)
// and records the occurrence.
func (b *builder) term(p *model.Paragraph, at model.Location, t int, def bool) {
	name := b.c.Terms[t].Term
	start := strings.Index(p.Text, name)
	if start < 0 {
		panic("sitetest: " + name + " not in " + p.Text)
	}
	p.Links = append(p.Links, model.Link{Start: start, End: start + len(name), Kind: "term", Term: t, Definition: def})
	at.Start, at.End = start, start+len(name)
	if !def {
		b.c.Terms[t].Occurrences = append(b.c.Terms[t].Occurrences, at)
	}
}

// ref links the first occurrence of text in p as a reference to to.
func (b *builder) ref(p *model.Paragraph, from model.Location, text string, to *model.Location, title string) {
	start := strings.Index(p.Text, text)
	if start < 0 {
		panic("sitetest: " + text + " not in " + p.Text)
	}
	from.Start, from.End = start, start+len(text)
	r := &model.Reference{From: from, Text: text, To: to, Title: title, External: to == nil && title != ""}
	p.Links = append(p.Links, model.Link{Start: start, End: start + len(text), Kind: "reference", Reference: len(b.c.References)})
	b.c.References = append(b.c.References, r)
}
