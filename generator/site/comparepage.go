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
	ID string
	// Also are the anchors of the other articles of a split or merge
	// (#n4 beside #n3), so that each article's page can link its row.
	Also           []string
	Kind, KindName string
	Changed        bool
	Note           string // 原第十二条 → 第十三条、第十四条
	OldText        template.HTML
	NewText        template.HTML
}

// workURLs lists the pages of works and comparisons, for the sitemap.
func (r *renderer) workURLs() []string {
	var out []string
	for _, w := range r.c.Works {
		out = append(out, w.URL)
	}
	for _, cmp := range r.c.Comparisons {
		if cmp.URL != "" {
			out = append(out, cmp.URL)
		}
	}
	return out
}

// workJobs lists the pages of works and comparisons.
func (r *renderer) workJobs(seen map[string]bool) []job {
	var jobs []job
	for _, w := range r.c.Works {
		w := w
		if claim(seen, w.URL) {
			jobs = append(jobs, pageJob(w.URL, func(wk *worker) error { return wk.workPage(w) }))
		}
	}
	for _, cmp := range r.c.Comparisons {
		cmp := cmp
		if claim(seen, cmp.URL) {
			jobs = append(jobs, r.keptPage(pageJob(cmp.URL, func(wk *worker) error { return wk.comparePage(cmp) }), cmp.URL))
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
	p := fromPage{root: rootOf(cmp.URL), url: cmp.URL}
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

func (r *renderer) versionCol(d *model.Document, p fromPage) versionCol {
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

// part is one article (or heading) of a side of a row, with the link
// that labels it.
type part struct {
	label linkItem
	text  string
}

// articleRow is the row of a block of article pairs.
func articleRow(old, new *model.Document, b []model.Pair, p fromPage) cmpRow {
	row := cmpRow{Kind: b[0].Kind, KindName: pairKindName(b[0].Kind)}
	row.Changed = row.Kind != model.PairUnchanged
	side := func(d *model.Document, ks []int) (parts []part) {
		for _, k := range ks {
			a := d.Articles[k]
			parts = append(parts, part{linkItem{Href: p.href(a.URL), Text: a.Label}, compare.Text(a)})
		}
		return parts
	}
	op, np := side(old, indexes(b, true)), side(new, indexes(b, false))
	prefix, ks := "n", indexes(b, false)
	if len(ks) == 0 {
		prefix, ks = "o", indexes(b, true)
	}
	for _, k := range ks {
		row.Also = append(row.Also, prefix+strconv.Itoa(k+1))
	}
	row.ID, row.Also = row.Also[0], row.Also[1:]
	row.Note = renumbering(op, np)
	row.OldText, row.NewText = marked(op, np)
	return row
}

// headingRow is the row of a block of heading pairs.
func headingRow(old, new *model.Document, b []model.Pair) cmpRow {
	row := cmpRow{Kind: b[0].Kind, KindName: pairKindName(b[0].Kind)}
	row.Changed = row.Kind != model.PairUnchanged
	side := func(d *model.Document, ks []int) (parts []part) {
		for _, k := range ks {
			h := d.Headings[k]
			parts = append(parts, part{linkItem{Text: h.Label}, h.Title})
		}
		return parts
	}
	op, np := side(old, indexes(b, true)), side(new, indexes(b, false))
	row.Note = renumbering(op, np)
	row.OldText, row.NewText = marked(op, np)
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
func renumbering(old, new []part) string {
	join := func(ps []part) string {
		var t []string
		for _, p := range ps {
			t = append(t, p.label.Text)
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

// marked writes the two sides of a row, each part headed by its label,
// with what only the old side has in <del> and what only the new side has
// in <ins>. The parts of a side are compared as one text, so that a
// sentence moved from one article to the next of a split is no change.
func marked(old, new []part) (template.HTML, template.HTML) {
	o, n := newSide(old), newSide(new)
	for _, s := range compare.Diff(o.joined, n.joined) {
		switch s.Op {
		case compare.Deleted:
			o.write(s.Text, "del")
		case compare.Inserted:
			n.write(s.Text, "ins")
		default:
			o.write(s.OldText(), "")
			n.write(s.Text, "")
		}
	}
	return o.html(), n.html()
}

// side writes one side of a row, putting each part's label where its
// text starts.
type side struct {
	b      strings.Builder
	parts  []part
	starts []int // byte offsets of the parts in joined
	joined string
	pos    int
	next   int // the part whose label comes next
}

func newSide(parts []part) *side {
	s := &side{parts: parts}
	var texts []string
	at := 0
	for _, p := range parts {
		s.starts = append(s.starts, at)
		texts = append(texts, p.text)
		at += len(p.text) + 1
	}
	s.joined = strings.Join(texts, "\n")
	return s
}

// write adds text wrapped in tag ("" for none), with the labels of the
// parts that start inside it.
func (s *side) write(text, tag string) {
	for {
		for s.next < len(s.parts) && s.starts[s.next] <= s.pos {
			s.label(s.parts[s.next].label)
			s.next++
		}
		if text == "" {
			return
		}
		n := len(text)
		if s.next < len(s.parts) {
			n = min(n, s.starts[s.next]-s.pos)
		}
		t := template.HTMLEscapeString(text[:n])
		if tag != "" {
			t = "<" + tag + ">" + t + "</" + tag + ">"
		}
		s.b.WriteString(t)
		s.pos += n
		text = text[n:]
	}
}

func (s *side) label(l linkItem) {
	if l.Href == "" {
		s.b.WriteString(`<span class="label">` + template.HTMLEscapeString(l.Text) + `</span> `)
		return
	}
	s.b.WriteString(`<a class="label" href="` + template.HTMLEscapeString(l.Href) + `">` + template.HTMLEscapeString(l.Text) + `</a> `)
}

func (s *side) html() template.HTML {
	s.write("", "") // the labels of parts with no text
	return template.HTML(s.b.String())
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
	p := fromPage{root: rootOf(wk.URL), url: wk.URL}
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
