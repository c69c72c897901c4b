package page

import (
	"strings"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/markdown"
	"tiaoli/generator/ingest/plaintext"
	"tiaoli/generator/model"
)

func splitMD(t *testing.T, name, src, date string) []*model.Document {
	t.Helper()
	p, _ := markdown.Read(src)
	return Split(Input{Path: name, Meta: p.Meta, Lines: p.Lines, Date: date, Markdown: true})
}

func splitText(name, src, date string) []*model.Document {
	return Split(Input{Path: name, Lines: plaintext.Read(src).Lines, Date: date})
}

// summary is kind:title for every document, joined by " / ".
func summary(docs []*model.Document) string {
	var parts []string
	for _, d := range docs {
		parts = append(parts, d.Kind+":"+d.Title)
	}
	return strings.Join(parts, " / ")
}

func TestHeadlineGroup(t *testing.T) {
	docs := splitMD(t, "p.md", "### 引题在前\n\n## 主标题\n\n### 副题在后\n\n本报北京1月2日电 （记者王浩）正文。\n", "2026-01-03")
	if len(docs) != 1 {
		t.Fatalf("documents: %s", summary(docs))
	}
	d := docs[0]
	if d.Kicker != "引题在前" || d.Title != "主标题" || d.Subtitle != "副题在后" || d.Kind != model.KindNews {
		t.Errorf("headline %q / %q / %q (%s)", d.Kicker, d.Title, d.Subtitle, d.Kind)
	}
	if d.Dateline == nil || d.Dateline.Date != "2026-01-02" || strings.Join(d.Dateline.Reporters, ",") != "王浩" {
		t.Errorf("dateline %+v", d.Dateline)
	}
	if len(d.Body) != 1 || d.Sources[0].Line != 1 {
		t.Errorf("body %+v sources %v", d.Body, d.Sources)
	}
}

func TestPlainPage(t *testing.T) {
	src := `某市举行新春团拜会

新华社某市2月12日电 某市12日举行新春团拜会。

会上，与会者表示要做好各项工作。

多所学校为留校学生组织活动

2月11日，某大学组织师生吃团年饭。

新华社发（某某 摄）

（上接第一版）

这是一篇从第一版转来的评论文章的正文，讨论了很多问题，观点鲜明。

（二）第二部分的小标题

第二部分的正文也很长，继续讨论问题。

（三）第三部分的小标题

第三部分的正文。（下转第三版）
`
	docs := splitText("page.txt", src, "2026-02-13")
	want := "news:某市举行新春团拜会 / photo:多所学校为留校学生组织活动 / commentary:这是一篇从第一版转来的评论文章的正文…"
	if got := summary(docs); got != want {
		t.Fatalf("documents\n%s\nwant\n%s", got, want)
	}
	if docs[1].Credits[0] != "新华社发（某某 摄）" || len(docs[1].Body) != 1 {
		t.Errorf("photo credits %q body %d", docs[1].Credits, len(docs[1].Body))
	}
	c := docs[2]
	if c.ContinuedFrom != "第一版" || c.ContinuedTo != "第三版" || c.Sources[0].Line != 13 {
		t.Errorf("continuation %q → %q at %v", c.ContinuedFrom, c.ContinuedTo, c.Sources)
	}
	if last := c.Body[len(c.Body)-1].Text; last != "第三部分的正文。" {
		t.Errorf("continuation mark left in %q", last)
	}
}

func TestCarriedRegulation(t *testing.T) {
	src := `某机关印发《某某工作规定》

新华社北京2月12日电 近日，某机关印发了《某某工作规定》。

《某某工作规定》全文如下。

某某工作规定

（2026年1月30日某机关批准 2026年1月30日某机关发布）

第一条 为了做好工作，制定本规定。

第二条 本规定适用于各单位。

第三条 本规定自发布之日起施行。

另一条新闻的标题

新华社上海2月12日电 另一条新闻。
`
	docs := splitText("page.txt", src, "")
	if got := summary(docs); got != "news:某机关印发《某某工作规定》 / regulation:某某工作规定 / news:另一条新闻的标题" {
		t.Fatalf("documents %s", got)
	}
	reg := docs[1]
	if reg.Carrier != docs[0] || reg.Date != "2026-01-30" || len(reg.Body) != 5 || reg.Body[0].Text != "某某工作规定" {
		t.Errorf("regulation carrier %v date %q body %d", reg.Carrier, reg.Date, len(reg.Body))
	}
}

