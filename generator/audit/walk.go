package audit

import (
	"slices"

	"tiaoli/generator/model"
)

// scan is what the checks of a Run share: the corpus, the document they
// are at and its units, and what they learn of the whole corpus once.
type scan struct {
	c       *model.Corpus
	d       *model.Document
	units   []unit   // of d
	linked  []unit   // of d, with the texts links count in (linkedUnits); nil until asked for
	known   []string // the titles d makes known (titles), sorted; nil until asked for
	sources map[string]*model.Source
}

// at moves the scan to the document d.
func (x *scan) at(d *model.Document) {
	x.d, x.units, x.linked, x.known = d, units(d), nil, nil
}

// linkedUnits are the units of the document the scan is at, with the
// texts their links count in.
func (x *scan) linkedUnits() []unit {
	if x.linked == nil {
		x.linked = linkedUnits(x.d, x.units)
	}
	return x.linked
}

// titles are the titles the document the scan is at makes known
// (titles), found once.
func (x *scan) titles() []string {
	if x.known == nil {
		x.known = titles(x.d, x.units)
	}
	return x.known
}

// knows reports whether the document the scan is at makes the folded
// title t known.
func (x *scan) knows(t string) bool {
	_, ok := slices.BinarySearch(x.titles(), t)
	return ok
}

// sourcesByPath maps the path of every source to it, mapped once.
func (x *scan) sourcesByPath() map[string]*model.Source {
	if x.sources == nil {
		x.sources = make(map[string]*model.Source, len(x.c.Sources))
		for _, s := range x.c.Sources {
			x.sources[s.Path] = s
		}
	}
	return x.sources
}

// unit is one piece of text as the parser filed it: a 款, a 项, a
// paragraph of a preamble, section, appendix or body.
type unit struct {
	model.Paragraph
	Kind string // "clause", "item", "preamble", "section", "appendix", "body"
	// Article is the article holding a 款 or 项, nil otherwise.
	Article *model.Article
	// clause is the place (from 1) of the 款 that is or holds a unit of
	// an article; page is the URL of the page of any other.
	clause int
	page   string
}

// URL is the page that shows the unit: a 款 or 项 at its 款's anchor. It
// is made when asked for: most units have no finding.
func (u unit) URL() string {
	if u.Article != nil {
		return clauseURL(u.Article, u.clause)
	}
	return u.page
}

// units lists the texts of d in reading order, as filed: the structure of
// a regulation when it has one, its body otherwise.
func units(d *model.Document) []unit {
	out := make([]unit, 0, countUnits(d))
	for _, p := range d.Preamble {
		out = append(out, unit{Paragraph: p, page: d.URL, Kind: "preamble"})
	}
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for i, cl := range a.Clauses {
			if cl == nil {
				continue
			}
			out = append(out, unit{Paragraph: cl.Paragraph, Kind: "clause", Article: a, clause: i + 1})
			out = itemUnits(out, cl.Items, a, i+1)
		}
	}
	out = sectionUnits(out, d.Sections, d.URL)
	for _, p := range d.Appendix {
		out = append(out, unit{Paragraph: p, page: d.URL, Kind: "appendix"})
	}
	if len(d.Articles) == 0 && len(d.Sections) == 0 && len(d.Preamble) == 0 {
		for _, p := range d.Body {
			out = append(out, unit{Paragraph: p, page: d.URL, Kind: "body"})
		}
	}
	return out
}

// countUnits is how many units d has, for units to make its list at its
// length (it runs several times over the corpus for each audit).
func countUnits(d *model.Document) int {
	n := len(d.Preamble) + len(d.Appendix)
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for _, cl := range a.Clauses {
			if cl != nil {
				n += 1 + countItems(cl.Items)
			}
		}
	}
	n += countSections(d.Sections)
	if len(d.Articles) == 0 && len(d.Sections) == 0 && len(d.Preamble) == 0 {
		n += len(d.Body)
	}
	return n
}

func countItems(items []*model.Item) int {
	n := 0
	for _, it := range items {
		if it != nil {
			n += 1 + countItems(it.Items)
		}
	}
	return n
}

func countSections(ss []*model.Section) int {
	n := 0
	for _, s := range ss {
		if s != nil {
			n += len(s.Body) + countSections(s.Sections)
		}
	}
	return n
}

func itemUnits(out []unit, items []*model.Item, a *model.Article, clause int) []unit {
	for _, it := range items {
		if it == nil {
			continue
		}
		p := it.Paragraph
		p.Text = it.Label + p.Text
		out = append(out, unit{Paragraph: p, Kind: "item", Article: a, clause: clause})
		out = itemUnits(out, it.Items, a, clause)
	}
	return out
}

func sectionUnits(out []unit, ss []*model.Section, url string) []unit {
	for _, s := range ss {
		if s == nil {
			continue
		}
		u := url
		if s.URL != "" {
			u = s.URL
		}
		for _, p := range s.Body {
			out = append(out, unit{Paragraph: p, page: u, Kind: "section"})
		}
		out = sectionUnits(out, s.Sections, u)
	}
	return out
}
