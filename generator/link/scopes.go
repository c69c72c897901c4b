package link

import "tiaoli/generator/model"

// scopeLevels are the heading levels a scope narrower than the document
// but wider than an article holds in: 本节所称 the 节, 本章所称 the 章,
// 本编所称 and 本分编所称 the 编 or 分编.
var scopeLevels = map[string][]string{
	scopeSection: {"节"},
	scopeChapter: {"章"},
	scopeBook:    {"分编", "编"},
}

// sameHeading reports whether articles a and b of d stand under the same
// heading of one of levels: the innermost such heading holding a. When a
// stands under none (a document without 章 says 本章), the whole document
// counts.
func sameHeading(d *model.Document, a, b int, levels []string) bool {
	if a < 0 || b < 0 {
		return false
	}
	lo, hi := 0, len(d.Articles)
	for i, h := range d.Headings {
		if !hasLevel(levels, h.Level) || h.Article > a {
			continue
		}
		end := headingEnd(d, i)
		if a < end {
			lo, hi = h.Article, end
		}
	}
	return b >= lo && b < hi
}

// headingEnd is the index of the first article after the heading i of d
// and everything under it: where the next heading of its depth or an
// outer one starts.
func headingEnd(d *model.Document, i int) int {
	h := d.Headings[i]
	for _, n := range d.Headings[i+1:] {
		if n.Depth <= h.Depth && n.Article >= h.Article {
			return n.Article
		}
	}
	return len(d.Articles)
}

func hasLevel(levels []string, level string) bool {
	for _, l := range levels {
		if l == level {
			return true
		}
	}
	return false
}
