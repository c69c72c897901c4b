package site

import (
	"strconv"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// articleMode says how an article is written: on its own page (anchors
// #p2, a pilcrow link and a citation on every 款 and 项) or inside the
// document page (anchors #a5-p2, the label linking to the article page).
type articleMode struct {
	onDocument bool   // inside the document page
	labelHref  string // where the label links to, "" for no link
	cite       bool
}

// id is the id of a place of article a with an anchor on the article's
// page, on the page being written.
func (m articleMode) id(a *model.Article, anchor string) string {
	if m.onDocument {
		return address.DocumentAnchor(a, anchor)
	}
	return anchor
}

// article writes the 款 and 项 of an article.
func (w *worker) article(b *textBuilder, a *model.Article, p fromPage, m articleMode) {
	if len(a.Clauses) == 0 {
		b.WriteString(`<div class="clause"><p>`)
		w.label(b, a.Label, m)
		b.WriteString("</p></div>\n")
	}
	table := false
	for i, c := range a.Clauses {
		if c == nil {
			continue
		}
		if table = tableEdge(b, table, c.Paragraph); table {
			w.tableRow(b, c.Paragraph, m.id(a, c.Anchor), p)
			continue
		}
		b.WriteString(`<div class="clause"`)
		b.attr("id", m.id(a, c.Anchor))
		var where string // the citation of the 款, on a page that cites
		if m.cite {
			where = lookup.Where(a, i+1, 0, 0)
			b.attr("data-cite", where)
		}
		b.WriteString("><p>")
		if i == 0 {
			w.label(b, a.Label, m)
		}
		w.linked(b, c.Text, c.Links, p)
		if m.cite {
			pilcrow(b, c.Anchor, where)
		}
		b.WriteString("</p>")
		w.items(b, a, i+1, c.Items, m, p)
		b.WriteString("</div>\n")
	}
	tableEdge(b, table, model.Paragraph{})
	notes(b, a, m)
}

// notes writes the footnotes of an article apart from its text, each
// with the anchor package address gave it.
func notes(b *textBuilder, a *model.Article, m articleMode) {
	if len(a.Notes) == 0 {
		return
	}
	b.WriteString(`<aside class="notes" aria-label="注释">`)
	for _, n := range a.Notes {
		b.WriteString(`<p class="note"`)
		b.attr("id", m.id(a, n.Anchor))
		b.WriteByte('>')
		b.escape(n.Text)
		b.WriteString("</p>")
	}
	b.WriteString("</aside>\n")
}

func (w *worker) label(b *textBuilder, label string, m articleMode) {
	if m.labelHref != "" {
		b.WriteString(`<a class="label"`)
		b.attr("href", m.labelHref)
		b.WriteByte('>')
		b.escape(label)
		b.WriteString("</a> ")
		return
	}
	b.WriteString(`<strong class="label">`)
	b.escape(label)
	b.WriteString("</strong> ")
}

// pilcrow writes a visible link to an anchor, so a reader can copy the
// address of any 款 or 项 without JavaScript. A no-break space keeps it
// on the line of the text it ends.
func pilcrow(b *textBuilder, id, name string) {
	b.WriteString("&nbsp;<a class=\"pilcrow\" href=\"#")
	b.escape(id)
	b.WriteString(`" aria-label="`)
	b.escape(name)
	b.WriteString(`的链接">¶</a>`)
}

// items writes the 项 of the para-th 款 of a (and the 目 under them), with
// the anchors package address gave them.
func (w *worker) items(b *textBuilder, a *model.Article, para int, items []*model.Item, m articleMode, p fromPage) {
	if len(items) == 0 {
		return
	}
	b.WriteString(`<ol class="items">`)
	for i, it := range items {
		if it == nil {
			continue
		}
		b.WriteString("<li")
		b.attr("id", m.id(a, it.Anchor))
		var where string
		if m.cite {
			where = lookup.Where(a, para, i+1, 0)
			b.attr("data-cite", where)
		}
		b.WriteString(`><span class="item-label">`)
		b.escape(it.Label)
		b.WriteString("</span>")
		w.linked(b, it.Text, it.Links, p)
		if m.cite {
			pilcrow(b, it.Anchor, where)
		}
		w.subitems(b, a, it.Items, m, p)
		b.WriteString("</li>")
	}
	b.WriteString("</ol>")
}

// subitems writes the 目 under a 项.
func (w *worker) subitems(b *textBuilder, a *model.Article, items []*model.Item, m articleMode, p fromPage) {
	if len(items) == 0 {
		return
	}
	b.WriteString(`<ol class="items sub">`)
	for _, it := range items {
		if it == nil {
			continue
		}
		b.WriteString("<li")
		b.attr("id", m.id(a, it.Anchor))
		b.WriteString(`><span class="item-label">`)
		b.escape(it.Label)
		b.WriteString("</span>")
		w.linked(b, it.Text, it.Links, p)
		w.subitems(b, a, it.Items, m, p)
		b.WriteString("</li>")
	}
	b.WriteString("</ol>")
}

// body writes paragraphs of running text with ids b1, b2 …: headings as
// headings, runs of list items as lists, runs of table rows as tables.
func (w *worker) body(b *textBuilder, paras []model.Paragraph, idPrefix string, p fromPage) {
	w.bodyFrom(b, paras, 0, idPrefix, p)
}

// bodyFrom writes paras[from:] as body does, with the ids they have in the
// whole of paras. The paragraphs left out keep their ids on empty marks at
// the top, so that a link to one (a citation in a title) still lands.
func (w *worker) bodyFrom(b *textBuilder, paras []model.Paragraph, from int, idPrefix string, p fromPage) {
	for i := 0; i < from && idPrefix != ""; i++ {
		b.WriteString("<span")
		b.attr("id", idPrefix+strconv.Itoa(i+1))
		b.WriteString("></span>")
	}
	w.bodyRange(b, paras, from, idPrefix, p)
}

// bodyRange writes paras[from:] as body does, with the ids they have in
// the whole of paras; the paragraphs before from are written elsewhere.
func (w *worker) bodyRange(b *textBuilder, paras []model.Paragraph, from int, idPrefix string, p fromPage) {
	inList, table := false, false
	for i := from; i < len(paras); i++ {
		para := paras[i]
		if inList && !para.ListItem {
			b.WriteString("</ul>\n")
			inList = false
		}
		table = tableEdge(b, table, para)
		if para.ListItem && !inList {
			b.WriteString("<ul class=\"list\">")
			inList = true
		}
		id := ""
		if idPrefix != "" {
			id = idPrefix + strconv.Itoa(i+1)
		}
		if table {
			w.tableRow(b, para, id, p)
			continue
		}
		tag := "p"
		switch {
		case para.ListItem:
			tag = "li"
		case para.Heading > 0:
			tag = "h" + strconv.Itoa(min(para.Heading+1, 6))
		}
		b.WriteString("<" + tag)
		if id != "" {
			b.attr("id", id)
		}
		if para.Heading > 0 {
			b.WriteString(` class="subhead"`)
		}
		b.WriteByte('>')
		w.linked(b, para.Text, para.Links, p)
		b.WriteString("</" + tag + ">\n")
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	tableEdge(b, table, model.Paragraph{})
}

// fullText writes a regulation's preamble, headings, articles and
// appendix, as the document page shows them.
func (w *worker) fullText(b *textBuilder, d *model.Document, p fromPage) {
	w.preamble(b, d, p)
	hi := 0
	for i, a := range d.Articles {
		for ; hi < len(d.Headings) && d.Headings[hi].Article <= i; hi++ {
			w.heading(b, d.Headings[hi], hi)
		}
		if a == nil {
			continue
		}
		b.WriteString(`<div class="article"`)
		b.attr("id", address.DocumentAnchor(a, ""))
		b.WriteByte('>')
		w.article(b, a, p, articleMode{onDocument: true, labelHref: p.href(a.URL)})
		b.WriteString("</div>\n")
	}
	for ; hi < len(d.Headings); hi++ {
		w.heading(b, d.Headings[hi], hi)
	}
	for _, s := range d.Sections {
		if s != nil {
			w.section(b, s, 0, p, p.href(s.URL))
		}
	}
	if len(d.Appendix) > 0 {
		b.WriteString(`<section class="appendix" aria-label="附件">`)
		w.body(b, d.Appendix, address.PartPrefix("appendix"), p)
		b.WriteString("</section>\n")
	}
}

// preamble writes the text before the first article. A decision that
// amends the text and prints it whole after its items has its own part,
// and 附：, where the source printed it (Attached), heads the text it
// attaches (its title printed again, then its own preamble); the
// paragraphs keep the ids they have in the preamble.
func (w *worker) preamble(b *textBuilder, d *model.Document, p fromPage) {
	prefix := address.PartPrefix("preamble")
	n := min(max(d.Decision, 0), len(d.Preamble))
	if n > 0 {
		b.WriteString(`<section class="decision" aria-label="修改决定">`)
		w.bodyRange(b, d.Preamble[:n], 0, prefix, p)
		b.WriteString("</section>\n")
	}
	if n == len(d.Preamble) {
		return
	}
	b.WriteString(`<section class="preamble" aria-label="序言">`)
	if n > 0 && d.Attached {
		b.WriteString(`<p class="attached">附：</p>` + "\n")
	}
	w.bodyRange(b, d.Preamble, n, prefix, p)
	b.WriteString("</section>\n")
}

func (w *worker) heading(b *textBuilder, h model.Heading, i int) {
	tag := "h" + strconv.Itoa(min(max(h.Depth, 0)+2, 6))
	b.WriteString("<" + tag + ` class="heading"`)
	b.attr("id", h.Anchor)
	b.WriteByte('>')
	b.escape(h.Text())
	b.WriteString("</" + tag + ">\n")
}

// section writes a section of a document without 条 and its subsections,
// with the anchors package address gave them. href, when set, links the section's title
// to its own page.
func (w *worker) section(b *textBuilder, s *model.Section, depth int, p fromPage, href string) {
	anchor := s.Anchor
	b.WriteString(`<section class="sec"`)
	b.attr("id", anchor)
	tag := "h" + strconv.Itoa(min(depth+2, 6))
	b.WriteString("><" + tag + ">")
	if href != "" {
		b.WriteString("<a")
		b.attr("href", href)
		b.WriteByte('>')
	}
	b.escape(strings.TrimSpace(s.Label + s.Title))
	if href != "" {
		b.WriteString("</a>")
	}
	b.WriteString("</" + tag + ">\n")
	w.body(b, s.Body, address.SectionPrefix(s), p)
	for _, sub := range s.Sections {
		if sub != nil {
			w.section(b, sub, depth+1, p, "")
		}
	}
	b.WriteString("</section>\n")
}
