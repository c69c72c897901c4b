package audit

import (
	"fmt"
	"slices"
	"strings"

	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// headingAsClause finds 款 that read as a heading: one that starts with
// the label of a 编, 章 or 节, or the last 款 of an article that is short
// and has no sentence punctuation (the title or second line of a heading,
// or an unlabelled subheading, filed under the article before it).
func headingAsClause(_ *scan, d *model.Document) []Finding {
	var out []Finding
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		out = append(out, headingClauses(d, a)...)
	}
	return out
}

func headingClauses(d *model.Document, a *model.Article) []Finding {
	var out []Finding
	last := len(a.Clauses) - 1
	for p, cl := range a.Clauses {
		if cl == nil || p == 0 {
			continue
		}
		t := strings.TrimSpace(cl.Text)
		var msg string
		switch {
		case headingLabel.MatchString(t):
			msg = fmt.Sprintf("%s第%d款以章节标签开头，疑为标题：%s", a.Label, p+1, t)
		case p == last && len(cl.Items) == 0 && headingLike(t):
			msg = fmt.Sprintf("%s末款短而无句读，疑为标题：%s", a.Label, t)
		default:
			continue
		}
		out = append(out, find(d, cl.Position, clauseURL(a, p+1), msg))
	}
	return out
}

// splitClause finds a 款 that ends in "：" with no items, followed by a
// 款 that reads as a member of its list (short, or ending in "，", "、" or
// "；"): the lines of one 款 cut into several.
func splitClause(_ *scan, d *model.Document) []Finding {
	var out []Finding
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for p := 0; p+1 < len(a.Clauses); p++ {
			cl, next := a.Clauses[p], a.Clauses[p+1]
			if cl == nil || next == nil || len(cl.Items) > 0 || !endsWithColon(cl.Text) || !listMember(next.Text) {
				continue
			}
			msg := fmt.Sprintf("%s第%d款以“：”结尾，第%d款疑为其列举的一行：%s", a.Label, p+1, p+2, next.Text)
			out = append(out, find(d, next.Position, clauseURL(a, p+2), msg))
		}
	}
	return out
}

func endsWithColon(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}

// listMember reports whether a 款 reads as one line of a list: it ends in
// a comma or an enumeration mark, or is short and has no full stop.
func listMember(s string) bool {
	s = strings.TrimSpace(s)
	for _, end := range []string{"，", "、", "；", ",", ";"} {
		if strings.HasSuffix(s, end) {
			return true
		}
	}
	return runes(s) <= 12 && !strings.Contains(s, "。")
}

// lostDivisionLabel finds a 编, 章 or 节 printed without its 第X章 label
// among siblings that print theirs (a heading whose label the source lost
// and the parser could not number from the document's count). 总则, 分则
// and 附则 printed alone are left out: codes print them without a number.
func lostDivisionLabel(_ *scan, d *model.Document) []Finding {
	var out []Finding
	for _, g := range regulation.Siblings(d.Headings) {
		if !slices.ContainsFunc(g, func(i int) bool { return d.Headings[i].Number > 0 }) {
			continue
		}
		for _, i := range g {
			if h := d.Headings[i]; h.Label == "" && !regulation.Unnumbered(h.Title) {
				out = append(out, find(d, h.Position, d.URL, fmt.Sprintf("%s标题缺少%s号，同级的%s都有编号：%s", h.Level, h.Level, h.Level, h.Title)))
			}
		}
	}
	return out
}