func TestCarriedRegulationWithoutTitleLine(t *testing.T) {
	src := "### 某机关印发《某某管理办法》\n\n《某某管理办法》全文如下。\n\n第一章 总则\n\n第一条 为了管理。\n\n第二条 适用范围。\n"
	docs := splitMD(t, "x.md", src, "")
	if got := summary(docs); got != "news:某机关印发《某某管理办法》 / regulation:某某管理办法" {
		t.Fatalf("documents %s", got)
	}
	if docs[1].Carrier != docs[0] {
		t.Error("no carrier")
	}
}

func TestStandaloneRegulation(t *testing.T) {
	src := "# 中华人民共和国某某法\n\n2009年2月28日 第十一届全国人民代表大会常务委员会第七次会议通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了某某，制定本法。\n\n## 说明\n\n第二条 本法适用于。\n\n## 附件\n\n附件正文。\n"
	docs := splitMD(t, "law.md", src, "")
	if len(docs) != 1 || docs[0].Kind != model.KindRegulation || docs[0].Title != "中华人民共和国某某法" {
		t.Fatalf("documents %s", summary(docs))
	}
	d := docs[0]
	if d.Date != "2009-02-28" || d.Body[0].Heading != 1 || d.Body[2].Heading != 2 {
		t.Errorf("date %q body %+v", d.Date, d.Body[:3])
	}
}

// TestTwoTextsInOneFile: a file that prints a second text after the first
// one's articles, under a title line and from 第一条 again (a chapter may
// stand between), holds two regulations; a text under 附件 or one that only
// quotes a 第一条 stays one.
func TestTwoTextsInOneFile(t *testing.T) {
	first := "###  某某工作规定\n\n第一章　总　则\n\n第一条　为了某某，制定本规定。\n\n第二条　某某应当某某。\n\n第三条　本规定自发布之日起施行。\n\n"
	for _, c := range []struct{ second, want string }{
		{"某某工作条例\n\n第一章　总则\n\n第一条　为了某某，制定本条例。\n\n第二条　本条例自发布之日起施行。\n",
			"regulation:某某工作规定 / regulation:某某工作条例"},
		{"某某工作条例\n\n第一条　为了某某，制定本条例。\n\n第二条　本条例自发布之日起施行。\n",
			"regulation:某某工作规定 / regulation:某某工作条例"},
		{"附件\n\n某某工作细则\n\n第一条　为了某某，制定本细则。\n\n第二条　本细则自发布之日起施行。\n",
			"regulation:某某工作规定"},
		{"某某工作条例\n\n某某应当某某。\n",
			"regulation:某某工作规定"},
	} {
		docs := splitMD(t, "rules.md", first+c.second, "")
		if got := summary(docs); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.second, got, c.want)
		}
		if len(docs) == 2 && (len(docs[0].Body) != 5 || docs[1].Body[0].Text != "某某工作条例") {
			t.Errorf("%q: the first text ends at its last article, the second starts at its title: %+v", c.second, docs[1].Body[0])
		}
	}
}

// TestTitleAgainInPlainText: plain text that prints a regulation's title
// again under its particulars, over two lines, is one regulation: the
// repeat is no further headline (with the document number and a line cut
// before a sentence ends, it would make one title too many).
func TestTitleAgainInPlainText(t *testing.T) {
	src := "最高人民法院关于某某法院案件管辖的规定\n\n2022年9月19日 最高人民法院审判委员会第1875次会议通过\n\n2023年1月1日 施行\n\n" +
		"最高人民法院\n\n关于某某法院案件管辖的规定\n\n法释〔2022〕20号\n\n为服务和保障某某地区建设，进一步明确某某法院\n\n案件管辖的具体范围，制定本规定。\n\n" +
		"第一条 某某法院管辖下列第一审案件。\n\n第二条 本规定自2023年1月1日起施行。\n"
	docs := splitText("rule.txt", src, "")
	if got := summary(docs); got != "regulation:最高人民法院关于某某法院案件管辖的规定" {
		t.Errorf("documents %s", got)
	}
}

