package site

import (
	"cmp"
	"maps"
	"slices"
	"strconv"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// docRow is a document in a list.
type docRow struct {
	Href, Title, Kicker, KindName, Date, Issuer, Status, StatusClass string
	Articles                                                         int
}

// countLink is a link to a list with the number of things in it.
type countLink struct {
	Name, Href string
	Count      int
}

// docGroup is a titled group of documents in a list page.
type docGroup struct {
	Title, ID string
	Docs      []docRow
}

// listPage lists documents in groups: of a kind by year, of a year by
// kind, or by issuer.
type listPage struct {
	Chrome  Chrome
	Heading string
	Total   int
	Groups  []docGroup
}

func (r *renderer) docRow(d *model.Document, p fromPage) docRow {
	row := docRow{Href: p.href(d.URL), Title: d.ListedTitle(), Kicker: d.Kicker, KindName: KindName(d.Kind),
		Date: docDate(d), Issuer: d.Issuer, Status: d.Status, Articles: len(d.Articles)}
	if d.Status != "" {
		row.StatusClass = statusClass(d.Status)
	}
	return row
}

// yearOf is the year of a document's date, "" when it has none.
func yearOf(d *model.Document) string {
	if s := docDate(d); len(s) >= 4 {
		return s[:4]
	}
	return ""
}

// groupBy groups documents (already in order) by a key, keeping the order
// of first appearance.
func (r *renderer) groupBy(docs []*model.Document, key func(*model.Document) string, name func(string) string, p fromPage) []docGroup {
	var out []docGroup
	index := map[string]int{}
	for _, d := range docs {
		k := key(d)
		gi, ok := index[k]
		if !ok {
			gi = len(out)
			index[k] = gi
			out = append(out, docGroup{Title: name(k), ID: groupID(k)})
		}
		out[gi].Docs = append(out[gi].Docs, r.docRow(d, p))
	}
	return out
}

// groupID is the anchor of a group in a list page.
func groupID(key string) string {
	if slug := address.Slug(key, 8); slug != "" {
		return "g-" + slug
	}
	return "g-none"
}

func orUndated(y string) string {
	if y == "" {
		return "未注日期"
	}
	return y + "年"
}

// kindLists lists the kinds present with their documents, in the order
// of model.Kinds, then any other kind by name.
func (r *renderer) kinds() []string {
	present := map[string]bool{}
	for _, d := range r.c.Documents {
		present[d.Kind] = true
	}
	var out []string
	for _, k := range model.Kinds {
		if present[k] {
			out = append(out, k)
			delete(present, k)
		}
	}
	return append(out, slices.Sorted(maps.Keys(present))...)
}

func (r *renderer) years() []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range r.byDate {
		if y := yearOf(d); !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	return out
}

func (w *worker) kindPage(kind string) error {
	r := w.r
	url := address.KindURL(kind)
	p := fromPage{root: rootOf(url), url: url}
	var docs []*model.Document
	for _, d := range r.byDate {
		if d.Kind == kind {
			docs = append(docs, d)
		}
	}
	nav := "kind-" + kind
	if kind == model.KindRegulation {
		nav = "regulation"
	}
	pg := listPage{Chrome: r.chrome(url, KindName(kind), nav, "list"), Heading: KindName(kind), Total: len(docs),
		Groups: r.groupBy(docs, yearOf, orUndated, p)}
	return w.page("list", url, pg)
}

func (w *worker) yearPage(year string) error {
	r := w.r
	url := address.YearURL(year)
	p := fromPage{root: rootOf(url), url: url}
	var docs []*model.Document
	for _, d := range r.byDate {
		if yearOf(d) == year {
			docs = append(docs, d)
		}
	}
	slices.SortStableFunc(docs, func(a, b *model.Document) int { return cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)) })
	pg := listPage{Chrome: r.chrome(url, orUndated(year), "home", "list"), Heading: orUndated(year), Total: len(docs),
		Groups: r.groupBy(docs, func(d *model.Document) string { return d.Kind }, KindName, p)}
	return w.page("list", url, pg)
}

func kindRank(kind string) int {
	for i, k := range model.Kinds {
		if k == kind {
			return i
		}
	}
	return len(model.Kinds)
}

// issuers lists the issuers by how many documents they issued, then by
// name; documents without one come last.
func (r *renderer) issuers() []countLink {
	count := map[string]int{}
	for _, d := range r.c.Documents {
		count[d.Issuer]++
	}
	out := make([]countLink, 0, len(count))
	for name, n := range count {
		out = append(out, countLink{Name: name, Count: n, Href: "i/#" + groupID(name)})
	}
	slices.SortFunc(out, func(a, b countLink) int {
		if (a.Name == "") != (b.Name == "") { // the unnamed last
			if b.Name == "" {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return out
}

func (w *worker) issuerPage() error {
	r := w.r
	const url = address.IssuersURL
	p := fromPage{root: rootOf(url), url: url}
	rank := map[string]int{}
	for i, is := range r.issuers() {
		rank[is.Name] = i
	}
	docs := append([]*model.Document(nil), r.byDate...)
	slices.SortStableFunc(docs, func(a, b *model.Document) int { return cmp.Compare(rank[a.Issuer], rank[b.Issuer]) })
	name := func(s string) string {
		if s == "" {
			return "未注明发布机关"
		}
		return s
	}
	pg := listPage{Chrome: r.chrome(url, "发布机关", "home", "list"), Heading: "按发布机关", Total: len(docs),
		Groups: r.groupBy(docs, func(d *model.Document) string { return d.Issuer }, name, p)}
	return w.page("list", url, pg)
}

// homePage is the front page.
type homePage struct {
	Chrome                         Chrome
	SiteName                       string
	Regulations                    []docRow // the newest regulations
	Recent                         []docRow
	Kinds, Years, Issuers          []countLink
	Sources                        []linkItem
	Documents, Articles, TermCount int
	Examples                       string // the search box's hint: 如：…
}

func (w *worker) homePage() error {
	r := w.r
	p := fromPage{}
	pg := homePage{Chrome: r.chrome("", "", "home", "home"), SiteName: r.opts.SiteName, Documents: len(r.c.Documents), TermCount: len(r.c.Terms),
		Examples: r.examples}
	for i, d := range r.byDate {
		if i < 12 {
			pg.Recent = append(pg.Recent, r.docRow(d, p))
		}
		if d.Kind == model.KindRegulation && len(pg.Regulations) < 8 {
			pg.Regulations = append(pg.Regulations, r.docRow(d, p))
		}
		pg.Articles += len(d.Articles)
	}
	count := map[string]int{}
	years := map[string]int{}
	for _, d := range r.c.Documents {
		count[d.Kind]++
		years[yearOf(d)]++
	}
	for _, k := range r.kinds() {
		pg.Kinds = append(pg.Kinds, countLink{Name: KindName(k), Href: address.KindURL(k), Count: count[k]})
	}
	for _, y := range r.years() {
		pg.Years = append(pg.Years, countLink{Name: orUndated(y), Href: address.YearURL(y), Count: years[y]})
	}
	issuers := r.issuers()
	pg.Issuers = issuers[:min(len(issuers), 12)]
	for i, s := range r.sourcesByDate() {
		if i == 12 {
			break
		}
		pg.Sources = append(pg.Sources, linkItem{Href: s.URL, Text: sourceName(s), Note: strconv.Itoa(len(s.Documents)) + "篇"})
	}
	return w.page("home", "", pg)
}
