package status

import "tiaoli/generator/model"

// Apply gives the documents of c their status and fills dates from the
// tables. Run it after documents are merged and their versions linked:
// an explicit status wins, then a newer version (已修改), then a table's
// expired flag (已废止); a table row that says none of these means the
// text is in force.
func Apply(c *model.Corpus, t Table) {
	rows := make([]Row, len(c.Documents))
	listed := make([]bool, len(c.Documents))
	for i, d := range c.Documents {
		rows[i], listed[i] = rowOf(d, t)
		fillDates(d, rows[i])
	}
	for i, d := range c.Documents { // after every date is in: versions compare them
		switch row := rows[i]; {
		case d.Status != "":
		case row.Status != "":
			d.Status = row.Status
		case hasNewerVersion(d):
			d.Status = Amended
		case row.Expired:
			d.Status = Repealed
		case listed[i]:
			d.Status = InForce
		}
	}
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
}

// hasNewerVersion reports whether another dated version of the document
// is newer than it.
func hasNewerVersion(d *model.Document) bool {
	mine := versionDate(d)
	if mine == "" {
		return false
	}
	for _, v := range d.VersionDocs {
		if vd := versionDate(v); vd > mine {
			return true
		}
	}
	return false
}

// versionDate is the date that orders versions: when the text was
// published, else the document's date.
func versionDate(d *model.Document) string {
	if d.Published != "" {
		return d.Published
	}
	return d.Date
}
