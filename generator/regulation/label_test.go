package regulation

import (
	"testing"
)

func TestParseDivision(t *testing.T) {
	tests := []struct {
		in                  string
		level, label, title string
		ok                  bool
	}{
		{"第一章 总则", "章", "第一章", "总则", true},
		{"第一章总则", "章", "第一章", "总则", true},
		{"第一章 总 则", "章", "第一章", "总则", true},
		{"第一章\u3000总\u3000\u3000则", "章", "第一章", "总则", true},
		{"第二编 物权", "编", "第二编", "物权", true},
		{"第一分编 通则", "分编", "第一分编", "通则", true},
		{"第三节 共同犯罪", "节", "第三节", "共同犯罪", true},
		{"第十二章 第一审普通程序", "章", "第十二章", "第一审普通程序", true},
		{"第二章", "章", "第二章", "", true},
		{"第二章规定的行为，依照", "", "", "", false},
		{"第二章第三节", "", "", "", false},
		{"第一条 总则", "", "", "", false},
	}
	for _, tt := range tests {
		d, ok := parseDivision(tt.in)
		if ok != tt.ok || ok && (d.level != tt.level || d.label != tt.label || d.title != tt.title) {
			t.Errorf("parseDivision(%q) = %+v, %v; want %s %s %s, %v", tt.in, d, ok, tt.level, tt.label, tt.title, tt.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026年1月30日中共中央批准":    "2026-01-30",
		"二〇一八年十二月二十九日":        "2018-12-29",
		"自2021年1月1日起施行":       "2021-01-01",
		"2017年12月修改":          "",
		"2026年13月1日":          "",
		"第十三届全国人民代表大会第三次会议通过": "",
	} {
		got, _ := parseDate(in)
		if got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitEventsAndAgent(t *testing.T) {
	events := splitEvents("2005年4月27日第十届全国人民代表大会常务委员会第十五次会议通过　根据2017年9月1日第十二届全国人民代表大会常务委员会第二十九次会议修正　2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修订")
	if len(events) != 3 {
		t.Errorf("splitEvents: %d events %q, want 3", len(events), events)
	}
	if got := splitEvents("2003年8月6日 某会议通过2003年8月15日 某公告公布"); len(got) != 2 {
		t.Errorf("splitEvents of events run together: %q", got)
	}
	for in, want := range map[string]string{
		"2022年3月29日 《国务院关于修改和废止部分行政法规的决定》第二次修订）": "2022年3月29日 《国务院关于修改和废止部分行政法规的决定》第二次修订",
		"（2009年10月13日 国务院令第564号公布":               "2009年10月13日 国务院令第564号公布",
		"2010年1月1日 某会议（第三次）修正）":                  "2010年1月1日 某会议（第三次）修正",
		"2010年1月1日 某会议（第三次）修正":                   "2010年1月1日 某会议（第三次）修正",
	} {
		if got := splitEvents(in); len(got) != 1 || got[0] != want {
			t.Errorf("splitEvents(%q) = %q, want [%q]", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"2026年1月30日中共中央办公厅发布":                 "中共中央办公厅",
		"1996年10月3日 中华人民共和国交通部令第8号发布":         "中华人民共和国交通部",
		"1993年3月29日 中华人民共和国全国人民代表大会公告第八号公布施行": "中华人民共和国全国人民代表大会",
		"2003年8月18日 某某监管局、某某总署第4号令公布":         "某某监管局、某某总署",
		"2015年1月9日 某市人民代表大会常务委员会第25号公告公布":     "某市人民代表大会常务委员会",
		"2012年3月1日 某省第十一届人民代表大会常务委员会公告第二号公布":  "某省第十一届人民代表大会常务委员会",
	} {
		if got := agent(in); got != want {
			t.Errorf("agent(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormaliseTitle(t *testing.T) {
	for in, want := range map[string]string{
		"总 则": "总则", "总\u3000\u3000则": "总则", " 生命权、身体权和健康权 ": "生命权、身体权和健康权", "WTO 规则": "WTO 规则",
	} {
		if got := normaliseTitle(in); got != want {
			t.Errorf("normaliseTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIssuedOn(t *testing.T) {
	read := map[string]func(string) (string, string, bool){"issuedOn": issuedOn, "signedOn": signedOn}
	for _, c := range []struct{ fn, in, date, issuer string }{
		{"issuedOn", "（某纪发〔2010〕13号 2010年4月1日）", "2010-04-01", ""},
		{"issuedOn", "2000年3月15日　某发释字〔2000〕1号", "2000-03-15", ""},
		{"issuedOn", "（2006年9月12日　（2006）某研发8号）", "2006-09-12", ""},
		{"issuedOn", "（2004年7月9日 法研[2004]102号）", "2004-07-09", ""},
		{"issuedOn", "（某某办公厅、某某院办公厅 某办发[2018]1号 2018年4月16日）", "2018-04-16", "某某办公厅、某某院办公厅"},
		{"issuedOn", "某某部 2013年12月20日", "", ""},                    // no number: a signature, not read at the top
		{"issuedOn", "〔2002〕某研发第19号", "", ""},                      // no date
		{"issuedOn", "2000年3月15日 某会议通过", "", ""},                   // no number
		{"issuedOn", "（2010年4月1日 某纪发〔2010〕13号 2011年1月1日）", "", ""}, // two dates
		{"issuedOn", "2010年4月1日起执行某发〔2010〕13号的规定", "", ""},         // a sentence
		{"signedOn", "某 某 部 某 某 部 2013年12月20日", "2013-12-20", ""},
		{"signedOn", "某某部 某某部 2013年12月20日", "2013-12-20", "某某部 某某部"},
		{"signedOn", "（某纪发〔2010〕13号 2010年4月1日）", "2010-04-01", ""},
		{"signedOn", "本规定 2013年12月20日", "", ""}, // not a body's name
		{"signedOn", "2013年12月20日", "", ""},     // a date alone is dateOnly's
	} {
		date, issuer, ok := read[c.fn](c.in)
		if ok != (c.date != "") || date != c.date || issuer != c.issuer {
			t.Errorf("%s(%q) = %q, %q, %v; want %q, %q", c.fn, c.in, date, issuer, ok, c.date, c.issuer)
		}
	}
}

// TestRepeatedTitle checks the one rule both the particulars and the
// lines under them use to leave out the title printed again: leading lines
// that spell all of it, over up to four lines, a year mark it adds aside.
func TestRepeatedTitle(t *testing.T) {
	tests := []struct {
		title string
		texts []string
		want  int
	}{
		{"中华人民共和国某某法", []string{"中华人民共和国某某法", "2020年1月1日通过"}, 1},
		{"中华人民共和国某某法", []string{"中华人民共和国", "某某法", "2020年1月1日通过"}, 2},
		{"某某法院 某某检察院关于某某的解释", []string{"某某法院　某某检察院", "关于某某的解释"}, 2},
		{"某某解释（2000）", []string{"某某解释"}, 1},
		{"中华人民共和国某某法", []string{"中华人民共和国"}, 0}, // not all of it
		{"中华人民共和国某某法", []string{"某某法"}, 0},     // not from its start
		{"某某规定", []string{"某某规定。"}, 0},         // a sentence
		{"某某规定", []string{"第一条 某某规定"}, 0},
		{"", []string{"某某"}, 0},
	}
	for _, tt := range tests {
		if got := repeatedTitle(tt.title, tt.texts); got != tt.want {
			t.Errorf("repeatedTitle(%q, %q) = %d, want %d", tt.title, tt.texts, got, tt.want)
		}
	}
}

// TestIsTitleLike checks the one test of a short line without
// punctuation that headings, joins and column cuts share.
func TestIsTitleLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"养护管理", true},
		{"制定某某规定的必要性和可行性分析", true},
		{"二十五个字以上的一行不是标题而是被版面截断的一句正文的开头", false},
		{"监督、检查", false},
		{"有何规定？", false},
		{"本办法下列用语的含义：", false},
		{"工作，", false},
	}
	for _, tt := range tests {
		if got := isTitleLike(tt.in); got != tt.want {
			t.Errorf("isTitleLike(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
