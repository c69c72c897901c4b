package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/runeset"
)

// collector gathers the text of inline nodes, one entry of out per printed
// line, with what each line was made of.
type collector struct {
	r         *reader
	buf       strings.Builder
	cur       lineInfo
	out       []lineInfo
	firstLine int
}

// lineInfo is one printed line and how much of it was bold or linked.
type lineInfo struct {
	text               string
	line               int
	strongRunes, plain int // visible runes inside and outside bold
	linkRunes, links   int
	pageLinks          int    // links to another Markdown page of the notes
	remark             string // the visible text outside links and bold
	navLabel           bool
	hasText            bool
}

func (c *collector) walk(n ast.Node, strong, link bool) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.r.source)
			if !ch.IsRaw() && (bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0) { // what escapes and references start with
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			c.add(string(v), ch.Segment.Start, strong, link)
			if ch.HardLineBreak() || ch.SoftLineBreak() {
				c.newline()
			}
		case *ast.String:
			c.add(string(ch.Value), -1, strong, link)
		case *ast.Emphasis:
			c.walk(ch, strong || ch.Level >= 2, link)
		case *ast.Link:
			c.cur.links++
			if isPageLink(string(ch.Destination)) {
				c.cur.pageLinks++
			}
			c.walk(ch, strong, true)
		case *ast.AutoLink:
			c.cur.links++
			c.add(string(ch.Label(c.r.source)), -1, strong, true)
		case *ast.Image:
		case *ast.CodeSpan:
			c.codeSpan(ch, strong, link)
		case *ast.RawHTML:
			if ch.Segments.Len() > 0 && isBR(segValue(ch.Segments.At(0), c.r.source)) {
				c.newline()
			}
		case *east.Strikethrough:
			c.walk(ch, strong, link)
		default:
			c.walk(ch, strong, link)
		}
	}
}

var htmlTag = regexp.MustCompile(`^\s*</?[A-Za-z][\w-]*(\s[^<>]*)?/?>\s*$`)

// codeSpan keeps the text of a code span unless it is only an HTML tag,
// which note-taking tools leave behind (`</color>`).
func (c *collector) codeSpan(n *ast.CodeSpan, strong, link bool) {
	var b strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch t := ch.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(c.r.source))
		case *ast.String:
			b.Write(t.Value)
		}
	}
	if htmlTag.MatchString(b.String()) {
		return
	}
	pos := -1
	if t, ok := n.FirstChild().(*ast.Text); ok {
		pos = t.Segment.Start
	}
	c.add(b.String(), pos, strong, link)
}

// Between hanFrom and hanTo (CJK punctuation, kana, Han, Hangul) no rune
// is a space or one of linkSeparators: add counts them without asking.
const hanFrom, hanTo = '\u3000', '｜'

// add appends text at byte offset pos (-1 when unknown).
func (c *collector) add(s string, pos int, strong, link bool) {
	if c.cur.line == 0 && pos >= 0 {
		c.cur.line = c.r.line(pos)
		if c.firstLine == 0 {
			c.firstLine = c.cur.line
		}
	}
	c.buf.WriteString(s)
	for i := 0; i < len(s); {
		if runeset.MidHan(s[i:]) {
			i += 3 // a rune inside (hanFrom, hanTo), decoded or not
			c.count(strong, link)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r > hanFrom && r < hanTo {
			// most of the text: neither a space nor a separator
		} else if unicode.IsSpace(r) || (!link && linkSeparators.Has(r)) {
			continue // a bar of links reads [甲](…) - [乙](…) | [丙](…)
		}
		c.count(strong, link)
	}
	if !link && !strong {
		c.cur.remark += s
	}
}

// count counts one rune of text, in a link, strong or plain.
func (c *collector) count(strong, link bool) {
	switch {
	case link:
		c.cur.linkRunes++
	case strong:
		c.cur.strongRunes++
	default:
		c.cur.plain++
	}
}

// newline ends the current printed line.
func (c *collector) newline() {
	c.cur.text = c.buf.String()
	c.buf.Reset()
	c.out = append(c.out, c.cur)
	c.cur = lineInfo{}
}

// flush ends the last line, cleans markup leftovers across the lines of
// the block, and numbers lines whose position was unknown.
func (c *collector) flush() {
	if c.buf.Len() > 0 || c.cur.line > 0 {
		c.newline()
	}
	texts := make([]string, len(c.out))
	for i, l := range c.out {
		texts[i] = l.text
	}
	cleaned, nav := clean(strings.Join(texts, "\n"))
	parts := strings.Split(cleaned, "\n")
	prev := c.firstLine
	for i := range c.out {
		l := &c.out[i]
		if i < len(parts) {
			l.text = parts[i]
		}
		l.text, l.hasText = finish(l.text)
		l.navLabel = nav[l.text]
		if l.line == 0 {
			l.line = prev + 1
			if i == 0 {
				l.line = max(prev, 1)
			}
		}
		prev = l.line
	}
}

// keep reports whether a line holds text worth reading: not empty and not
// a bar of navigation links.
func (l lineInfo) keep() bool {
	if !l.hasText {
		return false
	}
	onlyLinks := l.plain == 0 && l.strongRunes == 0 && l.linkRunes > 0
	if l.navLabel || isSiteFooter(l.text) || l.indexEntry() {
		return false
	}
	return !onlyLinks || (l.links < 2 && hasHan(l.text) && !navWords.MatchString(l.text))
}

// indexEntry reports whether the line is an entry of a table of contents
// of notes: links to other Markdown pages and nothing else, save a remark
// in brackets after them (（2007年）). Such a line names another file; it is
// not text of the file that holds it, and a list of them is no list of
// documents.
func (l lineInfo) indexEntry() bool {
	if l.pageLinks == 0 || l.pageLinks < l.links || l.strongRunes > 0 {
		return false
	}
	rest := strings.TrimSpace(strings.Map(func(r rune) rune {
		if linkSeparators.Has(r) {
			return -1
		}
		return r
	}, normalize.Line(l.remark)))
	return rest == "" || bracketed.MatchString(rest)
}

// isPageLink reports whether a link's destination is another Markdown file
// beside this one (guofa001.md, doc/8gui/00.md#x), not a web address.
func isPageLink(dest string) bool {
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "mailto:") {
		return false
	}
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	dest = strings.ToLower(dest)
	return strings.HasSuffix(dest, ".md") || strings.HasSuffix(dest, ".markdown")
}

