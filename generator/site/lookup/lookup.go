// Package lookup finds the documents, articles, paragraphs and items of a
// corpus by the IDs and labels that locations use, and names a location as
// a citation does: 《…》第三条第二款第（三）项.
//
// URLs and anchors come from the model (package address gives them).
// The renderer and the editor's report share it. An Index is read-only
// once built and safe for concurrent use.
package lookup

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/cndate"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
)

// Index finds things in a corpus.
type Index struct {
	docs     map[string]*model.Document
	articles map[*model.Document]map[string]int
	sources  map[string]*model.Source
}

// New indexes c. Later changes to c are not seen.
func New(c *model.Corpus) *Index {
	x := &Index{
		docs:     make(map[string]*model.Document, len(c.Documents)),
		articles: make(map[*model.Document]map[string]int, len(c.Documents)),
		sources:  make(map[string]*model.Source, len(c.Sources)),
	}
	for _, d := range Firsts(c.Documents, nil) {
		x.docs[d.ID] = d
	}
	for _, d := range c.Documents {
		if len(d.Articles) > 0 {
			m := make(map[string]int, len(d.Articles))
			for i, a := range d.Articles {
				if a == nil {
					continue
				}
				if _, dup := m[a.Label]; !dup {
					m[a.Label] = i
				}
			}
			x.articles[d] = m
		}
	}
	for _, s := range c.Sources {
		x.sources[s.Path] = s
	}
	return x
}

// Firsts lists, in order, the documents of docs that an Index finds by
// their ID: of several documents of one ID, the first wins. Only the IDs
// that keep accepts are looked at (all of them when keep is nil).
func Firsts(docs []*model.Document, keep func(id string) bool) []*model.Document {
	seen := make(map[string]bool)
	var out []*model.Document
	for _, d := range docs {
		if seen[d.ID] || keep != nil && !keep(d.ID) {
			continue
		}
		seen[d.ID] = true
		out = append(out, d)
	}
	return out
}

// Document returns the document with an ID, or nil.
func (x *Index) Document(id string) *model.Document { return x.docs[id] }

// Source returns the source read from a path, or nil.
func (x *Index) Source(path string) *model.Source { return x.sources[path] }

// Article returns the index of the first article of d with a label, or -1.
func (x *Index) Article(d *model.Document, label string) int {
	if i, ok := x.articles[d][label]; ok {
		return i
	}
	return -1
}

// Target is what a location points at, found in the corpus.
type Target struct {
	Doc     *model.Document
	Article *model.Article // nil outside the articles
	// Paragraph, Item and Subitem count from 1; 0 means the whole unit.
	Paragraph, Item, Subitem int
	// Part is "preamble" or "appendix" for text outside the articles.
	Part string
	// Section is the section of a document without 条 that holds the
	// text, SectionPath its 1-based path ("2.1") and Page the URL of the
	// top-level section's page.
	Section     *model.Section
	SectionPath string
	Page        string
	// Text is the text of the paragraph or item, "" for a whole article or
	// document.
	Text string
	// Links are the links inside Text.
	Links []model.Link
}

// Resolve finds what l points at. It reports false when the document,
// article, section, paragraph or item does not exist; the target then
// holds as much as was found.
func (x *Index) Resolve(l model.Location) (Target, bool) {
	d := x.docs[l.Document]
	if d == nil {
		return Target{}, false
	}
	t := Target{Doc: d, Paragraph: l.Paragraph, Item: l.Item, Subitem: l.Subitem, Part: l.Part}
	switch {
	case l.Section != "":
		return resolveSection(t, l.Section)
	case l.Part == "preamble":
		return t.paragraph(d.Preamble)
	case l.Part == "appendix":
		return t.paragraph(d.Appendix)
	case l.Article == "":
		if len(d.Articles) > 0 || len(d.Sections) > 0 {
			return t, t.Paragraph <= 0 // a regulation's body is not shown
		}
		return t.paragraph(d.Body)
	}
	i := x.Article(d, l.Article)
	if i < 0 {
		return t, false
	}
	t.Article = d.Articles[i]
	return t.clause()
}

// clause finds the 款, 项 and 目 of a target inside its article.
func (t Target) clause() (Target, bool) {
	if t.Paragraph <= 0 {
		return t, t.Item <= 0
	}
	if t.Paragraph > len(t.Article.Clauses) || t.Article.Clauses[t.Paragraph-1] == nil {
		return t, false
	}
	c := t.Article.Clauses[t.Paragraph-1]
	t.Text, t.Links = c.Text, c.Links
	if t.Item <= 0 {
		return t, true
	}
	if t.Item > len(c.Items) || c.Items[t.Item-1] == nil {
		return t, false
	}
	it := c.Items[t.Item-1]
	t.Text, t.Links = it.Text, it.Links
	if t.Subitem <= 0 {
		return t, true
	}
	if t.Subitem > len(it.Items) || it.Items[t.Subitem-1] == nil {
		return t, false
	}
	sub := it.Items[t.Subitem-1]
	t.Text, t.Links = sub.Text, sub.Links
	return t, true
}

