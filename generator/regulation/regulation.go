// Package regulation parses the body of a regulation into its structure:
// 编, 分编, 章, 节, 条, 款, 项 and 目, repairing what OCR and layout broke.
//
// Structure reads Document.Body, one paragraph per printed line, and fills
// Document.Regulation:
//
//   - the header: the title line (its `#` heading names a standalone
//     file), the approval line (…批准 …发布) with its issuer and dates, and
//     dated history lines; a 目录 block is skipped;
//   - text before 第一条 is the Preamble (序言, 总纲, a 印发通知);
//   - 第X编, 第X分编, 第X章 and 第X节 lines, plain or headings at any level,
//     bold or spaced (总 则), become Headings and each Article's Path;
//   - a line opening with 第X条 (any separator, a space inside the label,
//     之一) opens an Article; its first 款 is the text after the label, and
//     every further line a 款, except （一） lines (项) and 1. or （1） lines
//     (目), which are Items of the 款 or 项 before them; a 第X条 printed
//     inside an article's text after a sentence end opens the next article
//     when its number is the next one and it does not cite;
//   - 附件 and what follows the last article is the Appendix;
//   - a document without 条 is cut into Sections at 一、, （一）, 1. and （1）.
//
// Lines that only look like articles are kept as text: a label followed by
// 的, 第…款, 规定 or 前款 reads as a citation (package label decides, for
// ingest as for this stage), and label lines whose numbers do
// not fit the sequence the others form (a quoted article, a restarted
// count) are text of the article before them, reported as errors when
// they repeat or go back.
//
// Repairs are rules, never guesses: a 款 that stops mid-sentence is
// joined with the next line (not after a formula), a 款 or item printed
// after a full stop and spaces on the line of the one before is split
// off where the document prints no spaces inside its sentences, a
// character doubled across a break is
// dropped when the rest of the document spells the phrase without it, and
// a bracket left open is closed only where the document prints the same
// bracketed phrase elsewhere. Each repair is a model.Repair with its
// position; what no rule decides is left as printed and listed in
// Suspects.
package regulation

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Structure fills d.Regulation from d.Body. It is called for documents of
// kind regulation. It never panics; what it cannot read stays as text.
func Structure(d *model.Document) []model.Error {
	p := &parser{doc: d, reg: &d.Regulation}
	lines := prepare(d.Body)
	p.text = joinTexts(lines)
	lines = p.header(lines)
	lines = skipContents(lines)
	accepted := selectArticles(lines)
	if len(accepted) > 0 {
		p.articles(lines, accepted)
		p.numberLostLabels()
		fillPaths(p.reg.Headings, p.reg.Articles)
		readNoticeDate(p.reg)
		readValidFrom(p.reg)
	} else {
		p.sections(lines)
		readNoticeDate(p.reg)
	}
	if p.reg.Issuer == "" {
		p.reg.Issuer = p.maker
	}
	if p.reg.Issuer == "" {
		p.reg.Issuer = titleIssuer(p.doc.Title)
	}
	p.reg.Issuer = canonicalIssuer(p.reg.Issuer)
	p.checkBrackets()
	fillDepths(p.reg.Headings)
	if d.Date == "" {
		d.Date = p.reg.Published
	}
	model.SortErrors(p.errs)
	return p.errs
}

// parser holds the state of one Structure call.
type parser struct {
	doc  *model.Document
	reg  *model.Regulation
	errs []model.Error
	// text is every line of the body joined with "\n": the evidence the
	// repair rules look for.
	text string
	// maker is who adopted, revised or issued the text by its history
	// (madeBy): the issuer when nothing names one who published it.
	maker string
}

// line is one printed line, cleaned for structure parsing.
type line struct {
	text string // trimmed, bold markers removed
	para model.Paragraph
}

// prepare cleans the body lines and drops empty ones and HTML comments.
func prepare(body []model.Paragraph) []line {
	out := make([]line, 0, len(body))
	for _, p := range body {
		t := cleanText(p.Text)
		if t == "" || isComment(t) {
			continue
		}
		out = append(out, line{text: t, para: p})
	}
	return out
}

