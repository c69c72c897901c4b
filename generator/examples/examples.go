// Package examples picks the example queries a site's search boxes show
// (如：…) from the site's own texts when it is built, so that they fit
// whatever corpus the site holds: the defined term used most often, and
// the short title cited most often by 《…》 (a document of the corpus or
// one it only cites).
package examples

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// Length bounds, in characters: an example is something a reader types.
const (
	maxTermRunes  = 8
	maxTitleRunes = 16
)

// Queries returns up to two example queries for c, best first; none for
// a corpus with neither terms nor citations.
func Queries(c *model.Corpus) []string {
	var out []string
	if t := topTerm(c); t != "" {
		out = append(out, t)
	}
	if t := topTitle(c); t != "" && (len(out) == 0 || t != out[0]) {
		out = append(out, t)
	}
	return out
}

// Placeholder is the queries as a search box's hint: 如：定期谈话、某某条例;
// "" when there are none.
func Placeholder(queries []string) string {
	if len(queries) == 0 {
		return ""
	}
	return "如：" + strings.Join(queries, "、")
}

// topTerm is the defined term (or abbreviation, acronym) used most often.
func topTerm(c *model.Corpus) string {
	best, uses := "", 0
	for _, t := range c.Terms {
		switch t.Kind {
		case model.TermDefined, model.TermAbbreviation, model.TermAcronym:
		default:
			continue
		}
		n := utf8.RuneCountInString(t.Term)
		if n < 2 || n > maxTermRunes || strings.ContainsAny(t.Term, "《》") {
			continue
		}
		if len(t.Occurrences) > uses || (len(t.Occurrences) == uses && t.Term < best) {
			best, uses = t.Term, len(t.Occurrences)
		}
	}
	return best
}

// topTitle is the short title that 《…》 citations name most often.
func topTitle(c *model.Corpus) string {
	titles := map[string]string{}
	for _, d := range c.Documents {
		titles[d.ID] = d.Title
	}
	count := map[string]int{}
	for _, r := range c.References {
		if r.Kind != "citation" {
			continue
		}
		title := r.Title
		if r.To != nil && titles[r.To.Document] != "" {
			title = titles[r.To.Document]
		}
		if n := utf8.RuneCountInString(title); n >= 4 && n <= maxTitleRunes {
			count[title]++
		}
	}
	list := make([]string, 0, len(count))
	for t := range count {
		list = append(list, t)
	}
	slices.SortFunc(list, func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