// paragraph finds a paragraph of running text.
func (t Target) paragraph(ps []model.Paragraph) (Target, bool) {
	if t.Paragraph <= 0 {
		return t, true
	}
	if t.Paragraph > len(ps) {
		return t, false
	}
	p := ps[t.Paragraph-1]
	t.Text, t.Links = p.Text, p.Links
	return t, true
}

// resolveSection finds a section by its path and a paragraph in it.
func resolveSection(t Target, path string) (Target, bool) {
	secs := t.Doc.Sections
	for i, part := range strings.Split(path, ".") {
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 || n > len(secs) || secs[n-1] == nil {
			return t, false
		}
		if i == 0 {
			t.Page = secs[n-1].URL
		}
		t.Section = secs[n-1]
		secs = t.Section.Sections
	}
	t.SectionPath = path
	return t.paragraph(t.Section.Body)
}

// URL is the root-relative URL of the page and anchor of a target:
// d/x/a3/#p2-i3, d/x/#b2 for a body paragraph, d/x/#pre1 for the
// preamble, d/x/s2/#s2-1-p1 inside a section, d/x/ for a document.
func (t Target) URL() string {
	switch {
	case t.Doc == nil:
		return ""
	case t.Article != nil:
		return t.Article.URL + Anchor(t.Article, t.Paragraph, t.Item, t.Subitem)
	case t.Section != nil:
		page := t.Page
		if page == "" {
			page = t.Doc.URL
		}
		if t.Paragraph > 0 {
			return fmt.Sprintf("%s#%s%d", page, address.SectionPrefix(t.Section), t.Paragraph)
		}
		return page + "#" + t.Section.Anchor
	case t.Paragraph > 0:
		return fmt.Sprintf("%s#%s%d", t.Doc.URL, address.PartPrefix(t.Part), t.Paragraph)
	}
	return t.Doc.URL
}

// Anchor is the fragment, on the page of article a, of its 款 paragraph,
// 项 item and 目 subitem (positions from 1, as in a Location): the anchor
// package address gave the innermost of them that exists (#p2, #p2-i3,
// #p2-i3-m1), "" for the whole article.
func Anchor(a *model.Article, paragraph, item, subitem int) string {
	c := unit(a.Clauses, paragraph)
	if c == nil {
		return ""
	}
	anchor := c.Anchor
	if it := unit(c.Items, item); it != nil {
		anchor = it.Anchor
		if sub := unit(it.Items, subitem); sub != nil {
			anchor = sub.Anchor
		}
	}
	if anchor == "" {
		return ""
	}
	return "#" + anchor
}

// unit is the n-th (from 1) of list, or nil.
func unit[T any](list []*T, n int) *T {
	if n < 1 || n > len(list) {
		return nil
	}
	return list[n-1]
}

// Where names the part of a target inside its document as a citation
// does: 第三条第二款第（三）项. The 款 is left out when the article has only
// one. Other text is named by its part or section and paragraph: 序言第2段,
// 修改决定第1段 in the decision that amends a text and prints it whole.
func (t Target) Where() string {
	switch {
	case t.Article != nil:
		return Where(t.Article, t.Paragraph, t.Item, t.Subitem)
	case t.Section != nil:
		w := strings.TrimSpace(t.Section.Label + t.Section.Title)
		if t.Paragraph > 0 {
			w += fmt.Sprintf("第%d段", t.Paragraph)
		}
		return w
	case t.Paragraph > 0 && t.Part == "preamble" && t.Paragraph <= t.Doc.Decision:
		return fmt.Sprintf("修改决定第%d段", t.Paragraph) // the decision printed before the text
	case t.Paragraph > 0:
		return partNames[t.Part] + fmt.Sprintf("第%d段", t.Paragraph)
	}
	return ""
}

var partNames = map[string]string{"preamble": "序言", "appendix": "附件"}

// Where names the 款 paragraph, 项 item and 目 subitem (positions from 1,
// 0 for none) of article a as a citation does: 第三条第二款第（三）项第1目.
// The 款 is left out when the article has only one; 项 and 目 are named by
// their printed numbers, so the item （三） of a list that skips （二） is
// 第（三）项.
func Where(a *model.Article, paragraph, item, subitem int) string {
	var b strings.Builder
	b.Grow(len(a.Label) + 36) // room for 款, 项 and 目 without growing
	b.WriteString(a.Label)
	if paragraph <= 0 {
		return b.String()
	}
	if len(a.Clauses) != 1 {
		b.WriteString(label.Text(label.Paragraph, paragraph))
	}
	if item <= 0 {
		return b.String()
	}
	var it, sub *model.Item
	if c := unit(a.Clauses, paragraph); c != nil {
		it = unit(c.Items, item)
	}
	if it != nil {
		sub = unit(it.Items, subitem)
	}
	b.WriteString(label.Text(label.Item, itemNumber(it, item)))
	if subitem > 0 {
		b.WriteString(label.Text(label.Subitem, itemNumber(sub, subitem)))
	}
	return b.String()
}

