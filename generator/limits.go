package generator

import (
	"fmt"

	"tiaoli/generator/model"
)

// MaxParagraphBytes is the longest paragraph a source may have, in bytes
// of text: 64 KiB, some 21,000 Chinese characters, eight times the longest
// line of the LawRefBook corpus. A paragraph is printed whole on a page
// and searched whole, so a "paragraph" of megabytes (a file with no line
// breaks) would make pages of tens of megabytes and searches that hold up
// everyone else's; such a source is refused with an error naming the line.
const MaxParagraphBytes = 64 << 10

// MaxDocumentBytes is the most text one document may have: 4 MiB, a dozen
// times the Civil Code. A document's page shows all of it, so a larger one
// (a source of megabytes cut into lines) would make a page of tens of
// megabytes; it is refused with an error asking to split it.
const MaxDocumentBytes = 4 << 20

// oversized lists the documents with a paragraph over MaxParagraphBytes or
// more text than MaxDocumentBytes, one error per document.
func oversized(docs []*model.Document) []model.Error {
	var errs []model.Error
	for _, d := range docs {
		var long *model.Paragraph
		total := len(d.Title)
		eachParagraph(d, func(p *model.Paragraph) {
			total += len(p.Text)
			if long == nil && len(p.Text) > MaxParagraphBytes {
				long = p
			}
		})
		switch {
		case long != nil:
			errs = append(errs, model.Errorf(long.Position,
				"一段长%s，中间没有换行，超过上限%s：请分段",
				size(len(long.Text)), size(MaxParagraphBytes)))
		case total > MaxDocumentBytes:
			var at model.Position
			if len(d.Sources) > 0 {
				at = d.Sources[0]
			}
			errs = append(errs, model.Errorf(at, "一篇文件正文长%s，超过上限%s：请拆成几篇",
				size(total), size(MaxDocumentBytes)))
		}
	}
	return errs
}

// eachParagraph calls f on every paragraph of d: body, preamble, appendix,
// the clauses and items of its articles, and its sections.
func eachParagraph(d *model.Document, f func(*model.Paragraph)) {
	for i := range d.Body {
		f(&d.Body[i])
	}
	for i := range d.Preamble {
		f(&d.Preamble[i])
	}
	for i := range d.Appendix {
		f(&d.Appendix[i])
	}
	for _, a := range d.Articles {
		for _, c := range a.Clauses {
			f(&c.Paragraph)
			eachItem(c.Items, f)
		}
	}
	eachSection(d.Sections, f)
}

func eachItem(items []*model.Item, f func(*model.Paragraph)) {
	for _, it := range items {
		f(&it.Paragraph)
		eachItem(it.Items, f)
	}
}

func eachSection(secs []*model.Section, f func(*model.Paragraph)) {
	for _, s := range secs {
		for i := range s.Body {
			f(&s.Body[i])
		}
		eachSection(s.Sections, f)
	}
}

// size writes a number of bytes for a reader.
func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f兆字节", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d千字节", n>>10)
	}
	return fmt.Sprintf("%d字节", n)
}