// TestCaseDatedByParticulars: a court case whose particulars print the
// day it was published on a line of its own (某某典型案例 / 某某法院发布 /
// 2022-03-15) is dated by it, not by the file's date; a date inside a
// longer line of the particulars dates nothing.
func TestCaseDatedByParticulars(t *testing.T) {
	for particulars, want := range map[string]string{
		"2022-03-15":        "2022-03-15",
		"2022年3月15日":        "2022-03-15",
		"2022-03-15 某某法院发布": "2021-01-01",
	} {
		src := "# 某某经营者构成欺诈的，应当承担惩罚性赔偿责任\n\n某某典型案例\n\n某某法院发布\n\n" + particulars +
			"\n\n<!-- INFO END -->\n\n## 某甲诉某乙买卖合同纠纷案\n\n## 基本案情\n\n某甲在某平台购买商品。\n\n## 裁判结果\n\n法院判令某乙赔偿。\n"
		docs := splitMD(t, "case.md", src, "2021-01-01")
		if len(docs) != 1 || docs[0].Kind != model.KindCase {
			t.Fatalf("documents %s", summary(docs))
		}
		if docs[0].Date != want {
			t.Errorf("particulars %q: date %q, want %q", particulars, docs[0].Date, want)
		}
	}
}

// TestDateAfterAmendmentsListedWithGenju: a history printed at the top
// whose amendments open with 根据 is read to its last line, so an amended
// text is dated by its latest amendment, not by the 修订 above them.
func TestDateAfterAmendmentsListedWithGenju(t *testing.T) {
	src := "### 某某法（2020年修订）\n\n#### 一、历史\n\n" +
		"* 1979年7月1日某会议通过\n\n* 1997年3月14日某会议修订\n\n" +
		"* 根据1998年12月29日某会议通过的《某某决定》\n\n" +
		"* 2020年12月26日某会议通过的《某某修正案》修正\n\n" +
		"#### 二、正文\n\n第一条 为了某某，制定本法。\n\n第二条 本法适用于某某。\n"
	docs := splitMD(t, "law.md", src, "")
	if len(docs) != 1 || docs[0].Kind != model.KindRegulation {
		t.Fatalf("documents %s", summary(docs))
	}
	if docs[0].Date != "2020-12-26" {
		t.Errorf("date %q, want the last amendment's 2020-12-26", docs[0].Date)
	}
	preamble := "# 某某办法\n\n根据2019年1月1日某会议通过的决定，制定本办法。\n\n第一条 为了某某，制定本办法。\n"
	if d := splitMD(t, "rule.md", preamble, ""); len(d) != 1 || d[0].Date != "" {
		t.Errorf("a preamble's 根据 sentence dated the regulation: %s %q", summary(d), d[0].Date)
	}
}

func TestSingleArticleWithSubheads(t *testing.T) {
	src := "---\ntitle: 某县城春运为何仍便捷\ndate: 2025-02-12\n---\n\n### 引题\n\n# 某县城春运为何仍便捷\n\n> 本报记者  韩  鑫  张腾扬《人民日报》（2025年02月12日第 02 版）\n\n清晨，某人返乡。\n\n## 小标题一\n\n正文一。\n\n## 小标题二\n\n正文二。\n"
	docs := splitMD(t, "a.md", src, "2025-02-12")
	if len(docs) != 1 {
		t.Fatalf("documents %s", summary(docs))
	}
	p, _ := markdown.Read(src)
	if pub, date, pg := Printed(p.Lines); pub != "人民日报" || date != "2025-02-12" || pg != "第02版" {
		t.Errorf("printed %q %q %q", pub, date, pg)
	}
	d := docs[0]
	if d.Kicker != "引题" || strings.Join(d.Bylines, ",") != "韩鑫,张腾扬" || d.Kind != model.KindNews || len(d.Body) != 5 {
		t.Errorf("kicker %q bylines %q kind %s body %d", d.Kicker, d.Bylines, d.Kind, len(d.Body))
	}
}

func TestSubheadsWithoutEvidence(t *testing.T) {
	src := "　　**特邀嘉宾**\n\n　　某某 某市纪委监委干部\n\n　　**编者按**\n\n　　本案中的问题。\n\n　　**基本案情：**\n\n　　某某，男。\n"
	docs := splitMD(t, "以单位名义出借钱款是否属于挪用公款.md", src, "")
	if len(docs) != 1 || docs[0].Title != "以单位名义出借钱款是否属于挪用公款" {
		t.Fatalf("documents %s", summary(docs))
	}
	if docs[0].Body[0].Text != "特邀嘉宾" {
		t.Errorf("label headline not kept in the body: %+v", docs[0].Body[0])
	}
}

