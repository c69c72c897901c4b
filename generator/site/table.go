package site

import "tiaoli/generator/model"

// tableRow writes a row of a table (model.Paragraph.Row) as <tr>, each
// cell with the links that fall inside it.
func (w *worker) tableRow(b *textBuilder, para model.Paragraph, id string, p fromPage) {
	cell := "td"
	if para.Row == model.RowHead {
		cell = "th"
	}
	b.WriteString("<tr")
	if id != "" {
		b.attr("id", id)
	}
	b.WriteByte('>')
	for _, c := range model.Cells(para.Text) {
		b.WriteString("<" + cell + ">")
		w.linked(b, para.Text[c[0]:c[1]], linksIn(para.Links, c[0], c[1]), p)
		b.WriteString("</" + cell + ">")
	}
	b.WriteString("</tr>\n")
}

// linksIn returns the links inside text[start:end], with offsets into
// that span.
func linksIn(links []model.Link, start, end int) []model.Link {
	var out []model.Link
	for _, l := range links {
		if l.Start >= start && l.End <= end {
			l.Start -= start
			l.End -= start
			out = append(out, l)
		}
	}
	return out
}

// tableEdge opens or closes a table when a run of rows starts or ends,
// and reports whether a table is open after para.
func tableEdge(b *textBuilder, open bool, para model.Paragraph) bool {
	switch row := para.Row != ""; {
	case row && !open:
		b.WriteString(`<table class="rows">` + "\n")
	case !row && open:
		b.WriteString("</table>\n")
	}
	return para.Row != ""
}
