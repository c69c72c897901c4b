package page

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Limits of a photo's caption: a picture and a few lines under it.
const (
	photoRunes = 400
	photoParas = 5
)

// Length from which an item with no dateline reads as an article of
// opinion rather than a short item.
const (
	longRunes = 600
	longParas = 4
)

// titleNote is a bracketed note at the end of a title: (2003), （试行）.
const titleNote = `[（(][^（()）]{1,20}[)）]`

// Signals of each kind, read from titles and text.
var (
	regulationTitleRE = regexp.MustCompile(`(?:法|条例|规定|办法|细则|规则|准则|决定|决议|解释|解答|意见|修正案|章程|规范|纲要|方案|规程|守则|制度|批复|答复|复函|安排|命令|公约|协定)` +
		`(?:\s*` + titleNote + `)?$`)
	// formalTitleRE names a regulation by a form no other writing takes.
	formalTitleRE = regexp.MustCompile(`(?:条例|规定|办法|细则|规则|准则|决定|决议|解释|解答|修正案|章程|批复|答复|复函|命令|公约|协定|` +
		`中华人民共和国.*法|[^方做说看想手写办用与和]法)(?:\s*` + titleNote + `)?$`)
	// issuedTitleRE names a normative document by its form alone: 关于…的批复.
	issuedTitleRE  = regexp.MustCompile(`^关于.{2,}(?:规定|决定|解释|意见|批复|答复|复函|办法|细则)(?:\s*` + titleNote + `)?$`)
	lotteryWords   = words("开奖 彩票 体彩 福彩 双色球 大乐透 七乐彩 七星彩 排列3 排列5 中奖号码 快乐8")
	drawWords      = words("开奖号码 中奖号码")
	weatherWordsRE = regexp.MustCompile(`多云|晴|阴|[小中大暴阵]雨|雪|[东南西北偏]+风|\d级|雾`)
	announceWords  = words("声明 遗失 作废 公告 启事 公示 通告 讣告 更正 注销 清算")
	// caseFactsRE is the heading of the facts of a court case written up
	// (基本案情, 【案情简介】, 一、案情回顾), which only case reports print.
	caseFactsRE   = regexp.MustCompile(`^[【〖\[]?\s*(?:[一二三四五六七八九十]、)?(?:基本案情|案情简介|案情回顾|案件事实|简要案情|案情)\s*[】〗\]]?$`)
	noticeTitleRE = regexp.MustCompile(`通知(?:\s*` + titleNote + `)?$`)
	// issuedToYouRE is the sentence of a notice that issues a text to
	// those it addresses: 现将《X》印发给你们.
	issuedToYouRE = regexp.MustCompile(`(?:印发|转发|发)给你们`)
	addresseeRE   = regexp.MustCompile(`^各[\p{Han}、（()）]{2,60}[:：]$`)
	contactRE     = regexp.MustCompile(`联系人|联系电话|咨询电话|服务热线|热线|电话\s*[:：]|地址\s*[:：]|微信\s*[:：]`)
	phoneRE       = regexp.MustCompile(`(?:^|\D)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{3,4}-\d{7,8}|400-?\d{3}-?\d{4})(?:\D|$)`)
	adWords       = words("招商 诚邀 加盟 招聘 优惠 订购 出租 出售 欢迎垂询 详询 火热 热销 特价")
	commentWords  = words("评论员 短评 时评 社论 述评 评论 论坛 今日谈 观察 随笔 札记 杂谈 笔谈 编者按")
	qaWords       = words("网友 答: 答： 问: 问： 笔者")
	// kindWordsRE in a headline names an item that is not an article:
	// an announcement, lottery results, a weather report, an advertisement.
	kindWords = words("声明 遗失 作废 公告 启事 公示 讣告 开奖 彩票 体彩 福彩 气象 天气预报 招商 诚邀 招聘 广告")
)

// features are what classification reads of a page document.
type features struct {
	title, text         string
	paras, runes        int
	articles, sections  int
	chapters, heads     int
	approval            bool
	opening, closing    bool
	photoCredit, credit bool
	reporter, comment   bool
	addressee           bool
	asks                bool // the first paragraph is a question the rest answers
	caseFacts           bool // a heading names the facts of a court case
	alone               bool // the only document of its file
}

func featuresOf(d *pageDoc) features {
	f := features{paras: len(d.body), opening: d.opening != nil, closing: d.closing != nil}
	if d.head != nil {
		f.title = d.head.kicker() + " " + d.head.text() + " " + d.head.subtitle()
	}
	var text strings.Builder
	for _, l := range d.body {
		text.WriteString(l.Text)
		text.WriteByte('\n')
		f.runes += utf8.RuneCountInString(l.Text)
		f.read(l.Text)
	}
	f.text = text.String()
	f.articles = d.articles()
	f.asks = len(d.body) >= 2 && endsIn(d.body[0].Text, "？?")
	for _, c := range d.credits {
		f.credit = true
		f.photoCredit = f.photoCredit || isPhotoCredit(c)
	}
	for _, b := range d.bylines {
		f.comment = f.comment || strings.Contains(b, "评论")
	}
	f.reporter = len(d.bylines) > 0 && !f.comment
	return f
}

