package site

import (
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// tocNode is a heading in the table of contents with the articles right
// under it and its subheadings.
type tocNode struct {
	heading  int // index in Headings, -1 for the top
	depth    int
	from, to int // its articles: Articles[from:to]
	children []*tocNode
}

// tocTree nests a document's headings by depth.
func tocTree(d *model.Document) *tocNode {
	top := &tocNode{heading: -1, depth: -1}
	stack := []*tocNode{top}
	for i, h := range d.Headings {
		from := clampArticle(h.Article, d)
		n := &tocNode{heading: i, depth: max(h.Depth, 0), from: from, to: from}
		for len(stack) > 1 && stack[len(stack)-1].depth >= n.depth {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		parent.children = append(parent.children, n)
		stack = append(stack, n)
	}
	// Articles run from a heading to the next heading of any depth.
	end := len(d.Articles)
	if len(d.Headings) > 0 {
		end = clampArticle(d.Headings[0].Article, d)
	}
	top.to = end
	var all []*tocNode
	var walk func(n *tocNode)
	walk = func(n *tocNode) {
		for _, c := range n.children {
			all = append(all, c)
			walk(c)
		}
	}
	walk(top)
	for i, n := range all {
		n.to = len(d.Articles)
		if i+1 < len(all) {
			n.to = max(all[i+1].from, n.from)
		}
	}
	return top
}

func clampArticle(i int, d *model.Document) int {
	return min(max(i, 0), len(d.Articles))
}

// toc writes the table of contents of a regulation: its headings, nested,
// each with links to its articles; or its sections.
func (w *worker) toc(b *textBuilder, d *model.Document) {
	if len(d.Articles) == 0 {
		w.sectionTOC(b, d.Sections)
		return
	}
	w.tocNode(b, d, tocTree(d))
}

func (w *worker) tocNode(b *textBuilder, d *model.Document, n *tocNode) {
	if n.heading >= 0 {
		h := d.Headings[n.heading]
		b.WriteString(`<li><a class="toc-h"`)
		b.attr("href", "#"+h.Anchor)
		b.WriteByte('>')
		b.escape(h.Text())
		b.WriteString("</a>")
	}
	if n.to > n.from {
		b.WriteString(`<p class="toc-arts">`)
		for _, a := range d.Articles[n.from:n.to] {
			if a == nil {
				continue
			}
			b.WriteString("<a")
			b.attr("href", "#"+address.DocumentAnchor(a, ""))
			b.WriteByte('>')
			b.escape(a.Label)
			b.WriteString("</a> ")
		}
		b.WriteString("</p>")
	}
	if len(n.children) > 0 {
		b.WriteString("<ol>")
		for _, c := range n.children {
			w.tocNode(b, d, c)
		}
		b.WriteString("</ol>")
	}
	if n.heading >= 0 {
		b.WriteString("</li>\n")
	}
}

// sectionTOC lists the sections of a document without 条.
func (w *worker) sectionTOC(b *textBuilder, secs []*model.Section) {
	if len(secs) == 0 {
		return
	}
	b.WriteString("<ol>")
	for _, s := range secs {
		if s == nil {
			continue
		}
		b.WriteString("<li><a")
		b.attr("href", "#"+s.Anchor)
		b.WriteByte('>')
		b.escape(strings.TrimSpace(s.Label + s.Title))
		b.WriteString("</a>")
		w.sectionTOC(b, s.Sections)
		b.WriteString("</li>")
	}
	b.WriteString("</ol>")
}
