package link

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

// TestRanges: a range names its end wherever the reference starts (本条,
// 前款, 前条, a bare 第N项, another article), also when the end is printed
// without its 第 (第一项至三项, 第二条至三条) or the unit only once
// (第一至三项, 第一至二条).
func TestRanges(t *testing.T) {
	reg := regulationDoc("某某条例",
		"第一条 有下列情形之一的：",
		"（一）甲；",
		"（二）乙；",
		"（三）丙；",
		"（四）丁。",
		"有前款第一项至第三项情形的，从重处理；有第二项至四项情形的，另行处理。",
		"第二条 违反前条第二项至第四项的，依照本条例第一条第一至三项处理。",
		"前款所称情形，适用本条第一款至第二款。",
		"第三条 违反第一至二条的，依照第一条至二条处理。",
	)
	c := linkedReferences(t, reg,
		"第一条|前款第一项至第三项|D0 第一条¶1(1) through D0 第一条¶1(3)|",
		"第一条|第二项至四项|D0 第一条¶1(2) through D0 第一条¶1(4)|",
		"第二条|前条第二项至第四项|D0 第一条¶1(2) through D0 第一条¶1(4)|",
		"第二条|本条例第一条第一至三项|D0 第一条¶1(1) through D0 第一条¶1(3)|",
		"第二条|前款|D0 第二条¶1|",
		"第二条|本条第一款至第二款|D0 第二条¶1 through D0 第二条¶2|",
		"第三条|第一至二条|D0 第一条 through D0 第二条|",
		"第三条|第一条至二条|D0 第一条 through D0 第二条|",
	)
	checkLinks(t, c)
}

// linkedReferences links a corpus of one regulation, reg, checks that
// its references, as "article|text|target|problem", are want, and returns
// the corpus.
func linkedReferences(t *testing.T, reg *model.Document, want ...string) *model.Corpus {
	t.Helper()
	c := corpusOf(reg)
	Link(c, nil)
	var got []string
	for _, r := range c.References {
		got = append(got, r.From.Article+"|"+r.Text+"|"+to(r, map[string]int{reg.ID: 0})+"|"+r.Problem)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("references:\ngot  %q\nwant %q", got, want)
	}
	return c
}
