package status

import (
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
	"tiaoli/internal/cores"
)

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
	// Each document's dates depend on it and its row alone, and reading
	// the dates its header prints is most of the time: on all cores.
	cores.Each(len(c.Documents), func(i int) {
		rows[i], listed[i] = rowOf(c.Documents[i], t)
		fillDates(c.Documents[i], rows[i])
	})
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
	for _, w := range c.Works {
		shareStatus(w)
	}
}

// shareStatus gives a version made the same day as the newest of its work
// (sameDay), and so the same text printed again, the newest's status when
// it has none of its own.
func shareStatus(w *model.Work) {
	newest := w.Versions[0].Doc
	for _, v := range w.Versions[1:] {
		if v.Doc.Status == "" && sameDay(v.Doc, newest) {
			v.Doc.Status = newest.Status
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

// fillDates completes a regulation's dates from its table row. A row that
// dates the text months after every date its header prints (laterVersion)
// names a later version than the header tells of (a 行政法规 amended in
// 2020 whose history stops at its 2009 publication): the header's
// publication and 施行 days are an earlier version's, and give way to the
// row's; a 施行 day an article of the text prints (ValidFromPrinted, read
// with it) is kept as printed_valid_from. Its
// 自公布之日起施行 is not read as the row's day (OnPublication gives way):
// the article may be the earlier version's, left as it was by the
// amendment, and the text cannot show when the later version took effect,
// so valid_from is the row's or stays empty.
func fillDates(d *model.Document, row Row) {
	if laterVersion(d, row.Published) {
		if d.ValidFrom != "" && d.ValidFrom < row.Published {
			if d.PrintedValidFrom == "" && d.ValidFromPrinted {
				d.PrintedValidFrom = d.ValidFrom
			}
			d.ValidFrom, d.ValidFromPrinted = "", false
		}
		d.Published, d.OnPublication = row.Published, false
	}
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
// A work lists its versions newest first. A version made the same day as
// the newest (its document's date, the day of its last adoption or
// amendment) is that version printed again, not an older one: a version's
// date may be a 施行 day that only one of two copies prints on a line of
// its own (2019年12月30日 施行).
func olderVersions(works []*model.Work) map[*model.Document]bool {
	out := map[*model.Document]bool{}
	for _, w := range works {
		newest := w.Versions[0]
		for _, v := range w.Versions[1:] {
			if v.Date != "" && v.Date < newest.Date && !sameDay(v.Doc, newest.Doc) {
				out[v.Doc] = true
			}
		}
	}
	return out
}

// sameDay reports whether two documents were made on one known day.
func sameDay(a, b *model.Document) bool {
	return a.Date != "" && a.Date == b.Date
}

// versionGap is how long after the last date of its header a table's date
// must be to name a later version: a text is published within weeks of
// its adoption or approval, not months. A city's regulation waits a month
// or more between the province's 批准 and its 公布 (a header that stops at
// the 批准 line prints no 公布 day), so a header whose last date is a
// 批准 line needs approvalGap.
const (
	versionGap  = 90  // days
	approvalGap = 180 // days
)

// laterVersion reports whether published, a table's date of d, is more
// than versionGap after every date of d's approval and history lines and
// its own publication (approvalGap after a last date that is a 批准 line
// with no publication after it): a version the header does not reach. A
// table date a whole year after the header's publication day is read so
// too: a wrong year in the table reads like that, but so does an
// amendment on that day (快递暂行条例, published 2018-03-02, amended with
// many 行政法规 on 2019-03-02), and the text cannot tell them apart.
func laterVersion(d *model.Document, published string) bool {
	if d.Kind != model.KindRegulation || published == "" {
		return false
	}
	latest, approved := d.Published, false
	for _, s := range append([]string{d.Approval}, d.History...) {
		if date, ok := regulation.Date(s); ok && date >= latest {
			latest, approved = date, d.Published < date && strings.Contains(s, cndate.ApprovingVerb)
		}
	}
	gap := versionGap
	if approved {
		gap = approvalGap
	}
	days, ok := cndate.DaysBetween(latest, published)
	return ok && days > gap
}
