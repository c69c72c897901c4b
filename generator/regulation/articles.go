package regulation

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// builder walks the lines of a regulation with articles.
type builder struct {
	*parser
	stack   []int // indices in Headings of the open 编/分编/章/节
	article *model.Article
	clause  *model.Clause
	item    *model.Item // the last 项 of the clause, for its 目
	last    *model.Paragraph
	// labelText is true while last is the text after an article's label.
	labelText bool
	appendix  bool
	// headingEnd is the line the last heading ends on.
	headingEnd int
	// lines and accepted are what articles reads: the lines and those that
	// open articles.
	lines    []line
	accepted map[int]label.ArticleStart
	// headingLevels maps a Markdown heading level of unnumbered headings to
	// the division level it stands for.
	headingLevels map[int]string
	// limit is the key of the next article that opens a line (-1 when
	// none): an article printed inside the text comes before it.
	limit int
	// cut holds the lines cut at the document's column width (cutAtWidth).
	cut map[int]bool
	// spaced is true when the document prints lost line breaks as spaces
	// (spacedBreaks); at is the index of the line being read.
	spaced bool
	at     int
	// formulaLine is the last line of a formula read into a 款 (formula).
	formulaLine *model.Paragraph
	// spacedLast is the text of the item read last by spacedItem.
	spacedLast *model.Paragraph
}

// articles builds headings, articles, the preamble and the appendix.
func (p *parser) articles(lines []line, accepted map[int]label.ArticleStart) {
	b := &builder{parser: p, headingLevels: unnumberedLevels(lines), lines: lines, accepted: accepted, cut: cutAtWidth(lines), spaced: spacedBreaks(lines)}
	skip := 0 // lines up to here were read with a line before them
	for i, l := range lines {
		b.at = i
		if i < skip {
			continue
		}
		switch {
		case b.appendix:
			b.toAppendix(l)
		case hasKey(accepted, i):
			b.limit = b.nextArticleKey(i)
			b.openArticle(l, accepted[i])
		case b.ruledOff(l) || b.article != nil && b.limit < 0 && (isApparatus(l.text) || isNewsLead(l.text)):
			b.appendix = true
			b.toAppendix(l)
		case b.division(l):
		case b.subheading(lines, i, accepted):
		case b.article == nil:
			para := paragraph(l, l.text)
			if j := p.titleRepeat(lines, i); j > i && len(p.reg.Preamble) > 0 {
				para, skip = titleHeading(lines[i:j]), j
				p.markDecision()
			}
			p.reg.Preamble = append(p.reg.Preamble, para)
			b.last = &p.reg.Preamble[len(p.reg.Preamble)-1]
		case isAppendixStart(l.text) || b.afterword(i):
			b.appendix = true
			b.toAppendix(l)
		default:
			b.body(l, i)
		}
	}
	p.reportSkipped(lines, accepted)
}

// titleHeading is the title printed again inside the preamble, after the
// text that carries the regulation (a 印发通知, an order, a decision that
// amends it and then prints it whole after 附：), over one line or several:
// one paragraph, its lines joined, that heads the regulation's own text as
// a heading of level titleRepeatLevel unless the markup gave it one.
func titleHeading(ls []line) model.Paragraph {
	para := paragraph(ls[0], "")
	for _, l := range ls {
		para.Text += l.text
	}
	if para.Heading == 0 {
		para.Heading = titleRepeatLevel
	}
	return para
}

