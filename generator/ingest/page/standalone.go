package page

import (
	"strings"
	"unicode"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Most headline groups and title-like lines a standalone regulation prints
// before its first article or section: its title, and a subtitle or 目录.
const (
	maxLeadHeadings = 2
	maxLeadTitles   = 3
)

// standaloneRegulation reads a file that holds one regulation as one page
// document of kind regulation: its title is the headline at the top, its
// body everything else. A file is one regulation when it has articles (or,
// under a title that names a regulation, numbered sections or chapters)
// and nothing before the first of them, or after, opens another item: no
// dateline, credit, byline or carrier sentence, no more than a title's
// worth of headlines.
func standaloneRegulation(lines []block.Line) (*pageDoc, bool) {
	first := firstStructure(lines)
	if first < 0 || !quietLead(lines[:first]) || !quietRest(lines[first:]) {
		return nil, false
	}
	d := &pageDoc{kind: model.KindRegulation}
	n := leadHeadline(lines)
	if n > 0 {
		h := newHeadline(lines[:n])
		d.head = &h
	}
	if n < len(lines) {
		d.body = make([]block.Line, 0, len(lines)-n)
	}
	for i, l := range lines[n:] {
		if date, _, ok := sourceLine(l.Text); ok && n+i < first {
			d.metaDate = date // 来源：某报 发布时间：2018-10-22 09:08 above the text
			continue
		}
		d.body = append(d.body, l)
	}
	return d, true
}

// splitTexts cuts a standalone regulation that holds two texts or more,
// one after the other, into one page document each: a text starts again
// where, after articles that ran from 第一条 on, a title line (no label,
// no sentence; not under 附件, which attaches the text to the one above)
// stands over a new 第一条, with maybe a division between (第一章 总则).
// Read as one, the first text's articles would fall into the second's
// preamble as a count that does not fit.
func splitTexts(d *pageDoc) []*pageDoc {
	out := []*pageDoc{d}
	for {
		last := out[len(out)-1]
		i := secondText(last.body)
		if i < 0 {
			return out
		}
		h := newHeadline(last.body[i : i+1])
		next := &pageDoc{kind: model.KindRegulation, head: &h, body: last.body[i+1:]}
		last.body = last.body[:i]
		out = append(out, next)
	}
}

// secondText returns the index in body of the title of a second text
// (splitTexts), or -1.
func secondText(body []block.Line) int {
	started := false // an article line of the first text read, from 第一条
	for i, l := range body {
		if lab, ok := label.ArticleLine(l.Text); ok {
			if !started && (lab.N != 1 || lab.Suffix != 0) {
				return -1
			}
			started = true
			continue
		}
		if !started || label.Structural(l.Text) || !titleLike(l) || i > 0 && label.OpenerLine(body[i-1].Text) {
			continue
		}
		if opensFirstArticle(body[i+1:]) && articleRun(body[:i]) >= 2 {
			return i
		}
	}
	return -1
}

// opensFirstArticle reports whether lines open with 第一条, after at most
// a division line or two.
func opensFirstArticle(lines []block.Line) bool {
	for k, l := range lines {
		if lab, ok := label.ArticleLine(l.Text); ok {
			return lab.N == 1 && lab.Suffix == 0
		}
		if _, _, ok := label.PartLine(l.Text); !ok || k >= 2 {
			return false
		}
	}
	return false
}

// firstStructure returns the index of the first article line, or of the
// first section or chapter line when the file's title names a regulation
// and it has at least two (and it is no court case, whose numbered points
// are no sections); -1 when the file has neither.
func firstStructure(lines []block.Line) int {
	for i, l := range lines {
		if _, ok := label.ArticleLine(l.Text); ok {
			if articleRun(lines[i:]) >= 2 {
				return i
			}
			break
		}
	}
	if len(lines) == 0 || !regulationTitleRE.MatchString(lines[0].Text) {
		return -1
	}
	first, n := -1, 0
	for i, l := range lines {
		if caseFactsRE.MatchString(l.Text) {
			return -1 // a court case under a title such as …的裁判规则
		}
		_, _, part := label.PartLine(l.Text)
		it, item := label.ReadItem(l.Text)
		if part || item && it.Kind.Pointed() {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n < 2 {
		return -1
	}
	return first
}

// quietLead reports whether the lines before a regulation's first article
// hold nothing but its title and metadata.
// The title printed again under the particulars, over one line or
// several (最高人民法院 / 关于某某的规定), is no further title: plain text,
// which marks no headline, would otherwise count each of its lines.
func quietLead(lines []block.Line) bool {
	heads, titles := 0, 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if opensOther(l.Text) {
			return false
		}
		if i > 0 {
			if n := titleAgain(lines[0].Text, lines[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		if markedHeadline(l) && (i == 0 || !markedHeadline(lines[i-1])) {
			heads++
		}
		if titleLike(l) {
			titles++
		}
	}
	if len(lines) > 0 && strings.Contains(lines[0].Text, "印发《") {
		return false // a headline reporting the issue of a regulation: a carrier
	}
	return heads <= maxLeadHeadings && (heads > 0 || titles <= maxLeadTitles)
}

// titleAgain returns how many lines from the start of lines print title
// again, its words cut over up to maxTitleAgain lines and its issuers set
// apart with spaces rather than 、; 0 when they do not spell all of it.
func titleAgain(title string, lines []block.Line) int {
	want, got := bareTitle(title), ""
	for j, l := range lines {
		if j == maxTitleAgain || want == "" {
			return 0
		}
		got += bareTitle(l.Text)
		switch {
		case got == want:
			return j + 1
		case !strings.HasPrefix(want, got):
			return 0
		}
	}
	return 0
}

// maxTitleAgain is how many lines a title printed again may take.
const maxTitleAgain = 4

// bareTitle is a title without spaces and 、, as titleAgain compares it.
func bareTitle(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '、' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// quietRest reports whether nothing after the first article opens another
// item: a dateline or a credit.
func quietRest(lines []block.Line) bool {
	for _, l := range lines {
		if _, _, ok := dateline.Opening(l.Text); ok || isCredit(l.Text) {
			return false
		}
	}
	return true
}

// opensOther reports whether s belongs to an item that is not a
// regulation: a dateline, a credit, a byline or a carrier sentence.
func opensOther(s string) bool {
	if _, _, ok := dateline.Opening(s); ok {
		return true
	}
	if _, ok := carried(s); ok {
		return true
	}
	if _, _, ok := byline(s); ok {
		return true
	}
	return isCredit(s)
}

// leadHeadline returns how many lines at the top form the regulation's
// headline: its marked headlines, or its first line when that reads as a
// title.
func leadHeadline(lines []block.Line) int {
	n := 0
	for n < len(lines) && n < maxGroup && markedHeadline(lines[n]) {
		n++
	}
	if n == 0 && len(lines) > 0 && titleLike(lines[0]) {
		n = 1
	}
	return n
}
