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
		text, published, want  string
		onPublication, printed bool // printed: ValidFrom is the day the article prints
	}{
		{"本条例自2008年1月1日起施行。", "", "2008-01-01", false, true},
		{"本条例自2008年1月1日起实施。", "", "2008-01-01", false, true},
		{"本规定自一九九五年一月一日起执行。", "", "1995-01-01", false, true},
		{"本条例自2018年1月1日施行。", "", "2018-01-01", false, true},
		{"本决定自2018年1月1日起生效。", "", "2018-01-01", false, true},
		{"本规程自2018年1月1日起试行。", "", "2018-01-01", false, true},
		{"本条例自发布之日起试行。", "1997-02-17", "1997-02-17", true, false},
		{"本办法自公布之日起施行。", "2005-06-02", "2005-06-02", true, false},
		{"本办法自颁布之日起施行。", "2005-06-02", "2005-06-02", true, false},
		{"本办法自颁布之日起施行。", "", "", true, false},
		{"本规则自通过之日起施行。", "", "2005-06-01", false, false},
		{"本办法自发布之日起30日后施行。", "2005-06-02", "", false, false},
		{"本办法所称某某，是指某某。", "", "", false, false},
	} {
		r := &model.Regulation{History: history, Published: tc.published, Articles: []*model.Article{{
			Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: tc.text}}},
		}}}
		readValidFrom(r)
		if r.ValidFrom != tc.want || r.OnPublication != tc.onPublication || r.ValidFromPrinted != tc.printed {
			t.Errorf("readValidFrom(%q, published %q) = %q (on publication %v, printed %v), want %q (%v, %v)",
				tc.text, tc.published, r.ValidFrom, r.OnPublication, r.ValidFromPrinted, tc.want, tc.onPublication, tc.printed)
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

// TestIsMetaLine: a line opening with its date is a history event unless it
// reads as a sentence: a comma after the date and either another clause or
// no event's verb to end it.
func TestIsMetaLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"2005年3月1日 某省第十届人民代表大会常务委员会第十五次会议通过", true},
		{"2005年3月1日，某省第十届人民代表大会常务委员会第十五次会议通过", true},
		{"（2005年3月1日某省第十届人民代表大会常务委员会第十五次会议通过）", true},
		{"1998年9月17日，我院以法〔1998〕86号通知印发了《某某规定》，现对其中的有关问题规定如下：", false},
		{"2005年3月1日，某省人民代表大会常务委员会第十五次会议通过，现予公布", false},
		{"2005年3月1日，某某委员会召开会议", false},
	} {
		if got := isMetaLine(c.line); got != c.want {
			t.Errorf("isMetaLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestLastAmendment: the last event that amends a text, or that adopts it
// anew by the body that first adopted it, on a later day, and nothing more.
func TestLastAmendment(t *testing.T) {
	const (
		court   = "2002年10月12日 最高人民法院审判委员会第1246次会议通过"
		council = "2010年7月29日 某省第十一届人民代表大会常务委员会第十八次会议通过"
	)
	for _, c := range []struct {
		events []string
		want   int
	}{
		{[]string{council}, -1},
		{[]string{council, "2016年3月30日 某省第十二届人民代表大会常务委员会第二十八次会议修正"}, 1},
		{[]string{court, "2020年12月23日 最高人民法院审判委员会第1823次会议通过"}, 1},
		{[]string{court, "2020年12月23日 最高人民法院审判委员会第1823次会议通过", "2021年1月1日 施行"}, 1},
		// Another body's adoption, the same day, an earlier one, or another text adopted.
		{[]string{court, "2002年11月20日 最高人民检察院第九届检察委员会第118次会议通过"}, -1},
		{[]string{court, "2002年10月12日 最高人民法院审判委员会第1246次会议通过"}, -1},
		{[]string{court, "2001年5月1日 最高人民法院审判委员会第1170次会议通过"}, -1},
		{[]string{council, "2012年3月31日 某省第十一届人民代表大会常务委员会第三十次会议通过关于批准某某的决议"}, -1},
		{[]string{"2012年3月31日 某某会议通过", "2013年3月31日 某某会议通过"}, -1},
	} {
		if got := lastAmendment(c.events); got != c.want {
			t.Errorf("lastAmendment(%q) = %d, want %d", c.events, got, c.want)
		}
	}
}