// markDecision reads the preamble before the title printed again as the
// decision that amends the text and prints it whole after its items
// (…现决定对《X》作如下修改：, 一、删除…, 二、…, 根据本决定…重新公布。, 附：):
// a line of it ends in a sentence that amends, and a line after that one
// opens with 一、. It sets Decision to the number of the preamble's
// paragraphs that are the decision's own text and drops the 附： line that
// marks what follows as its attachment: the page shows it above the
// attached text's title.
func (p *parser) markDecision() {
	pre := p.reg.Preamble
	marked := false
	if n := len(pre); n > 0 && attachMark.MatchString(trimSpace(pre[n-1].Text)) {
		pre, marked = pre[:n-1], true
	}
	for k, para := range pre {
		if !amendsBelow.MatchString(trimSpace(para.Text)) {
			continue
		}
		for _, item := range pre[k+1:] {
			if it, ok := label.ReadItem(trimSpace(item.Text)); ok && it.Kind == label.HanItem && it.N == 1 {
				p.reg.Preamble, p.reg.Decision, p.reg.Attached = pre, len(pre), marked
				return
			}
		}
	}
}

// amendsBelow matches the sentence of a decision that announces the
// amendments listed under it: 作如下修改：, 作出如下修改：, 作如下补充、修改：,
// 作如下修改和补充：, 修改如下：. The line ends with its colon.
var amendsBelow = regexp.MustCompile(`(?:[作做]出?(?:如下|以下)[^。：:]{0,4}(?:修改|修正|修订|补充)|(?:修改|修正)如下)[：:]$`)

// attachMark matches a line that marks the text after it as attached: 附：.
var attachMark = regexp.MustCompile(`^附[：:]$`)

// titleRepeatLevel is the heading level of the title printed again inside
// the preamble: under the document's own title (level 1).
const titleRepeatLevel = 2

// afterword reports whether line i, after the last article, heads text
// that is no part of it: a heading, or a short line without punctuation
// (解读, 理解与适用, 制定某规定的必要性), with prose under it within a few
// lines, or with the start of an appendix right under it (a figure's
// caption above 附图：). A line that opens with the text's reference to
// itself (本办法由某某部负责解释, its full stop lost) is no caption but a
// 款. Notes copied after a regulation explain it there;
// as 款 of its last article they would make that article dozens of
// paragraphs long.
func (b *builder) afterword(i int) bool {
	if b.article == nil || b.limit >= 0 || !headingLike(b.lines[i]) {
		return false
	}
	if i+1 < len(b.lines) && isAppendixStart(b.lines[i+1].text) {
		return !label.IsThis(b.lines[i].text, 0)
	}
	for j := i + 1; j < len(b.lines) && j <= i+3; j++ {
		if s := b.lines[j].text; utf8.RuneCountInString(s) >= minProse && lastRune(s) == '。' && !label.ItemLine(s) {
			return true
		}
	}
	return false
}

// ruledOff reports whether l, after the last article, comes right after a
// thematic break: the source sets what follows apart from the text (a
// commentary, a news story), and it is kept as the appendix, not read as
// 款 of the last article.
func (b *builder) ruledOff(l line) bool {
	return l.para.Rule && b.article != nil && b.limit < 0
}

// apparatusPattern matches what a copy prints after a text: where it was
// copied from (来源：, 本文来源：) and whom it was sent to (送：, 抄送：).
var apparatusPattern = regexp.MustCompile(`^(?:本文来源|文章来源|来源|抄送|主送|分送|送)\s*[：:]`)

// isApparatus reports whether a line after the last article is such a
// note: no part of the article, it begins the appendix.
func isApparatus(s string) bool { return apparatusPattern.MatchString(s) }

// newsLead matches the lead of a news story: a date without its year and
// a comma (9月23日，某某局就…). A regulation's text prints the year of every
// date it names.
var newsLead = regexp.MustCompile(`^[0-9]{1,2}月[0-9]{1,2}日[，,]`)

// isNewsLead reports whether a line after the last article opens a news
// story copied after the text: it begins the appendix.
func isNewsLead(s string) bool { return newsLead.MatchString(s) }

// minProse is the length from which a line ending in 。 reads as prose.
const minProse = 40

