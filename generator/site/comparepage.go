package site

import (
	"html/template"
	"strconv"
	"strings"

	"tiaoli/generator/compare"
	"tiaoli/generator/model"
)

// kindNames of alignment pairs, in the order the summary lists them.
var pairKinds = []struct{ kind, name string }{
	{model.PairUnchanged, "未改"}, {model.PairModified, "修改"}, {model.PairRenumbered, "仅条号变动"},
	{model.PairAdded, "新增"}, {model.PairDeleted, "删除"}, {model.PairMerged, "合并"}, {model.PairSplit, "拆分"},
}

func pairKindName(kind string) string {
	for _, k := range pairKinds {
		if k.kind == kind {
			return k.name
		}
	}
	return kind
}

// versionCol is one version at the head of a comparison.
type versionCol struct {
	Href, Title, Date, Status string
}

// comparePage is the 修订对照 of two versions.
type comparePage struct {
	Chrome   Chrome
	Work     linkItem
	Old, New versionCol
	Counts   []kindCount
	Changed  int
	Headings []cmpRow
	Rows     []cmpRow
}

type kindCount struct {
	Kind, Name string
	N          int
}

// cmpRow is one row: the old and new articles (or headings) of a block of
// pairs that share an article (a split or a merge), or of one pair.
type cmpRow struct {
	ID             string
	Kind, KindName string
	Changed        bool
	Note           string // 原第十二条 → 第十三条、第十四条
	Old, New       []linkItem
	OldText        template.HTML
	NewText        template.HTML
}

// workJobs lists the pages of works and comparisons.
func (r *renderer) workJobs(seen map[string]bool) []job {
	var jobs []job
	for _, w := range r.c.Works {
		w := w
		if claim(seen, w.URL) {
			jobs = append(jobs, func(wk *worker) error { return wk.workPage(w) })
		}
	}
	for _, cmp := range r.c.Comparisons {
		cmp := cmp
		if claim(seen, cmp.URL) {
			jobs = append(jobs, func(wk *worker) error { return wk.comparePage(cmp) })
		}
	}
	return jobs
}

func (w *worker) comparePage(cmp *model.Comparison) error {
	r := w.r
	old, new := r.x.Document(cmp.From), r.x.Document(cmp.To)
	wk := r.vx.work[cmp.To]
	if old == nil || new == nil || wk == nil {
		return nil
	}
	p := where{root: rootOf(cmp.URL), url: cmp.URL}
	pg := comparePage{Chrome: r.chrome(cmp.URL, "修订对照 · "+wk.Title, "regulation", "compare"),
		Work: linkItem{Href: p.href(wk.URL), Text: wk.Title},
		Old:  r.versionCol(old, p), New: r.versionCol(new, p)}
	counts := map[string]int{}
	for _, b := range blocks(cmp.Alignment) {
		row := articleRow(old, new, b, p)
		counts[row.Kind]++
		if row.Changed {
			pg.Changed++
		}
		pg.Rows = append(pg.Rows, row)
	}
	for _, k := range pairKinds {
		pg.Counts = append(pg.Counts, kindCount{k.kind, k.name, counts[k.kind]})
	}
	for _, b := range blocks(cmp.Headings) {
		pg.Headings = append(pg.Headings, headingRow(old, new, b))
	}
	return w.page("compare", cmp.URL, pg)
}

func (r *renderer) versionCol(d *model.Document, p where) versionCol {
	return versionCol{Href: p.href(d.URL), Title: d.Title, Date: r.versionDate(d.ID), Status: d.Status}
}

// blocks groups the pairs that share an old or a new unit: the parts of
// a split or a merge make one block.
func blocks(pairs []model.Pair) [][]model.Pair {
	var out [][]model.Pair
	for _, pr := range pairs {
		if n := len(out); n > 0 && shares(out[n-1], pr) {
			out[n-1] = append(out[n-1], pr)
			continue
		}
		out = append(out, []model.Pair{pr})
	}
	return out
}

func shares(b []model.Pair, pr model.Pair) bool {
	for _, q := range b {
		if pr.OldIndex >= 0 && q.OldIndex == pr.OldIndex || pr.NewIndex >= 0 && q.NewIndex == pr.NewIndex {
			return true
		}
	}
	return false
}

