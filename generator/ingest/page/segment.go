package page

import (
	"regexp"
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/label"
)

// pageDoc is a document of the page while the page is being split.
type pageDoc struct {
	head    *headline
	body    []block.Line
	closed  bool   // a closing dateline, 下转 or a carrier sentence ended it
	carries string // the regulation a carrier sentence says follows
	weather bool
	hint    string // a title the context gives: the weather label
	kind    string // set when the file decides it: a standalone regulation

	credits, bylines []string
	authors          []string // names of a closing author line (作者：…), not reporters
	affiliation      string   // the authors' unit or post
	from, to         string
	opening, closing *dateline.Match
	metaDate         string
	signDate         string
	pub              publication
	start            int // the line of a mark that opened the page document, 0 if none
}

// first is the line the page document starts on.
func (d *pageDoc) first() int {
	if d.start > 0 {
		return d.start
	}
	if d.head != nil {
		return d.head.lines[0].Line
	}
	if len(d.body) > 0 {
		return d.body[0].Line
	}
	return 0
}

// articles counts the lines of the body that start with 第X条 when they
// read as a regulation's articles (see articleRun), else 0.
func (d *pageDoc) articles() int {
	return articleRun(d.body)
}

// articleRun counts the lines that start with 第X条 when at least half of
// them follow the one before in number (第五条 after 第四条), as a
// regulation's articles do; 0 when they do not, as when commentary quotes
// articles here and there.
func articleRun(lines []block.Line) int {
	n, next, prev := 0, 0, -1
	for _, l := range lines {
		lab, ok := label.ArticleLine(l.Text)
		if !ok {
			continue
		}
		n++
		if lab.N == prev+1 || (lab.N == prev && lab.Suffix > 0) {
			next++
		}
		prev = lab.N
	}
	if n == 0 || 2*next < n {
		return 0
	}
	return n
}

// segmenter assigns the lines of a page to page documents.
type segmenter struct {
	lines    []block.Line
	plain    bool // no line is a heading: titles are found among plain lines
	headings bool // some line is a Markdown or HTML heading, not bold only
	single   bool // the file is one article: later headings are its subheads
	pageDocs []*pageDoc
}

func (s *segmenter) cur() *pageDoc {
	if len(s.pageDocs) == 0 {
		return nil
	}
	return s.pageDocs[len(s.pageDocs)-1]
}

func (s *segmenter) open(h *headline) *pageDoc {
	d := &pageDoc{head: h}
	s.pageDocs = append(s.pageDocs, d)
	return d
}

// run splits the lines into page documents.
func (s *segmenter) run() []*pageDoc {
	for i := 0; i < len(s.lines); {
		if n := s.headlineAt(i); n > 0 {
			h := newHeadline(s.lines[i : i+n])
			s.open(&h)
			i += n
			continue
		}
		s.line(s.lines[i])
		i++
	}
	return s.pageDocs
}

// headlineAt returns how many lines from i form a headline group that
// starts a new document, or 0.
func (s *segmenter) headlineAt(i int) int {
	l := s.lines[i]
	if markedHeadline(l) {
		n := 1
		for n < maxGroup && i+n < len(s.lines) && markedHeadline(s.lines[i+n]) {
			n++
		}
		if s.opensHere(i, n, true) {
			return n
		}
		return 0
	}
	if !s.plain || !titleLike(l) {
		return 0
	}
	n := 1
	for n < 3 && i+n < len(s.lines) && titleLike(s.lines[i+n]) {
		n++
	}
	if s.opensHere(i, n, false) {
		return n
	}
	return 0
}

// opensHere decides whether the headline lines i..i+n open a document
// rather than head a section of the current one. Once a document is open,
// a headline opens another only on evidence: the current one ended, it was
// a regulation whose articles are over, the headline is followed by what
// opens an item (a dateline, byline, approval line, 第一条, a photo credit),
// or its words name a kind of item (声明, 开奖, 招商, 气象 …) or the
// form of a document (…的通知, …条例, …办法; in a Markdown file whose
// headlines are all bold lines, …条例 only with a regulation's structure
// under it).
func (s *segmenter) opensHere(i, n int, marked bool) bool {
	next := i + n
	if next < len(s.lines) && isSignature(s.lines[next].Text) {
		return false // an issuer's name above the date it signed
	}
	c := s.cur()
	switch {
	case c == nil || c.closed || (c.head == nil && len(c.body) == 0):
		return true
	case s.single:
		return false
	case c.articles() > 0:
		return true
	case c.head != nil && sameTitle(c.head.text(), s.lines[i:i+n]):
		return false // the title printed again under what announces the text (某院公告 …现予公布)
	}
	return s.evidence(i, n)
}

// sameTitle reports whether the headline lines print title again: all of
// it, but for a bracketed note the title may add (a collector's year,
// 某批复(2003)), its issuers set apart with spaces or 、 alike.
func sameTitle(title string, lines []block.Line) bool {
	var got strings.Builder
	for _, l := range lines {
		got.WriteString(bareTitle(l.Text))
	}
	head := got.String()
	if head == "" {
		return false
	}
	rest, ok := strings.CutPrefix(bareTitle(title), head)
	return ok && (rest == "" || titleNoteRE.MatchString(rest))
}

// titleNoteRE is a titleNote, the whole of what it is matched against.
var titleNoteRE = regexp.MustCompile(`^` + titleNote + `$`)

