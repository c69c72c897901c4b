package audit

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/link"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// find makes a finding about d at pos.
func find(d *model.Document, pos model.Position, url, msg string) Finding {
	if url == "" {
		url = d.URL
	}
	return Finding{Path: pos.Path, Line: pos.Line, Document: d.ID, URL: url, Message: msg}
}

// clauseURL is the URL of the p-th 款 (from 1) of a.
func clauseURL(a *model.Article, p int) string {
	if a.URL == "" {
		return ""
	}
	return a.URL + lookup.Anchor(a, p, 0, 0)
}

// sentencePunct are the marks that end or split a sentence, and those of
// a formula; a heading has none of them.
const sentencePunct = "。；：，？！;:,?!＝=×＋+"

// headingLike reports whether s reads as a heading rather than as text:
// short, with no sentence punctuation and not closing a quotation.
func headingLike(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 20 || strings.ContainsAny(s, sentencePunct) {
		return false
	}
	return !strings.ContainsAny(s, "”」\"")
}

// headingLabel matches a text that starts with the label of a 编, 章 or 节.
var headingLabel = regexp.MustCompile(`^第[一二三四五六七八九十百零〇两0-9０-９]+(?:编|分编|章|节)(?:\s|　|$|[^之条款项])`)

// quoteDepth is link.QuoteDepth: the quotations left open at the end of s.
func quoteDepth(s string, d int) int { return link.QuoteDepth(s, d) }

// articleText is every text of an article in reading order: its 款, their
// 项 and 目.
func articleText(a *model.Article) []string {
	var out []string
	for _, c := range a.Paragraphs {
		if c == nil {
			continue
		}
		out = append(out, c.Text)
		out = appendItems(out, c.Items)
	}
	return out
}

func appendItems(out []string, items []*model.Item) []string {
	for _, it := range items {
		if it == nil {
			continue
		}
		out = append(out, it.Label+it.Text)
		out = appendItems(out, it.Items)
	}
	return out
}

// runes is the length of s in characters.
func runes(s string) int { return utf8.RuneCountInString(s) }
