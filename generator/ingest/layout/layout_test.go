package layout

import (
	"strings"
	"testing"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/plaintext"
)

// repaired reads plain text, repairs it and returns its lines joined by
// "/" and the kinds of the repairs.
func repaired(src string) (string, string) {
	lines, reps := Repair(plaintext.Read(src).Lines)
	var texts, kinds []string
	for _, l := range lines {
		texts = append(texts, l.Text)
	}
	for _, r := range reps {
		kinds = append(kinds, r.Kind)
	}
	return strings.Join(texts, "/"), strings.Join(kinds, ",")
}

func TestRepair(t *testing.T) {
	cases := []struct{ name, in, text, kinds string }{
		{"comma at the break",
			"第七条 应当由领导班子成员作为谈话人，\n\n采取个别谈话的方式进行。",
			"第七条 应当由领导班子成员作为谈话人，采取个别谈话的方式进行。", "join"},
		{"article cut after a few words, the page printing them together",
			"第六条 党委(党组)办公厅(室)负责组织。\n\n第十二条 党委(党组)办公厅\n\n(室)应当汇总留存谈话记录。",
			"第六条 党委(党组)办公厅(室)负责组织。/第十二条 党委(党组)办公厅(室)应当汇总留存谈话记录。", "join"},
		{"article title is not joined",
			"第十四条 处理恰当\n\n在事实清楚、证据确凿的基础上处理。",
			"第十四条 处理恰当/在事实清楚、证据确凿的基础上处理。", ""},
		{"a long regulation title on the first line is whole",
			"某某人民法院、某某人民检察院关于办理某某类刑事案件适用法律若干问题的解释\n\n为依法惩治某某犯罪活动，保护某某合法权益，根据\n\n有关法律的规定，解释如下：",
			"某某人民法院、某某人民检察院关于办理某某类刑事案件适用法律若干问题的解释/为依法惩治某某犯罪活动，保护某某合法权益，根据有关法律的规定，解释如下：", "join"},
		{"a long title with a version mark",
			"某某省某某市某某区关于某某某某某某某某事项的某某某某某某管理暂行办法(试行)\n\n为了规范某某某某某某某某某某某某某某事项的管理工作，根据\n\n有关规定，制定本办法。",
			"某某省某某市某某区关于某某某某某某某某事项的某某某某某某管理暂行办法(试行)/为了规范某某某某某某某某某某某某某某事项的管理工作，根据有关规定，制定本办法。", "join"},
		{"a long title with a year mark in 〔〕",
			"某某某某某某某某某某某某关于某某某某某某某某某某某某某某问题的规定〔2019〕\n\n为了规范某某某某某某某某某某某某某某事项的管理工作，根据\n\n有关规定，制定本规定。",
			"某某某某某某某某某某某某关于某某某某某某某某某某某某某某问题的规定〔2019〕/为了规范某某某某某某某某某某某某某某事项的管理工作，根据有关规定，制定本规定。", "join"},
		{"a first line that only ends like a title but prints a comma is cut",
			"某某某某某某某某某某某某某某某某，某某某某某某某某某某某某某某某某某的办法\n\n都应当经过某某某某的审查。",
			"某某某某某某某某某某某某某某某某，某某某某某某某某某某某某某某某某某的办法都应当经过某某某某的审查。", "join"},
		{"a long title further down is not the page's title",
			"第一条 某某。\n\n某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某的办法\n\n都应当经过某某某某的审查。",
			"第一条 某某。/某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某的办法都应当经过某某某某的审查。", "join"},
		{"label alone is left",
			"第十一条\n\n对在治理工作中发现的问题。\n\n八、\n\n要厉行勤俭节约。",
			"第十一条/对在治理工作中发现的问题。/八、/要厉行勤俭节约。", ""},
		{"approval and history lines are not joined",
			"最高人民法院关于某某问题的解释这一行标题很长很长很长很长很长很长\n\n（2002年12月28日通过）\n\n会议审议批准这一行也很长很长很长很长很长很长很长很长很长很长很长\n\n2020年3月9日中共中央发布",
			"最高人民法院关于某某问题的解释这一行标题很长很长很长很长很长很长/（2002年12月28日通过）/会议审议批准这一行也很长很长很长很长很长很长很长很长很长很长很长/2020年3月9日中共中央发布", ""},
		{"short line of a list is not joined",
			"贵阳仲裁委员会、云南省昆明仲裁委员会、重庆仲裁委员会、成都仲裁委员会\n\n陕西省\n\n西安仲裁委员会",
			"贵阳仲裁委员会、云南省昆明仲裁委员会、重庆仲裁委员会、成都仲裁委员会/陕西省/西安仲裁委员会", ""},
		{"quotation over several paragraphs",
			"“第一款内容，处三年以下有期徒刑。\n\n“第二款内容。”",
			"“第一款内容，处三年以下有期徒刑。/“第二款内容。”", ""},
		{"word split across a column",
			"AEO是“经认证的经营者”的英文缩写。AEO制度是指世界海\n\n关组织倡导的认证制度。",
			"AEO是“经认证的经营者”的英文缩写。AEO制度是指世界海关组织倡导的认证制度。", "join"},
		{"open quote",
			"跑稳“接力\n\n赛”，要求我们。", "跑稳“接力赛”，要求我们。", "join"},
		{"line may not start with 、",
			"纪律检查机关(派驻本单位的纪检监察组)\n\n、组织(人事)部门。",
			"纪律检查机关(派驻本单位的纪检监察组)、组织(人事)部门。", "join"},
		{"repeated character with evidence",
			"坚持全面从严治党。\n\n- (一) 坚持党要管党、全面从严治\n\n- 治党；\n- (二) 坚持突出重点；",
			"坚持全面从严治党。/(一) 坚持党要管党、全面从严治党；/(二) 坚持突出重点；", "list-marker,join,duplicate-char"},
		{"repeated character without evidence is kept",
			"- (一) 大家常常\n\n- 常来往；\n- (二) 坚持；",
			"(一) 大家常常常来往；/(二) 坚持；", "list-marker,join"},
		{"title is not joined",
			"多所高校为留校师生组织新春活动\n\n2月11日，华中科技大学组织师生吃新春团年饭。",
			"多所高校为留校师生组织新春活动/2月11日，华中科技大学组织师生吃新春团年饭。", ""},
		{"section head is not joined",
			"(三) 稳中求进，推动未来产业高质量发展\n\n未来产业培育周期长。",
			"(三) 稳中求进，推动未来产业高质量发展/未来产业培育周期长。", ""},
		{"circled item is not joined",
			"人力资源社会保障部、财政部关于人民警察法定工作日之外补贴政策调整的相关规定如下所列各项\n\n①法定工作日之外加班定义：指在正常休息日加班。",
			"人力资源社会保障部、财政部关于人民警察法定工作日之外补贴政策调整的相关规定如下所列各项/①法定工作日之外加班定义：指在正常休息日加班。", ""},
		{"section label with a full-width dot is not joined",
			"严禁用公款安排旅游、健身和高消费娱乐活动而且这一行也足够长足够长足够长足够长足够长\n\n十．禁止异地部门间没有特别需要的一般性学习交流。",
			"严禁用公款安排旅游、健身和高消费娱乐活动而且这一行也足够长足够长足够长足够长足够长/十．禁止异地部门间没有特别需要的一般性学习交流。", ""},
		{"next article is not joined",
			"第一条 为了加强管理，根据有关规定，制定本办法\n\n第二条 本办法适用于。",
			"第一条 为了加强管理，根据有关规定，制定本办法/第二条 本办法适用于。", ""},
		{"dateline and credit are not joined",
			"这是一段足够长的正文文字，讲述了很多很多的事情而没有句号结尾的\n\n新华社北京2月12日电 正文。\n\n旅客在候车间隙喝茶而且这一行也足够长足够长足够长足够长\n\n新华社发(王继林 摄)",
			"这是一段足够长的正文文字，讲述了很多很多的事情而没有句号结尾的/新华社北京2月12日电 正文。/旅客在候车间隙喝茶而且这一行也足够长足够长足够长足够长/新华社发(王继林 摄)", ""},
		{"history line is not joined",
			"2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过\n\n为了惩治犯罪，特作如下修改。",
			"2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过/为了惩治犯罪，特作如下修改。", ""},
		{"narrow column cut after a new sentence starts",
			"人民政府应当建立保障机制。各\n\n级人力资源社会保障部门应当予以配合。",
			"人民政府应当建立保障机制。各级人力资源社会保障部门应当予以配合。", "join"},
		{"short line with a sentence end and nothing after it is not joined",
			"本办法自发布之日起施行。\n\n附件目录",
			"本办法自发布之日起施行。/附件目录", ""},
		{"article cut after a closing bracket",
			"第一条 为了加强管理，制定本条例。\n\n市交通行政管理部门应当会同有关部门，市交通委员会（管理局）\n\n应当落实属地管理职责，负责具体实施。\n\n第二条 本条例自公布之日起施行。",
			"第一条 为了加强管理，制定本条例。/市交通行政管理部门应当会同有关部门，市交通委员会（管理局）应当落实属地管理职责，负责具体实施。/第二条 本条例自公布之日起施行。", "join"},
		{"line ending with a bracket outside articles is not joined",
			"四、废止《某某市信息化促进条例》（2007年9月14日某某市人民代表大会常务委员会第三十八次会议通过）\n\n本决定自公布之日起施行。",
			"四、废止《某某市信息化促进条例》（2007年9月14日某某市人民代表大会常务委员会第三十八次会议通过）/本决定自公布之日起施行。", ""},
		{"short heading ending with a bracket is not joined",
			"第一章 总则（试行）\n\n为了加强管理，根据有关规定，制定本办法的具体条文。",
			"第一章 总则（试行）/为了加强管理，根据有关规定，制定本办法的具体条文。", ""},
		{"short cut line between two articles",
			"第二条 本市行政区域内的活动，适用本规定。\n\n本规定所称的企业，包括\n\n在互联网上建立网站的企业。\n\n第三条 本规定自公布之日起施行。",
			"第二条 本市行政区域内的活动，适用本规定。/本规定所称的企业，包括在互联网上建立网站的企业。/第三条 本规定自公布之日起施行。", "join"},
		{"headline after the last article is not joined",
			"第一条 为了加强管理，制定本办法。\n\n第二条 本办法自发布之日起施行。\n\n多所高校为留校师生组织新春活动\n\n寒假将至，多所高校为留校师生组织精彩活动。",
			"第一条 为了加强管理，制定本办法。/第二条 本办法自发布之日起施行。/多所高校为留校师生组织新春活动/寒假将至，多所高校为留校师生组织精彩活动。", ""},
		{"formula and note lines in articles are not joined",
			"第一条 应纳税额的计算公式如下：\n\n应纳税额＝销售额×比例税率\n\n实行从量定额办法计算的应纳税额，按照规定计算。\n\n各单位应当严格控制会议规模。（第五条）\n\n会议费开支范围包括会议住宿费、伙食费。 (2011年1月8日删除)\n\n企业有权拒绝摊派。\n\n第二条 本办法自发布之日起施行。",
			"第一条 应纳税额的计算公式如下：/应纳税额＝销售额×比例税率/实行从量定额办法计算的应纳税额，按照规定计算。/各单位应当严格控制会议规模。（第五条）/会议费开支范围包括会议住宿费、伙食费。 (2011年1月8日删除)/企业有权拒绝摊派。/第二条 本办法自发布之日起施行。", ""},
		{"number cut across a column",
			"第一条 会议举行的三十日前召开全体会议。\n\n参加会议的人数最多不超过1\n\n0人。\n\n第二条 本办法自发布之日起施行。",
			"第一条 会议举行的三十日前召开全体会议。/参加会议的人数最多不超过10人。/第二条 本办法自发布之日起施行。", "join"},
		{"numbers printed apart keep their space",
			"第一条 开奖结果当日公布。\n\n本期开奖号码依次为：03 04\n\n07 11 15，以公证结果为准。\n\n第二条 本办法自发布之日起施行。",
			"第一条 开奖结果当日公布。/本期开奖号码依次为：03 04 07 11 15，以公证结果为准。/第二条 本办法自发布之日起施行。", "join"},
		{"division formula and a line before a letter item are not joined",
			"第一条 加班费按下列方法计算：\n\n小时工资为月工资÷（21.5*8）\n\n由此可见，对于加班费的计算应当以小时工资为基数。\n\n零余额账户包括财政部门零余额账户（即财政汇缴专户）\n\nb.财政部门零余额账户和预算单位零余额账户。\n\n第二条 本办法自发布之日起施行。",
			"第一条 加班费按下列方法计算：/小时工资为月工资÷（21.5*8）/由此可见，对于加班费的计算应当以小时工资为基数。/零余额账户包括财政部门零余额账户（即财政汇缴专户）/b.财政部门零余额账户和预算单位零余额账户。/第二条 本办法自发布之日起施行。", ""},
		{"sentence ends",
			"这一句话已经结束了，而且足够长足够长足够长。\n\n下一段。", "这一句话已经结束了，而且足够长足够长足够长。/下一段。", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, kinds := repaired(c.in)
			if text != c.text || kinds != c.kinds {
				t.Errorf("got %q [%s]\nwant %q [%s]", text, kinds, c.text, c.kinds)
			}
		})
	}
}

