package page

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/label"
)

// The marks a page prints around its items' text: photo credits, bylines,
// continuation marks, approval lines, signature dates and source lines.
var (
	// creditRE is a photo credit line: 新华社发(郭金祺 摄), 新华社记者 王某 摄,
	// 本报记者 张三摄（人民视觉）, 新华社发, 制图：李四, （资料图片）, and a
	// cartoon's, its writer's part before a bar: （某某 文字 | 某某 漫画）.
	creditRE = regexp.MustCompile(`^[（(]?(?:` +
		`(?:新华社|本报|人民网|新华网|中新社|[\p{Han}]{2,6}?(?:社|报|网))(?:记者|通讯员|特约记者)?\s*` +
		`(?:发\s*(?:[（(][^（()）]{1,30}摄[)）])?|[（(][^（()）]{1,30}摄[)）])` +
		`|(?:[\p{Han}]{0,8}(?:记者|通讯员|特约摄影|摄影))?\s*[\p{Han}·\s、|｜]{2,30}\s*(?:摄|绘图|绘|漫画|制图)(?:\s*[（(][^（()）]{1,12}[)）])?` +
		`|(?:制图|图片|图|摄影|视频|图片来源|图片提供|供图|配图)\s*[:：/]\s*[^。，,]{1,30}` +
		`|资料图片|新华社传真照片|新华社照片)[)）]?$`)
	// photoCreditRE marks a credit as a photograph's.
	photoCreditRE = regexp.MustCompile(`摄|新华社发|照片|图片|制图|供图|配图|绘图|绘|漫画`)
	// trailingCreditRE is a credit printed at the end of a caption.
	trailingCreditRE = regexp.MustCompile(`[。！!]\s*((?:新华社|本报)(?:记者|通讯员)?\s*[\p{Han}·\s、]{0,20}?摄|新华社发(?:\s*[（(][^（()）]{1,30}摄[)）])?|[（(][^（()）]{1,30}摄[)）])$`)
	// bylineRE is a byline line: 本报记者 韩  鑫  张腾扬, 记者 王浩, 文/李四,
	// 作者：张三, 新华社记者 某某 某某, 本报评论员.
	bylineRE = regexp.MustCompile(`^[（(]?(?:(本报记者|新华社记者|本报特约记者|记者|通讯员|本报通讯员|特约记者)\s*` +
		`([\p{Han}·\s、，,]{2,40}?)|(?:文|作者|撰文|口述|整理)\s*[/:：]\s*([\p{Han}·\s、，,]{2,40}?)|` +
		`(本报评论员|新华社评论员|人民日报评论员|本报评论部|[\p{Han}]{2,8}评论员))[)）]?$`)
	// continuedFromRE and continuedToRE read 上接第一版 and 下转第二版.
	continuedFromRE = regexp.MustCompile(`^[（(]\s*(?:上接|紧接|接)\s*(第[\p{Han}\d]{1,4}版|[\p{Han}\d]{1,4}版)\s*[)）]\s*`)
	continuedToRE   = regexp.MustCompile(`\s*[（(]\s*(?:下转|转)\s*(第[\p{Han}\d]{1,4}版|[\p{Han}\d]{1,4}版)\s*[)）]$`)
	// approvalRE is an approval or issue line: (2026年1月30日中共中央批准
	// 2026年1月30日中共中央办公厅发布).
	approvalRE = regexp.MustCompile(`^[（(〔].*` + cndate.Pattern + `.*(?:批准|发布|通过|施行|修订|修正|印发|公布|颁布)[^（()）]*[)）〕]$`)
	// historyRE is a dated history line: 2009年2月28日 第十一届…会议通过.
	historyRE = regexp.MustCompile(`^` + cndate.Pattern + `.{0,80}(?:批准|发布|通过|施行|修订|修正|印发|公布|颁布)`)
	// sourceLineRE is a line of source metadata: 来源：… 发布时间：2017-03-26,
	// or a web page's 2025-01-02 05:58 来源：人民日报. Groups: the year,
	// month and day before, the source, the date after.
	sourceLineRE = regexp.MustCompile(`^(?:` + cndate.NumericPattern + `\s*(?:` + cndate.TimePattern + `)?\s*)?(?:来源|稿源|信息来源)\s*[:：]\s*` +
		`([^\s:：|]{0,30})?.{0,20}?(?:(?:发布时间|时间|日期)\s*[:：]\s*(\S+))?.{0,20}$`)
	// deedBylineRE is a byline that says what its people did: 某某采访整理,
	// 记者 某某 整理. Without a role word only 采访整理 and 采写 count.
	deedBylineRE = regexp.MustCompile(`^[（(]?(?:(?:本报记者|新华社记者|记者|通讯员|本报通讯员)\s*([\p{Han}·\s、，,]{2,30}?)\s*(?:采访整理|整理|采写|口述|撰文|执笔)|` +
		`([\p{Han}·\s、，,]{2,30}?)\s*(?:采访整理|采写))[)）]?$`)
	// authorLineRE is the line that closes a write-up with its authors and
	// their unit or post: （作者：张三 李四 单位：某市纪委监委）, （作者王五单位：
	// 某室）, （作者赵六，系某市纪委书记）. Groups: the names, the unit or post.
	authorLineRE = regexp.MustCompile(`^[（(]\s*作者\s*[:：]?\s*([\p{Han}·]{2,5}?(?:\s+[\p{Han}·]{1,5}?)*?)\s*` +
		`(?:单位\s*[:：]?|[，,]?\s*系)\s*(\S.{0,80}?)\s*[)）]$`)
	// editorRE is a web page's mark of the editor in charge: （责编：某某）.
	editorRE = regexp.MustCompile(`^[（(]\s*(?:责编|责任编辑|编辑)\s*[:：][^（()）]{1,40}[)）]$`)
	// publicationRE reads 《人民日报》（2025年02月12日第 10 版） in a byline.
	publicationRE = regexp.MustCompile(`《([^《》]{2,20})》\s*[（(]\s*(` + cndate.YearPattern + `年\d{1,2}月\d{1,2}日)\s*(第\s*\d+\s*版)?\s*[)）]`)
	// carrierRE is a sentence saying the full text of a regulation follows:
	// 《X》全文如下。 现将《X》印发给你们.
	carrierRE = regexp.MustCompile(`《([^《》]{2,80})》\s*(?:全文|原文|全文刊登|内容)?\s*如下\s*[。:：]?$|现将《([^《》]{2,80})》印发给你们`)
)

