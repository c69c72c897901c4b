package site

import (
	"cmp"
	"encoding/json"
	"html/template"
	"slices"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// termPage is the page of one term.
type termPage struct {
	Chrome    Chrome
	Term      *model.Term
	KindName  string
	CountNote string // a named list whose count does not match
	DefinedIn *linkItem
	Defining  template.HTML // the sentence that defines it
	Groups    []occGroup
	Total     int
	ScopeName string
	termLinks
}

// termLinks are the other terms the page of a term links to, each to its
// page when the corpus has one (termLink): KindOf the term it is a kind
// of, Includes the kinds it includes, Acronym its acronym.
type termLinks struct {
	KindOf   *linkItem
	Includes []linkItem
	Acronym  *linkItem
}

// linksOf lists the other terms the page of t, p, links to.
func (r *renderer) linksOf(t *model.Term, p fromPage) termLinks {
	var ls termLinks
	if t.KindOf != "" {
		l := r.termLink(t, t.KindOf, p)
		ls.KindOf = &l
	}
	if t.Acronym != "" {
		l := r.termLink(t, t.Acronym, p)
		ls.Acronym = &l
	}
	for _, name := range t.Includes {
		ls.Includes = append(ls.Includes, r.termLink(t, name, p))
	}
	return ls
}

// scopeNames say in Chinese where a term applies.
var scopeNames = map[string]string{
	"corpus": "全部文件", "document": "本文件及刊载它的新闻", "rest": "自定义处至本文件末尾", "article": "本条",
	"book": "本编", "chapter": "本章", "section": "本节",
}

// docTerm names a term by the document that defines it and its name.
type docTerm struct{ doc, term string }

// termLink links a term that another names (the kind it belongs to, the
// kinds it includes, its acronym): the one of that name its own document
// defines, else the first of that name in the corpus; text alone when
// the corpus has none.
func (r *renderer) termLink(of *model.Term, name string, p fromPage) linkItem {
	if url := r.namedTermURL(of, name); url != "" {
		return linkItem{Href: p.href(url), Text: name}
	}
	return linkItem{Text: name}
}

// namedTermURL is the address of the term named name that of links to
// (termLink), "" when the corpus has none.
func (r *renderer) namedTermURL(of *model.Term, name string) string {
	if of.DefinedIn != nil {
		if i, ok := r.termInDoc[docTerm{of.DefinedIn.Document, name}]; ok {
			return r.c.Terms[i].URL
		}
	}
	if i, ok := r.termByName[name]; ok {
		return r.c.Terms[i].URL
	}
	return ""
}

// linkedTerms sums up the links to other terms the page of t shows
// (linksOf).
func (r *renderer) linkedTerms(t *model.Term) string {
	b, _ := json.Marshal(r.linksOf(t, termFrom(t)))
	return string(b)
}

// termFrom is the page of t, which its links start from.
func termFrom(t *model.Term) fromPage { return fromPage{root: rootOf(t.URL), url: t.URL} }

// occGroup is the occurrences of a term in one document.
type occGroup struct {
	Doc   linkItem
	Items []occRow
}

// occRow is a place that uses a term, with the context of its first use
// there; Count is how many times it does.
type occRow struct {
	Where, Href string
	Context     template.HTML
	Count       int
}

func (w *worker) termPage(i int) error {
	r := w.r
	t := r.c.Terms[i]
	p := termFrom(t)
	pg := termPage{Chrome: r.chrome(t.URL, t.Term, "terms", "term"), Term: t,
		KindName: termKindNames[t.Kind], Total: len(t.Occurrences), termLinks: r.linksOf(t, p)}
	pg.ScopeName = scopeNames[t.Scope]
	if pg.ScopeName == "" {
		pg.ScopeName = t.Scope
	}
	if t.Kind == model.TermList && t.Count > 0 && t.Count != len(t.Members) {
		pg.CountNote = "名称所示数目与列出的项数不符"
	}
	if t.DefinedIn != nil {
		if at, ok := r.x.Resolve(*t.DefinedIn); at.Doc != nil {
			pg.DefinedIn = &linkItem{Href: p.href(targetURL(at, ok)), Text: at.Citation()}
			if ok && at.Text != "" {
				w.linked(&w.txt, at.Text, at.Links, p)
				pg.Defining = w.txt.take()
			}
		}
	}
	pg.Groups = w.occurrences(t, p)
	return w.page("term", t.URL, pg)
}

// occurrences groups a term's occurrences by document, in the order the
// corpus gives them, one row per place (款, 项 or paragraph): a 款 that
// uses the term three times is listed once, not three times over.
func (w *worker) occurrences(t *model.Term, p fromPage) []occGroup {
	var out []occGroup
	index := map[string]int{}
	for _, o := range t.Occurrences {
		at, ok := w.r.x.Resolve(o)
		if at.Doc == nil {
			continue
		}
		gi, seen := index[o.Document]
		if !seen {
			gi = len(out)
			index[o.Document] = gi
			out = append(out, occGroup{Doc: linkItem{Href: p.href(at.Doc.URL), Text: at.Doc.Title}})
		}
		row := occRow{Where: at.Where(), Href: p.href(targetURL(at, ok)), Count: 1}
		if items := out[gi].Items; len(items) > 0 && items[len(items)-1].Href == row.Href {
			items[len(items)-1].Count++
			continue
		}
		if row.Where == "" {
			row.Where = "正文"
		}
		if ok && at.Text != "" {
			w.snippet(&w.txt, at.Text, o.Start, o.End, t.Term)
			row.Context = w.txt.take()
		}
		out[gi].Items = append(out[gi].Items, row)
	}
	return out
}

// termsPage lists every term by the initial of its pinyin.
type termsPage struct {
	Chrome Chrome
	Groups []termGroup
	Total  int
}

// termGroup is the terms under one initial.
type termGroup struct {
	Letter string
	ID     string // its anchor: l-A, l-other
	Terms  []termRow
}

func (w *worker) termsPage() error {
	r := w.r
	const url = address.TermsURL
	p := fromPage{root: rootOf(url), url: url}
	type keyed struct {
		key string
		i   int
	}
	list := make([]keyed, len(r.c.Terms))
	for i, t := range r.c.Terms {
		list[i] = keyed{address.Slug(t.Term, 8) + "\x00" + t.Term + "\x00" + t.ID, i}
	}
	slices.SortFunc(list, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	pg := termsPage{Chrome: r.chrome(url, "术语", "terms", "terms"), Total: len(list)}
	for _, k := range list {
		letter := "#"
		if c := k.key[0]; c >= 'a' && c <= 'z' {
			letter = strings.ToUpper(string(c))
		}
		if n := len(pg.Groups); n == 0 || pg.Groups[n-1].Letter != letter {
			id := "l-" + letter
			if letter == "#" {
				id = "l-other"
			}
			pg.Groups = append(pg.Groups, termGroup{Letter: letter, ID: id})
		}
		g := &pg.Groups[len(pg.Groups)-1]
		g.Terms = append(g.Terms, r.termRows([]int{k.i}, p)...)
	}
	return w.page("terms", url, pg)
}
