package audit

import (
	"fmt"

	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
	"tiaoli/generator/site/lookup"
)

// amendmentQuote finds the articles and headings an amendment quotes
// ("增加一条，作为第X条：“第X条 ……”") read as its own: an article or
// heading that follows a text whose quotation is still open, an article of
// an amending document whose number jumps or goes back (numbered like the
// law it amends); and "本法" inside such a quotation taken for the
// amending document itself.
func amendmentQuote(_ *scan, d *model.Document) []Finding { return quotedUnits(d) }

// quotedUnits lists the articles and headings of d that start inside a
// quotation left open by the article before them.
func quotedUnits(d *model.Document) []Finding {
	var out []Finding
	open := map[int]bool{} // article index → starts inside a quotation
	amends := reconcile.Amending(d.Title)
	for i := 1; i < len(d.Articles); i++ {
		prev, a := d.Articles[i-1], d.Articles[i]
		if prev == nil || a == nil {
			continue
		}
		var msg string
		switch {
		case leavesQuoteOpen(prev):
			open[i] = true
			msg = fmt.Sprintf("%s位于%s未闭合的引号内，疑为所引条文", a.Label, prev.Label)
		case amends && (a.Number > prev.Number+1 || a.Number < prev.Number):
			msg = fmt.Sprintf("修改文件的%s紧接%s，编号不连续，疑为所引被修改法律的条文", a.Label, prev.Label)
		default:
			continue
		}
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

// quotedSelfReferences finds references inside a quotation of an amending
// document that resolve to the amending document itself: inside the
// quotation, 本法 and 前款 name the amended law. Only the amending
// documents that refer to themselves are indexed to resolve them: an
// index of the whole corpus took a third of the report of a rebuild.
func quotedSelfReferences(x *scan) []Finding {
	c := x.c
	var out []Finding
	ix := lookup.New(&model.Corpus{Documents: selfCiting(c)})
	for _, r := range c.References {
		if r == nil || r.To == nil || r.To.Document != r.From.Document {
			continue
		}
		t, ok := ix.Resolve(r.From)
		if !ok || !reconcile.Amending(t.Doc.Title) || r.From.Start > len(t.Text) || quoteDepth(t.Text[:r.From.Start], 0) == 0 {
			continue
		}
		msg := fmt.Sprintf("引号内的“%s”指被修改的法律，却指向本文件", r.Text)
		out = append(out, find(t.Doc, position(t), t.URL(), msg))
	}
	return out
}

// selfCiting lists the amending documents of c that make a reference to
// themselves, each the document of its ID that lookup finds.
func selfCiting(c *model.Corpus) []*model.Document {
	self := map[string]bool{}
	for _, r := range c.References {
		if r != nil && r.To != nil && r.To.Document == r.From.Document {
			self[r.From.Document] = true
		}
	}
	var out []*model.Document
	for _, d := range lookup.Firsts(c.Documents, func(id string) bool { return self[id] }) {
		if reconcile.Amending(d.Title) {
			out = append(out, d)
		}
	}
	return out
}

// position is the file and line of the paragraph a target names, or of
// its document.
func position(t lookup.Target) model.Position {
	switch {
	case t.Article != nil && t.Paragraph >= 1 && t.Paragraph <= len(t.Article.Clauses) && t.Article.Clauses[t.Paragraph-1] != nil:
		return t.Article.Clauses[t.Paragraph-1].Position
	case t.Article != nil:
		return t.Article.Position
	case t.Section != nil && t.Paragraph >= 1 && t.Paragraph <= len(t.Section.Body):
		return t.Section.Body[t.Paragraph-1].Position
	case t.Section != nil:
		return t.Section.Position
	case len(t.Doc.Sources) > 0:
		return t.Doc.Sources[0]
	}
	return model.Position{}
}
