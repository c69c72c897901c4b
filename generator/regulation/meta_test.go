package regulation

import (
	"testing"

	"tiaoli/generator/model"
)

// TestReadValidFrom: the article that says when the text takes effect
// gives valid_from whichever verb it uses (施行, 实施, 执行, 实行, 生效),
// with or without 起; 自颁布之日 means the day of publication like
// 自公布之日; 自通过之日 means the day of the last event that adopted the
// text; a day counted on from publication (自发布之日起30日后施行) is no
// date the text prints. In a text amended since, a day before the last
// amendment is the first version's: it gives no valid_from and is kept as
// printed_valid_from (amendedHistory).
func TestReadValidFrom(t *testing.T) {
	history := []string{"2001年3月1日 某会议通过", "2005年6月1日 某会议通过 2005年6月2日 某公告公布"}
	for _, tc := range []struct {
		text, published, want string
		onPublication         bool
	}{
		{"本条例自2008年1月1日起施行。", "", "2008-01-01", false},
		{"本条例自2008年1月1日起实施。", "", "2008-01-01", false},
		{"本规定自一九九五年一月一日起执行。", "", "1995-01-01", false},
		{"本条例自2018年1月1日施行。", "", "2018-01-01", false},
		{"本决定自2018年1月1日起生效。", "", "2018-01-01", false},
		{"本规程自2018年1月1日起试行。", "", "2018-01-01", false},
		{"本条例自发布之日起试行。", "1997-02-17", "1997-02-17", true},
		{"本办法自公布之日起施行。", "2005-06-02", "2005-06-02", true},
		{"本办法自颁布之日起施行。", "2005-06-02", "2005-06-02", true},
		{"本办法自颁布之日起施行。", "", "", true},
		{"本规则自通过之日起施行。", "", "2005-06-01", false},
		{"本办法自发布之日起30日后施行。", "2005-06-02", "", false},
		{"本办法所称某某，是指某某。", "", "", false},
	} {
		r := &model.Regulation{History: history, Published: tc.published, Articles: []*model.Article{{
			Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: tc.text}}},
		}}}
		readValidFrom(r)
		if r.ValidFrom != tc.want || r.OnPublication != tc.onPublication {
			t.Errorf("readValidFrom(%q, published %q) = %q (on publication %v), want %q (%v)",
				tc.text, tc.published, r.ValidFrom, r.OnPublication, tc.want, tc.onPublication)
		}
	}
	amendedHistory := []string{"2001年3月1日 某会议通过", "2009年8月27日 某会议《关于修改某某的决定》修正"}
	for _, tc := range []struct{ text, want, printed string }{
		{"本法自2001年10月1日起施行。", "", "2001-10-01"},
		{"本法自2009年10月1日起施行。", "2009-10-01", ""},
		{"本法自2009年8月27日起施行。", "2009-08-27", ""},
		{"本规则自通过之日起施行。", "", ""},
	} {
		r := &model.Regulation{History: amendedHistory, Articles: []*model.Article{{
			Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: tc.text}}},
		}}}
		if readValidFrom(r); r.ValidFrom != tc.want || r.PrintedValidFrom != tc.printed {
			t.Errorf("readValidFrom(%q) after an amendment = %q (printed %q), want %q (printed %q)",
				tc.text, r.ValidFrom, r.PrintedValidFrom, tc.want, tc.printed)
		}
	}
}
