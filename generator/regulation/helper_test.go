package regulation

import (
	"strings"

	"tiaoli/generator/model"
)

// linesOf splits a Markdown or plain text file the way ingest does: one
// paragraph per non-blank printed line, with its heading level and list
// mark, full-width letters and digits folded, and the line after a
// thematic break (---, ***, ___) marked Rule. Tests use it where they need
// a body without the rest of the pipeline.
func linesOf(path string, data []byte) []model.Paragraph {
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []model.Paragraph
	rule := false
	for i, raw := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(raw); len(t) >= 3 && strings.Trim(t, t[:1]) == "" && strings.Contains("-*_", t[:1]) {
			rule = true
			continue
		}
		s := strings.Map(foldWidth, raw)
		s = strings.TrimRight(s, " \t\r")
		heading := 0
		if t := strings.TrimLeft(s, "#"); len(t) < len(s) && len(s)-len(t) <= 6 && (t == "" || t[0] == ' ') {
			heading, s = len(s)-len(t), t
		}
		list := false
		if t, ok := strings.CutPrefix(strings.TrimLeft(s, " "), "- "); ok && heading == 0 {
			list, s = true, t
		}
		if strings.TrimFunc(s, isSpace) == "" {
			continue
		}
		out = append(out, model.Paragraph{
			Text: strings.TrimFunc(s, isSpace), Position: model.Position{Path: path, Line: i + 1},
			Heading: heading, ListItem: list, Rule: rule,
		})
		rule = false
	}
	return out
}

// foldWidth folds full-width letters and digits and drops zero-width
// characters, as ingest does.
func foldWidth(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r >= 'Ａ' && r <= 'Ｚ':
		return r - 'Ａ' + 'A'
	case r >= 'ａ' && r <= 'ｚ':
		return r - 'ａ' + 'a'
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
		return -1
	case r == '\u00a0':
		return ' '
	}
	return r
}
