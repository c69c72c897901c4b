package status

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

func TestIsTable(t *testing.T) {
	for name, want := range map[string]bool{
		"_metadata/laws.csv": true, "laws/_metadata/DLC-上海.CSV": true,
		"laws.csv": false, "_metadata/laws.md": false, "metadata/laws.csv": false,
	} {
		if got := IsTable(name); got != want {
			t.Errorf("IsTable(%q) = %v", name, got)
		}
	}
}

func TestParseTable(t *testing.T) {
	data := "\ufeffid,Name,publish,valid_from,expired,status,path\n" +
		"1,甲法,2019-04-23,2019-10-01,0,,宪法/甲法(2019-04-23).md\n" +
		"2,乙法,2015-03-15,,1,,宪法/乙法.md\n" +
		"3,丙法,,,0,现行有效,丙法.md\n" +
		"4,丁法,,,2,,丁法.md\n" +
		"5,戊法,,,0,作废,戊法.md\n" +
		"6,己法,,,0,,\n" +
		"7,\"broken,,0,,x.md\n"
	tab := Table{}
	errs := ParseTable(tab, "laws/_metadata/laws.csv", []byte(data))
	want := Table{
		"laws/宪法/甲法(2019-04-23).md": {Published: "2019-04-23", ValidFrom: "2019-10-01", At: at(2)},
		"laws/宪法/乙法.md":             {Expired: true, Published: "2015-03-15", At: at(3)},
		"laws/丙法.md":                {Status: InForce, At: at(4)},
	}
	if len(tab) != len(want) {
		t.Errorf("%d rows, want %d: %v", len(tab), len(want), tab)
	}
	for p, w := range want {
		if tab[p] != w {
			t.Errorf("%s: %+v, want %+v", p, tab[p], w)
		}
	}
	wantErrs := map[int]string{5: "「expired」列的「2」", 6: "「status」列的「作废」", 8: "不是有效的CSV"}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v, want lines %v", errs, wantErrs)
	}
	for _, e := range errs {
		if e.Path != "laws/_metadata/laws.csv" || wantErrs[e.Line] == "" || !strings.Contains(e.Message, wantErrs[e.Line]) {
			t.Errorf("error %v, want at line %d: %q", e, e.Line, wantErrs[e.Line])
		}
	}
}

func TestParseTableWithoutPath(t *testing.T) {
	for _, data := range []string{"", "id,name\n1,甲法\n"} {
		errs := ParseTable(Table{}, "_metadata/x.csv", []byte(data))
		if len(errs) != 1 || errs[0].Line != 1 || errs[0].Path != "_metadata/x.csv" {
			t.Errorf("%q: errors %v, want one at line 1", data, errs)
		}
	}
}

func TestApply(t *testing.T) {
	doc := func(path, date, status string) *model.Document {
		d := &model.Document{Kind: model.KindRegulation, Date: date, Status: status,
			Sources: []model.Position{{Path: path, Line: 1}}}
		return d
	}
	old, cur := doc("a-2015.md", "2015-03-15", ""), doc("a-2023.md", "2023-03-13", "")
	works := []*model.Work{{Versions: []model.Version{{Doc: cur, Date: cur.Date}, {Doc: old, Date: old.Date}}}}
	explicit := doc("b.md", "2020-01-01", NotInForce)
	expired, listed, silent := doc("c.md", "", ""), doc("d.md", "", ""), doc("e.md", "", "")
	fromTable := doc("f.md", "", "")
	c := &model.Corpus{Documents: []*model.Document{old, cur, explicit, expired, listed, silent, fromTable}, Works: works}
	Apply(c, Table{
		"a-2015.md": {Expired: true}, "a-2023.md": {}, "b.md": {Expired: true},
		"c.md": {Expired: true, Published: "2001-02-03", ValidFrom: "2001-06-01"}, "d.md": {},
		"f.md": {Status: Repealed},
	})
	for d, want := range map[*model.Document]string{
		old: Amended, cur: InForce, explicit: NotInForce, expired: Repealed, listed: InForce, silent: "",
		fromTable: Repealed,
	} {
		if d.Status != want {
			t.Errorf("%s: status %q, want %q", d.Sources[0].Path, d.Status, want)
		}
	}
	if expired.Published != "2001-02-03" || expired.ValidFrom != "2001-06-01" {
		t.Errorf("dates from the table: %q %q", expired.Published, expired.ValidFrom)
	}
}

// TestSameVersionTwice: two copies of one version, made the same day, are
// not older and newer versions of each other even when one's version date
// is the 施行 day it prints on a line of its own and the other's is the day
// it was adopted: the copy no table lists takes the newest's status.
func TestSameVersionTwice(t *testing.T) {
	full := &model.Document{Kind: model.KindRegulation, Date: "2019-12-02", Sources: []model.Position{{Path: "a.md"}}}
	again := &model.Document{Kind: model.KindRegulation, Date: "2019-12-02", Sources: []model.Position{{Path: "b.md"}}}
	older := &model.Document{Kind: model.KindRegulation, Date: "2012-10-16", Sources: []model.Position{{Path: "c.md"}}}
	c := &model.Corpus{Documents: []*model.Document{full, again, older}, Works: []*model.Work{{Versions: []model.Version{
		{Doc: full, Date: "2019-12-30"}, {Doc: again, Date: "2019-12-02"}, {Doc: older, Date: "2012-10-16"},
	}}}}
	Apply(c, Table{"a.md": {}})
	for d, want := range map[*model.Document]string{full: InForce, again: InForce, older: Amended} {
		if d.Status != want {
			t.Errorf("%s: status %q, want %q", d.Sources[0].Path, d.Status, want)
		}
	}
}