// TestUntitledArticle: a file that starts with a section label or a
// sentence, not a title, is one article titled by its file name; a
// question line over a photo credit, a bold label with a colon or a
// title-like line further down are its subheads, not items of their own.
// A collection that opens with a Markdown heading still splits.
func TestUntitledArticle(t *testing.T) {
	cases := []struct{ name, src string }{
		{"某某行为还是某某罪？.md", "　　基本案情\n\n　　王某，中共党员，系某设计院副院长。\n\n　　那么，王某的行为究竟是违纪行为还是构成犯罪？\n\n![](a.jpeg)\n\n某县纪委监委 某某 绘图\n\n　　纪法解析\n\n　　本罪的主体是特殊主体。\n"},
		{"【专栏】某某是重要举措.md", "　　**开栏的话：**\n\n　　即日起，本报开设专栏，敬请关注。\n\n　　**某某法摘录：**\n\n　　第一条 为了加强监督，制定本法。\n\n　　**某某条例摘录：**\n\n　　第三条 本条例适用于公职人员。\n"},
		{"处置财物需注意什么.md", "　　根据《某某管理规定》规定，对被审查调查人自述收受的财物，可以登记上交，这一规定在实践中如何把握，值得研究。\n\n　　关于登记上交的相关规定\n\n　　登记上交最初源于某某规定。\n"},
	}
	for _, c := range cases {
		docs := splitMD(t, c.name, c.src, "")
		want := strings.TrimSuffix(c.name, ".md")
		if len(docs) != 1 || docs[0].Title != want {
			t.Errorf("%s: documents %s, want one titled %s", c.name, summary(docs), want)
		}
	}
	src := "# 合集\n\n## 关于某某问题的通知\n\n各单位：现将有关事项通知如下。\n\n## 关于某某事项的通知\n\n各单位：请遵照执行。\n"
	if docs := splitMD(t, "合集.md", src, ""); len(docs) < 2 {
		t.Errorf("a collection under a heading: documents %s, want the notices apart", summary(docs))
	}
	// A plain-text page (OCR) that starts with a sentence goes on with an
	// item of the page before; the items under it are items of their own,
	// whatever the file is named.
	page := "记者某某报道，昨天全市召开了会议。\n\n某市启动春季植树活动\n\n本报讯 3月1日，某市启动春季植树活动，市民踊跃参加。\n\n某县新建三座公园\n\n本报讯 今年，某县新建三座公园，方便群众休闲。\n"
	if docs := splitText("某市日报第二版.txt", page, "2026-03-02"); len(docs) < 3 {
		t.Errorf("a plain-text page: documents %s, want its items apart", summary(docs))
	}
}

// TestSignedUnderCarrier: the date a notice was signed, printed under the
// sentence that issues a regulation (现将《X》印发给你们), in Chinese
// numerals, belongs to the notice; it does not open a document that takes
// the regulation's title as a subhead.
func TestSignedUnderCarrier(t *testing.T) {
	src := "# 某某机关关于某某问题的意见\n\n各省、自治区、直辖市有关机关：\n\n现将《某某机关关于某某问题的意见》印发给你们，请认真贯彻执行。\n二OO八年十一月二十日\n\n**某某机关关于某某问题的意见**\n\n为依法办理某某案件，现提出如下意见：\n\n一、某某是指某某。\n\n二、某某应当某某。\n"
	docs := splitMD(t, "a.md", src, "")
	if len(docs) != 2 || docs[0].Kind != model.KindNotice || docs[0].Date != "2008-11-20" ||
		docs[1].Kind != model.KindRegulation || docs[1].Title != "某某机关关于某某问题的意见" {
		t.Fatalf("documents %s, date %q", summary(docs), docs[0].Date)
	}
}

// TestShortTitleNamedInFileName: a short headline the file is named after
// (with a bracketed date, as LawRefBook names versions) is the title, not
// a section label.
func TestShortTitleNamedInFileName(t *testing.T) {
	src := "# 示例法\n\n第一条 为了规范管理，制定本法。\n"
	for _, name := range []string{"示例法(2018-10-26).md", "示例法.md"} {
		docs := splitMD(t, name, src, "")
		if len(docs) != 1 || docs[0].Title != "示例法" {
			t.Errorf("%s: documents %s, want one titled 示例法", name, summary(docs))
		}
	}
}