func TestRepairRecords(t *testing.T) {
	_, reps := Repair(plaintext.Read("坚持全面从严治党。\n\n- (一) 坚持党要管党、全面从严治\n\n- 治党；\n- (二) 坚持；").Lines)
	d := reps[len(reps)-1]
	if d.Kind != KindDuplicate || d.Line != 5 || d.Before != "严治治党" || d.After != "严治党" || d.Message == "" {
		t.Errorf("repair %+v", d)
	}
}

func TestMarkedLinesNotJoined(t *testing.T) {
	lines := []block.Line{
		{Text: "这是一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长的标题", Line: 1, Heading: 2},
		{Text: "正文", Line: 3, Break: true},
	}
	out, reps := Repair(lines)
	if len(out) != 2 || len(reps) != 0 {
		t.Errorf("heading joined: %+v", out)
	}
}

// FuzzRepair checks that repair never panics, never loses text other than
// a repeated character, and keeps lines in order.
func FuzzRepair(f *testing.F) {
	f.Add("- (一) 全面从严治\n\n- 治党；\n- (二) 甲")
	f.Add("第十二条 办公厅\n\n(室)应当")
	f.Fuzz(func(t *testing.T, s string) {
		in := plaintext.Read(s).Lines
		out, reps := Repair(in)
		dups, inRunes, outRunes := 0, 0, 0
		for _, r := range reps {
			if r.Kind == KindDuplicate {
				dups++
			}
		}
		for _, l := range in {
			inRunes += len([]rune(strings.ReplaceAll(l.Text, " ", "")))
		}
		prev := 0
		for _, l := range out {
			outRunes += len([]rune(strings.ReplaceAll(l.Text, " ", "")))
			if l.Line <= prev {
				t.Fatalf("lines out of order: %+v", out)
			}
			prev = l.Line
		}
		if outRunes != inRunes-dups {
			t.Fatalf("text changed: %d → %d runes (%d repairs)", inRunes, outRunes, len(reps))
		}
	})
}

