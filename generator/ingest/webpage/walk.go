package webpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/model"
)

// Line markers: markStart, the line number in hexadecimal digits
// markDigit+0 … markDigit+15, markEnd.
const (
	markStart = '\uFDD0'
	markEnd   = '\uFDD1'
	markDigit = '\uFDE0'
)

func isMark(r rune) bool { return r >= 0xFDD0 && r <= 0xFDEF }

// annotate prefixes every text token of src, and every line inside one,
// with a marker of its line in the file.
func annotate(src string) string {
	src = strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, src)
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	z := html.NewTokenizer(strings.NewReader(src))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt != html.TextToken || strings.TrimSpace(string(raw)) == "" {
			b.Write(raw)
			line += strings.Count(string(raw), "\n")
			continue
		}
		writeMark(&b, line)
		for _, c := range raw {
			b.WriteByte(c)
			if c == '\n' {
				line++
				writeMark(&b, line)
			}
		}
	}
	return b.String()
}

func writeMark(b *strings.Builder, line int) {
	b.WriteRune(markStart)
	digits := []rune{}
	for n := line; n > 0; n /= 16 {
		digits = append([]rune{markDigit + rune(n%16)}, digits...)
	}
	b.WriteString(string(digits))
	b.WriteRune(markEnd)
}

// cleanText strips line markers and normalises s.
func cleanText(s string) string {
	return normalize.Line(strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s))
}

// state is what the enclosing elements give a line.
type state struct {
	heading       int
	quote, strong bool
	pre           bool
}

// walker turns the element tree into printed lines.
type walker struct {
	lines       []block.Line
	buf         strings.Builder
	curLine     int // the line of the last marker read
	lineStart   int // the line of the first visible text of buf
	lineState   state
	strongRunes int
	plainRunes  int
	brk         bool
	pendingList bool
	// row is the kind of table row being read, "" outside rows.
	row string
}

var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "thead": true, "tfoot": true, "tr": true, "ul": true, "caption": true,
	"body": true, "html": true,
}

func (w *walker) walk(n *html.Node, st state) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, st)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	tag := n.Data
	switch tag {
	case "br":
		w.flush()
		return
	case "img", "video", "audio", "picture", "source":
		return
	case "strong", "b":
		st.strong = true
	case "td", "th":
		if n.PrevSibling != nil && hasElementBefore(n) && w.buf.Len() > 0 {
			w.buf.WriteString(CellSeparator)
		}
	}
	isBlock := blockTags[tag]
	if isBlock {
		w.flush()
		w.brk = true
		st = blockState(tag, st)
		if tag == "li" {
			w.pendingList = true
		}
		if tag == "tr" {
			w.row = rowKind(n)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, st)
	}
	if isBlock {
		w.flush()
		w.brk = true
		w.pendingList = false
		if tag == "tr" {
			w.row = ""
		}
	}
}

// rowKind is model.RowHead for a row of header cells or inside <thead>,
// model.RowBody otherwise.
func rowKind(tr *html.Node) string {
	if tr.Parent != nil && tr.Parent.Data == "thead" {
		return model.RowHead
	}
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "td" {
			return model.RowBody
		}
	}
	return model.RowHead
}

// blockState is the state a block element gives its content.
func blockState(tag string, st state) state {
	switch tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		st.heading = int(tag[1] - '0')
	case "blockquote":
		st.quote = true
	case "pre":
		st.pre = true
	}
	return st
}

// hasElementBefore reports whether a table cell follows another cell.
func hasElementBefore(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode && (p.Data == "td" || p.Data == "th") {
			return true
		}
	}
	return false
}

// text adds the text of a text node, reading its line markers.
func (w *walker) text(s string, st state) {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == markStart {
			n := 0
			for i++; i < len(rs) && rs[i] != markEnd; i++ {
				n = n*16 + int(rs[i]-markDigit)
			}
			w.curLine = n
			continue
		}
		if isMark(r) {
			continue
		}
		if st.pre && r == '\n' {
			w.flush()
			continue
		}
		if unicode.IsSpace(r) {
			w.buf.WriteByte(' ')
			continue
		}
		if w.lineStart == 0 {
			w.lineStart, w.lineState = w.curLine, st
		}
		if st.strong {
			w.strongRunes++
		} else {
			w.plainRunes++
		}
		w.buf.WriteRune(r)
	}
}

// flush ends the current line.
func (w *walker) flush() {
	text := normalize.Line(w.buf.String())
	if text != "" {
		st := w.lineState
		line := w.lineStart
		if line == 0 {
			line = max(w.curLine, 1)
		}
		w.lines = append(w.lines, block.Line{
			Text: text, Line: line, Heading: st.heading, Quote: st.quote, Break: w.brk,
			ListItem: w.pendingList, Strong: st.heading == 0 && w.strongRunes > 0 && w.plainRunes == 0,
			Row: w.row,
		})
		w.brk, w.pendingList = false, false
	}
	w.buf.Reset()
	w.lineStart, w.strongRunes, w.plainRunes = 0, 0, 0
	w.lineState = state{}
}
