// Package lookup finds the documents, articles, paragraphs and items of a
// corpus by the IDs and labels that locations use, and names a location as
// a citation does: 《…》第三条第二款第（三）项.
//
// The renderer and the editor's report share it. An Index is read-only
// once built and safe for concurrent use.
package lookup

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
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
	for _, d := range c.Documents {
		if _, dup := x.docs[d.ID]; !dup {
			x.docs[d.ID] = d
		}
		if len(d.Articles) > 0 {
			m := make(map[string]int, len(d.Articles))
			for i, a := range d.Articles {
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
	Article *model.Article // nil for the document as a whole
	// Paragraph and Item count from 1; 0 means the whole unit.
	Paragraph, Item int
	// Text is the text of the paragraph or item, "" for a whole article or
	// document.
	Text string
	// Links are the links inside Text.
	Links []model.Link
}

// Resolve finds what l points at. It reports false when the document,
// article, paragraph or item does not exist.
func (x *Index) Resolve(l model.Location) (Target, bool) {
	d := x.docs[l.Document]
	if d == nil {
		return Target{}, false
	}
	t := Target{Doc: d, Paragraph: l.Paragraph, Item: l.Item}
	if l.Article == "" {
		return x.resolveBody(t)
	}
	i := x.Article(d, l.Article)
	if i < 0 {
		return t, false
	}
	t.Article = d.Articles[i]
	if l.Paragraph <= 0 {
		return t, l.Item <= 0
	}
	if l.Paragraph > len(t.Article.Paragraphs) {
		return t, false
	}
	c := t.Article.Paragraphs[l.Paragraph-1]
	t.Text, t.Links = c.Text, c.Links
	if l.Item <= 0 {
		return t, true
	}
	if l.Item > len(c.Items) {
		return t, false
	}
	it := c.Items[l.Item-1]
	t.Text, t.Links = it.Text, it.Links
	return t, true
}

// resolveBody finds a paragraph of a document's body.
func (x *Index) resolveBody(t Target) (Target, bool) {
	if t.Paragraph <= 0 {
		return t, true
	}
	if t.Paragraph > len(t.Doc.Body) {
		return t, false
	}
	p := t.Doc.Body[t.Paragraph-1]
	t.Text, t.Links = p.Text, p.Links
	return t, true
}

// URL is the root-relative URL of the page and anchor of a target:
// d/x/a3/#p2-i3, d/x/#b2 for a body paragraph, d/x/ for a document.
func (t Target) URL() string {
	if t.Doc == nil {
		return ""
	}
	if t.Article == nil {
		if t.Paragraph > 0 {
			return fmt.Sprintf("%s#b%d", t.Doc.URL, t.Paragraph)
		}
		return t.Doc.URL
	}
	return t.Article.URL + Anchor(t.Paragraph, t.Item)
}

// Anchor is the fragment of a 款 and 项 on an article page: #p2, #p2-i3,
// "" for the whole article.
func Anchor(paragraph, item int) string {
	switch {
	case paragraph <= 0:
		return ""
	case item <= 0:
		return fmt.Sprintf("#p%d", paragraph)
	}
	return fmt.Sprintf("#p%d-i%d", paragraph, item)
}

// Where names the part of a target inside its document as a citation
// does: 第三条第二款第（三）项. The 款 is left out when the article has only
// one. A body paragraph of a document is 第2段.
func (t Target) Where() string {
	if t.Article == nil {
		if t.Paragraph > 0 {
			return fmt.Sprintf("第%d段", t.Paragraph)
		}
		return ""
	}
	return Where(t.Article.Label, t.Paragraph, t.Item, len(t.Article.Paragraphs))
}

// Where names 款 paragraph and 项 item of an article labelled label with
// clauses 款 in all.
func Where(label string, paragraph, item, clauses int) string {
	var b strings.Builder
	b.WriteString(label)
	if paragraph > 0 && clauses != 1 {
		b.WriteString("第" + numeral.Format(paragraph) + "款")
	}
	if paragraph > 0 && item > 0 {
		b.WriteString("第（" + numeral.Format(item) + "）项")
	}
	return b.String()
}

// Citation is the full citation of a target: 《title》第三条第二款.
func (t Target) Citation() string {
	if t.Doc == nil {
		return ""
	}
	return "《" + t.Doc.Title + "》" + t.Where()
}

// CitedAnchor is the fragment, on the page of cited documents, of a
// document cited by title: c- and a short hash of the title.
func CitedAnchor(title string) string {
	sum := sha256.Sum256([]byte(title))
	return "c-" + hex.EncodeToString(sum[:5])
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
