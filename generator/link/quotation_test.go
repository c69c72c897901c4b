package link

import (
	"fmt"
	"testing"

	"tiaoli/generator/model"
)

// TestAmendmentQuotations: inside the quotation of an amendment, 本法 and
// 本法第X条 name the amended law.
// A decision amending several documents quotes each under the document
// its section cites.
func TestAmendmentQuotations(t *testing.T) {
	for _, held := range []struct {
		name string
		old  bool // the texts the decision amends are held as they were before it
		made bool // the texts it made are held, dated its day
	}{
		{"versions before it", true, false},
		{"versions before it and the ones it made", true, true},
	} {
		t.Run(held.name, func(t *testing.T) {
			law := regulationDoc("中华人民共和国某法", "第一条 甲。", "第九条 乙。")
			amend := docFromLines(model.KindRegulation, "中华人民共和国某法修正案", "am.md", 1, []string{
				"一、将某法第五条修改为：“违反本法第一条的，依照本法处罚。”",
				"二、本法第九条不变。",
			})
			many := docFromLines(model.KindRegulation, "最高某院关于修改《最高某院关于甲的规定》等二件规定的决定", "many.md", 1, []string{
				"一、修改《最高某院关于甲的规定》",
				"1.将第一条修改为：“本规定自公布之日起施行。”",
				"二、修改《最高某院关于乙的规定》",
				"1.将第二条修改为：“依照本规定第一条处理。”",
			})
			amend.Date, many.Date = law.Date, law.Date
			docs := []*model.Document{law, amend, many}
			// old[0], old[1]: the texts the decision amends; made[0], made[1]: the ones it made
			var old, made [2]*model.Document
			for i, title := range []string{"最高某院关于甲的规定", "最高某院关于乙的规定"} {
				if held.old {
					old[i] = regulationDoc(title, "第一条 甲。", "第二条 乙。")
					old[i].Date = "2020-01-01"
					docs = append(docs, old[i])
				}
				if held.made {
					made[i] = regulationDoc(title, "第一条 甲。", "第二条 乙。")
					docs = append(docs, made[i])
				}
			}
			c, index := indexedCorpus(docs...)
			Link(c, nil)
			d := func(x *model.Document) string { return fmt.Sprintf("D%d", index[x.ID]) }
			got := map[string]string{}
			for _, r := range c.References {
				got[r.From.Document+"|"+r.Text] = to(r, index)
			}
			quoted := old // the quotations word anew the text the decision makes
			if held.made {
				quoted = made
			}
			want := map[string]string{
				amend.ID + "|本法第一条": d(law) + " 第一条",
				amend.ID + "|本法":    d(law),
				many.ID + "|第一条":    d(old[0]) + " 第一条",
				many.ID + "|本规定":    d(quoted[0]),
				many.ID + "|第二条":    d(old[1]) + " 第二条",
				many.ID + "|本规定第一条": d(quoted[1]) + " 第一条",
			}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s → %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

// TestAmendmentNamesItself: 本修正案 and 本决定 name the amending document,
// outside a quotation and inside one, unless the amended document is
// itself a 决定 (then a quoted 本决定 is the amended one).
func TestAmendmentNamesItself(t *testing.T) {
	law := regulationDoc("中华人民共和国某法", "第一条 甲。", "第九条 乙。")
	old := regulationDoc("全国人民代表大会常务委员会关于某事的决定", "一、甲。", "二、乙。")
	amend := docFromLines(model.KindRegulation, "中华人民共和国某法修正案", "am.md", 1, []string{
		"一、将某法第五条修改为：“依照本法处罚。”",
		"二、本修正案自公布之日起施行。",
	})
	decision := docFromLines(model.KindRegulation, "全国人民代表大会常务委员会关于修改《全国人民代表大会常务委员会关于某事的决定》的决定", "dec.md", 1, []string{
		"一、将第二项修改为：“本决定所称某事，是指甲。”",
		"二、此次修改自公布之日起施行，依照本决定作出修改。",
	})
	for _, d := range []*model.Document{law, old, amend, decision} {
		d.Date = "2026-01-30"
	}
	c := corpusOf(law, old, amend, decision)
	Link(c, nil)
	docs := map[string]int{law.ID: 0, old.ID: 1, amend.ID: 2, decision.ID: 3}
	got := map[string][]string{}
	for _, r := range c.References {
		k := r.From.Document + "|" + r.Text
		got[k] = append(got[k], to(r, docs))
	}
	want := map[string]string{
		amend.ID + "|本法":     "[D0]",
		amend.ID + "|本修正案":   "[D2]",
		decision.ID + "|本决定": "[D1 D3]",
	}
	for k, v := range want {
		if g := fmt.Sprint(got[k]); g != v {
			t.Errorf("%s → %s, want %s", k, g, v)
		}
	}
}

// TestAppliedLawInTable: a document without articles whose title applies
// one law (关于执行《X》…) cites that law's articles with bare 第X条, as in
// a table of articles and the offences they define.
func TestAppliedLawInTable(t *testing.T) {
	law := regulationDoc("中华人民共和国某法", "第一条 甲。", "乙。", "第二条 丙。")
	table := docFromLines(model.KindRegulation, "关于执行《中华人民共和国某法》确定罪名的规定", "t.md", 1, []string{
		"条文 | 罪名",
		"第1条第2款 | 甲罪",
	})
	table.Date = "2026-01-30"
	c := corpusOf(law, table)
	Link(c, nil)
	docs := map[string]int{law.ID: 0, table.ID: 1}
	found := false
	for _, r := range c.References {
		if r.Text == "第1条第2款" {
			found = true
			if got := to(r, docs); got != "D0 第一条¶2" {
				t.Errorf("第1条第2款 → %q, want D0 第一条¶2", got)
			}
		}
	}
	if !found {
		t.Error("第1条第2款 in the table is no reference")
	}
}
