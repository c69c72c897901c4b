package sitetest

import (
	"cmp"
	"slices"

	"tiaoli/generator/model"
)

// article makes an article with one 款 per text.
func article(n, suffix int, label string, path []string, line int, texts ...string) *model.Article {
	a := &model.Article{Number: n, Suffix: suffix, Label: label, Path: path,
		Position: model.Position{Path: PageDaily, Line: line}}
	for i, t := range texts {
		a.Clauses = append(a.Clauses, &model.Clause{Paragraph: para(PageDaily, line+i, t)})
	}
	return a
}

func loc(doc, art string, p, item int) model.Location {
	return model.Location{Document: doc, Article: art, Paragraph: p, Item: item}
}

func (b *builder) rule() *model.Document {
	ch1, ch2, ch3 := "第一章 总则", "第二章 谈话的开展", "第三章 附则"
	s1, s2 := "第一节 定期谈话", "第二节 其他规定"
	arts := []*model.Article{
		article(1, 0, "第一条", []string{ch1}, 10, "为了规范谈心谈话工作，根据《机关工作条例》，制定本规定。"),
		article(2, 0, "第二条", []string{ch1}, 11, "本规定所称定期谈话，是指党组织负责人按照年度计划同下级单位负责人开展的谈话（以下简称年度谈话）。"),
		article(3, 0, "第三条", []string{ch2, s1}, 12, "开展定期谈话，应当遵循年度计划。", "定期谈话包括下列内容：", "AEO企业负责人的谈话，参照前款执行。"),
		article(4, 0, "第四条", []string{ch2, s2}, 20, "违反本规定第三条第二款第（三）项的，依照有关规定处理。"),
		article(5, 0, "第五条", []string{ch2, s2}, 21, "年度谈话结束后，应当形成记录。"),
		article(5, 1, "第五条之一", []string{ch2, s2}, 22, "谈话记录应当妥善保存。"),
		article(7, 0, "第七条", []string{ch3}, 23, "本规定自发布之日起施行，涉及WTO的事项另行规定。"),
	}
	items := []string{"履行职责情况；", "遵守纪律情况；", "落实三必须情况，即：必须准备、必须记录。"}
	for i, t := range items {
		arts[2].Clauses[1].Items = append(arts[2].Clauses[1].Items, &model.Item{
			Label: "（" + []string{"一", "二", "三"}[i] + "）", Number: i + 1, Paragraph: para(PageDaily, 14+i, t)})
	}
	p := func(a, i int) *model.Paragraph { return &arts[a].Clauses[i].Paragraph }
	b.ref(p(0, 0), loc("rule", "第一条", 1, 0), "《机关工作条例》", nil, "机关工作条例")
	b.term(p(1, 0), loc("rule", "第二条", 1, 0), TermRegular, true)
	b.term(p(1, 0), loc("rule", "第二条", 1, 0), TermAnnual, true)
	b.term(p(2, 0), loc("rule", "第三条", 1, 0), TermRegular, false)
	b.term(p(2, 1), loc("rule", "第三条", 2, 0), TermRegular, false)
	b.term(&arts[2].Clauses[1].Items[2].Paragraph, loc("rule", "第三条", 2, 3), TermList, true)
	b.term(p(2, 2), loc("rule", "第三条", 3, 0), TermAEO, false)
	to := loc("rule", "第三条", 2, 0)
	b.ref(p(2, 2), loc("rule", "第三条", 3, 0), "前款", &to, "")
	to3 := loc("rule", "第三条", 2, 3)
	b.ref(p(3, 0), loc("rule", "第四条", 1, 0), "第三条第二款第（三）项", &to3, "")
	b.ref(p(3, 0), loc("rule", "第四条", 1, 0), "本规定", &model.Location{Document: "rule"}, "")
	b.term(p(4, 0), loc("rule", "第五条", 1, 0), TermAnnual, false)
	for _, a := range arts {
		for _, c := range a.Clauses {
			sortLinks(&c.Paragraph)
		}
	}
	return &model.Document{
		Kind: model.KindRegulation, Title: RuleTitle, Date: "2026-01-08", Status: "有效",
		Sources: []model.Position{{Path: PageDaily, Line: 8}, {Path: PageEvening, Line: 20}},
		Regulation: model.Regulation{
			Issuer:    "省委办公厅",
			Approval:  "（2026年1月5日省委批准 2026年1月8日省委办公厅发布）",
			Published: "2026-01-08", ValidFrom: "2026-01-08",
			Headings: []model.Heading{
				{Level: "章", Depth: 0, Label: "第一章", Number: 1, Title: "总则", Article: 0},
				{Level: "章", Depth: 0, Label: "第二章", Number: 2, Title: "谈话的开展", Article: 2},
				{Level: "节", Depth: 1, Label: "第一节", Number: 1, Title: "定期谈话", Article: 2},
				{Level: "节", Depth: 1, Label: "第二节", Number: 2, Title: "其他规定", Article: 3},
				{Level: "章", Depth: 0, Label: "第三章", Number: 3, Title: "附则", Article: 6},
			},
			Articles: arts,
			Variants: []model.Variant{
				{Where: "第三条第一款", Article: "第三条", Paragraph: 1, Chosen: "开展定期谈话", Rule: "corpus",
					Readings: []model.Reading{{Source: PageDaily, Text: "开展定期谈话", Line: 12}, {Source: PageEvening, Text: "开展定朝谈话", Line: 24}}},
				{Where: "第五条", Article: "第五条", Paragraph: 1, Chosen: "形成记录", Rule: "first-source", Undecided: true,
					Readings: []model.Reading{{Source: PageDaily, Text: "形成记录", Line: 21}, {Source: PageEvening, Text: "形成纪录", Line: 30}}},
			},
			Repairs: []model.Repair{{Position: model.Position{Path: PageEvening, Line: 26}, Kind: "duplicate-char",
				Before: "年度计\n计划", After: "年度计划", Message: "一个字在换行两侧重复印出"}},
		},
	}
}

