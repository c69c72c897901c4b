package regulation

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

func TestMadeBy(t *testing.T) {
	for _, c := range []struct {
		events []string
		want   string
	}{
		{[]string{"2007年9月28日 某省第十届人民代表大会常务委员会第三十四次会议通过"}, "某省人民代表大会常务委员会"},
		{[]string{"2021年6月28日 某市第十三届人民代表大会常务委员会第二十九次会议通过", "2021年7月30日 某省第十三届人民代表大会常务委员会第二十六次会议批准"}, "某市人民代表大会常务委员会"},
		{[]string{"1979年7月1日 第五届全国人民代表大会第二次会议通过", "1997年3月14日 第八届全国人民代表大会第五次会议修订",
			"根据2020年12月26日 第十三届全国人民代表大会常务委员会第二十四次会议通过的《某某法修正案（十一）》修正"}, "全国人民代表大会"},
		{[]string{"2002年10月12日 最高人民法院审判委员会第1246次会议通过", "2020年12月23日 最高人民法院审判委员会第1823次会议通过"}, "最高人民法院"},
		{[]string{"2019年12月2日 最高人民检察院第十三届检察委员会第二十八次会议通过", "2019年12月30日 施行"}, "最高人民检察院"},
		{[]string{"2023年1月3日 最高人民法院审判委员会第1878次会议、2023年3月2日最高人民检察院第十三届检察委员会第一百一十四次会议通过"}, "最高人民法院、最高人民检察院"},
		{[]string{"2016年3月28日由最高人民法院审判委员会第1680次会议、2016年3月25日由最高人民检察院第十二届检察委员会第50次会议通过"}, "最高人民法院、最高人民检察院"},
		{[]string{"1997年7月3日 某某国务院令第223号发布", "2013年7月18日 《国务院关于废止和修改部分行政法规的决定》第一次修订"}, "某某国务院"},
		{[]string{"1993年9月17日 国务院批准", "1993年10月5日 某业部令第1号发布", "2011年1月8日 《国务院关于废止和修改部分行政法规的决定》第一次修订"}, "某业部"},
		{[]string{"2011年10月26日 国务院第177次常务会议修订通过"}, "国务院"},
		{[]string{"1951年2月26日 政务院公布", "1953年1月2日 政务院修正公布"}, "政务院"},
		{[]string{"2017年11月22日 某某国务院令第692号"}, "某某国务院"},
		{[]string{"1985年12月27日 某市第八届人民代表大会常务委员会第十九次会议批准",
			"2010年9月17日 某市第十三届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第四次修正"}, "某市人民代表大会常务委员会"},
		// Names only the approver, an abbreviated body, a meeting with no body, or one that promulgates.
		{[]string{"1980年5月9日 国务院批准"}, ""},
		{[]string{"2019年12月1日 市场监管总局令第20号公布"}, "市场监管总局"},
		{[]string{"2013年10月29日 市十四届人民代表大会常务委员会第十二次会议通过"}, ""},
		{[]string{"2015年8月29日 某某会议通过"}, ""},
		{[]string{"2012年12月3日 某部部长办公会议通过"}, ""},
		{[]string{"1993年3月31日 第八届全国人民代表大会第一次会议通过", "1993年3月31日 某某主席令第三号公布"}, "全国人民代表大会"},
		{[]string{"2023年8月15日 施行"}, ""},
		// A joint text each body adopts on a line of its own; a later body's adoption after an amendment is its own.
		{[]string{"2015年12月14日 最高人民法院审判委员会第1671次会议通过", "2016年3月1日 最高人民检察院第十二届检察委员会第四十八次会议通过"}, "最高人民法院、最高人民检察院"},
		{[]string{"2015年12月14日 最高人民法院审判委员会第1671次会议通过", "2016年3月1日 最高人民检察院第十二届检察委员会第四十八次会议通过", "2016年3月9日 施行"}, "最高人民法院、最高人民检察院"},
		{[]string{"2015年12月14日 最高人民法院审判委员会第1671次会议通过", "2017年5月1日 最高人民法院审判委员会第1715次会议修正", "2018年3月1日 最高人民检察院第十二届检察委员会第七十次会议通过"}, "最高人民检察院"},
		{[]string{"2015年12月14日 某某部令第3号发布", "2016年3月1日 最高人民检察院第十二届检察委员会第四十八次会议通过"}, "最高人民检察院"},
		{[]string{"2015年12月14日 中华人民共和国国务院第99次常务会议通过", "2016年3月1日 国务院第100次常务会议通过"}, "国务院"},
		// A meeting whose 次 the source lost; a standing committee whose 会 it lost.
		{[]string{"2013年7月24日 某市第四届人民代表大会常务委员会第四会议通过"}, "某市人民代表大会常务委员会"},
		{[]string{"2017年6月28日 某市第十四届人民代表大会常务委员第二十八次会议通过"}, "某市人民代表大会常务委员"},
	} {
		if got := madeBy(c.events); got != c.want {
			t.Errorf("madeBy(%q) = %q, want %q", c.events, got, c.want)
		}
	}
}