// isCredit reports whether a whole line is a credit. A heading or a line
// that ends in a word which only ends like a credit (测绘, 描绘, 拍摄: 第三章
// 基础测绘, …利害关系人对测绘) is none.
func isCredit(s string) bool {
	if len(s) > 4*40 || utf8.RuneCountInString(s) > 40 || strings.ContainsAny(s, "。，,；") { // no rune is longer than 4 bytes
		return false
	}
	if !strings.ContainsAny(s, creditRunes) || label.Structural(s) || creditLikeWord.MatchString(s) {
		return false
	}
	return creditRE.MatchString(s)
}

// creditRunes are the characters one of which every credit creditRE
// matches holds (发 or 摄 of a wire credit, 摄 绘 画 图 of an artist's,
// 图 摄 视 of a labelled one, 图 照 of 资料图片 and 新华社照片): a line
// without them is no credit, and most lines hold none.
const creditRunes = "发摄绘画图视照"

// creditLikeWord matches a line ending in a word whose last character a
// credit ends with (绘, 摄): the work of surveying, describing, filming.
var creditLikeWord = regexp.MustCompile(`(?:测绘|描绘|拍摄|航摄)$`)

// isPhotoCredit reports whether a credit is for a photograph.
func isPhotoCredit(s string) bool { return photoCreditRE.MatchString(s) }

// cutTrailingCredit splits a credit printed at the end of a caption.
func cutTrailingCredit(s string) (text, credit string) {
	m := trailingCreditRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s, ""
	}
	return strings.TrimSpace(s[:m[2]]), strings.TrimSpace(s[m[2]:m[3]])
}

// byline reads a byline line; it returns the names (or the byline itself
// when it names no one, as 本报评论员) and what the line says of the
// publication.
func byline(s string) (names []string, pub publication, ok bool) {
	if utf8.RuneCountInString(s) > 2*maxBylineRunes {
		return nil, publication{}, false
	}
	rest := s
	if m := publicationRE.FindStringSubmatchIndex(s); m != nil {
		pub.name = s[m[2]:m[3]]
		pub.date, _ = cndate.First(s[m[4]:m[5]])
		if m[6] >= 0 {
			pub.page = strings.ReplaceAll(s[m[6]:m[7]], " ", "")
		}
		rest = strings.TrimSpace(s[:m[0]] + s[m[1]:])
		if rest == "" {
			return nil, pub, true
		}
	}
	if names := deedByline(rest); names != nil {
		return names, pub, true
	}
	if !strings.ContainsAny(rest, bylineRunes) {
		return nil, publication{}, false
	}
	m := bylineRE.FindStringSubmatch(rest)
	if m == nil || utf8.RuneCountInString(rest) > maxBylineRunes {
		return nil, publication{}, false
	}
	switch {
	case m[4] != "":
		return []string{m[4]}, pub, true
	case m[3] != "":
		return dateline.Names(m[3]), pub, true
	}
	return dateline.Names(m[2]), pub, true
}

