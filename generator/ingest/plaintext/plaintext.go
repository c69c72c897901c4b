// Package plaintext reads plain text, such as OCR output, into printed
// lines: every non-blank line of the file is one Line, a blank line marks a
// break, and a bullet at the start of a line ("- ", "* ", "• ") marks a
// list item.
package plaintext

import (
	"strings"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/normalize"
)

// bullets are the list markers a line of plain text may start with; each
// must be followed by white space.
var bullets = []string{"-", "*", "+", "•", "·", "●", "◆", "■"}

// Read returns the lines of text, which has "\n" line ends.
func Read(text string) block.Page {
	var p block.Page
	brk := true
	for i, raw := range strings.Split(text, "\n") {
		s := normalize.Line(raw)
		if s == "" {
			brk = true
			continue
		}
		l := block.Line{Line: i + 1, Break: brk, Indent: Indented(raw)}
		l.Text, l.ListItem = cutBullet(s)
		if l.Text == "" {
			continue
		}
		p.Lines = append(p.Lines, l)
		brk = false
	}
	return p
}

// cutBullet removes a list marker followed by a space from the start of s.
func cutBullet(s string) (string, bool) {
	for _, b := range bullets {
		if rest, ok := strings.CutPrefix(s, b+" "); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}

// Indented reports whether a raw line starts with a paragraph indent: an
// ideographic space, a tab, or two or more spaces (NBSP included).
func Indented(raw string) bool {
	spaces := 0
	for _, r := range raw {
		switch r {
		case '\u3000', '\t':
			return true
		case ' ', '\u00a0':
			if spaces++; spaces >= 2 {
				return true
			}
		default:
			return false
		}
	}
	return false
}
