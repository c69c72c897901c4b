package audit

import (
	"maps"
	"slices"
	"strings"

	"tiaoli/generator/model"
)

// madeUpTitle finds cited titles that are no title: the words before 法 in
// 应当认定为刑法第十条 taken for the name of a law (《应当认定为刑法》), or the
// clause before a citation taken as what an abbreviation stands for
// (正确适用《…》). A cited title is known when it is the title of a
// document of the corpus, its short form (without 中华人民共和国 or 中国共产党),
// or printed in 《》 somewhere in the corpus: a title d does not know
// itself makes a finding that holds while no other document knows it
// (RunKept).
func madeUpTitle(x *scan, d *model.Document) []Finding {
	c := x.c
	var out []Finding
	eachLink(x, func(u unit, l model.Link) {
		switch {
		case l.Kind == "reference" && l.Reference >= 0 && l.Reference < len(c.References):
			r := c.References[l.Reference]
			if t := foldTitle(r.Title); r.External && r.Title != "" && !x.knows(t) {
				f := find(d, u.Position, u.URL(), "引用的标题不是标题："+clip(r.Title, 30))
				f.unknown = t
				out = append(out, f)
			}
		case l.Kind == "term" && l.Definition && l.Term >= 0 && l.Term < len(c.Terms):
			t := c.Terms[l.Term]
			if t.Kind == model.TermAbbreviation && madeUpExpansion(t) {
				out = append(out, find(d, u.Position, u.URL(), "简称“"+t.Term+"”所指不是标题："+clip(t.Expansion, 30)))
			}
		}
	})
	return out
}

// madeUpExpansion reports whether an abbreviation that is not itself a
// title in 《》 stands for words around a citation rather than the
// citation (依照《中华人民共和国刑法》 for 刑法).
func madeUpExpansion(t *model.Term) bool {
	e := strings.TrimSpace(t.Expansion)
	i := strings.Index(e, "《")
	return i >= 0 && titleLike(t.Term) && (i > 0 || !strings.HasSuffix(e, "》"))
}

// titleLike reports whether an abbreviation reads as a short title: in
// 《》, or ending as the name of a law or rule does.
func titleLike(term string) bool {
	if strings.Contains(term, "《") {
		return true
	}
	for _, s := range []string{"法", "条例", "规定", "办法", "细则", "规则", "解释", "决定", "准则", "意见", "通知"} {
		if strings.HasSuffix(term, s) {
			return true
		}
	}
	return false
}

// titlePrefixes are left out of a short title.
var titlePrefixes = []string{"中华人民共和国", "中国共产党"}

// titles are the folded titles that the document us are the units of
// makes known to the corpus: its title, the titles printed in 《》 in it
// and in its texts, and their short forms; sorted, each once.
func titles(d *model.Document, us []unit) []string {
	known := map[string]bool{}
	add := func(t string) {
		t = foldTitle(t)
		known[t] = true
		for _, p := range titlePrefixes {
			if s := strings.TrimPrefix(t, p); s != t {
				known[s] = true
			}
		}
	}
	add(d.Title)
	for _, t := range bracketed(d.Title) {
		add(t)
	}
	for _, u := range us {
		for _, t := range bracketed(u.Text) {
			add(t)
		}
	}
	return slices.Sorted(maps.Keys(known))
}

// bracketed lists the texts printed in 《》 in s, outermost first.
func bracketed(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '《':
			if depth == 0 {
				start = i + len("《")
			}
			depth++
		case '》':
			if depth == 1 {
				out = append(out, s[start:i])
				out = append(out, bracketed(s[start:i])...)
			}
			depth = max(0, depth-1)
		}
	}
	return out
}

// foldTitle folds what titles vary in: spaces, bracket widths, an outer 《》.
func foldTitle(t string) string {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "《") && strings.HasSuffix(t, "》") {
		t = t[len("《") : len(t)-len("》")]
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '　', '\t':
			return -1
		case '（':
			return '('
		case '）':
			return ')'
		}
		return r
	}, t)
}

// eachLink calls fn for every link of every text of the document the
// scan is at, with the unit that holds it. The unit's text is as the
// link's offsets count it: an item's label is not part of it.
func eachLink(x *scan, fn func(u unit, l model.Link)) {
	for _, u := range x.linkedUnits() {
		for _, l := range u.Links {
			if l.Start >= 0 && l.Start <= l.End && l.End <= len(u.Text) {
				fn(u, l)
			}
		}
	}
}

// linkedUnits are the units us of d with each item's text as printed
// after its label (a copy: us stays as it is).
func linkedUnits(d *model.Document, us []unit) []unit {
	us = slices.Clone(us)
	var items []*model.Item
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for _, cl := range a.Clauses {
			if cl != nil {
				items = flatItems(items, cl.Items)
			}
		}
	}
	k := 0
	for i := range us {
		if us[i].Kind == "item" && k < len(items) {
			us[i].Text = items[k].Text
			k++
		}
	}
	return us
}

func flatItems(out, items []*model.Item) []*model.Item {
	for _, it := range items {
		if it != nil {
			out = append(out, it)
			out = flatItems(out, it.Items)
		}
	}
	return out
}
