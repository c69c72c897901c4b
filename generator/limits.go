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

// oversized lists the paragraphs of the documents over MaxParagraphBytes,
// at most one error per document.
func oversized(docs []*model.Document) []model.Error {
	var errs []model.Error
	for _, d := range docs {
		if p := longParagraph(d); p != nil {
			errs = append(errs, model.Errorf(p.Position,
				"a paragraph of %s with no line break; the limit is %s: break it into paragraphs",
				size(len(p.Text)), size(MaxParagraphBytes)))
		}
	}
	return errs
}

// longParagraph finds a paragraph of d over MaxParagraphBytes, or nil.
func longParagraph(d *model.Document) *model.Paragraph {
	var found *model.Paragraph
	check := func(ps ...*model.Paragraph) {
		for _, p := range ps {
			if found == nil && len(p.Text) > MaxParagraphBytes {
				found = p
			}
		}
	}
	for i := range d.Body {
		check(&d.Body[i])
	}
	for i := range d.Preamble {
		check(&d.Preamble[i])
	}
	for i := range d.Appendix {
		check(&d.Appendix[i])
	}
	for _, a := range d.Articles {
		for _, c := range a.Paragraphs {
			check(&c.Paragraph)
			checkItems(c.Items, check)
		}
	}
	checkSections(d.Sections, check)
	if found == nil && len(d.Title) > MaxParagraphBytes {
		found = &model.Paragraph{Text: d.Title}
		if len(d.Sources) > 0 {
			found.Position = d.Sources[0]
		}
	}
	return found
}

func checkItems(items []*model.Item, check func(...*model.Paragraph)) {
	for _, it := range items {
		check(&it.Paragraph)
		checkItems(it.Items, check)
	}
}

func checkSections(secs []*model.Section, check func(...*model.Paragraph)) {
	for _, s := range secs {
		for i := range s.Body {
			check(&s.Body[i])
		}
		checkSections(s.Sections, check)
	}
}

// size writes a number of bytes for a reader.
func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