func TestKinds(t *testing.T) {
	src := `## 某某新闻

新华社东京2月12日电(记者 李四)正文。

气 象 今日 7℃~17℃ 多云。偏南风5-6级。

明日 10℃~20℃ 阴到多云。

### 某码头诚邀合作

项目招商。联系人:张先生 电话:13500000000

**遗失声明**

▲某公司遗失公章一枚，声明作废。

### 体育彩票开奖信息

- 第26043期排列3开奖号码:1 7 9

### 关于做好某项工作的通知

各区县、各部门：

现就有关事项通知如下。特此通知。
`
	docs := splitMD(t, "p.md", src, "2026-02-13")
	want := "news:某某新闻 / weather:气象 / advertisement:某码头诚邀合作 / announcement:遗失声明 / lottery:体育彩票开奖信息 / notice:关于做好某项工作的通知"
	if got := summary(docs); got != want {
		t.Errorf("documents\n%s\nwant\n%s", got, want)
	}
}

// TestWeatherLabel: a weather report's label is its title and leaves its
// text, whether the label runs into the forecast or stands on its own line;
// the report starts on the label's line.
func TestWeatherLabel(t *testing.T) {
	for _, src := range []string{
		"某某新闻\n\n新华社北京2月12日电 正文。\n\n天 气 预 报 今日 7℃~17℃ 多云。\n\n明日 10℃~20℃ 阴。\n",
		"某某新闻\n\n新华社北京2月12日电 正文。\n\n天气预报：\n\n今日 7℃~17℃ 多云。\n\n明日 10℃~20℃ 阴。\n",
	} {
		docs := splitText("p.txt", src, "2026-02-13")
		if len(docs) != 2 {
			t.Fatalf("%q: documents %s", src, summary(docs))
		}
		w := docs[1]
		if w.Kind != model.KindWeather || w.Title != "天气预报" || w.Sources[0].Line != 5 || w.Body[0].Text != "今日 7℃~17℃ 多云。" {
			t.Errorf("%q: %s %q line %d, body %q", src, w.Kind, w.Title, w.Sources[0].Line, w.Body[0].Text)
		}
	}
}

// TestShortAnswerIsCommentary: a short item that opens with a question and
// answers it is a write-up (commentary), however short; a short item that
// asks nothing stays other.
func TestShortAnswerIsCommentary(t *testing.T) {
	for src, want := range map[string]string{
		"# 某某行为如何认定\n\n在办案中，某某行为如何认定？\n\n某某行为是指甲乙丙丁，应当依纪依法处理。（某某）\n": model.KindCommentary,
		"# 某某行为如何认定\n\n在办案中，某某行为的认定。\n\n某某行为是指甲乙丙丁，应当依纪依法处理。（某某）\n":  model.KindOther,
	} {
		docs := splitMD(t, "p.md", src, "2026-02-13")
		if len(docs) != 1 || docs[0].Kind != want {
			t.Errorf("%q: %s, want one %s", src, summary(docs), want)
		}
	}
}

func TestYearFromPage(t *testing.T) {
	docs := splitText("p.txt", "跨年新闻标题\n\n新华社北京12月31日电 年终报道。\n", "2026-01-02")
	if docs[0].Dateline == nil || docs[0].Dateline.Date != "2025-12-31" {
		t.Errorf("dateline %+v", docs[0].Dateline)
	}
}

func TestNormalTitle(t *testing.T) {
	for a, b := range map[string]string{
		"**党委（党组）工作办法**": "党委(党组)工作办法",
		"一箭７星！":          "一箭7星",
		"《某某规定》":         "某某规定",
		" AEO 这张“绿色通行证”": "AEO这张“绿色通行证",
	} {
		if NormalTitle(a) != b {
			t.Errorf("NormalTitle(%q) = %q, want %q", a, NormalTitle(a), b)
		}
	}
}