// itemNumber is the number of it at a position, the position when there
// is no such item.
func itemNumber(it *model.Item, position int) int {
	if it == nil {
		return position
	}
	return address.ItemNumber(it, position)
}

// Citation is the full citation of a target: 《title》第三条第二款, or a
// news item's headline (see Cite).
func (t Target) Citation() string {
	if t.Doc == nil {
		return ""
	}
	return Cite(t.Doc) + t.Where()
}

// WhereThrough names the stretch from t through end (a reference's
// range: 前两款, 第十条至第十二条) as a citation does, the article and 款
// they share named once: 第五条第一款至第二款, 第十条至第十二条. It is
// Where when end is no other place of t's document (the zero Target for
// none).
func (t Target) WhereThrough(end Target) string {
	w := t.Where()
	if end.Doc != t.Doc || t.Article == nil || end.Article == nil {
		return w
	}
	e := end.Where()
	if e == w {
		return w
	}
	if end.Article == t.Article {
		shared := t.Article.Label
		if end.Paragraph == t.Paragraph {
			shared = Where(t.Article, t.Paragraph, 0, 0)
		}
		e = strings.TrimPrefix(e, shared)
	}
	return w + "至" + e
}

// CitationThrough is Citation with the stretch of WhereThrough.
func (t Target) CitationThrough(end Target) string {
	if t.Doc == nil {
		return ""
	}
	return Cite(t.Doc) + t.WhereThrough(end)
}

// Cite names a document as a citation does: the title of a regulation or
// a notice as CiteTitle gives it (its title as listed, with the version
// mark reconcile took off it), the headline of a news item, a photo or
// any other item of a page as printed (it may hold 《》 of its own).
func Cite(d *model.Document) string {
	switch d.Kind {
	case model.KindRegulation, model.KindNotice:
		return CiteTitle(d.ListedTitle())
	}
	return d.Title
}

// CiteTitle is a title in 《》 as a citation gives it (Quote). A version
// mark the title carries stands after the 《》 in brackets, since it is no
// part of the title: 《中国共产党纪律处分条例》（2015）, 《刑法》（2020年修订）.
func CiteTitle(title string) string {
	title = strings.TrimSuffix(strings.TrimPrefix(title, "《"), "》")
	mark := reconcile.VersionMark(title)
	if mark == "" {
		return Quote(title)
	}
	if !strings.HasPrefix(mark, "（") && !strings.HasPrefix(mark, "(") {
		mark = "（" + mark + "）"
	}
	return Quote(reconcile.BareTitle(title)) + mark
}

// innerMarks turns the book-title marks of a title into the single ones
// a title inside 《》 takes.
var innerMarks = strings.NewReplacer("《", "〈", "》", "〉")

// Quote is a title in book-title marks, as the site names a work
// anywhere: a title that names another work inside it takes single marks
// for that one (GB/T 15834): 《浙江省实施〈中华人民共和国节约能源法〉办法》,
// not 《浙江省实施《中华人民共和国节约能源法》办法》.
func Quote(title string) string {
	return "《" + innerMarks.Replace(title) + "》"
}

// Cited lists the documents cited by title but not in the corpus: those
// of c.Cited, then the titles of external references that list lacks,
// each with the places that cite it.
func Cited(c *model.Corpus) []*model.CitedDocument {
	out := append([]*model.CitedDocument(nil), c.Cited...)
	index := map[string]int{}
	for i, cd := range out {
		index[cd.Title] = i
	}
	for _, r := range c.References {
		if !r.External || r.Title == "" {
			continue
		}
		if _, ok := index[r.Title]; ok {
			continue
		}
		index[r.Title] = len(out)
		out = append(out, &model.CitedDocument{Title: r.Title})
	}
	extra := len(c.Cited)
	for _, r := range c.References {
		if i, ok := index[r.Title]; ok && r.External && i >= extra {
			out[i].CitedBy = append(out[i].CitedBy, r.From)
		}
	}
	return out
}

// LaterVersion says, when a reference made in from leads to a version made
// after from was written, the dates of both (YYYY-MM-DD, or a year alone
// when either is known by its year only): the version from cites is not
// in the corpus, and the one linked may number its articles otherwise (a
// rule of 1991 citing 刑事诉讼法第九十六条 means the law of 1979, whose
// 第九十六条 is not the one of its 2018 text). A version is dated by its
// publication, a citing text by its publication, its own date or the day
// it takes effect; ok is false when either date is unknown or the version
// is not later.
func LaterVersion(from, to *model.Document) (cited, linked string, ok bool) {
	if from == nil || to == nil || from.ID == to.ID {
		return "", "", false
	}
	written := cmp.Or(from.Published, from.Date, from.ValidFrom)
	made := cmp.Or(to.Published, to.Date)
	if len(written) == 4 || len(made) == 4 { // a year alone: compare years
		written, made = cndate.Year(written), cndate.Year(made)
	}
	if written == "" || made == "" || made <= written {
		return "", "", false
	}
	return written, made, true
}