// cleanText trims a line and removes Markdown bold markers left around a
// label (**第一条**) or a title (**第一章 总 则**).
func cleanText(s string) string {
	s = trimSpace(s)
	for _, m := range []string{"**", "__"} {
		if strings.HasPrefix(s, m) {
			s = strings.TrimPrefix(s, m)
			if i := strings.Index(s, m); i >= 0 {
				s = s[:i] + s[i+len(m):]
			}
			s = trimSpace(s)
		}
		if strings.HasSuffix(s, m) && strings.Count(s, m) == 1 {
			s = trimSpace(strings.TrimSuffix(s, m))
		}
	}
	return s
}

func isComment(s string) bool {
	return strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->")
}

func joinTexts(lines []line) string {
	n := 0
	for _, l := range lines {
		n += len(l.text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range lines {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// header reads the title, approval and history lines at the top of the
// body and returns the lines after them.
func (p *parser) header(lines []line) []line {
	i := 0
	if i < len(lines) && p.isTitleLine(lines, i) {
		if p.doc.Title == "" {
			p.doc.Title = lines[i].text
		}
		i++
		if i < len(lines) && lines[0].para.Heading == 1 && lines[i].para.Heading == 1 && !isStructural(lines[i].text) {
			if p.doc.Subtitle == "" {
				p.doc.Subtitle = lines[i].text
			}
			i++
		}
	}
	end := infoEnd(p.doc.Body, lines, i)
	var meta []string
	for ; i < len(lines); i++ {
		if len(meta) == 0 && noticeInParticulars(lines[i].text) {
			break
		}
		if lines[i].para.Header || lines[i].para.Line < end || isMetaLine(lines[i].text) && !isStructural(lines[i].text) || len(meta) > 0 && amendedBy(lines[i].text) {
			meta = append(meta, lines[i].text)
			continue
		}
		if j, joined := cutMetaLine(lines, i); j > i {
			meta = append(meta, joined)
			i = j - 1
			continue
		}
		if j := p.titleRepeat(lines, i); j > i {
			i = j - 1
			continue
		}
		if historyHeading(lines, i) {
			continue
		}
		break
	}
	if len(meta) > 0 && i < len(lines) && finishesEvent(meta[len(meta)-1], lines[i].text) {
		meta = append(meta, lines[i].text)
		i++
	}
	rest := lines[i:]
	if len(meta) == 0 {
		meta, rest = lateMeta(rest)
	}
	p.maker = readMeta(p.reg, p.dropTitleRepeat(meta))
	return rest
}

// noticeInParticulars reports whether s, the first line of the
// particulars, is the title of the notice that issues the text (关于印发
// 《工资支付暂行规定》的通知), which a source put above its particulars marker:
// the notice, signature and date included, is the text's preamble, not its
// history. A notice's title holds no date.
func noticeInParticulars(s string) bool {
	if _, dated := parseDate(s); dated || isBracketed(s) {
		return false
	}
	return strings.HasPrefix(s, "关于") && strings.HasSuffix(s, "的通知")
}

// finishesEvent reports whether line s, right after the particulars,
// finishes their last line, an event that stops before its verb: the
// marker that closes the particulars fell inside a bracketed event a line
// break cut (2019年3月15日 第十三届全国人民代表大会第二次 / <!-- INFO END --> /
// 会议通过）). s is short, holds no date and no sentence, ends in the
// event's verb and closes a bracket it did not open.
func finishesEvent(last, s string) bool {
	if !startsWithDate(last) || endsEvent(last) || !endsEvent(s) || len([]rune(s)) > 30 || strings.ContainsAny(s, "，。；,;") {
		return false
	}
	if _, dated := parseDate(s); dated {
		return false
	}
	open := strings.Count(s, "（") + strings.Count(s, "(")
	shut := strings.Count(s, "）") + strings.Count(s, ")")
	return shut > open && (strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")"))
}

// historyHeading reports whether line i is a heading a note-taker put over
// the history lines at the top (## 一、历史 above 1979年…通过): a Markdown
// heading, short, that opens no division or article, right above a history
// or approval line. It is no part of the regulation's text and is left
// out of the header and the preamble (the body keeps it).
func historyHeading(lines []line, i int) bool {
	l := lines[i]
	return l.para.Heading > 0 && isTitle(l.text) && !isStructural(l.text) &&
		i+1 < len(lines) && isMetaLine(lines[i+1].text) && !isStructural(lines[i+1].text)
}

// cutMetaLine reads a bracketed approval or history line that a line break
// cut (（…审议批准 / …发布）) from line i on. It returns the index after its
// last line and the lines joined by a space, or i when line i opens no
// such line.
func cutMetaLine(lines []line, i int) (int, string) {
	s := lines[i].text
	if r, _ := utf8.DecodeRuneInString(s); !isOpener(r) || balanced(s) {
		return i, ""
	}
	for j := i + 1; j < len(lines) && j <= i+maxMetaLines; j++ {
		if isStructural(lines[j].text) {
			return i, ""
		}
		s += " " + lines[j].text
		if balanced(s) {
			if isBracketed(s) && isMetaLine(s) {
				return j + 1, s
			}
			return i, ""
		}
	}
	return i, ""
}

// structured reports whether a line opens an article or a section.
func structured(lines []line) bool {
	for _, l := range lines {
		if _, ok := label.ArticleLine(l.text); ok {
			return true
		}
		if m, ok := sectionMarker(l); ok && m.Kind != label.CircledItem {
			return true
		}
	}
	return false
}

// maxMetaLines is how many lines after its first a cut approval line may
// run on.
const maxMetaLines = 6

// lateMetaLines is how far into the preamble lateMeta looks: past a 公告
// (its text, date, the words 司法解释, the document number) and the title
// printed again.
const lateMetaLines = 8

// lateMeta takes the approval or history lines of a regulation whose header
// gave none from the first lines of its preamble, before any article or
// division: a bracketed, dated event (（2015年11月9日某某法院审判委员会…
// 通过）) printed under the issuers' names, the document number, a 公告 or
// a source's note, and the meta lines right after it. The lines before it
// stay in the preamble. A text with no article or section is shown as
// printed and keeps them in its body.
func lateMeta(lines []line) ([]string, []line) {
	if !structured(lines) {
		return nil, lines
	}
	for k := 0; k < len(lines) && k < lateMetaLines; k++ {
		if isStructural(lines[k].text) {
			break
		}
		end, first := k+1, lines[k].text
		if !isBracketed(first) || !isMetaLine(first) {
			if end, first = cutMetaLine(lines, k); end == k {
				continue
			}
		}
		meta := []string{first}
		for end < len(lines) && isMetaLine(lines[end].text) && !isStructural(lines[end].text) {
			meta = append(meta, lines[end].text)
			end++
		}
		rest := make([]line, 0, len(lines)-(end-k))
		rest = append(append(rest, lines[:k]...), lines[end:]...)
		return meta, rest
	}
	return nil, lines
}

// titleRepeat returns the index after the title printed again from line i
// on, over one or more lines (最高人民法院 最高人民检察院 / 关于某某案件 /
// 适用法律若干问题的解释) under the particulars, or i when the lines there
// do not spell the whole title. A year the title adds to tell versions
// apart (某某解释（2000）) need not be printed.
func (p *parser) titleRepeat(lines []line, i int) int {
	texts := make([]string, 0, maxTitleLines)
	for j := i; j < len(lines) && j < i+maxTitleLines; j++ {
		texts = append(texts, lines[j].text)
	}
	return i + repeatedTitle(p.doc.Title, texts)
}

// maxTitleLines is how many lines a title printed again may take.
const maxTitleLines = 4

// repeatedTitle returns how many of texts, from the first, spell title
// again (none when they do not spell all of it): titleRepeat and
// dropTitleRepeat read the title printed again with it.
func repeatedTitle(title string, texts []string) int {
	title = foldRepeat(title)
	if title == "" {
		return 0
	}
	got := ""
	for j, s := range texts {
		if j == maxTitleLines || isStructural(s) || strings.ContainsAny(s, stopMarks) {
			return 0
		}
		got += foldRepeat(s)
		if !strings.HasPrefix(title, got) {
			return 0
		}
		if rest := title[len(got):]; rest == "" || yearMark.MatchString(rest) {
			return j + 1
		}
	}
	return 0
}

// yearMark matches a year a title carries after its name: （2000）, 2022.
var yearMark = regexp.MustCompile(`^[（(]?[0-9]{4}[）)]?$`)

// foldRepeat folds a title for comparing it with its printed repeat, which
// may set the issuers apart with spaces where the title has 、.
func foldRepeat(s string) string {
	return strings.ReplaceAll(foldTitle(s), "、", "")
}

// dropTitleRepeat drops the title printed again over several lines at the
// top of the particulars (中华人民共和国某某 / 某某法): leading lines without
// a date that are each a part of the title.
func (p *parser) dropTitleRepeat(meta []string) []string {
	return meta[repeatedTitle(p.doc.Title, meta):]
}

// isTitleLine reports whether the first line names the document: a
// heading, the document's title as printed, or a line the approval line
// follows.
func (p *parser) isTitleLine(lines []line, i int) bool {
	l := lines[i]
	if isStructural(l.text) || isMetaLine(l.text) {
		return false
	}
	if l.para.Heading > 0 {
		return true
	}
	if p.doc.Title != "" && foldTitle(l.text) == foldTitle(p.doc.Title) {
		return true
	}
	return i+1 < len(lines) && isTitle(l.text) && isMetaLine(lines[i+1].text)
}

// infoEnd returns the line of a LawRefBook `<!-- INFO END -->` marker near
// the top of the body, or 0 when there is none: every line before it is a
// history line.
func infoEnd(body []model.Paragraph, lines []line, from int) int {
	limit := 0
	if from < len(lines) {
		limit = lines[from].para.Line + 30
	}
	for _, b := range body {
		if b.Line > limit {
			break
		}
		if strings.Contains(b.Text, "INFO END") {
			return b.Line
		}
	}
	return 0
}

// foldTitle makes titles comparable: no spaces, brackets and punctuation
// in one width.
func foldTitle(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) || r == '*' {
			return -1
		}
		return foldRune(r)
	}, s)
}

