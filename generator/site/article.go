package site

import (
	"html/template"
	"path"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// articlePage is the page of one article (条).
type articlePage struct {
	Chrome   Chrome
	Head     docHead
	Crumbs   []linkItem // the document, then its 编/章/节
	Label    string
	Text     template.HTML
	Prev     *linkItem
	Next     *linkItem
	Cites    []refRow
	CitedBy  []refRow
	Terms    []termRow
	Variants []variantRow
	// Versions follows the article into the other versions of its work.
	Versions *articleVersions
	// Citation is 《title》第五条; CiteURL the page's address as readers
	// copy it (the script puts the full address in).
	Citation, CiteURL string
}

func (w *worker) articlePage(d *model.Document, i int) error {
	r := w.r
	a := d.Articles[i]
	p := fromPage{root: rootOf(a.URL), url: a.URL}
	shared := w.articleDoc(d, p)
	pg := articlePage{Chrome: r.chrome(a.URL, a.Label+" · "+d.Title, "regulation", "article"),
		Head: shared.head, Label: a.Label, Citation: shared.citeTitle + a.Label, CiteURL: r.opts.Base + a.URL}
	pg.Crumbs = crumbs(linkItem{Href: pg.Head.DocHref, Text: d.Title}, d, i, p)
	if prev := neighbour(d.Articles, i, -1); prev != nil {
		pg.Chrome.Prev = p.href(prev.URL)
		pg.Prev = &linkItem{Href: pg.Chrome.Prev, Text: prev.Label}
	}
	if next := neighbour(d.Articles, i, +1); next != nil {
		pg.Chrome.Next = p.href(next.URL)
		pg.Next = &linkItem{Href: pg.Chrome.Next, Text: next.Label}
	}
	w.article(&w.txt, a, p, articleMode{cite: true})
	pg.Text = w.txt.take()
	at := place{d.ID, a.Label}
	pg.Cites = w.cites(at, p)
	pg.CitedBy = w.citedBy(at, p)
	pg.Terms = r.termRows(r.termsAt[at], p)
	pg.Variants = r.variants(d, a.Label, p)
	pg.Versions = r.articleVersions(d, i, p)
	return w.page("article", a.URL, pg)
}

// articleDoc is what the pages of a document's articles share. A worker
// makes it for the document whose articles it renders, which come one
// after another, instead of again for each article.
type articleDoc struct {
	d *model.Document
	// up is the folder above the folder of the pages it was made for:
	// the links of pages whose folders share it are the same.
	up        string
	head      docHead
	citeTitle string // the document's title as a citation gives it
}

// articleDoc returns what the article page p of d shares with the other
// article pages of d, making it when the worker's is for another document
// or place.
func (w *worker) articleDoc(d *model.Document, p fromPage) *articleDoc {
	folder := p.url[:strings.LastIndexByte(p.url, '/')+1]
	up := path.Dir(strings.TrimSuffix(folder, "/"))
	if s := w.shared; s != nil && s.d == d && s.up == up {
		return s
	}
	w.shared = &articleDoc{d: d, up: up, head: w.r.head(d, p), citeTitle: lookup.CiteTitle(d.ListedTitle())}
	return w.shared
}

// neighbour is the nearest element of list before (step -1) or after
// (step +1) index i that is not nil, or nil.
func neighbour[T any](list []*T, i, step int) *T {
	for j := i + step; j >= 0 && j < len(list); j += step {
		if list[j] != nil {
			return list[j]
		}
	}
	return nil
}

// crumbs are doc, then the 编, 章 and 节 article i of d stands under,
// outermost first, each linking to its heading on the document page.
// Without headings the article's path is shown as text.
func crumbs(doc linkItem, d *model.Document, i int, p fromPage) []linkItem {
	var stack []int
	for hi, h := range d.Headings {
		if h.Article > i {
			break
		}
		for len(stack) > 0 && d.Headings[stack[len(stack)-1]].Depth >= h.Depth {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, hi)
	}
	out := make([]linkItem, 1, 1+max(len(stack), len(d.Articles[i].Path)))
	out[0] = doc
	for _, hi := range stack {
		h := d.Headings[hi]
		out = append(out, linkItem{Href: p.href(d.URL) + "#" + h.Anchor, Text: h.Text()})
	}
	if len(out) == 1 {
		for _, t := range d.Articles[i].Path {
			out = append(out, linkItem{Text: t})
		}
	}
	return out
}

// sectionPage is the page of a top-level section of a document without 条.
type sectionPage struct {
	Chrome Chrome
	Head   docHead
	Crumbs []linkItem
	// Anchor is the section's anchor (s2): a reference to the section
	// links its page at it (lookup.Target.URL).
	Anchor     string
	Heading    string
	Text       template.HTML
	Prev, Next *linkItem
}

func (w *worker) sectionPage(d *model.Document, i int) error {
	s := d.Sections[i]
	p := fromPage{root: rootOf(s.URL), url: s.URL}
	name := strings.TrimSpace(s.Label + s.Title)
	pg := sectionPage{Chrome: w.r.chrome(s.URL, name+" · "+d.Title, navOf(d), "section"),
		Head: w.r.head(d, p), Anchor: s.Anchor, Heading: name}
	pg.Crumbs = []linkItem{{Href: pg.Head.DocHref, Text: d.Title}}
	if prev := neighbour(d.Sections, i, -1); prev != nil {
		pg.Prev = &linkItem{Href: p.href(prev.URL), Text: prev.Label + prev.Title}
		pg.Chrome.Prev = p.href(prev.URL)
	}
	if next := neighbour(d.Sections, i, +1); next != nil {
		pg.Next = &linkItem{Href: p.href(next.URL), Text: next.Label + next.Title}
		pg.Chrome.Next = p.href(next.URL)
	}
	w.body(&w.txt, s.Body, address.SectionPrefix(s), p)
	for _, sub := range s.Sections {
		if sub != nil {
			w.section(&w.txt, sub, 1, p, "")
		}
	}
	pg.Text = w.txt.take()
	return w.page("section", s.URL, pg)
}