func at(line int) model.Position { return model.Position{Path: "laws/_metadata/laws.csv", Line: line} }

// TestValidOnPublication: a text that takes effect the day it is
// published (本条例自公布之日起施行) takes the table's publication date as
// its 施行日期 when the table gives none; the table's own 施行日期 wins.
func TestValidOnPublication(t *testing.T) {
	mk := func(path string) *model.Document {
		d := &model.Document{Kind: model.KindRegulation, Sources: []model.Position{{Path: path}}}
		d.OnPublication = true
		return d
	}
	onDay, tableDay, other := mk("a.md"), mk("b.md"), &model.Document{Kind: model.KindRegulation, Sources: []model.Position{{Path: "c.md"}}}
	c := &model.Corpus{Documents: []*model.Document{onDay, tableDay, other}}
	Apply(c, Table{
		"a.md": {Published: "1985-09-18"},
		"b.md": {Published: "2020-03-27", ValidFrom: "2020-04-28"},
		"c.md": {Published: "2001-02-03"},
	})
	if onDay.ValidFrom != "1985-09-18" || tableDay.ValidFrom != "2020-04-28" || other.ValidFrom != "" {
		t.Errorf("施行日期 %q %q %q, want 1985-09-18 2020-04-28 and none", onDay.ValidFrom, tableDay.ValidFrom, other.ValidFrom)
	}
}

// TestLaterVersion: a table that dates the text months after every date
// of its header names a later version than the header tells of: its
// publication date wins, and a 施行 day before it is an earlier version's
// (kept as printed when an article prints it). A date weeks after the
// header (publication after approval, longer after a province's 批准)
// only fills what is missing.
func TestLaterVersion(t *testing.T) {
	article := func(text string) []*model.Article {
		return []*model.Article{{Clauses: []*model.Clause{{Paragraph: model.Paragraph{Text: text}}}}}
	}
	mk := func(path, published, validFrom string, history ...string) *model.Document {
		d := &model.Document{Kind: model.KindRegulation, Sources: []model.Position{{Path: path}}}
		d.Published, d.ValidFrom, d.History = published, validFrom, history
		d.Articles = article("本条例自2010年1月1日起施行。")
		return d
	}
	amended := mk("a.md", "2009-10-13", "2010-01-01", "2009年10月13日 某某令第1号公布")
	amended.ValidFromPrinted = true // as parsing reads 本条例自2010年1月1日起施行
	// the history's 施行 day, which an article names for another purpose:
	// no day the text prints as its own
	mentioned := mk("g.md", "2009-10-13", "2010-01-01", "2009年10月13日 某某令第1号公布", "2010年1月1日 施行")
	mentioned.Articles = article("2010年1月1日前已经取得许可证的，继续有效。")
	historyDay := mk("b.md", "2011-09-29", "2011-11-01", "2011年9月29日 某某会议通过", "2011年11月1日 施行")
	historyDay.Articles = article("本条例自发布之日起施行。")
	approved := mk("c.md", "", "2017-03-01", "2016年12月23日 某某会议批准")
	// a city's amendment approved by the province and published five weeks
	// later, in force on publication: the table's day is this version's
	cityAmended := mk("d.md", "", "", "2014年8月29日 某市人大常委会会议通过", "2014年11月28日 某省人大常委会会议批准的《关于修改〈某条例〉的决定》修正")
	cityAmended.Articles, cityAmended.OnPublication = article("本条例自公布之日起施行。"), true
	cityApproved := mk("e.md", "", "", "2010年8月25日 某市人大常委会会议通过", "2010年11月25日 某省人大常委会会议批准")
	cityApproved.Articles, cityApproved.OnPublication = article("本条例自公布之日起施行。"), true
	// a table row a year after the header's 公布 line, on its month and
	// day: an amendment on that day or a wrong year, which the text cannot
	// tell apart; read as a later version like any row months later
	wrongYear := mk("f.md", "2012-12-12", "2013-01-01", "2012年11月29日 某省人大常委会会议批准", "2012年12月12日 某市人大常委会公告第4号公布", "2013年1月1日 施行")
	c := &model.Corpus{Documents: []*model.Document{amended, historyDay, approved, cityAmended, cityApproved, wrongYear, mentioned}}
	Apply(c, Table{
		"a.md": {Published: "2020-11-29"},
		"b.md": {Published: "2022-01-21", ValidFrom: "2022-01-21"},
		"c.md": {Published: "2017-01-13"},
		"d.md": {Published: "2014-12-31"},
		"e.md": {Published: "2010-12-31"},
		"f.md": {Published: "2013-12-12"},
		"g.md": {Published: "2020-11-29"},
	})
	for _, tc := range []struct {
		d                               *model.Document
		published, validFrom, printedOn string
	}{
		{amended, "2020-11-29", "", "2010-01-01"},
		{historyDay, "2022-01-21", "2022-01-21", ""},
		{approved, "2017-01-13", "2017-03-01", ""},
		{cityAmended, "2014-12-31", "2014-12-31", ""},
		{cityApproved, "2010-12-31", "2010-12-31", ""},
		{wrongYear, "2013-12-12", "", ""},
		{mentioned, "2020-11-29", "", ""},
	} {
		if tc.d.Published != tc.published || tc.d.ValidFrom != tc.validFrom || tc.d.PrintedValidFrom != tc.printedOn {
			t.Errorf("%s: published %q valid_from %q printed %q, want %q %q %q", tc.d.Sources[0].Path,
				tc.d.Published, tc.d.ValidFrom, tc.d.PrintedValidFrom, tc.published, tc.validFrom, tc.printedOn)
		}
	}
}