// TestFileTitle checks what a file name gives as a title: the copy number
// and the website a saved page names after its title are no part of it; a
// subtitle after a dash, a year, a number of the title's own stay.
func TestFileTitle(t *testing.T) {
	for p, want := range map[string]string{
		"a/某某行为如何定性————业务探讨——某某委员会网站.md":  "某某行为如何定性",
		"a/某某行为如何定性——某某网站.md":             "某某行为如何定性",
		"a/某某行为如何定性--栏目--某某网站.md":         "某某行为如何定性",
		"a/某某行为如何定性 (1).md":               "某某行为如何定性",
		"a/某某行为如何定性（2）.txt":               "某某行为如何定性（2）",
		"a/某某罪 2.md":                      "某某罪",
		"a/某某办法_1.md":                     "某某办法",
		"a/某某行为如何定性 (2)————业务探讨——某某网站.md": "某某行为如何定性",
		// what stays
		"a/某某条例_2018.md":        "某某条例 2018",
		"a/某某条例(2018-10-26).md": "某某条例(2018-10-26)",
		"a/第2期.md":              "第2期",
		"a/某某问题辨析——访某某大学教授.md":  "某某问题辨析——访某某大学教授",
		"a/某某问题辨析——以某某网站为例.md":  "某某问题辨析——以某某网站为例",
		"a/某某贪污——挪用公款如何认定.md":   "某某贪污——挪用公款如何认定",
		"a/————某某网站.md":         "————某某网站",
		"a/(1).md":              "(1)",
	} {
		if got := FileTitle(p); got != want {
			t.Errorf("FileTitle(%q) = %q, want %q", p, got, want)
		}
	}
}