// deedByline returns the names of a byline that says what its people did
// (某某采访整理), nil when s is none or its words are not names.
func deedByline(s string) []string {
	if !strings.ContainsAny(s, deedRunes) {
		return nil
	}
	m := deedBylineRE.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	names := dateline.Names(m[1] + m[2])
	for _, n := range names {
		if k := utf8.RuneCountInString(n); k < 2 || (k > 4 && !strings.Contains(n, "·")) {
			return nil
		}
	}
	return names
}

// AuthorLine reads a line that closes a write-up with its authors and
// their unit or post (（作者：张三 李四 单位：某市纪委监委）, authorLineRE):
// the authors' names and their unit or post as printed.
func AuthorLine(s string) (names []string, unit string, ok bool) {
	if !strings.Contains(s, "作者") || utf8.RuneCountInString(s) > 2*maxBylineRunes {
		return nil, "", false
	}
	m := authorLineRE.FindStringSubmatch(s)
	if m == nil || normalize.Unbalanced(m[2]) {
		return nil, "", false
	}
	return dateline.Names(m[1]), m[2], true
}

// bylineRunes and deedRunes are characters one of which every line that
// bylineRE and deedBylineRE match holds: 记 or 通 of a reporter, 评 of a
// commentator, the colon or slash after 文 or 作者; 整 采 口 撰 执 of the
// deed after a name (整理, 采写, 口述, 撰文, 执笔). Most lines hold none.
const (
	bylineRunes = "记通评/:："
	deedRunes   = "整采口撰执"
)

// maxBylineRunes is the longest byline read, in characters.
const maxBylineRunes = 50

// publication is what a byline says of where the item was printed.
type publication struct{ name, date, page string }

// continuedFrom reads a 上接第X版 mark at the start of s.
func continuedFrom(s string) (page, rest string, ok bool) {
	if !strings.Contains(s, "接") {
		return "", s, false
	}
	m := continuedFromRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s, false
	}
	return s[m[2]:m[3]], strings.TrimSpace(s[m[1]:]), true
}

// continuedTo reads a 下转第X版 mark at the end of s.
func continuedTo(s string) (page, rest string, ok bool) {
	if !strings.Contains(s, "转") {
		return "", s, false
	}
	m := continuedToRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s, false
	}
	return s[m[2]:m[3]], strings.TrimSpace(s[:m[0]]), true
}

func isApproval(s string) bool {
	return strings.Contains(s, "年") && approvalRE.MatchString(s)
}

func isHistory(s string) bool {
	return startsWithDigit(s) && utf8.RuneCountInString(s) < 120 && historyRE.MatchString(s)
}

func isSignature(s string) bool { return startsWithDigit(s) && cndate.Only(s) }

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// head returns the first n characters of s.
func head(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// sourceLine reads a line of source metadata: the date and the source it
// gives.
func sourceLine(s string) (date, source string, ok bool) {
	if !strings.Contains(head(s, 40), "源") {
		return "", "", false
	}
	m := sourceLineRE.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	if m[1] != "" {
		date, _ = cndate.Make(m[1], m[2], m[3])
	} else {
		date, _ = cndate.Numeric(m[5])
	}
	return date, sourceName(m[4]), true
}

// sourceName is the publication a source line names, "" when it names
// none: a web address (来源：https://…) or a sentence (来源：某网、某库等。
// 文章仅供参考…) is where the text was found, not a paper.
func sourceName(s string) string {
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "http") || strings.HasPrefix(low, "www.") || strings.ContainsAny(s, "。，；,;/") {
		return ""
	}
	return s
}

// isEditor reports whether s is a web page's mark of its editor.
func isEditor(s string) bool {
	return strings.Contains(head(s, 6), "编") && editorRE.MatchString(s)
}

// carried returns the title of the regulation a carrier sentence says
// follows.
func carried(s string) (string, bool) {
	if !strings.Contains(s, "如下") && !strings.Contains(s, "印发给") {
		return "", false
	}
	m := carrierRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	if m[1] != "" {
		return m[1], true
	}
	return m[2], true
}

// dates returns the full dates printed in s as YYYY-MM-DD.
func dates(s string) []string {
	var out []string
	for _, d := range cndate.Find(s) {
		out = append(out, d.ISO)
	}
	return out
}

// maxPrintedLines is how far from the top of a file Printed looks.
const maxPrintedLines = 12

// Printed reads what the top of a file says of where it was printed, as a
// byline such as 本报记者 某某《人民日报》（2025年02月12日第 02 版） does, or a
// web page's line of date and source (2025-01-02 05:58 来源：人民日报): the
// publication, the date (YYYY-MM-DD) and the page; "" for what it does not
// say.
func Printed(lines []block.Line) (publication, date, page string) {
	for i, l := range lines {
		if i >= maxPrintedLines {
			break
		}
		if _, pub, ok := byline(l.Text); ok && pub.name != "" {
			return pub.name, pub.date, pub.page
		}
		if d, src, ok := sourceLine(l.Text); ok && publication == "" && date == "" {
			publication, date = src, d
		}
	}
	return publication, date, ""
}
