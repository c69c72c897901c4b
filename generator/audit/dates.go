package audit

import (
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/page"
	"tiaoli/generator/model"
)

// wrongDate finds documents dated otherwise than their text says:
//   - a regulation whose date is not that of its latest enactment or
//     amendment line (a law amended in 2023 dated 2015, or dated by the day
//     it takes effect);
//   - an item sharing its page with others whose year is printed neither
//     on its page nor in its own text: a year guessed from another item.
func wrongDate(x *scan, d *model.Document) []Finding {
	sources := x.sourcesByPath()
	var out []Finding
	pos := model.Position{}
	if len(d.Sources) > 0 {
		pos = d.Sources[0]
	}
	if d.Kind == model.KindRegulation {
		if want := enactedDate(d); want != "" && d.Date != "" && d.Date != want {
			out = append(out, find(d, pos, d.URL, "文件日期"+d.Date+"不是最后一次通过或修正、修订的日期"+want))
		}
		return out
	}
	if d.Date != "" && shared(d, sources) && !yearPrinted(d, sources) {
		out = append(out, find(d, pos, d.URL, "日期"+d.Date+"的年份不见于本篇及其版面"))
	}
	return out
}

// enactedDate is the latest date of the approval and history lines of d
// that enacts or amends its text, "" when none does.
func enactedDate(d *model.Document) string {
	latest := ""
	for _, line := range append([]string{d.Approval}, d.History...) {
		latest = max(latest, page.EnactedDate(line))
	}
	return latest
}

// shared reports whether d stands on a page with other items, whose text
// could lend it a year.
func shared(d *model.Document, sources map[string]*model.Source) bool {
	for _, p := range d.Sources {
		if s := sources[p.Path]; s != nil && len(s.Documents) > 1 {
			return true
		}
	}
	return false
}

// yearPrinted reports whether the year of d's date is printed on its
// page (the source's date) or in its own text.
func yearPrinted(d *model.Document, sources map[string]*model.Source) bool {
	year := cndate.Year(d.Date)
	for _, p := range d.Sources {
		if s := sources[p.Path]; s != nil && cndate.Year(s.Date) == year {
			return true
		}
	}
	texts := []string{d.Title, d.Kicker, d.Subtitle}
	if d.Dateline != nil {
		texts = append(texts, d.Dateline.Text)
	}
	for _, p := range d.Body {
		texts = append(texts, p.Text)
	}
	for _, t := range texts {
		for _, f := range cndate.Find(t) {
			if cndate.Year(f.ISO) == year {
				return true
			}
		}
		if _, ok := cndate.Numeric(t); ok && strings.Contains(t, year) {
			return true
		}
	}
	return false
}