// isStructural reports whether a line opens an article or a division.
func isStructural(s string) bool {
	if _, ok := label.ArticleLine(s); ok {
		return true
	}
	_, ok := parseDivision(s)
	return ok
}

// skipContents drops a table of contents: the line 目录 and the division
// titles after it, or, without that line, a run of division titles with no
// article between them in which one level repeats (two 章 in a row cannot
// both be open in the body). The body begins at the end of the run where
// divisions open one inside the other (第一编 总则, 第一章 一般规定). A line
// naming several divisions (第一章 总则 第二章 …) is contents too.
func skipContents(lines []line) []line {
	out := make([]line, 0, len(lines))
	done := false
	for i := 0; i < len(lines); i++ {
		if done {
			out = append(out, lines[i])
			continue
		}
		if _, ok := label.ArticleLine(lines[i].text); ok {
			done = true
			out = append(out, lines[i])
			continue
		}
		if isContentsWord(lines[i].text) || manyDivisions(lines[i].text) {
			continue
		}
		if !isContentsEntry(lines[i].text) {
			out = append(out, lines[i])
			continue
		}
		j := i
		for j < len(lines) && isContentsEntry(lines[j].text) {
			j++
		}
		start := bodyStart(lines[i:j])
		out = append(out, lines[i+start:j]...)
		i = j - 1
		done = start > 0
	}
	return out
}

