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
		l := block.Line{Line: i + 1, Break: brk}
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