// headingLike reports whether a line stands as a heading: marked as one,
// or short and without punctuation, and no label. A plain line that ends
// in a colon leads into what follows (本办法下列用语的含义：) and is none.
func headingLike(l line) bool {
	if label.ItemLine(l.text) || isStructural(l.text) {
		return false
	}
	if l.para.Heading > 0 {
		return true
	}
	return isTitleLike(l.text)
}

func hasKey(m map[int]label.ArticleStart, i int) bool {
	_, ok := m[i]
	return ok
}

func (b *builder) toAppendix(l line) {
	b.reg.Appendix = append(b.reg.Appendix, paragraph(l, l.text))
}

// appendixPattern matches 附件, 附件1, 附件一：…, 附录, 附表, 附图 and 附：.
var appendixPattern = regexp.MustCompile(`^附(件|录|表|图)?[0-9一二三四五六七八九十]*(\s|：|:|$)`)

func isAppendixStart(s string) bool {
	return appendixPattern.MatchString(s) && !strings.HasPrefix(s, "附则")
}

func paragraph(l line, text string) model.Paragraph {
	return model.Paragraph{Text: text, Position: l.para.Position, Heading: l.para.Heading, ListItem: l.para.ListItem, Row: l.para.Row}
}

// openArticle starts a new 条; the text after its label is its first 款.
func (b *builder) openArticle(l line, lab label.ArticleStart) {
	a := &model.Article{
		Number:   lab.N,
		Suffix:   lab.Suffix,
		Label:    label.ArticleText(lab.N, lab.Suffix),
		Position: l.para.Position,
	}
	b.reg.Articles = append(b.reg.Articles, a)
	b.article, b.clause, b.item, b.last = a, nil, nil, nil
	if lab.Rest != "" {
		b.body(line{text: lab.Rest, para: l.para}, -1)
	}
}

// body adds a line inside an article: a 项 or 目, a line continuing the
// one before, or a new 款. An article printed inside the line after a
// sentence (runOnArticle) opens with the rest of it. A row of a table is a 款 of its own: it never
// continues a line or is continued.
func (b *builder) body(l line, index int) {
	if at, lab, ok := b.runOnArticle(l.text); ok && l.para.Row == "" {
		b.splitArticle(l, index, at, lab)
		return
	}
	if at := lostBreak(l.text); b.spaced && at > 0 && l.para.Row == "" {
		b.splitParagraph(l, index, at, "句末空格处原为分段，已另起一段")
		return
	}
	if at := inlineList(l.text); at > 0 && l.para.Row == "" {
		b.splitParagraph(l, index, at, "各项与引出它们的一款印在同一行，已分为各项")
		return
	}
	if l.para.Row == "" && b.inline(l, index) {
		return
	}
	if b.interruptsList(l, index) {
		return
	}
	c := &model.Clause{Paragraph: paragraph(l, l.text)}
	c.Items = []*model.Item{}
	b.article.Clauses = append(b.article.Clauses, c)
	b.clause, b.item, b.last = c, nil, &c.Paragraph
	b.labelText = index < 0
}

// inline adds a line that is no 款 of its own: a 项 or 目, a line
// continuing the one before, a member of a list. It reports false for a
// line that opens a 款.
func (b *builder) inline(l line, index int) bool {
	if b.note(l, index) {
		return true
	}
	if m, ok := label.ReadItem(l.text); ok && m.Kind != label.HanItem && !citesItems(m) {
		b.addItem(l, m, index)
		return true
	}
	if b.last != nil && b.last.Row == "" && index >= 0 && continues(b.last.Text, b.labelText || b.cutBefore(index), l) {
		b.join(l)
		return true
	}
	if m, ok := b.spacedItem(l, index); ok {
		b.addItem(l, m, index)
		b.spacedLast = b.last
		return true
	}
	return b.formula(l, index) || index >= 0 && b.listMember(l, index)
}

// itemRange matches what follows the first label of a line that cites
// items rather than opens one: （一）至（三）项所列人员, （四）、（五）项.
var itemRange = regexp.MustCompile(`^(?:至|、|和|及|或者)\s*[（(][一二三四五六七八九十]+[）)]\s*[项目]`)

