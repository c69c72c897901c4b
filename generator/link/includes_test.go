package link

import (
	"strings"
	"testing"
)

// TestSameBelow reads the term a 下同 gloss extends: the phrase before the
// bracket, not the head noun the gloss shares with it, and only where the
// text after the gloss uses the phrase again.
func TestSameBelow(t *testing.T) {
	reg := regulationDoc("某省规划条例",
		"第一条 省主管部门组织编制区域城镇体系规划（包括城市群规划，下同），报省人民政府审批。主管部门应当对城市总体规划（包括分区规划，下同）组织论证。",
		"第二条 城市总体规划应当与土地利用规划相衔接。职工代表大会（或者职工大会，下同）审议规划事项。",
		"第三条 职工代表大会每年召开一次。",
		"第四条 并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上的罚款。",
		"第五条 产品质量应当检验合格。用人单位应当依照本条例的规定组织本单位（含本系统，下同）适龄公民履行义务。",
		"第六条 或者内部地图（含内部书刊地图插页，下同）不得公开出版。",
		"第七条 本条例所称危险物品，是指易燃易爆物品。生产、储存危险物品（包括使用管道输送危险物品，下同）的单位应当备案。储存危险物品的单位应当报告。",
		"第八条 设立中介服务机构（含兼营中介业务的单位，下同），应当备案。中介服务机构应当公示。",
		"第九条 所有权人和使用权人（包括承包经营权人，下同）协商。使用权人应当同意。",
		"第十条 违法经营的兽类药（包括已售出的兽类药，下同）一律没收。兽类药应当检验。",
		"第十一条 本条例所称兽类药，是指用于动物的药。",
	)
	c := corpusOf(reg)
	Link(c, nil)
	var got []string
	for _, x := range c.Terms {
		got = append(got, x.Term+"="+x.Definition)
	}
	want := []string{
		"城市总体规划=包括分区规划",
		"职工代表大会=或者职工大会",
		"产品=包括已售出和未售出的产品",
		"危险物品=易燃易爆物品",
		"中介服务机构=含兼营中介业务的单位",
		"使用权人=包括承包经营权人",
		"兽类药=用于动物的药",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("terms:\ngot  %q\nwant %q", got, want)
	}
	expectLinks(t, &reg.Articles[1].Clauses[0].Paragraph, "城市总体规划:T", "职工代表大会:=")
	expectLinks(t, &reg.Articles[2].Clauses[0].Paragraph, "职工代表大会:T")
}

// TestIncludedInArticle: the kinds a definition limited to its article
// names (本条所称X，包括A、B和C) are named in that article alone: a B of
// another article is a word of its own, not a kind of X; without the
// limit they are named in the rest of the document.
func TestIncludedInArticle(t *testing.T) {
	reg := regulationDoc("某省节约条例",
		"第一条 本条例所称节约设施，是指节约用料的设施。",
		"第二条 单位应当安装节约设施。本条所称节约设施，包括节约器具、设备和计量设施。设备应当定期检修。",
		"第三条 企业应当采用先进工艺和设备。",
		"第四条 本条例所称材料，包括原料和辅料。",
		"第五条 辅料应当登记。",
	)
	c := corpusOf(reg)
	Link(c, nil)
	scopes := map[string]string{}
	for _, x := range c.Terms {
		scopes[x.Term] = x.Scope
	}
	for term, want := range map[string]string{"设备": scopeArticle, "计量设施": scopeArticle, "辅料": scopeRest} {
		if scopes[term] != want {
			t.Errorf("%s: scope %q, want %q", term, scopes[term], want)
		}
	}
	expectLinks(t, &reg.Articles[2].Clauses[0].Paragraph)
	expectLinks(t, &reg.Articles[4].Clauses[0].Paragraph, "辅料:T")
}

// TestSplitIncluded: the members of a list after 包括 are plain names; a
// member that 以及 joins to the next (水库以及水渠) is two, and a member that
// 等 and the category of the list end (水塘等水体) is what comes before 等,
// unless 等 is a character of a word (高等, 等级). A member too long to be a
// name still makes the list none, cut or not.
func TestSplitIncluded(t *testing.T) {
	tests := []struct {
		list string
		want []string
	}{
		{"江河、湖泊、水库以及水渠、水塘等水体", []string{"江河", "湖泊", "水库", "水渠", "水塘"}},
		{"批发、零售以及出租、展销等活动", []string{"批发", "零售", "出租", "展销"}},
		{"人工煤气、天然气和液化石油气等气体燃料", []string{"人工煤气", "天然气", "液化石油气"}},
		{"幼儿园、中等职业学校、高等学校和特殊教育学校", []string{"幼儿园", "中等职业学校", "高等学校", "特殊教育学校"}},
		{"现状技术等级和发展规划技术等级", []string{"现状技术等级", "发展规划技术等级"}},
		{"国有企业、外国企业以及其他企业和事业单位、军队以及其他单位", nil},
		{"销售货物所得、股息红利等权益性投资所得、利息所得和其他所得", nil},
	}
	for _, tt := range tests {
		if got := splitIncluded(tt.list); strings.Join(got, "/") != strings.Join(tt.want, "/") {
			t.Errorf("splitIncluded(%q) = %q, want %q", tt.list, got, tt.want)
		}
	}
}
