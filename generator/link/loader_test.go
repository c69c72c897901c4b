package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
)

// A minimal loader for tests: it builds documents from plain lines so that
// linking can be tested on real texts whatever the state of the ingest and
// regulation stages. "第X条 …" starts an article, "（一）…" an item of the
// current paragraph, "(1)…" or "1." a subitem, any other line a paragraph.
// Lines before the first article are the preamble. Markdown list markers,
// bold and headings are dropped.

// docFromLines builds a document; a document without articles keeps its
// lines as Body.
func docFromLines(kind, title, path string, firstLine int, lines []string) *model.Document {
	d := &model.Document{Kind: kind, Title: title, Sources: []model.Position{{Path: path, Line: firstLine}}}
	var a *model.Article
	var body []model.Paragraph
	for i, raw := range lines {
		if strings.HasPrefix(strings.TrimSpace(raw), "#") {
			continue
		}
		next := 1
		if a != nil {
			next = a.Number + 1
		}
		for _, line := range splitArticles(cleanLine(raw), next) {
			a, body = addText(d, a, body, line, model.Position{Path: path, Line: firstLine + i})
		}
	}
	if len(d.Articles) == 0 {
		d.Body = body
	} else {
		d.Preamble = body
	}
	return d
}

// splitArticles splits a line where a source joined the next article to
// the end of a sentence ("…管制。 第四条 国务院…"), as the regulation stage
// does: only at the label of the article that comes next.
func splitArticles(line string, next int) []string {
	var out []string
	if n, _, _, _, ok := articleStart(line); ok {
		next = n + 1
	}
	for {
		label := "第" + numeral.Format(next) + "条"
		i := strings.Index(line, label)
		if i <= 0 {
			break
		}
		before := strings.TrimRight(line[:i], " 　")
		if !strings.HasSuffix(before, "。") && !strings.HasSuffix(before, "；") {
			break
		}
		out = append(out, before)
		line = line[i:]
		if n, _, _, _, ok := articleStart(line); ok {
			next = n
		}
		next++
	}
	return append(out, line)
}

// addText adds one line to the document being built.
func addText(d *model.Document, a *model.Article, body []model.Paragraph, line string, pos model.Position) (*model.Article, []model.Paragraph) {
	{
		if line == "" || line == "<!-- INFO END -->" {
			return a, body
		}
		if n, suffix, label, rest, ok := articleStart(line); ok {
			a = &model.Article{Number: n, Suffix: suffix, Label: label, Position: pos}
			d.Articles = append(d.Articles, a)
			if rest != "" {
				a.Clauses = append(a.Clauses, &model.Clause{Paragraph: model.Paragraph{Text: rest, Position: pos}})
			}
			return a, body
		}
		if a == nil {
			return a, append(body, model.Paragraph{Text: line, Position: pos})
		}
		addLine(a, line, pos)
		return a, body
	}
}

func cleanLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "- ")
	s = strings.ReplaceAll(s, "**", "")
	return strings.Trim(s, " 　\u00a0\t")
}

// articleStart reads "第X条" (之Y) set apart from the text after it.
func articleStart(line string) (n, suffix int, text, rest string, ok bool) {
	l, ok := label.Read(line)
	if !ok || l.Unit != label.Article {
		return 0, 0, "", "", false
	}
	j := l.End
	r, _ := utf8.DecodeRuneInString(line[j:])
	if j < len(line) && r != ' ' && r != '　' {
		return 0, 0, "", "", false
	}
	return l.N, l.Suffix, line[:j], strings.TrimSpace(strings.Trim(line[j:], "　")), true
}

// addLine adds a line to an article as an item, a subitem or a paragraph.
func addLine(a *model.Article, line string, pos model.Position) {
	label, n, rest, sub := itemStart(line)
	var c *model.Clause
	if len(a.Clauses) > 0 {
		c = a.Clauses[len(a.Clauses)-1]
	}
	switch {
	case label != "" && !sub && c != nil:
		c.Items = append(c.Items, &model.Item{Label: label, Number: n, Paragraph: model.Paragraph{Text: rest, Position: pos}})
	case label != "" && sub && c != nil && len(c.Items) > 0:
		it := c.Items[len(c.Items)-1]
		it.Items = append(it.Items, &model.Item{Label: label, Number: n, Paragraph: model.Paragraph{Text: rest, Position: pos}})
	default:
		a.Clauses = append(a.Clauses, &model.Clause{Paragraph: model.Paragraph{Text: line, Position: pos}})
	}
}

// itemStart reads （一） (an item) or (1) / 1. (a subitem) at the start.
func itemStart(line string) (label string, n int, rest string, sub bool) {
	r, size := utf8.DecodeRuneInString(line)
	if r == '(' || r == '（' {
		c := strings.IndexAny(line, ")）")
		if c > size && c < 16 {
			inner := line[size:c]
			if v, ok := numeral.Parse(inner); ok {
				end := c + runeLen(line, c)
				sub = inner[0] >= '0' && inner[0] <= '9'
				return "（" + inner + "）", v, strings.TrimSpace(line[end:]), sub
			}
		}
		return "", 0, "", false
	}
	if d := strings.Index(line, "."); d > 0 && d < 4 {
		if v, ok := numeral.Parse(line[:d]); ok && line[0] >= '0' && line[0] <= '9' {
			return line[:d+1], v, strings.TrimSpace(line[d+1:]), true
		}
	}
	return "", 0, "", false
}
