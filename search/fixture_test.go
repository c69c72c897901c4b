package search

import (
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// fixture is a small hand-built corpus: a regulation with articles, 款 and
// 项, two news items and the terms they define. Its text comes from the
// sample pages.
func fixture() *model.Corpus {
	p := func(s string) model.Paragraph { return model.Paragraph{Text: s} }
	cl := func(s string, items ...string) *model.Clause {
		c := &model.Clause{Paragraph: p(s)}
		for i, it := range items {
			c.Items = append(c.Items, &model.Item{Label: "(" + []string{"一", "二", "三", "四", "五", "六"}[i] + ")", Number: i + 1, Paragraph: p(it)})
		}
		return c
	}
	art := func(n int, label string, cs ...*model.Clause) *model.Article {
		a := &model.Article{Number: n, Label: label, URL: "d/jdth/a" + strconv.Itoa(n) + "/", Paragraphs: cs}
		address.ArticleAnchors(a)
		return a
	}
	reg := &model.Document{
		ID: "jdth", Kind: model.KindRegulation, URL: "d/jdth/",
		Title: "党委(党组)对下级党组织“一把手”开展监督谈话工作办法", Date: "2026-01-30",
		Regulation: model.Regulation{
			Issuer:   "中共中央办公厅",
			Approval: "(2026年1月30日中共中央批准 2026年1月30日中共中央办公厅发布)",
			Articles: []*model.Article{
				art(1, "第一条", cl("为了压实党委(党组)全面从严治党主体责任，加强对“一把手”的管理监督，根据《中国共产党党内监督条例》和有关规定，制定本办法。")),
				art(2, "第二条", cl("本办法适用于地方党委和按照《中国共产党党组工作条例》设立的党组(党委)在日常监督工作中，同下级党委(党组)、单位党组织(以下统称下级党组织)“一把手”就其履行全面从严治党第一责任人职责情况和严格自律情况开展的谈话(以下简称监督谈话)。"),
					cl("党的纪律检查机关、党的工作机关、党委直属事业单位在本单位开展监督谈话，党的基层组织开展监督谈话，参照本办法执行。")),
				art(4, "第四条", cl("开展监督谈话，应当遵循下列原则：", "坚持党要管党、全面从严治党；", "坚持突出重点；", "坚持抓早抓小、防微杜渐；")),
				art(5, "第五条", cl("监督谈话包括定期谈话和及时谈话。"),
					cl("党委(党组)应当结合巡视巡察、纪律审查、审计监督、专项检查、干部考核等情况，制定开展定期谈话的年度计划，明确工作分工和完成时限。地方党委在一届任期内、党组(党委)在批准其设立的党组织一届任期内，应当做到对下一级党组织“一把手”定期谈话全覆盖。"),
					cl("下一级党组织“一把手”存在下列情形之一的，党委(党组)应当及时谈话：", "信访举报反映其所在党组织管党治党方面的问题较多或者较为突出；", "其他需要开展及时谈话的情形。")),
				art(7, "第七条", cl("开展监督谈话，应当由党委(党组)领导班子成员作为谈话人，采取个别谈话的方式进行。其中，对市(地、州、盟)、县(市、区、旗)、乡镇(街道)党(工)委书记开展定期谈话的，应当由上一级党委书记作为谈话人。")),
				art(10, "第十条", cl("开展定期谈话，按照下列步骤进行：", "被谈话人报告自查情况；", "谈话人通报有关情况、严肃指出问题；"),
					cl("开展及时谈话，参照前款规定进行，并形成相关记录。")),
				art(11, "第十一条", cl("被谈话人应当围绕监督谈话指出的问题，认真对照检视，在谈话结束后1个月内提出整改措施。"),
					cl("被谈话人应当在谈话结束后3个月内向开展谈话的党委(党组)报告整改情况。")),
			},
		},
	}
	aeo := &model.Document{
		ID: "aeo", Kind: model.KindNews, URL: "d/aeo/", Date: "2026-02-13",
		Title: "AEO 这张“绿色通行证”含金量凸显", Kicker: "1%企业贡献近40%贸易额",
		Body: []model.Paragraph{
			p("据新华社北京2月12日电(记者 邹多为)AEO资质被视为开展国际贸易的“绿色通行证”。"),
			p("AEO是“经认证的经营者”的英文缩写。AEO制度是指世界海关组织倡导的，对信用状况、守法程度和安全水平较高的企业给予优惠便利的一项认证制度。"),
			p("2025年，AEO企业平均进出口查验率仅为常规企业的18.5%，超过5.6万票货物优先得到实验室检测。"),
		},
	}
	tz := &model.Document{
		ID: "tongzhi", Kind: model.KindNews, URL: "d/tongzhi/", Date: "2025-02-13",
		Title: "联合印发《关于严肃换届纪律加强换届风气监督的通知》",
		Body: []model.Paragraph{
			p("近日，中共中央纪委机关、中共中央组织部、国家监察委员会联合印发了《关于严肃换届纪律加强换届风气监督的通知》(以下简称《通知》)，要求各地在换届工作中认真贯彻落实。"),
			p("《通知》明确了“十严禁”的换届纪律规定，即：严禁结党营私、搞小圈子，严禁拉票贿选，严禁跑官要官、买官卖官，严禁干扰换届。"),
		},
	}
	return &model.Corpus{
		Documents: []*model.Document{reg, aeo, tz},
		Terms: []*model.Term{
			{ID: "jdth-t", Term: "监督谈话", Kind: model.TermAbbreviation, URL: "t/jdth-t/",
				Definition: "党委(党组)同下级党组织“一把手”开展的谈话",
				DefinedIn:  &model.Location{Document: "jdth", Article: "第二条", Paragraph: 1}},
			{ID: "dqth", Term: "定期谈话", Kind: model.TermDefined, URL: "t/dqth/",
				Definition: "监督谈话包括定期谈话和及时谈话。",
				DefinedIn:  &model.Location{Document: "jdth", Article: "第五条", Paragraph: 1}},
			{ID: "aeo-t", Term: "AEO", Kind: model.TermAcronym, Expansion: "经认证的经营者", URL: "t/aeo-t/",
				DefinedIn: &model.Location{Document: "aeo", Paragraph: 2}},
			{ID: "tz-t", Term: "《通知》", Kind: model.TermAbbreviation, URL: "t/tz-t/",
				Expansion: "《关于严肃换届纪律加强换届风气监督的通知》",
				DefinedIn: &model.Location{Document: "tongzhi", Paragraph: 1}},
		},
	}
}

var (
	fixtureOnce sync.Once
	fixtureIx   *Index
	fixtureErr  error
	fixtureDir  string
)

// openFixture builds the fixture's index once per test binary.
func openFixture(t testing.TB) *Index {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := tempDir("fixture")
		if err != nil {
			fixtureErr = err
			return
		}
		fixtureDir = filepath.Join(dir, IndexDir)
		if fixtureErr = BuildIndex(fixture(), fixtureDir); fixtureErr != nil {
			return
		}
		fixtureIx, fixtureErr = Open(fixtureDir)
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureIx
}
