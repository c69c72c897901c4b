package audit

import (
	"fmt"
	"regexp"

	"tiaoli/generator/model"
)

// amendmentQuote finds the articles and headings an amendment quotes
// ("增加一条，作为第X条：“第X条 ……”") read as its own: an article or
// heading that follows a text whose quotation is still open; and "本法"
// inside such a quotation taken for the amending document itself.
func amendmentQuote(c *model.Corpus) []Finding {
	var out []Finding
	for _, d := range c.Documents {
		out = append(out, quotedUnits(d)...)
	}
	return append(out, quotedSelfReferences(c)...)
}

// quotedUnits lists the articles and headings of d that start inside a
// quotation left open by the article before them.
func quotedUnits(d *model.Document) []Finding {
	var out []Finding
	open := map[int]bool{} // article index → starts inside a quotation
	for i := 1; i < len(d.Articles); i++ {
		prev, a := d.Articles[i-1], d.Articles[i]
		if prev == nil || a == nil || !leavesQuoteOpen(prev) {
			continue
		}
		open[i] = true
		msg := fmt.Sprintf("%s位于%s未闭合的引号内，疑为所引条文", a.Label, prev.Label)
		out = append(out, find(d, a.Position, a.URL, msg))
	}
	for _, h := range d.Headings {
		if open[h.Article] {
			msg := fmt.Sprintf("标题“%s %s”位于引号内，疑为所引标题", h.Label, h.Title)
			out = append(out, find(d, h.Position, "", msg))
		}
	}
	return out
}

// leavesQuoteOpen reports whether the text of a ends inside a quotation.
func leavesQuoteOpen(a *model.Article) bool {
	depth := 0
	for _, s := range articleText(a) {
		depth = quoteDepth(s, depth)
	}
	return depth > 0
}

// amending matches the title of a document that amends another.
var amending = regexp.MustCompile(`修正案|修改.*的决定|修订.*的决定`)

// quotedSelfReferences finds "本法" and the like inside a quotation of an
// amending document that resolve to the amending document itself: inside
// the quotation they name the amended law.
func quotedSelfReferences(c *model.Corpus) []Finding {
	var out []Finding
	docs := map[string]*model.Document{}
	for _, d := range c.Documents {
		docs[d.ID] = d
	}
	for _, r := range c.References {
		if r == nil || r.Kind != "document" || r.To == nil || r.To.Document != r.From.Document {
			continue
		}
		d := docs[r.From.Document]
		if d == nil || !amending.MatchString(d.Title) {
			continue
		}
		text, pos, url := locate(d, r.From)
		if text == "" || r.From.Start > len(text) || quoteDepth(text[:r.From.Start], 0) == 0 {
			continue
		}
		msg := fmt.Sprintf("引号内的“%s”指被修改的法律，却链接到本文件", r.Text)
		out = append(out, find(d, pos, url, msg))
	}
	return out
}

// locate returns the text, position and URL of the 款 or 项 of an article
// that l names, or "" when l names something else.
func locate(d *model.Document, l model.Location) (string, model.Position, string) {
	for _, a := range d.Articles {
		if a == nil || a.Label != l.Article || l.Paragraph < 1 || l.Paragraph > len(a.Paragraphs) {
			continue
		}
		cl := a.Paragraphs[l.Paragraph-1]
		if cl == nil {
			break
		}
		if l.Item >= 1 && l.Item <= len(cl.Items) && cl.Items[l.Item-1] != nil {
			it := cl.Items[l.Item-1]
			return it.Text, it.Position, clauseURL(a, l.Paragraph)
		}
		return cl.Text, cl.Position, clauseURL(a, l.Paragraph)
	}
	return "", model.Position{}, ""
}