// citesItems reports whether a line that starts with an item label goes on
// as a citation of items: the line is a 款 about them, not an item.
func citesItems(m label.ItemLabel) bool {
	return m.Kind == label.HanParenItem && itemRange.MatchString(m.Rest)
}

// addItem attaches a 项 to the current 款 and a 目 to the current 项 (or
// to the 款 when it has none). A 项 printed on its line after this one
// (runOnItem) is added after it, as the item it is.
func (b *builder) addItem(l line, m label.ItemLabel, index int) {
	if b.clause == nil {
		c := &model.Clause{Paragraph: model.Paragraph{Position: l.para.Position}, Items: []*model.Item{}}
		b.article.Clauses = append(b.article.Clauses, c)
		b.clause = c
	}
	var next label.ItemLabel
	runOn := false
	if at, n, ok := b.runOnItem(m, index); ok {
		next, runOn = n, true
		b.reg.Repairs = append(b.reg.Repairs, model.Repair{
			Position: l.para.Position, Kind: RepairSplitItem,
			Before: tail(m.Rest[:at]) + n.Label, After: tail(trimSpace(m.Rest[:at])) + "\n" + n.Label,
			Message: n.Label + "与上一项印在同一行，已分为一项",
		})
		m.Rest = trimSpace(m.Rest[:at])
	}
	it := &model.Item{Label: m.Label, Number: m.N, Paragraph: paragraph(l, m.Rest)}
	it.ListItem = l.para.ListItem
	switch {
	case m.Kind == label.HanParenItem:
		b.clause.Items = append(b.clause.Items, it)
		b.item = it
	case b.item != nil:
		b.item.Items = append(b.item.Items, it)
	default:
		b.clause.Items = append(b.clause.Items, it)
	}
	b.last = &it.Paragraph
	b.labelText = false
	if runOn {
		b.addItem(l, next, index)
	}
}

// reportSkipped reports 第X条 lines standing apart from their text (or
// repeating the article before) that were kept as text because their
// number does not fit the sequence: a repeated or backward number, or a
// second count restarting at 第一条. A run of such lines with no article
// between them is one error.
func (p *parser) reportSkipped(lines []line, accepted map[int]label.ArticleStart) {
	lastKey := -1
	var run []line
	var labels []string
	flush := func() {
		if len(run) > 0 {
			p.errs = append(p.errs, skippedError(run, labels, lastKey))
		}
		run, labels = nil, nil
	}
	for i, l := range lines {
		if lab, ok := accepted[i]; ok {
			flush()
			lastKey = lab.N*1000 + lab.Suffix
			continue
		}
		lab, ok := label.ArticleLine(l.text)
		repeated := lab.N*1000+lab.Suffix == lastKey
		if ok && (lab.Separated || repeated) && !isTableRow(l.text) && !(i > 0 && announces(lines[i-1].text, lab)) {
			run = append(run, l)
			labels = append(labels, label.ArticleText(lab.N, lab.Suffix))
		}
	}
	flush()
}

// skippedError describes a run of label lines kept as text.
func skippedError(run []line, labels []string, lastKey int) model.Error {
	what := labels[0]
	if len(run) > 1 {
		what = fmt.Sprintf("%s至%s共%d个条标", labels[0], labels[len(labels)-1], len(run))
	}
	at := run[0].para.Position
	switch {
	case len(run) == 1 && labels[0] == labelOfKey(lastKey):
		return model.Errorf(at, "%s重复出现，作为上一条的正文保留", what)
	case lastKey < 0:
		return model.Errorf(at, "%s与其后各条的编号不相接，作为正文保留", what)
	}
	return model.Errorf(at, "%s不接在%s之后，作为上一条的正文保留", what, labelOfKey(lastKey))
}

func labelOfKey(k int) string { return label.ArticleText(k/1000, k%1000) }