// evidence reports whether what follows headline lines i..i+n, or their
// words, show they head an item of their own.
func (s *segmenter) evidence(i, n int) bool {
	next := i + n
	for _, l := range s.lines[i : i+n] {
		t := unwrap(l.Text)
		if kindWords.in(t) || noticeTitleRE.MatchString(t) || formalTitleRE.MatchString(t) && (s.plain || s.headings || s.regulationFollows(next)) {
			return true
		}
	}
	if next < len(s.lines) && opensItem(s.lines[next].Text) {
		return true
	}
	for j := next; j < len(s.lines) && j < next+4; j++ {
		if isCredit(s.lines[j].Text) {
			return true // a photo: title, caption, credit
		}
		if markedHeadline(s.lines[j]) || titleLike(s.lines[j]) {
			break
		}
	}
	return false
}

// maxRegulationLead is how many lines after a title a regulation's
// structure is looked for: the notice issuing it may come first.
const maxRegulationLead = 12

// regulationFollows reports whether the lines from j on read as a
// regulation, or a notice issuing one: within maxRegulationLead lines one
// opens an article, a division or a numbered part (label.Structural), or
// gives an approval or history. In a file whose only headlines are bold
// lines, a subhead that only looks like a regulation's title (政策攻心法,
// 关于某某方面的规定) has prose under it, and heads a section of the text.
func (s *segmenter) regulationFollows(j int) bool {
	for k := j; k < len(s.lines) && k < j+maxRegulationLead; k++ {
		if t := unwrap(s.lines[k].Text); label.Structural(t) || isApproval(t) || isHistory(t) {
			return true
		}
	}
	return false
}

// opensItem reports whether s is what follows a headline: a dateline, a
// byline, an approval line, a first article or a continuation mark.
func opensItem(s string) bool {
	if _, _, ok := dateline.Opening(s); ok {
		return true
	}
	if _, _, ok := byline(s); ok {
		return true
	}
	if _, _, ok := continuedFrom(s); ok {
		return true
	}
	if lab, ok := label.ArticleLine(s); ok && lab.N == 1 {
		return true
	}
	return isApproval(s)
}

// line adds a line that is not a headline.
func (s *segmenter) line(l block.Line) {
	c := s.cur()
	if c == nil && isSignature(l.Text) {
		return // the page's own date at its head (2026年2月13日 星期五): no item
	}
	if page, rest, ok := continuedFrom(l.Text); ok {
		if c == nil || c.closed || len(c.body) > 0 {
			c = s.open(nil)
			c.start = l.Line
		}
		c.from = page
		if l.Text = rest; rest == "" {
			return
		}
	}
	if c != nil && c.carries != "" && c.signDate == "" && cndate.Only(l.Text) {
		// the date the notice was signed, under the sentence that closed
		// it; Chinese numerals (二〇〇八年…) as well as digits
		c.body = append(c.body, l)
		if ds := dates(l.Text); len(ds) > 0 {
			c.signDate = ds[0]
		}
		return
	}
	if c == nil || c.closed {
		c = s.open(nil)
	}
	if weatherStart(l.Text) && !c.weather {
		if len(c.body) > 0 {
			c = s.open(nil)
		}
		// the label is the report's title, as a headline would be, and
		// leaves the text: 气 象 今日 7℃~17℃ … reads 今日 7℃~17℃ …
		var rest string
		c.weather = true
		if c.hint, rest = weatherLabel(l.Text); c.head == nil {
			if c.start == 0 {
				c.start = l.Line
			}
			if l.Text = rest; rest == "" {
				return
			}
		}
	}
	if s.mark(c, l) {
		return
	}
	s.text(c, l)
}

// mark reads a line that is only a mark (credit, closing dateline, byline,
// source line, editor's mark) into the page document's metadata; it reports
// whether it did.
func (s *segmenter) mark(c *pageDoc, l block.Line) bool {
	t := l.Text
	if isCredit(t) {
		c.credits = append(c.credits, t)
		return true
	}
	if m, ok := dateline.Closing(t); ok {
		if c.closing == nil {
			c.closing = &m
		}
		c.closed = true
		return true
	}
	if names, unit, ok := AuthorLine(t); ok {
		if c.authors = append(c.authors, names...); c.affiliation == "" {
			c.affiliation = unit
		}
		return true
	}
	if names, pub, ok := byline(t); ok {
		c.bylines = append(c.bylines, names...)
		if pub.name != "" {
			c.pub = pub
		}
		return true
	}
	if d, _, ok := sourceLine(t); ok {
		c.metaDate = d
		return true
	}
	return isEditor(t) // （责编：某某） closes a web page's text: no text of it
}

// text adds a line of text to the page document, reading the marks inside it.
func (s *segmenter) text(c *pageDoc, l block.Line) {
	if page, rest, ok := continuedTo(l.Text); ok {
		c.to, c.closed = page, true
		if l.Text = rest; rest == "" {
			return
		}
	}
	if len(c.body) == 0 && c.opening == nil {
		if m, _, ok := dateline.Opening(l.Text); ok {
			c.opening = &m
		}
	}
	if text, credit := cutTrailingCredit(l.Text); credit != "" && c.opening == nil {
		c.credits = append(c.credits, credit)
		l.Text = text
	}
	if ds := dates(l.Text); len(ds) > 0 && isSignature(l.Text) {
		c.signDate = ds[0]
	}
	c.body = append(c.body, l)
	if x, ok := carried(l.Text); ok {
		c.carries, c.closed = x, true
	}
}
