package status

import "tiaoli/generator/model"

// Apply gives the documents of c their status and fills dates from the
// tables. Run it after documents are merged and grouped into works
// (package work): an explicit status wins, then a newer version of its
// work (已修改), then a table's expired flag (已废止); a table row that says
// none of these means the text is in force. Only regulations and notices
// take a status from their work or from a table's expired column or
// listing: a court case or a news item listed there is in force of nothing.
func Apply(c *model.Corpus, t Table) {
	rows := make([]Row, len(c.Documents))
	listed := make([]bool, len(c.Documents))
	for i, d := range c.Documents {
		rows[i], listed[i] = rowOf(d, t)
		fillDates(d, rows[i])
	}
	older := olderVersions(c.Works)
	for i, d := range c.Documents {
		switch row := rows[i]; {
		case d.Status != "":
		case row.Status != "":
			d.Status = row.Status
		case !inForceKind(d.Kind):
			// a court case, a news item or a commentary listed in a table is
			// not a text in force or repealed
		case older[d]:
			d.Status = Amended
		case row.Expired:
			d.Status = Repealed
		case listed[i]:
			d.Status = InForce
		}
	}
}

// inForceKind reports whether documents of a kind can be in force: a
// regulation or a notice, not a court case, news item or commentary.
func inForceKind(kind string) bool {
	return kind == model.KindRegulation || kind == model.KindNotice
}

// rowOf finds the table row of one of the document's sources.
func rowOf(d *model.Document, t Table) (Row, bool) {
	for _, s := range d.Sources {
		if row, ok := t[s.Path]; ok {
			return row, true
		}
	}
	return Row{}, false
}

// fillDates completes a regulation's dates from its table row.
func fillDates(d *model.Document, row Row) {
	if d.Published == "" {
		d.Published = row.Published
	}
	if d.ValidFrom == "" {
		d.ValidFrom = row.ValidFrom
	}
	if d.ValidFrom == "" && d.OnPublication {
		d.ValidFrom = d.Published
	}
}

// olderVersions lists the versions of works that have a newer dated one.
// A work lists its versions newest first.
func olderVersions(works []*model.Work) map[*model.Document]bool {
	out := map[*model.Document]bool{}
	for _, w := range works {
		newest := w.Versions[0].Date
		for _, v := range w.Versions[1:] {
			if v.Date != "" && v.Date < newest {
				out[v.Doc] = true
			}
		}
	}
	return out
}