func TestTitleIssuer(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"最高人民法院关于审理某某案件适用法律若干问题的解释", "最高人民法院"},
		{"最高人民法院、最高人民检察院关于办理某某刑事案件适用法律若干问题的解释", "最高人民法院、最高人民检察院"},
		{"最高人民检察院 公安部关于某某的规定（二）", "最高人民检察院、公安部"},
		{"某市第十五届人民代表大会常务委员会关于某某的决定", "某市人民代表大会常务委员会"},
		{"关于某某的暂行规定", ""},
		{"国家机关、事业单位贯彻《国务院关于某某的规定》的实施办法", ""},
		{"某某条例", ""},
		{"某省人民政府办公厅转发省财政厅关于某某的办法", ""},
		{"国务院批转某某部关于某某的意见", ""},
		{"某市人民政府印发关于某某的规定", ""},
	} {
		if got := titleIssuer(c.title); got != c.want {
			t.Errorf("titleIssuer(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestIssuerName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"某市第三届人民代表大会常务委员会", "某市人民代表大会常务委员会"},
		{"某市十五届人大常委会", "某市人大常委会"},
		{"某某办公厅", "某某办公厅"},
		{"，我院以法〔1998〕86号通知", ""},
		{"中华人民共和国主席", ""},
		{"第七届全国人民代表大会第一次会议主席团", ""},
		{"市人民代表大会常务委员会", ""},
		{"市十四届人民代表大会常务委员会", ""},
		{"区人大常委会", ""},
		{"县政府", ""},
		{"市委办公厅", ""},
		{"市场监管总局", "市场监管总局"},
		{"省级某某委员会", "省级某某委员会"},
		{"镇人民政府", ""},
		{"乡人大", ""},
		{"村委会", ""},
		{"国家某某局", "国家某某局"},
	} {
		if got := issuerName(c.in); got != c.want {
			t.Errorf("issuerName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCanonicalIssuer(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"中华人民共和国国务院", "国务院"},
		{"中华人民共和国国务院、中华人民共和国中央军事委员会", "国务院、中央军事委员会"},
		{"国务院 中央军委", "国务院、中央军事委员会"},
		{"中华人民共和国", "中华人民共和国"},
		{"某市人大常委会", "某市人民代表大会常务委员会"},
		{"某市人民代表大会常委会", "某市人民代表大会常务委员会"},
		{"某市人民代表大会常务员会", "某市人民代表大会常务委员会"},
		{"某省人民代表大会常委员会", "某省人民代表大会常务委员会"},
		{"某市人民代表会", "某市人民代表大会"},
		{"某市人民代表大会常务委员", "某市人民代表大会常务委员会"},
		{"最高人民法院最高人民检察院", "最高人民法院、最高人民检察院"},
		{"中华人民共和国某某局中华人民共和国某某委员会", "某某局、某某委员会"},
		{"某县人民代表大会", "某县人民代表大会"},
		{"全国人民代表大会常务委员会法制工作委员会", "全国人民代表大会常务委员会法制工作委员会"},
		{"", ""},
	} {
		if got := canonicalIssuer(c.in); got != c.want {
			t.Errorf("canonicalIssuer(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEventCutByMarker: the particulars close inside an event a line break
// cut; the line after the marker that finishes it is the event's, not
// preamble, and names the body that adopted the text.
func TestEventCutByMarker(t *testing.T) {
	for _, c := range []struct {
		input, history, issuer string
		preamble               int
	}{
		{"# 某某法\n\n2019年3月15日 第十三届全国人民代表大会第二次\n\n<!-- INFO END -->\n\n会议通过）\n\n第一条 为了某某，制定本法。\n",
			"2019年3月15日 第十三届全国人民代表大会第二次会议通过", "全国人民代表大会", 0},
		// no event to finish: the fragment stays where it is
		{"# 某某规定\n\n<!-- INFO END -->\n\n常务委员会第三十次会议通过）\n\n第一条 为了某某，制定本规定。\n", "", "", 1},
		// a whole event before the marker: the line after it is the text's
		{"# 某某法\n\n2019年3月15日 第十三届全国人民代表大会第二次会议通过\n\n<!-- INFO END -->\n\n（会议通过）\n\n第一条 为了某某，制定本法。\n",
			"2019年3月15日 第十三届全国人民代表大会第二次会议通过", "全国人民代表大会", 1},
	} {
		d := &model.Document{Kind: model.KindRegulation, Body: linesOf("case.md", []byte(c.input))}
		Structure(d)
		if strings.Join(d.History, " | ") != c.history || d.Issuer != c.issuer || len(d.Preamble) != c.preamble {
			t.Errorf("%q: history %q, issuer %q, %d preamble lines; want %q, %q, %d", c.input, d.History, d.Issuer, len(d.Preamble), c.history, c.issuer, c.preamble)
		}
	}
}

func TestSplitBodies(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"最高人民法院最高人民检察院", "最高人民法院、最高人民检察院"},
		{"中共中央办公厅国务院办公厅", "中共中央办公厅、国务院办公厅"},
		{"中共中央国务院", "中共中央、国务院"},
		{"中华人民共和国某某局中华人民共和国某某委员会", "中华人民共和国某某局、中华人民共和国某某委员会"},
		// one body: its name goes on with an office, a committee or a ministry
		{"中华人民共和国国务院", "中华人民共和国国务院"},
		{"国务院办公厅", "国务院办公厅"},
		{"全国人民代表大会常务委员会法制工作委员会", "全国人民代表大会常务委员会法制工作委员会"},
		{"最高人民检察院公安部", "最高人民检察院公安部"},
		{"中共中央纪律检查委员会", "中共中央纪律检查委员会"},
	} {
		if got := strings.Join(splitBodies(c.in), "、"); got != c.want {
			t.Errorf("splitBodies(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestNoticeInParticulars: a source that prints the notice issuing the
// text above its particulars marker gives no history: the notice is the
// preamble, and its signature names the issuer and the date.
func TestNoticeInParticulars(t *testing.T) {
	input := "# 某某暂行规定\n\n关于印发《某某暂行规定》的通知\n\n某部发〔1994〕489号\n\n各省、自治区、直辖市某某厅（局）：\n\n现将《某某暂行规定》印发给你们，请贯彻执行。\n\n某某部\n\n一九九四年十二月六日\n\n<!-- INFO END -->\n\n第一条 为了某某，制定本规定。\n\n第二条 本规定自1995年1月1日起执行。\n"
	d := &model.Document{Kind: model.KindRegulation, Body: linesOf("case.md", []byte(input))}
	Structure(d)
	if len(d.History) != 0 || d.Issuer != "某某部" || d.Published != "1994-12-06" || len(d.Preamble) != 6 {
		t.Errorf("history %q, issuer %q, published %q, %d preamble lines; want none, 某某部, 1994-12-06, 6", d.History, d.Issuer, d.Published, len(d.Preamble))
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"关于印发《某某暂行规定》的通知", true},
		{"（1994年12月6日 关于印发《某某暂行规定》的通知）", false},
		{"1994年12月6日 某某部关于印发《某某暂行规定》的通知", false},
		{"1994年12月6日 某某部发布", false},
		{"某某暂行规定", false},
	} {
		if got := noticeInParticulars(c.line); got != c.want {
			t.Errorf("noticeInParticulars(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
