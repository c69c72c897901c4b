package address

import (
	"path"
	"strconv"
	"strings"

	"tiaoli/generator/model"
)

// DocumentAnchors gives every anchor on the pages of a document: its
// headings, its sections and the 款, 项 and 目 of its articles.
func DocumentAnchors(d *model.Document) {
	headingAnchors(d.Headings)
	sectionAnchors(d.Sections, "s")
	for _, a := range d.Articles {
		if a != nil {
			ArticleAnchors(a)
		}
	}
}

// levelNames are the ASCII names of the division levels in anchors.
var levelNames = map[string]string{"编": "bian", "分编": "fenbian", "章": "zhang", "节": "jie"}

// headingAnchors names the 编, 分编, 章 and 节 headings of a document page.
// A numbered heading is the path of the numbered divisions it stands
// under, itself included: bian2-zhang1-jie3 is 第二编 第一章 第三节. An
// unnumbered one (总则 printed alone) is h and its place among the
// headings: h5.
func headingAnchors(hs []model.Heading) {
	var stack []int
	for i := range hs {
		h := &hs[i]
		for len(stack) > 0 && hs[stack[len(stack)-1]].Depth >= h.Depth {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, i)
		if h.Number <= 0 {
			h.Anchor = "h" + strconv.Itoa(i+1)
			continue
		}
		var parts []string
		for _, j := range stack {
			if hs[j].Number > 0 {
				parts = append(parts, levelNames[hs[j].Level]+strconv.Itoa(hs[j].Number))
			}
		}
		h.Anchor = strings.Join(parts, "-")
	}
}

// sectionAnchors names the sections of a document without 条 by their
// path: s2 for the second top-level section, s2-1 for the first inside it.
func sectionAnchors(secs []*model.Section, prefix string) {
	for i, s := range secs {
		if s == nil {
			continue
		}
		s.Anchor = prefix + strconv.Itoa(i+1)
		sectionAnchors(s.Sections, s.Anchor+"-")
	}
}

// ArticleAnchors gives every 款, 项 and 目 of a its anchor on the article
// page: p2 for 第二款 (by position: a 款 has no printed number), p2-i3 for
// the 项 printed （三） in it and p2-i3-m1 for the 目 printed 1. under that
// 项. 项 and 目 go by their printed number, so that the anchor of （三) is
// i3 even when the list skips （二）, and a citation of 第（三）项 finds it.
// An item without a number takes its position; a number printed twice in
// one list gets -2, -3 after its second and later uses (p2-i3-2). The
// article's notes are n1, n2 … in order.
func ArticleAnchors(a *model.Article) {
	for i, c := range a.Clauses {
		if c == nil {
			continue
		}
		c.Anchor = clauseAnchor(i + 1)
		itemAnchors(c.Items, i+1, "")
	}
	for i, n := range a.Notes {
		if n != nil {
			n.Anchor = "n" + strconv.Itoa(i+1)
		}
	}
}

// itemAnchors names the items of one list: those of 款 clause by their
// number, or with clause 0 those of an item whose anchor is prefix, and
// their 目 after them.
func itemAnchors(items []*model.Item, clause int, prefix string) {
	for i, it := range items {
		if it == nil {
			continue
		}
		n := ItemNumber(it, i+1)
		it.Anchor = itemAnchor(clause, prefix, n)
		if times := numberedBefore(items[:i], n) + 1; times > 1 {
			it.Anchor += "-" + strconv.Itoa(times)
		}
		itemAnchors(it.Items, 0, it.Anchor)
	}
}

// The anchors of the first 款 of an article and of the first items in
// them are made once: every article has them, and making them again for
// each took a third of Assign on a large corpus.
const (
	madeClauses = 12 // 款 of an article
	madeItems   = 24 // items of a 款
)

var (
	madeClauseAnchors = [madeClauses + 1]string{}
	madeItemAnchors   = [madeClauses + 1][madeItems + 1]string{}
)

func init() {
	for c := 1; c <= madeClauses; c++ {
		madeClauseAnchors[c] = "p" + strconv.Itoa(c)
		for n := 1; n <= madeItems; n++ {
			madeItemAnchors[c][n] = madeClauseAnchors[c] + "-i" + strconv.Itoa(n)
		}
	}
}

// clauseAnchor is the anchor of the i-th 款 of an article (from 1).
func clauseAnchor(i int) string {
	if i <= madeClauses {
		return madeClauseAnchors[i]
	}
	return "p" + strconv.Itoa(i)
}

// itemAnchor is the anchor of the item numbered n of the i-th 款 of an
// article (from 1) or, with i 0, of the 目 numbered n of the item whose
// anchor is prefix.
func itemAnchor(i int, prefix string, n int) string {
	switch {
	case i == 0:
		return prefix + "-m" + strconv.Itoa(n)
	case i <= madeClauses && n >= 1 && n <= madeItems:
		return madeItemAnchors[i][n]
	}
	return clauseAnchor(i) + "-i" + strconv.Itoa(n)
}

// numberedBefore counts the items of list that go by number n. A list is
// short: counting costs less than a map of the numbers seen.
func numberedBefore(list []*model.Item, n int) int {
	count := 0
	for i, it := range list {
		if it != nil && ItemNumber(it, i+1) == n {
			count++
		}
	}
	return count
}

// ItemNumber is the number a 项 or 目 is cited and anchored by: its
// printed number, or position (from 1) in its list when it has none.
func ItemNumber(it *model.Item, position int) int {
	if it.Number > 0 {
		return it.Number
	}
	return position
}

// partPrefixes start the ids of the paragraphs of each part of a document
// page: b2 in the body of a news item or other document, pre1 in a
// preamble, app1 in an appendix.
var partPrefixes = map[string]string{"": "b", "preamble": "pre", "appendix": "app"}

// PartPrefix is the start of the ids of the paragraphs of a part of a
// document page ("preamble", "appendix", or "" for the body): the n-th
// paragraph is PartPrefix(part) followed by n.
func PartPrefix(part string) string { return partPrefixes[part] }

// SectionPrefix is the start of the ids of the paragraphs of a section:
// s2-1-p3 is the third paragraph of section s2-1.
func SectionPrefix(s *model.Section) string { return s.Anchor + "-p" }

// CitedAnchor is the anchor, on the page of documents cited but not in
// the corpus, of one cited by title: c- and a short hash of the title.
func CitedAnchor(title string) string { return "c-" + hash(title)[:10] }

// DocumentAnchor is the anchor, on its document's page, of article a (a5:
// the last element of its URL) or, given the anchor of a place on the
// article's own page (p2-i3), of that place (a5-p2-i3).
func DocumentAnchor(a *model.Article, anchor string) string {
	slug := path.Base(strings.TrimSuffix(a.URL, "/"))
	if anchor == "" {
		return slug
	}
	return slug + "-" + anchor
}