// articleRow is the row of a block of article pairs.
func articleRow(old, new *model.Document, b []model.Pair, p where) cmpRow {
	row := cmpRow{Kind: b[0].Kind, KindName: pairKindName(b[0].Kind)}
	row.Changed = row.Kind != model.PairUnchanged
	var ot, nt []string
	for _, k := range indexes(b, true) {
		a := old.Articles[k]
		row.Old = append(row.Old, linkItem{Href: p.href(a.URL), Text: a.Label})
		ot = append(ot, compare.Text(a))
	}
	for _, k := range indexes(b, false) {
		a := new.Articles[k]
		row.New = append(row.New, linkItem{Href: p.href(a.URL), Text: a.Label})
		nt = append(nt, compare.Text(a))
	}
	row.ID = "o" + strconv.Itoa(b[0].OldIndex+1)
	if b[0].NewIndex >= 0 {
		row.ID = "n" + strconv.Itoa(b[0].NewIndex+1)
	}
	row.Note = renumbering(row.Old, row.New)
	row.OldText, row.NewText = marked(strings.Join(ot, "\n"), strings.Join(nt, "\n"))
	return row
}

// headingRow is the row of a block of heading pairs.
func headingRow(old, new *model.Document, b []model.Pair) cmpRow {
	row := cmpRow{Kind: b[0].Kind, KindName: pairKindName(b[0].Kind)}
	row.Changed = row.Kind != model.PairUnchanged
	var ot, nt []string
	for _, k := range indexes(b, true) {
		h := old.Headings[k]
		row.Old = append(row.Old, linkItem{Text: h.Label})
		ot = append(ot, strings.TrimSpace(h.Label+" "+h.Title))
	}
	for _, k := range indexes(b, false) {
		h := new.Headings[k]
		row.New = append(row.New, linkItem{Text: h.Label})
		nt = append(nt, strings.TrimSpace(h.Label+" "+h.Title))
	}
	row.Note = renumbering(row.Old, row.New)
	row.OldText, row.NewText = marked(strings.Join(ot, "\n"), strings.Join(nt, "\n"))
	return row
}

// indexes lists the distinct old (or new) indexes of a block in order.
func indexes(b []model.Pair, old bool) []int {
	var out []int
	for _, pr := range b {
		k := pr.NewIndex
		if old {
			k = pr.OldIndex
		}
		if k >= 0 && !contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// renumbering says how the labels changed: 原第十二条 → 第十三条、第十四条;
// 新增第十条; 删除原第十条; the label alone when it stayed.
func renumbering(old, new []linkItem) string {
	join := func(ls []linkItem) string {
		var t []string
		for _, l := range ls {
			t = append(t, l.Text)
		}
		return strings.Join(t, "、")
	}
	o, n := join(old), join(new)
	switch {
	case o == "":
		return "新增" + n
	case n == "":
		return "删除原" + o
	case o == n:
		return n
	}
	return "原" + o + " → " + n
}

// marked writes the two texts with what only the old has in <del> and
// what only the new has in <ins>.
func marked(old, new string) (template.HTML, template.HTML) {
	var o, n strings.Builder
	for _, s := range compare.Diff(old, new) {
		t := template.HTMLEscapeString(s.Text)
		switch s.Op {
		case compare.Deleted:
			o.WriteString("<del>" + t + "</del>")
		case compare.Inserted:
			n.WriteString("<ins>" + t + "</ins>")
		default:
			o.WriteString(t)
			n.WriteString(t)
		}
	}
	if old == "" {
		o.Reset()
	}
	if new == "" {
		n.Reset()
	}
	return template.HTML(o.String()), template.HTML(n.String())
}

// workPage lists the versions of a work.
type workPage struct {
	Chrome   Chrome
	Work     *model.Work
	Versions []workVersion
}

type workVersion struct {
	Href, Title, Date, Status, StatusClass string
	Articles                               int
	Compare                                *linkItem // with the version before
}

func (w *worker) workPage(wk *model.Work) error {
	r := w.r
	p := where{root: rootOf(wk.URL), url: wk.URL}
	pg := workPage{Chrome: r.chrome(wk.URL, wk.Title+" · 各版本", "regulation", "work"), Work: wk}
	for _, v := range wk.Versions {
		d := r.x.Document(v.Document)
		if d == nil {
			continue
		}
		row := workVersion{Href: p.href(d.URL), Title: d.Title, Date: orUnknown(v.Date), Status: v.Status,
			Articles: len(d.Articles)}
		if v.Status != "" {
			row.StatusClass = statusClass(v.Status)
		}
		if cmp := r.vx.older[d.ID]; cmp != nil {
			row.Compare = &linkItem{Href: p.href(cmp.URL), Text: "与前一版本对照"}
		}
		pg.Versions = append(pg.Versions, row)
	}
	return w.page("work", wk.URL, pg)
}
