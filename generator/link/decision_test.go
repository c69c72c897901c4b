package link

import (
	"slices"
	"testing"

)

// TestDecisionCitesUnamendedText: in a decision printed before the text it
// amends (model.Document.Decision), the decision's own words cite the text
// before the amendment: its earlier version when the corpus holds it, else
// nothing, with a problem; never the attached, amended articles. A place
// named as it is after the amendment (修改后《解释》第三条), the quotations of
// the new wording and the articles are the attached text's, and 本决定 names
// the decision.
func TestDecisionCitesUnamendedText(t *testing.T) {
	const notHeld = " names a version before this one that the corpus does not hold"
	cases := []struct {
		name  string
		older bool // the corpus holds the version before the amendment
		want  []string
	}{
		{"earlier version not held", false, []string{
			"《关于某某问题的解释》 → ?|《关于某某问题的解释》" + notHeld,
			"《解释》 → ?|《解释》" + notHeld,
			"第一条 → ?|第一条" + notHeld,
			"《解释》 → ?|《解释》" + notHeld,
			"第二条 → ?|第二条" + notHeld,
			"第二款 → ?|第二款" + notHeld,
			"《解释》 → ?|《解释》" + notHeld,
			"第二条 → ?|第二条" + notHeld,
			"《解释》 → D0|",
			"第三条 → D0 第三条|",
			"本解释 → D0|",
			"第二条 → ?|第二条" + notHeld,
			"本解释第一条 → D0 第一条|",
			"本决定 → D0 preamble¶1|",
			"《解释》 → ?|《解释》" + notHeld,
			"本解释 → D0|",
		}},
		{"earlier version held", true, []string{
			"《关于某某问题的解释》 → D1|",
			"《解释》 → D1|",
			"第一条 → D1 第一条|",
			"《解释》 → D1|",
			"第二条 → D1 第二条|",
			"第二款 → D1 第二条¶2|",
			"《解释》 → D1|",
			"第二条 → D1 第二条|",
			"《解释》 → D0|",
			"第三条 → D0 第三条|",
			"本解释 → D0|",
			"第二条 → D1 第二条|",
			"本解释第一条 → D0 第一条|",
			"本决定 → D0 preamble¶1|",
			"《解释》 → D1|",
			"本解释 → D0|",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reg := regulationDoc("关于某某问题的解释",
				"现决定对《关于某某问题的解释》（以下简称《解释》）作如下修改：",
				"一、删除《解释》第一条。在《解释》第二条中增加一款，作为第二款。",
				"二、在《解释》第二条后增加一条，作为修改后《解释》第三条：“本解释所称某某，是指某某。”",
				"三、将第二条修改为：“依照本解释第一条处理。”",
				"根据本决定，对《解释》作相应修改后重新公布。",
				"第一条 某某事项依法处理。",
				"第二条 依照第一条处理。",
				"第三条 本解释所称某某，是指某某。")
			reg.Decision = 5
			c, ids := withOlder(reg, tc.older, "2010-03-18", "第一条 旧的规定。", "第二条 旧的范围。", "旧的第二款。")
			Link(c, nil)
			var got []string
			for _, r := range c.References {
				if r.From.Document == reg.ID && (r.From.Part == "preamble" || r.From.Article == "第三条") {
					got = append(got, r.Text+" → "+to(r, ids)+"|"+r.Problem)
				}
				if (r.Problem != "") != (r.Before != "") || r.Before != "" && r.Before != reg.Date {
					t.Errorf("%s: before %q, problem %q; want the amended version's date %s with the problem", r.Text, r.Before, r.Problem, reg.Date)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("references:\n%q\nwant\n%q", got, tc.want)
			}
			checkLinks(t, c)
		})
	}
}
