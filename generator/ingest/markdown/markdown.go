// Package markdown reads a Markdown file into printed lines with goldmark's
// AST: headings keep their level, list items their mark, every soft or hard
// line break starts a new line, and emphasis, links and escapes are reduced
// to their text (`**第一条** 正文` reads 第一条 正文).
//
// YAML front matter fills the page's metadata (package frontmatter). What
// carries no text is dropped: HTML comments and tags, images, thematic
// breaks (the line after one is marked Rule), lines made only of navigation links, and the markup leftovers of
// note-taking tools (Logseq `{html}` and `<color …>` spans, `[[…]]` links,
// stray `**`), and a lone * opening a line (a list mark that lost its
// space: the line is a list item). Table rows become lines with cells separated by " | "; the
// dash rules of pandoc tables are dropped and their rows read as lines.
package markdown

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/frontmatter"
	"tiaoli/generator/model"
)

// CellSeparator joins the cells of a table row.
const CellSeparator = model.CellSeparator

var parser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// Read returns the metadata and the printed lines of a Markdown text with
// "\n" line ends.
func Read(src string) (block.Page, []block.Problem) {
	meta, body, probs := frontmatter.Split(src)
	source := []byte(blankRules(body))
	r := &reader{source: source, lineStarts: lineStarts(source)}
	doc := parser.Parse(text.NewReader(source))
	r.blocks(doc, false)
	return block.Page{Meta: meta, Lines: r.lines}, probs
}

// dashRule is a rule line of a pandoc table: groups of dashes separated by
// spaces (------- ------).
var dashRule = regexp.MustCompile(`(?m)^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$`)

// blankRules empties the rule lines of pandoc tables, which Markdown would
// read as thematic breaks or setext heading underlines; the rows between
// them stay lines of text.
func blankRules(s string) string {
	if !strings.Contains(s, "--- ") && !strings.Contains(s, "---\t") {
		return s
	}
	return dashRule.ReplaceAllString(s, "")
}

type reader struct {
	source     []byte
	lineStarts []int
	lines      []block.Line
	// rule is set by a thematic break until the next line is read.
	rule bool
}

// add appends a line, marking it Rule when a thematic break came before it.
func (r *reader) add(l block.Line) {
	l.Rule, r.rule = r.rule, false
	r.lines = append(r.lines, l)
}

// lineStarts lists the byte offset at which every line starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line returns the 1-based line of byte offset off.
func (r *reader) line(off int) int {
	return sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off })
}

// indented reports whether the source line starts with an ideographic
// space or a tab, the paragraph indent of Chinese text (Markdown itself
// takes up to three spaces).
func (r *reader) indented(line int) bool {
	if line < 1 || line > len(r.lineStarts) {
		return false
	}
	rest := r.source[r.lineStarts[line-1]:]
	return bytes.HasPrefix(rest, []byte("\u3000")) || bytes.HasPrefix(rest, []byte("\t"))
}

// blocks reads the block children of n.
func (r *reader) blocks(n ast.Node, quote bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c, quote)
	}
}

func (r *reader) block(n ast.Node, quote bool) {
	switch n := n.(type) {
	case *ast.Heading:
		r.inline(n, mark{heading: n.Level, quote: quote})
	case *ast.Paragraph, *ast.TextBlock:
		r.inline(n, mark{quote: quote})
	case *ast.List:
		number := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			first := r.listItem(item, quote)
			if n.IsOrdered() && first >= 0 {
				r.lines[first].Text = itemNumber(number, n.Marker) + r.lines[first].Text
			}
			number++
		}
	case *ast.Blockquote:
		r.blocks(n, true)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		r.rawLines(n.Lines(), quote, false)
	case *ast.HTMLBlock:
		if n.HTMLBlockType != ast.HTMLBlockType2 { // not a comment: keep its text
			r.rawLines(n.Lines(), quote, true)
		} else if r.closesHeader(n) {
			for i := range r.lines {
				r.lines[i].Header = true
			}
		}
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			r.tableRow(row, quote)
		}
	case *ast.ThematicBreak:
		r.rule = true
	default:
		r.blocks(n, quote)
	}
}

// closesHeader reports whether a comment is the marker that ends a file's
// particulars (<!-- INFO END -->): every line above it is a particular.
func (r *reader) closesHeader(n *ast.HTMLBlock) bool {
	var b []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b = append(b, seg.Value(r.source)...)
	}
	return bytes.Contains(b, []byte("INFO END"))
}