// FuzzSplit checks that splitting any page never panics and gives
// documents with a title, a body and positions inside the page.
func FuzzSplit(f *testing.F) {
	f.Add("标题\n\n新华社北京2月12日电 正文。\n\n（上接第一版）\n\n正文\n\n(新华社北京2月12日电)", false)
	f.Add("## 题\n\n**声明**\n\n- 第1期开奖号码\n\n《办法》全文如下。\n\n第一条 甲\n\n第二条 乙", true)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		var lines []block.Line
		if md {
			p, _ := markdown.Read(s)
			lines = p.Lines
		} else {
			lines = plaintext.Read(s).Lines
		}
		n := strings.Count(s, "\n") + 1
		for _, d := range Split(Input{Path: "f.txt", Lines: lines, Date: "2026-02-13"}) {
			if d.Title == "" || len(d.Body) == 0 || d.Sources[0].Line < 1 || d.Sources[0].Line > n {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}

// TestPrintedSourceLine: a 来源 line names the publication only when it
// gives a name; a web address or a sentence after 来源 names none.
func TestPrintedSourceLine(t *testing.T) {
	for _, c := range []struct{ line, pub, date string }{
		{"来源：某某日报", "某某日报", ""},
		{"2025-01-02 05:58 来源：某某报", "某某报", "2025-01-02"},
		{"信息来源：https://www.example.com/law/1/2.html", "", ""},
		{"来源：www.example.com", "", ""},
		{"来源：某某网、某某库等。文章仅供参考，如需引用，请以正式文件为准。", "", ""},
	} {
		lines := []block.Line{{Text: "某某标题", Line: 1}, {Text: c.line, Line: 3}, {Text: "正文。", Line: 5}}
		if pub, date, _ := Printed(lines); pub != c.pub || date != c.date {
			t.Errorf("%s: publication %q date %q, want %q %q", c.line, pub, date, c.pub, c.date)
		}
	}
}

// TestKindsOfIssuedAndLong: the notice that issues a regulation to those
// it addresses (现将《X》印发给你们) is a notice, not a news item; an article
// whose title names a lottery is no lottery result.
func TestKindsOfIssuedAndLong(t *testing.T) {
	long := strings.Repeat("笔者认为，审批机关工作人员利用职务之便谋取利益，应当依纪依法处理，不能以行业惯例为由从轻。", 5)
	src := "# 利用审批福彩投注机职务之便谋利如何处理\n\n" + strings.Repeat(long+"\n\n", 4) +
		"# 某某管理办法（2026）\n\n某发〔2026〕1号\n\n现将《某某管理办法》印发给你们，请认真遵照执行。\n\n" +
		"**某某管理办法**\n\n第一条 为了管理某某，制定本办法。\n\n第二条 本办法自发布之日起施行。\n"
	docs := splitMD(t, "p.md", src, "2026-02-13")
	want := "commentary:利用审批福彩投注机职务之便谋利如何处理 / notice:某某管理办法（2026） / regulation:某某管理办法"
	if got := summary(docs); got != want {
		t.Errorf("documents\n%s\nwant\n%s", got, want)
	}
}

func TestEnactedDate(t *testing.T) {
	for in, want := range map[string]string{
		"2000年4月20日 某会议通过 2000年9月14日 施行": "2000-04-20",
		"2000年9月14日 施行":                  "",
		"2020年8月31日 某法院审判委员会第1811次会议、2020年8月21日某检察院检察委员会第四十八次会议通过":                "2020-08-31",
		"2016年3月28日由某法院审判委员会第1680次会议、2016年3月25日由某检察院检察委员会第50次会议通过，自2016年4月18日起施行": "2016-03-28",
		"2010年3月29日某委员会常务会议、2010年7月21日某院常务会议修订":                                   "2010-07-21",
		"2001年1月1日某会议通过，2001年2月1日起施行":                                             "2001-01-01",
	} {
		if got := EnactedDate(in); got != want {
			t.Errorf("EnactedDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsCredit(t *testing.T) {
	for s, want := range map[string]bool{
		"新华社发（郭金祺 摄）":            true,
		"本报记者 张三摄":               true,
		"某某县纪委监委 某某 绘图":          true,
		"（某某 文字 | 某某 漫画）":        true,
		"（某某 文字｜某某 绘）":           true,
		"第三章 基础测绘":               false, // a chapter heading
		"第七章 文物拓印、复制、拍摄":         false,
		"基础测绘":                   false, // a heading whose label was lost
		"某某所有权人、使用人或者其他利害关系人对测绘": false, // a line cut before its end
	} {
		if got := isCredit(s); got != want {
			t.Errorf("isCredit(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSurveyingChapterStays(t *testing.T) {
	docs := splitMD(t, "某某测绘条例.md", "# 某某测绘条例\n\n第一章 总则\n\n第一条 为了某某，制定本条例。\n\n第三章 基础测绘\n\n第二条 基础测绘是公益性事业。\n", "")
	if len(docs) != 1 || len(docs[0].Credits) != 0 {
		t.Fatalf("got %d documents, credits %q", len(docs), docs[0].Credits)
	}
	found := false
	for _, p := range docs[0].Body {
		found = found || p.Text == "第三章 基础测绘"
	}
	if !found {
		t.Errorf("the chapter heading 第三章 基础测绘 left the text")
	}
}

// TestBoldSubheadsOfOneArticle: in a Markdown file whose only headlines are
// bold lines, a subhead worded like a regulation's title (某某攻心法,
// 关于某某方面的规定) with prose under it heads a section of the one article
// the file holds.
func TestBoldSubheadsOfOneArticle(t *testing.T) {
	para := "　　笔者认为，办案中应当把握好政策界限，做到宽严相济，依纪依法处理。这是一条经验。\n\n"
	src := para + "　　**某某攻心法**\n\n" + para + para + "　　**某某揭示法**\n\n" + para + "　　**关于某某方面的规定**\n\n" + para + para
	if got := summary(splitMD(t, "某某谈话方法.md", src, "")); got != "commentary:某某谈话方法" {
		t.Errorf("documents: %s, want the file's one article", got)
	}
}

// FuzzQuickRejects checks the cheap tests that spare a regular expression
// most lines: a credit holds one of creditRunes, a byline one of
// bylineRunes or deedRunes, and a sentence mark of s
// outside the title's marks stays in unwrap(s) (RegulationTitle).
func FuzzQuickRejects(f *testing.F) {
	for _, s := range []string{"新华社发（郭金祺 摄）", "本报记者 张三摄", "制图：李四", "（资料图片）", "新华社传真照片",
		"视频：某某", "某某漫画", "本报记者 韩  鑫  张腾扬", "文/李四", "作者：张三", "本报评论员", "某某 采访整理", "（通讯员 王五 执笔）", "《某某条例》（全文）", "某某办法（试行）", "第一条 为了规范，制定本办法。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if creditRE.MatchString(s) && !strings.ContainsAny(s, creditRunes) {
			t.Fatalf("credit %q holds none of %q", s, creditRunes)
		}
		if bylineRE.MatchString(s) && !strings.ContainsAny(s, bylineRunes) {
			t.Fatalf("byline %q holds none of %q", s, bylineRunes)
		}
		if deedBylineRE.MatchString(s) && !strings.ContainsAny(s, deedRunes) {
			t.Fatalf("byline %q holds none of %q", s, deedRunes)
		}
		if utf8.ValidString(s) && strings.ContainsAny(s, titleStops) && !strings.ContainsAny(unwrap(s), titleStops) {
			t.Fatalf("unwrap(%q) = %q cut off a sentence mark", s, unwrap(s))
		}
	})
}

// TestAnnouncementOverTitleAgain: a reply published under the 公告 that
// announces it, its title printed again in bold under the 公告 with its
// approval line, is one regulation: the title printed again (the file's
// heading adds a year) opens no document of its own, and the 公告 is no
// item of kind other.
func TestAnnouncementOverTitleAgain(t *testing.T) {
	src := "# 某某院关于某某问题的批复(2003)\n\n某某院公告\n\n《某某院关于某某问题的批复》已于2003年1月13日由某某院某某委员会第118次会议通过，现予公布，自2003年1月30日起施行。\n\n某某院\n\n2003年1月28日\n\n" +
		"**某某院关于某某问题的批复**\n\n（2003年1月13日某某院某某委员会第118次会议通过）\n\n某省某某院：\n\n你院《关于某某问题的请示》收悉。经研究，批复如下：\n\n对该行为以某罪论处。\n\n此复\n"
	docs := splitMD(t, "p.md", src, "")
	if got := summary(docs); got != "regulation:某某院关于某某问题的批复(2003)" {
		t.Errorf("documents: %s", got)
	}
}

// TestAuthorLine reads the line that closes a write-up with its authors and
// their unit or post; a line that names no author, or none in brackets, is
// no author line.
func TestAuthorLine(t *testing.T) {
	for _, tc := range []struct {
		in, names, unit string
	}{
		{"（作者：张三 李四 单位：某市纪委监委）", "张三/李四", "某市纪委监委"},
		{"（ 作者： 孔七 单位：某省纪委监委）", "孔七", "某省纪委监委"},
		{"（作者王五单位：某室）", "王五", "某室"},
		{"（作者 赵六 单位 某区纪委监委）", "赵六", "某区纪委监委"},
		{"(作者：甲乙 单位：某纪工委（某区纪委）、某区监委）", "甲乙", "某纪工委（某区纪委）、某区监委"},
		{"（作者：甲乙 丙丁 单位：某高级人民法院；某省纪委监委）", "甲乙/丙丁", "某高级人民法院；某省纪委监委"},
		{"（作者赵六，系某市委常委，市纪委书记、监委主任）", "赵六", "某市委常委，市纪委书记、监委主任"},
		{"（作者单位：某市纪委监委）", "", ""},
		{"（作者系某市纪委书记）", "", ""},
		{"作者：张三 单位：某市纪委监委", "", ""},
		{"作者认为，这种行为构成受贿。", "", ""},
	} {
		names, unit, ok := AuthorLine(tc.in)
		if got := strings.Join(names, "/"); got != tc.names || unit != tc.unit || ok != (tc.names != "") {
			t.Errorf("%q: %q %q %v, want %q %q", tc.in, got, unit, ok, tc.names, tc.unit)
		}
	}
}

// TestAuthorLineIsNoText: a write-up's closing author line gives its bylines
// and affiliation and leaves the text; the authors are no reporters, so the
// write-up stays commentary.
func TestAuthorLineIsNoText(t *testing.T) {
	long := strings.Repeat("笔者认为，审批机关工作人员利用职务之便谋取利益，应当依纪依法处理，不能以行业惯例为由从轻。", 5)
	src := "# 某某行为辨析\n\n" + strings.Repeat(long+"\n\n", 4) + "（作者：张三 李四 单位：某市纪委监委）\n"
	docs := splitMD(t, "p.md", src, "2026-02-13")
	if len(docs) != 1 {
		t.Fatalf("documents %s", summary(docs))
	}
	d := docs[0]
	if d.Kind != model.KindCommentary || strings.Join(d.Bylines, "/") != "张三/李四" || d.Affiliation != "某市纪委监委" || len(d.Body) != 4 {
		t.Errorf("%s bylines %q affiliation %q, %d paragraphs", d.Kind, d.Bylines, d.Affiliation, len(d.Body))
	}
}
