// Package work groups the dated versions of one regulation into works and
// orders them.
//
// The versions come from reconciliation (package reconcile), which owns
// the rule that says when two documents are one text: regulations whose
// titles differ only in a version mark, a date or a leading 中华人民共和国
// and that give different dates are versions of one another
// (Document.VersionDocs). Group turns those links into works, applies an
// editor's joins and splits from works.yaml (see Edits), and sets
// VersionDocs again from the result so that every later stage (status,
// addressing) sees the same works.
//
// A version's date (Date) is the latest date its sources give for the
// text: a date in a source file's name or front matter, its publication
// and history lines, the approval line; else the year its title names.
// Versions are listed newest first; undated versions come last, in input
// order.
package work

import (
	"cmp"
	"slices"

	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
	"tiaoli/generator/regulation"
)

// Group fills c.Works from the version links of c's regulations and the
// editor's edits, and sets every regulation's VersionDocs to the other
// versions of its work. Edits naming no document give errors.
func Group(c *model.Corpus, e Edits) []model.Error {
	var regs []*model.Document
	index := map[*model.Document]int{}
	for _, d := range c.Documents {
		if d.Kind == model.KindRegulation {
			index[d] = len(regs)
			regs = append(regs, d)
		}
	}
	sets := newUnion(len(regs))
	split, errs := e.split(regs)
	for i, d := range regs {
		for _, v := range d.VersionDocs {
			if j, ok := index[v]; ok && !split[i] && !split[j] {
				sets.join(i, j)
			}
		}
	}
	titles, jerrs := e.join(regs, sets)
	errs = append(errs, jerrs...)
	dates := sourceDates(c)
	c.Works = nil
	for _, members := range sets.groups() {
		for _, i := range members {
			regs[i].VersionDocs = nil
		}
		if len(members) < 2 {
			continue
		}
		c.Works = append(c.Works, newWork(regs, members, titles[sets.find(members[0])], dates))
	}
	return errs
}

// newWork makes the work of the given regulations, newest first.
func newWork(regs []*model.Document, members []int, title string, dates map[string]string) *model.Work {
	w := &model.Work{}
	for _, i := range members {
		d := regs[i]
		for _, j := range members {
			if j != i {
				d.VersionDocs = append(d.VersionDocs, regs[j])
			}
		}
		w.Versions = append(w.Versions, model.Version{Doc: d, Date: Date(d, dates)})
	}
	slices.SortStableFunc(w.Versions, func(x, y model.Version) int {
		a, b := x.Date, y.Date
		switch { // the latest first, undated last
		case a == b:
			return 0
		case a == "":
			return 1
		case b == "":
			return -1
		}
		return cmp.Compare(b, a)
	})
	w.Title = title
	if w.Title == "" {
		w.Title = reconcile.BareTitle(w.Versions[0].Doc.Title)
	}
	w.Key = reconcile.TitleKey(w.Title)
	return w
}

// Fill copies each version's status from its document; run it after the
// statuses are known.
func Fill(c *model.Corpus) {
	for _, w := range c.Works {
		for i := range w.Versions {
			w.Versions[i].Status = w.Versions[i].Doc.Status
		}
	}
}

// Date is the date of a version: the latest date its sources give for the
// text, else the year its title names, else "". dates maps source paths
// to the dates of the sources (from their names or front matter).
func Date(d *model.Document, dates map[string]string) string {
	best := ""
	consider := func(s string) {
		if s > best {
			best = s
		}
	}
	for _, p := range d.Sources {
		consider(dates[p.Path])
	}
	consider(d.Published)
	consider(d.Date)
	for _, s := range append([]string{d.Approval}, d.History...) {
		if date, ok := regulation.Date(s); ok {
			consider(date)
		}
	}
	if best == "" {
		best = reconcile.DocumentYear(d)
	}
	return best
}

// sourceDates maps every source's path to its date.
func sourceDates(c *model.Corpus) map[string]string {
	out := make(map[string]string, len(c.Sources))
	for _, s := range c.Sources {
		if s.Date != "" {
			out[s.Path] = s.Date
		}
	}
	return out
}