// listItem reads one item: its first line carries the list mark. It
// returns the index of that line, -1 when the item has no text.
func (r *reader) listItem(item ast.Node, quote bool) int {
	first := len(r.lines)
	r.blocks(item, quote)
	if first >= len(r.lines) {
		return -1
	}
	r.lines[first].ListItem = true
	return first
}

// itemNumber is the number an item of an ordered list is printed with
// (1. 具有相关的高级专业技术职称；): Markdown reads it as a list mark, but in
// a regulation it is the label of a 目, which the structure and every
// citation of it count on, so its line keeps it.
func itemNumber(number int, marker byte) string {
	return strconv.Itoa(number) + string(marker)
}

// rawLines reads the lines of a code or HTML block as plain text lines.
func (r *reader) rawLines(segs *text.Segments, quote, html bool) {
	brk := true
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		s := string(seg.Value(r.source))
		if html {
			s = stripTags(s)
		}
		if l, ok := finish(s); ok {
			r.add(block.Line{Text: l, Line: r.line(seg.Start), Quote: quote, Break: brk})
			brk = false
		}
	}
}

// tableRow reads a table row as one line of its cells.
func (r *reader) tableRow(row ast.Node, quote bool) {
	var cells []string
	line := 0
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		c := collector{r: r}
		c.walk(cell, false, false)
		c.flush()
		if line == 0 && c.firstLine > 0 {
			line = c.firstLine
		}
		var parts []string
		for _, l := range c.out {
			parts = append(parts, l.text)
		}
		cells = append(cells, strings.TrimSpace(strings.Join(parts, " ")))
	}
	if line == 0 {
		return
	}
	if l, ok := finish(strings.Join(cells, CellSeparator)); ok && strings.Trim(l, "| ") != "" {
		kind := model.RowBody
		if _, ok := row.(*east.TableHeader); ok {
			kind = model.RowHead
		}
		r.add(block.Line{Text: l, Line: line, Quote: quote, Break: true, Row: kind})
	}
}

// mark is what a block gives each of its lines.
type mark struct {
	heading int
	quote   bool
}

// inline reads the inline content of a heading or paragraph, one line per
// printed line.
func (r *reader) inline(n ast.Node, m mark) {
	c := collector{r: r}
	c.walk(n, false, false)
	c.flush()
	brk := true
	for _, l := range c.out {
		if !l.keep() {
			continue
		}
		text, row, list := l.text, "", false
		if m.heading == 0 {
			text, list = r.lostBullet(text, l.line)
			if cells, ok := pipeRow(text); ok {
				if cells == "" {
					continue
				}
				text, row = cells, model.RowBody
			}
		}
		r.add(block.Line{
			Text: text, Line: l.line, Heading: m.heading, Quote: m.quote,
			Strong: m.heading == 0 && l.strong(), Break: brk, Indent: r.indented(l.line),
			Row: row, ListItem: list,
		})
		brk = false
	}
}

// lostBullet reads a line whose source line opens with a lone * right
// before a line of a text's history (*1997年3月14日…修订, *根据2009年…决定修正):
// a list mark that lost the space after it, which CommonMark prints as a
// literal * because no other * on the line closes it. A * before other
// text is printed (*为必填项, *注：…). It returns the text without the
// mark and true, or the text as it is and false.
func (r *reader) lostBullet(text string, line int) (string, bool) {
	if line < 1 || line > len(r.lineStarts) || strings.Count(text, "*") != 1 {
		return text, false
	}
	rest, ok := strings.CutPrefix(text, "*")
	src := bytes.TrimLeft(r.source[r.lineStarts[line-1]:], " ")
	if !ok || !bytes.HasPrefix(src, []byte("*")) || !historyLine(rest) {
		return text, false
	}
	return rest, true
}

// historyLine reports whether s opens as a line of a text's history: a
// date (1997年3月14日…修订), or 根据, a date and an event (cndate.AmendedBy).
func historyLine(s string) bool { return cndate.Starts(s) || cndate.AmendedBy(s) }

// stripTags removes HTML tags from a line of an HTML block.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBR reports whether raw inline HTML is a line break tag.
func isBR(raw []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(raw))
	return bytes.HasPrefix(t, []byte("<br")) && bytes.HasSuffix(t, []byte(">"))
}

// pipeRow reads a line of text that is a table row whose table markup
// broke (its pipes escaped, its rule line lost): it starts with "|" and
// holds at least two more. It returns the cells joined by CellSeparator,
// "" when every cell is empty.
func pipeRow(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "|") || strings.Count(t, "|") < 3 {
		return "", false
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	cells := strings.Split(t, "|")
	empty := true
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
		empty = empty && cells[i] == ""
	}
	if empty {
		return "", true
	}
	return strings.Join(cells, CellSeparator), true
}