// FuzzPagePrints: the page's answer (pageEvidence.prints) is that of
// strings.Contains, before and after the page is indexed, for any run of
// 2*junctionSide characters taken from the page or from the other text.
func FuzzPagePrints(f *testing.F) {
	f.Add("第十二条 办公厅\n(室)应当履行职责\n第十三条 甲乙丙丁", "办公厅\n(室")
	f.Add("同同同同同同同\n同同同", "同同同同同同")
	f.Add("\xe4\xb8abc\xe4\xb8\x80一二三四五六", "\xe4一二三四五六")
	f.Fuzz(func(t *testing.T, text, other string) {
		p := &pageEvidence{text: text}
		var asks []string
		for _, s := range []string{text, other} {
			rs := []rune(s)
			for i := 0; i+2*junctionSide <= len(rs); i++ {
				asks = append(asks, string(rs[i:i+2*junctionSide]))
			}
		}
		for range 2 { // the second time from the index
			for _, s := range asks {
				if got, want := p.prints(s), strings.Contains(text, s); got != want {
					t.Fatalf("prints(%q) on %q = %v, want %v", s, text, got, want)
				}
			}
			p.searches = searchesBeforeIndex
		}
	})
}

// FuzzEndsSentence compares endsSentence, which reads s from its end,
// with reading the characters of s from its start.
func FuzzEndsSentence(f *testing.F) {
	for _, s := range []string{"…。”", "。）", "甲", "", "\xe4\xb8。", "”\xe4", "。\xe3\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s)
		i := len(r) - 1
		for i >= 0 && closes(r[i]) {
			i--
		}
		want := i >= 0 && strings.ContainsRune("。！？!?；;：:…—", r[i])
		if got := endsSentence(s); got != want {
			t.Fatalf("endsSentence(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzContext compares tail and head with taking the last and first
// contextRunes characters of the whole string converted to runes.
func FuzzContext(f *testing.F) {
	for _, s := range []string{"", "甲", "一二三四五六七八九十甲乙丙丁", "\xe4\xb8一二三四五六七八九十甲乙\xff", "abcdefghijklmnop"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s)
		wantTail, wantHead := r, r
		if len(r) > contextRunes {
			wantTail, wantHead = r[len(r)-contextRunes:], r[:contextRunes]
		}
		if got := tail(s); got != string(wantTail) {
			t.Fatalf("tail(%q) = %q, want %q", s, got, string(wantTail))
		}
		if got := head(s); got != string(wantHead) {
			t.Fatalf("head(%q) = %q, want %q", s, got, string(wantHead))
		}
	})
}
