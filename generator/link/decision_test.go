package link

import (
	"slices"
	"strings"
	"testing"

	"tiaoli/generator/model"
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
			"第二款 → D0 第二条¶2|",
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
			"第二款 → D0 第二条¶2|",
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
				"一、删除《解释》第一条。在《解释》第二条中增加一款，作为第二款：“增加的一款。”",
				"二、在《解释》第二条后增加一条，作为修改后《解释》第三条：“本解释所称某某，是指某某。”",
				"三、将第二条修改为：“依照本解释第一条处理。”",
				"根据本决定，对《解释》作相应修改后重新公布。",
				"第一条 某某事项依法处理。",
				"第二条 依照第一条处理。",
				"增加的一款。",
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

// TestDecisionAddsParagraphElsewhere: a 款 the decision adds is named in
// an article numbered as before the amendment; where the amended text's
// article of that number does not print the new wording (the articles were
// renumbered), the 款 links nowhere rather than to a 款 of another article.
func TestDecisionAddsParagraphElsewhere(t *testing.T) {
	reg := regulationDoc("关于某某问题的解释",
		"现决定对《关于某某问题的解释》（以下简称《解释》）作如下修改：",
		"一、在《解释》第一条后增加一条。在《解释》第二条中增加一款，作为第一款：“新增的文字。”",
		"根据本决定，对《解释》作相应修改并调整条文顺序后重新公布。",
		"第一条 某某事项依法处理。",
		"第二条 增加的一条。",
		"第三条 新增的文字。",
		"旧的一款。")
	reg.Decision = 3
	c := corpusOf(reg)
	Link(c, nil)
	found := false
	for _, r := range c.References {
		if r.From.Document == reg.ID && r.Text == "第一款" {
			found = true
			if r.To != nil || r.Problem == "" {
				t.Errorf("第一款 → %+v, problem %q; want no target and a problem", r.To, r.Problem)
			}
		}
	}
	if !found {
		t.Error("no reference 第一款")
	}
	checkLinks(t, c)
}

// TestAmendmentCitesUnamendedText: an amendment of its own (某某法修正案)
// cites the law it amends as it was before the amendment. When the corpus
// holds that law only as the amendment left it (a version of the
// amendment's day), the amendment's own words link nowhere and say so
// (Before), as a decision printed before its text does; the version before
// it is taken when held. The quotations of the new wording, and a place
// named with its new number (作为第二条之一), are the amended text's; a
// version of another day is cited as any other law is.
func TestAmendmentCitesUnamendedText(t *testing.T) {
	const notHeld = " names a version before this one that the corpus does not hold"
	unamendedNotHeld := []string{
		"《中华人民共和国某某法》 → ?|《中华人民共和国某某法》" + notHeld,
		"第一条 → ?|第一条" + notHeld,
		"本法第二条 → D1 第二条|",
		"第二条 → ?|第二条" + notHeld,
		"第二条之一 → D1 第二条之一|",
	}
	cases := []struct {
		name     string
		lawDate  string
		lawPub   string // the law's published date, when later than its date
		older    bool
		want     []string
		wantDate string // Before of the references left unlinked
	}{
		{"amended the same day, earlier version not held", "2023-12-29", "", false, unamendedNotHeld, "2023-12-29"},
		{"adopted the same day, published later, earlier version not held", "2023-12-29", "2024-01-05", false, unamendedNotHeld, "2023-12-29"},
		{"amended the same day, earlier version held", "2023-12-29", "", true, []string{
			"《中华人民共和国某某法》 → D2|",
			"第一条 → D2 第一条|",
			"本法第二条 → D1 第二条|",
			"第二条 → D2 第二条|",
			"第二条之一 → D1 第二条之一|",
		}, ""},
		{"law held in a later version", "2025-06-01", "", false, []string{
			"《中华人民共和国某某法》 → D1|",
			"第一条 → D1 第一条|",
			"本法第二条 → D1 第二条|",
			"第二条 → D1 第二条|cited on 2023-12-29, before the only version of 《中华人民共和国某某法》 the corpus holds, whose 第二条 shares too little with the citing sentence",
			"第二条之一 → D1 第二条之一|",
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			amendment := amendmentOf("一、将第一条修改为：“依照本法第二条处理某某事项。”",
				"二、在第二条后增加一条，作为第二条之一：“新增的规定。”")
			law := regulationDoc("中华人民共和国某某法", "第一条 依照本法第二条处理某某事项。", "第二条 某某事项的范围。", "第二条之一 新增的规定。")
			law.Date, law.Published = tc.lawDate, tc.lawPub
			docs := []*model.Document{amendment, law}
			if tc.older {
				old := docFromLines(model.KindRegulation, "中华人民共和国某某法", "old.md", 1, []string{"第一条 旧的规定。", "第二条 旧的范围。"})
				old.Date = "2010-03-18"
				docs = append(docs, old)
			}
			c, ids := indexedCorpus(docs...)
			Link(c, nil)
			var got []string
			for _, r := range c.References {
				if r.From.Document != amendment.ID || r.Text == "本修正案" {
					continue
				}
				got = append(got, r.Text+" → "+to(r, ids)+"|"+r.Problem)
				if r.Before != "" && r.Before != tc.wantDate || r.Before == "" && r.To == nil {
					t.Errorf("%s: before %q; want %q", r.Text, r.Before, tc.wantDate)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("references:\n%q\nwant\n%q", got, tc.want)
			}
			checkLinks(t, c)
		})
	}
}

// TestAmendmentDeletesUnamendedText: where an amendment deletes an article
// or a 款 (删去第三条), the later version the corpus holds has none of it at
// that number, or another: the reference links nowhere and says so, while
// the amendment's other words cite that version as any law.
func TestAmendmentDeletesUnamendedText(t *testing.T) {
	amendment := amendmentOf("一、删去第三条。", "二、删去第二条中的“某某”。")
	law := regulationDoc("中华人民共和国某某法", "第一条 某某事项。", "第二条 某某事项的范围。", "第三条 后来的规定。")
	law.Date = "2025-06-01"
	c, ids := indexedCorpus(amendment, law)
	Link(c, nil)
	got := map[string]string{}
	for _, r := range c.References {
		if r.From.Document == amendment.ID {
			got[r.Text] = to(r, ids) + "|" + r.Problem
		}
	}
	if want := "?|第三条 names a version before this one that the corpus does not hold"; got["第三条"] != want {
		t.Errorf("第三条 → %q; want %q", got["第三条"], want)
	}
	if want := "D1 第二条"; !strings.HasPrefix(got["第二条"], want) {
		t.Errorf("第二条 → %q; want %q", got["第二条"], want)
	}
	checkLinks(t, c)
}

// amendmentOf is an amendment of 某某法 dated 2023-12-29 whose items are
// the lines given.
func amendmentOf(items ...string) *model.Document {
	lines := slices.Concat([]string{"为了某某，对《中华人民共和国某某法》作如下修改："}, items, []string{"三、本修正案自公布之日起施行。"})
	d := docFromLines(model.KindRegulation, "中华人民共和国某某法修正案", "amendment.md", 1, lines)
	d.Date = "2023-12-29"
	return d
}

// TestDeletesAt: a reference an amendment deletes is the object of a
// deleting verb before it, alone or ending a list, or names what a
// deleting verb after it deletes at the clause's end.
func TestDeletesAt(t *testing.T) {
	tests := []struct {
		text, ref string
		want      bool
	}{
		{"一、删去第三条。", "第三条", true},
		{"一、删去第三条和第四条。", "第三条", true},
		{"一、删去第三条和第四条。", "第四条", true},
		{"一、删去第三条、第四条。", "第三条", true},
		{"一、删除第五条及第六条。", "第五条", true},
		{"二、删去第二条中的“某某”。", "第二条", false},
		{"一、将《某某解释》第81条删除。", "《某某解释》第81条", true},
		{"一、将第九条予以删去；", "第九条", true},
		{"一、将第九条删除后的内容移作第十条。", "第九条", false},
		{"一、将第九条修改为：", "第九条", false},
	}
	for _, tt := range tests {
		off := strings.Index(tt.text, tt.ref)
		if got := deletesAt(tt.text, off, off+len(tt.ref)); got != tt.want {
			t.Errorf("deletesAt(%q, %q) = %v, want %v", tt.text, tt.ref, got, tt.want)
		}
	}
}