// read counts the structure a line of the body shows.
func (f *features) read(s string) {
	switch {
	case isApproval(s) || isHistory(s):
		f.approval = true
	case addresseeRE.MatchString(s):
		f.addressee = true
	case caseFactsRE.MatchString(s):
		f.caseFacts = true
	}
	if _, _, ok := label.PartLine(s); ok {
		f.chapters++
	}
	if it, ok := label.ReadItem(s); ok && it.Kind != label.CircledItem {
		if it.Kind.Pointed() {
			f.sections++
		}
		if n := utf8.RuneCountInString(s); n <= 30 && !strings.ContainsAny(s, "。；;") {
			f.heads++ // a numbered section head
		}
	}
}

// classify gives a page document its kind from general signals.
func classify(d *pageDoc, f features) string {
	title := ""
	if d.head != nil {
		title = d.head.text()
	}
	switch {
	case f.articles >= 2 || (f.articles >= 1 && f.approval):
		return model.KindRegulation
	case f.caseFacts:
		return model.KindCase
	case regulationTitleRE.MatchString(unwrap(title)) && !f.opening && (f.sections >= 2 || f.chapters >= 1 || f.approval):
		return model.KindRegulation
	case (issuedTitleRE.MatchString(unwrap(title)) || (f.alone && formalTitleRE.MatchString(unwrap(title)))) &&
		!f.opening && !f.reporter && !f.credit:
		return model.KindRegulation
	case f.photoCredit && f.runes <= photoRunes && f.paras <= photoParas && !f.opening:
		return model.KindPhoto
	case f.opening && !commentWords.in(f.title):
		return model.KindNews
	case (lotteryWords.in(f.title) && !f.long()) || (drawWords.in(f.text) && f.paras <= 2*photoParas):
		return model.KindLottery
	case d.weather || (strings.Count(f.text, "℃") >= 2 && weatherWordsRE.MatchString(f.text)):
		return model.KindWeather
	}
	return classifyText(d, f, title)
}

// classifyText tells the kinds of items that print no dateline apart.
func classifyText(d *pageDoc, f features, title string) string {
	switch {
	case announceWords.in(title) || (title == "" && mostly(d, announceWords)):
		return model.KindAnnouncement
	case noticeTitleRE.MatchString(unwrap(title)) || (f.addressee && strings.Contains(f.text, "特此通知")):
		return model.KindNotice
	case d.carries != "" && issuedToYouRE.MatchString(f.text):
		return model.KindNotice // 现将《X》印发给你们: the notice that issues it
	case d.carries != "":
		return model.KindNews // the item that carries a regulation's full text
	case (contactRE.MatchString(f.text) && phoneRE.MatchString(f.text)) || adWords.in(title):
		return model.KindAdvertisement
	case f.comment || commentWords.in(f.title) || qaWords.in(f.title+f.text) || (f.heads >= 2 && !f.opening):
		return model.KindCommentary
	case f.closing || f.reporter || f.opening:
		return model.KindNews
	case f.long() || f.asks:
		return model.KindCommentary // an article, or a reader's question and its answer
	case f.photoCredit && f.paras <= photoParas:
		return model.KindPhoto
	}
	return model.KindOther
}

// long reports whether the item is long enough to be an article of
// prose: lottery results, however their title reads, are not.
func (f features) long() bool { return f.paras >= longParas && f.runes >= longRunes }

// mostly reports whether at least half the paragraphs hold one of ws.
func mostly(d *pageDoc, ws wordList) bool {
	n := 0
	for _, l := range d.body {
		if ws.in(l.Text) {
			n++
		}
	}
	return len(d.body) > 0 && 2*n >= len(d.body)
}

var fullTextRE = regexp.MustCompile(`\s*[（(]\s*(?:全文|摘要|节选|试行)\s*[)）]$`)

// unwrap removes the 《》 printed around a whole title and a trailing
// (全文): 《中共中央八项规定》（全文） reads 中共中央八项规定.
func unwrap(title string) string {
	t := fullTextRE.ReplaceAllString(strings.TrimSpace(title), "")
	if strings.HasPrefix(t, "《") && strings.HasSuffix(t, "》") && strings.Count(t, "《") == 1 {
		t = strings.TrimSuffix(strings.TrimPrefix(t, "《"), "》")
	}
	return t
}

// endsIn reports whether s, spaces trimmed, ends in one of marks.
func endsIn(s, marks string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r != utf8.RuneError && strings.ContainsRune(marks, r)
}

// wordList is a list of words looked for in a text; cheaper than a regular
// expression of alternatives.
type wordList []string

func words(s string) wordList { return strings.Fields(s) }

// in reports whether s holds any of the words.
func (ws wordList) in(s string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// titleStops are the sentence marks a regulation's title does not print:
// all but 、, which may list its issuers.
var titleStops = strings.ReplaceAll(sentenceMarks, "、", "")

// RegulationTitle reports whether s reads as the title line of a
// regulation: Chinese, no longer than a marked headline may be, ending in
// the name of a form (…条例, …办法, …的解释), perhaps with a version mark
// or year in brackets (（试行）, (2019)), and printing no sentence mark
// (a title may list its issuers with 、). A plain-text page that opens with
// such a line opens with its title.
func RegulationTitle(s string) bool {
	if strings.ContainsAny(s, titleStops) {
		return false // a sentence mark in s is one in t: unwrap cuts none off
	}
	t := unwrap(s)
	return hasHan(t) && utf8.RuneCountInString(t) <= 2*maxTitle && regulationTitleRE.MatchString(t)
}
