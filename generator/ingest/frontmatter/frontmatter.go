// Package frontmatter reads the YAML front matter at the top of a Markdown
// file: a block between two "---" lines (the closing one may be "...").
//
// Known keys fill block.Meta: title; date (also pubdate, published);
// publication (also source, paper, newspaper); page (also section);
// page_name, the page's 版名 (also section_name, 版名);
// author (also authors, byline). Other keys are ignored. The front matter
// is blanked out of the text line for line, so line numbers in the rest
// still match the file.
package frontmatter

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/model"
)

// keys maps each known front matter key to the Meta field it fills.
var keys = map[string]string{
	"title": "title", "date": "date", "pubdate": "date", "published": "date",
	"publication": "publication", "source": "publication", "paper": "publication", "newspaper": "publication",
	"page": "page", "section": "page",
	"page_name": "pagename", "section_name": "pagename", "版名": "pagename",
	"author": "author", "authors": "author", "byline": "author",
	"status": "status", "效力": "status", "时效性": "status", "效力状态": "status",
}

// Split reads the front matter of text, if any. It returns the metadata,
// the text with the front matter lines emptied, and problems found.
func Split(text string) (block.Meta, string, []block.Problem) {
	lines := strings.Split(text, "\n")
	start := 0
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	if start >= len(lines) || strings.TrimRight(lines[start], " \t") != "---" {
		return block.Meta{}, text, nil
	}
	end := -1
	for i := start + 1; i < len(lines); i++ {
		if t := strings.TrimRight(lines[i], " \t"); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 || !looksLikeYAML(lines[start+1:end]) {
		return block.Meta{}, text, nil
	}
	meta, probs := parse(strings.Join(lines[start+1:end], "\n"), start+2)
	for i := start; i <= end; i++ {
		lines[i] = ""
	}
	return meta, strings.Join(lines, "\n"), probs
}

var keyLine = regexp.MustCompile(`^[A-Za-z_][\w-]*\s*:`)

// looksLikeYAML reports whether the block has at least one "key:" line,
// telling front matter from a Markdown thematic break.
func looksLikeYAML(lines []string) bool {
	for _, l := range lines {
		if keyLine.MatchString(l) {
			return true
		}
	}
	return false
}

// parse reads the YAML; first is the file line of its first line.
func parse(src string, first int) (block.Meta, []block.Problem) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		e := model.YAMLError("", err)
		return block.Meta{}, []block.Problem{{Line: first + max(e.Line, 1) - 1, Message: "文首元数据" + e.Message}}
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return block.Meta{}, []block.Problem{{Line: first, Message: "文首元数据不是“键: 值”形式的YAML映射"}}
	}
	var m block.Meta
	var probs []block.Problem
	mapping := root.Content[0].Content
	for i := 0; i+1 < len(mapping); i += 2 {
		k, v := mapping[i], mapping[i+1]
		field := keys[strings.ToLower(k.Value)]
		if field == "" {
			continue
		}
		val := scalar(v)
		line := first + k.Line - 1
		if p := set(&m, field, val, line); p != "" {
			probs = append(probs, block.Problem{Line: line, Message: p})
		}
	}
	return m, probs
}

// set fills one field; it returns a problem message or "".
func set(m *block.Meta, field, val string, line int) string {
	switch field {
	case "title":
		if m.Title == "" {
			m.Title, m.TitleLine = val, line
		}
	case "date":
		d, ok := Date(val)
		if !ok {
			return fmt.Sprintf("文首元数据的日期「%s」不是日期（应写作2006-01-02）", val)
		}
		m.Date = d
	case "publication":
		if m.Publication == "" {
			m.Publication = val
		}
	case "page":
		if m.Page == "" {
			m.Page = val
		}
	case "pagename":
		if m.PageName == "" {
			m.PageName = val
		}
	case "author":
		m.Author = val
	case "status":
		st, ok := model.NormalStatus(val)
		if !ok {
			return fmt.Sprintf("文首元数据的效力状态「%s」不是%s之一", val, model.KnownStatuses())
		}
		m.Status = st
	}
	return ""
}

// scalar returns a scalar's value, or a sequence's values joined by spaces.
func scalar(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return strings.TrimSpace(n.Value)
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if s := scalar(c); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// Date reads a date written 2025-02-12, 2025/2/12, 2025.2.12 or
// 2025年2月12日 (optionally followed by a time) as YYYY-MM-DD.
func Date(s string) (string, bool) { return cndate.Numeric(s) }