// strong reports whether all the visible text of the line was bold.
func (l lineInfo) strong() bool { return l.strongRunes > 0 && l.plain == 0 }

var (
	logseqHTML = regexp.MustCompile(`\{html\}`)
	colorOpen  = regexp.MustCompile(`<color\s*#?[0-9A-Fa-f]{0,8}\s*>|</color>`)
	wikiLink   = regexp.MustCompile(`\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]`)
	// bracketed is a remark wholly in brackets, such as a year after a link.
	bracketed = regexp.MustCompile(`^[（(〔\[【][^（()）〔〕\[\]【】]*[)）〕\]】]$`)
	navWords  = regexp.MustCompile(`点击|下载|返回|更多|打印|关闭|分享|上一篇|下一篇|首页|收藏|>>|»`)
	// siteFooter matches the registration numbers and the copyright line
	// of a web site's footer (京ICP备11001839号, 京公网安备11000002000025号,
	// © 2004-2024 某网): a clipped page's chrome, never its text.
	siteFooter = regexp.MustCompile(`\p{Han}ICP[备证]\s*\d|公网安备\s*\d{6,}|信息服务备案[：:]|^\s*(©|Copyright\s*©?)\s*\d{4}`)
	// footerWords are the literal parts of siteFooter: a line holding
	// none of them cannot match it, and most lines hold none. Unanchored,
	// the expression is tried at every character of every line: a fortieth
	// of a whole build's time before this check.
	footerWords = []string{"ICP", "公网安备", "信息服务备案", "©", "Copyright"}
)

// isSiteFooter reports whether a line is a piece of a web site's footer
// (siteFooter).
func isSiteFooter(s string) bool {
	for _, w := range footerWords {
		if strings.Contains(s, w) {
			return siteFooter.MatchString(s)
		}
	}
	return false
}

// linkSeparators stand between the links of a bar; outside a link they
// are not text of their own.
var linkSeparators = runeset.Of("-|/·｜—")

// clean removes markup leftovers from the text of a block whose printed
// lines are separated by "\n", keeping the number of lines. It also
// returns the labels of links to web addresses that made up a whole line.
func clean(s string) (string, map[string]bool) {
	if strings.Contains(s, "{html}") {
		s = logseqHTML.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "color") {
		s = colorOpen.ReplaceAllStringFunc(s, func(m string) string {
			return strings.Repeat("\n", strings.Count(m, "\n"))
		})
	}
	nav := map[string]bool{}
	if !strings.Contains(s, "[[") {
		return unbold(s), nav
	}
	s = wikiLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := wikiLink.FindStringSubmatch(m)
		target, label := sub[1], sub[2]
		if label == "" {
			label = target
		}
		if strings.Contains(target, "://") {
			nav[strings.TrimSpace(normalize.Line(label))] = navWords.MatchString(label) || !hasHan(label)
		}
		return label
	})
	// A line that is only a link to a web address counts as navigation
	// only when its label says so.
	for k, v := range nav {
		if !v {
			delete(nav, k)
		}
	}
	return unbold(s), nav
}

// unbold removes the ** that Markdown left unparsed (CommonMark reads
// **“某某”**的 as text) from lines that hold a pair of them, and the two
// halves of a pair a line break split (**某某规定 / **（2005年…通过）, or
// **某某批复 / **): lines of the block that hold one ** each, at an end of
// the line, when they pair up. A lone ** inside a line stands for a name
// left out (恢复**同志) and stays.
func unbold(s string) string {
	if !strings.Contains(s, "**") {
		return s
	}
	lines := strings.Split(s, "\n")
	var halves []int
	for i, l := range lines {
		switch n := strings.Count(l, "**"); {
		case n >= 2:
			lines[i] = strings.ReplaceAll(l, "**", "")
		case n == 1:
			halves = append(halves, i)
		}
	}
	if len(halves)%2 == 0 && allAtEnds(lines, halves) {
		for _, i := range halves {
			lines[i] = strings.Replace(lines[i], "**", "", 1)
		}
	}
	return strings.Join(lines, "\n")
}

// allAtEnds reports whether the ** of each of the given lines stands at its
// start or its end.
func allAtEnds(lines []string, which []int) bool {
	for _, i := range which {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, "**") && !strings.HasSuffix(l, "**") {
			return false
		}
	}
	return true
}

// finish normalises a printed line; it reports false when nothing is left.
func finish(s string) (string, bool) {
	s = normalize.Line(s)
	return s, s != ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func segValue(s text.Segment, src []byte) []byte { return s.Value(src) }