func isContentsWord(s string) bool {
	return strings.ReplaceAll(normaliseTitle(s), " ", "") == "目录"
}

// manyDivisions reports a line naming two or more 第X编, 章 or 节, as a
// table of contents printed on one line does.
func manyDivisions(s string) bool {
	found := 0
	for i := strings.Index(s, "第"); i >= 0; {
		step := len("第")
		if l, ok := label.Read(s[i:]); ok && l.Unit <= label.Section {
			if found++; found == 2 {
				return true
			}
			step = l.End
		}
		next := strings.Index(s[i+step:], "第")
		if next < 0 {
			break
		}
		i += step + next
	}
	return false
}

// bodyStart returns where the body begins in a run of division lines: 0
// when the run has no repeated level, else the start of its last stretch
// of divisions that open one inside the other.
func bodyStart(run []line) int {
	seen := map[string]bool{}
	repeated := false
	for _, l := range run {
		lv := divisionLevel(l.text)
		if seen[lv] {
			repeated = true
		}
		seen[lv] = true
	}
	if !repeated {
		return 0
	}
	k := len(run) - 1
	for k > 0 && levelRank(divisionLevel(run[k-1].text)) < levelRank(divisionLevel(run[k].text)) {
		k--
	}
	return k
}

func divisionLevel(s string) string {
	if d, ok := parseDivision(s); ok {
		return d.level
	}
	return "章"
}

func isContentsEntry(s string) bool {
	if _, ok := parseDivision(s); ok {
		return true
	}
	_, ok := unnumberedDivision(s)
	return ok
}