func (b *builder) oldRule() *model.Document {
	arts := []*model.Article{
		article(1, 0, "第一条", nil, 3, "谈话记录由办公室统一管理，依照第九条处理。"),
		article(1, 0, "第一条", nil, 4, "重复编号的条文。"),
		article(2, 0, "第二条", nil, 5, "定期谈话的记录，按照《机关单位谈心谈话工作规定》第二条执行。"),
	}
	for _, a := range arts {
		a.Path, a.Position.Path = nil, RuleFile
	}
	b.ref(&arts[0].Clauses[0].Paragraph, loc("old", "第一条", 1, 0), "第九条", nil, "")
	b.term(&arts[2].Clauses[0].Paragraph, loc("old", "第二条", 1, 0), TermRegular, false)
	to := loc("rule", "第二条", 0, 0)
	b.ref(&arts[2].Clauses[0].Paragraph, loc("old", "第二条", 1, 0), "《机关单位谈心谈话工作规定》第二条", &to, RuleTitle)
	sortLinks(&arts[2].Clauses[0].Paragraph)
	return &model.Document{Kind: model.KindRegulation, Title: OldRuleTitle, Date: "2019-05-01", Status: "已废止",
		Sources: []model.Position{{Path: RuleFile, Line: 1}},
		Regulation: model.Regulation{Issuer: "机关事务局", Published: "2019-05-01", Articles: arts,
			History: []string{"2019年5月1日机关事务局发布"}}}
}

func (b *builder) news(rule *model.Document) *model.Document {
	body := []model.Paragraph{
		para(PageDaily, 4, "新华社北京2月12日电 近日，省委办公厅印发了《机关单位谈心谈话工作规定》，并发出通知，要求认真遵照执行。"),
		para(PageDaily, 6, "通知指出，谈心谈话是加强管理监督的重要方式。"),
	}
	b.ref(&body[0], loc("news", "", 1, 0), "《机关单位谈心谈话工作规定》", &model.Location{Document: "rule"}, RuleTitle)
	b.term(&body[1], loc("news", "", 2, 0), TermGlossary, false)
	d := &model.Document{Kind: model.KindNews, Kicker: "加强管理监督", Title: NewsTitle, Subtitle: "要求各单位认真遵照执行",
		Date: "2026-02-12", Body: body, Bylines: []string{"王明"},
		Dateline: &model.Dateline{Agency: "新华社", Place: "北京", Date: "2026-02-12", Text: "新华社北京2月12日电"},
		Sources:  []model.Position{{Path: PageDaily, Line: 2}}, ContinuedTo: "第二版"}
	rule.Carrier = d
	return d
}

func (b *builder) notice() *model.Document {
	sub := &model.Section{Label: "（一）", Title: "值班人员",
		Body: []model.Paragraph{para(PageEvening, 44, "值班人员应当保持通讯畅通。")}}
	return &model.Document{Kind: model.KindNotice, Title: "关于做好春节期间值班工作的通知", Date: "2026-02-10",
		Sources: []model.Position{{Path: PageEvening, Line: 40}},
		Regulation: model.Regulation{Issuer: "省委办公厅", Sections: []*model.Section{
			{Label: "一、", Title: "加强值班", Sections: []*model.Section{sub},
				Body: []model.Paragraph{para(PageEvening, 42, "各单位要严格执行值班制度。")}},
			{Label: "二、", Title: "注意安全",
				Body: []model.Paragraph{para(PageEvening, 46, "节日期间要加强安全检查。"), para(PageEvening, 47, "发现问题及时报告。")}},
		}}}
}

func sortLinks(p *model.Paragraph) {
	slices.SortStableFunc(p.Links, func(a, b model.Link) int { return cmp.Compare(a.Start, b.Start) })
}

// resolveIDs replaces the fixture's placeholder document names in
// locations with the IDs addressing gave.
func (b *builder) resolveIDs(ids map[*model.Document]string) {
	real := map[string]string{}
	for d, name := range ids {
		real[name] = d.ID
	}
	fix := func(l *model.Location) {
		if l != nil && real[l.Document] != "" {
			l.Document = real[l.Document]
		}
	}
	for _, t := range b.c.Terms {
		fix(t.DefinedIn)
		for i := range t.Occurrences {
			fix(&t.Occurrences[i])
		}
	}
	for _, r := range b.c.References {
		fix(&r.From)
		fix(r.To)
	}
	for _, cd := range b.c.Cited {
		for i := range cd.CitedBy {
			fix(&cd.CitedBy[i])
		}
	}
}

// sourceDocs lists on every source the documents it carries, in order.
func (b *builder) sourceDocs() {
	for _, s := range b.c.Sources {
		type at struct {
			line int
			id   string
		}
		var list []at
		for _, d := range b.c.Documents {
			for _, p := range d.Sources {
				if p.Path == s.Path {
					list = append(list, at{p.Line, d.ID})
				}
			}
		}
		slices.SortStableFunc(list, func(a, b at) int { return cmp.Compare(a.line, b.line) })
		for _, a := range list {
			s.Documents = append(s.Documents, a.id)
		}
	}
}
