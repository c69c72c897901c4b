package site

import (
	"cmp"
	"io/fs"
	"path"
	"slices"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
	"tiaoli/generator/site/report"
	"tiaoli/generator/sourcename"
)

// fixedJobs are the pages that do not belong to one document, term or
// source.
func (r *renderer) fixedJobs() []job {
	jobs := []job{
		pageJob("", (*worker).homePage),
		pageJob(address.TermsURL, (*worker).termsPage),
		pageJob(address.SourcesURL, (*worker).sourcesPage),
		pageJob(address.CitedURL, (*worker).citedPage),
		pageJob(address.ReportURL, (*worker).reportPage),
		pageJob(address.IssuersURL, (*worker).issuerPage),
		pageJob(address.SearchURL, (*worker).searchPage),
		pageJob(notFoundFile, (*worker).notFoundPage),
		r.sitemapJob(),
		{files: []string{feedFile}, render: (*worker).feed},
		{render: (*worker).assets},
	}
	kinds := r.kinds()
	if len(kinds) == 0 || kinds[0] != model.KindRegulation {
		kinds = append(kinds, model.KindRegulation) // the header links to it
	}
	for _, k := range kinds {
		k := k
		jobs = append(jobs, pageJob(address.KindURL(k), func(w *worker) error { return w.kindPage(k) }))
	}
	for _, y := range r.years() {
		y := y
		jobs = append(jobs, pageJob(address.YearURL(y), func(w *worker) error { return w.yearPage(y) }))
	}
	return jobs
}

// sourcesByDate lists sources newest first, then by path.
func (r *renderer) sourcesByDate() []*model.Source {
	out := append([]*model.Source(nil), r.c.Sources...)
	slices.SortStableFunc(out, func(a, b *model.Source) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.Path, b.Path))
	})
	return out
}

// sourcesPage lists every source.
type sourcesPage struct {
	Chrome  Chrome
	Sources []sourceRow
}

type sourceRow struct {
	Href, Name, Path, Date, Format, Encoding string
	Documents                                int
}

func (w *worker) sourcesPage() error {
	r := w.r
	const url = address.SourcesURL
	p := fromPage{root: rootOf(url), url: url}
	pg := sourcesPage{Chrome: r.chrome(url, "来源", "sources", "sources")}
	for _, s := range r.sourcesByDate() {
		pg.Sources = append(pg.Sources, sourceRow{Href: p.href(s.URL), Name: sourceName(s), Path: s.Path,
			Date: s.Date, Format: s.Format, Encoding: s.Encoding, Documents: len(s.Documents)})
	}
	return w.page("sources", url, pg)
}

// sourcePage is a printed page: its documents in the order printed.
type sourcePage struct {
	Chrome Chrome
	Source *model.Source
	Name   string
	Page   string // 第2版, however printed (sourcename.Page)
	Format string // 纯文本, Markdown, 网页
	Docs   []sourceDoc
}

// formatNames are the source formats as readers call them.
var formatNames = map[string]string{"text": "纯文本", "markdown": "Markdown", "html": "网页"}

type sourceDoc struct {
	docRow
	Subtitle, Lead string
}

func (w *worker) sourcePage(s *model.Source) error {
	r := w.r
	p := fromPage{root: rootOf(s.URL), url: s.URL}
	pg := sourcePage{Chrome: r.chrome(s.URL, sourceName(s), "sources", "source"), Source: s, Name: sourceName(s),
		Page: sourcename.Page(s.Page), Format: formatNames[s.Format]}
	for _, id := range s.Documents {
		d := r.x.Document(id)
		if d == nil {
			continue
		}
		sd := sourceDoc{docRow: r.docRow(d, p), Subtitle: d.Subtitle, Lead: clip(lead(d), 90)}
		pg.Docs = append(pg.Docs, sd)
	}
	return w.page("source", s.URL, pg)
}

// lead is the first text of a document: of its first article when it
// has articles (its body then starts with the title), else of its body.
func lead(d *model.Document) string {
	if len(d.Articles) > 0 && d.Articles[0] != nil && len(d.Articles[0].Clauses) > 0 && d.Articles[0].Clauses[0] != nil {
		return d.Articles[0].Label + " " + d.Articles[0].Clauses[0].Text
	}
	for _, p := range d.Body {
		if p.Text != "" && p.Heading == 0 && p.Text != d.Title {
			return p.Text
		}
	}
	return ""
}

// citedPage lists documents cited but not in the corpus.
type citedPage struct {
	Chrome Chrome
	Items  []citedRow
}

type citedRow struct {
	ID, Title string
	CitedBy   []linkItem
}

func (w *worker) citedPage() error {
	r := w.r
	const url = address.CitedURL
	p := fromPage{root: rootOf(url), url: url}
	pg := citedPage{Chrome: r.chrome(url, "被引用但未收录的文件", "cited", "cited")}
	for _, cd := range lookup.Cited(r.c) {
		row := citedRow{ID: address.CitedAnchor(cd.Title), Title: cd.Title}
		seen := map[citer]bool{}
		for _, l := range cd.CitedBy {
			if t, ok := r.x.Resolve(l); t.Doc != nil && !seen[citingKey(t, model.Location{})] {
				seen[citingKey(t, model.Location{})] = true
				row.CitedBy = append(row.CitedBy, linkItem{Href: p.href(targetURL(t, ok)), Text: citingName(t)})
			}
		}
		pg.Items = append(pg.Items, row)
	}
	return w.page("cited", url, pg)
}

// reportPage is the editor's report.
type reportPage struct {
	Chrome   Chrome
	Sections []reportSection
	Problems int
}

type reportSection struct {
	*report.Section
	Count  int
	Groups []reportGroup
}

// reportGroup is the findings of a section about one document or file.
type reportGroup struct {
	Name, Href string
	Rows       []reportRow
	// Folds hold the findings of a kind that recurs more than foldOver
	// times in the group, shown folded under one line.
	Folds []reportFold
}

// reportFold is the findings of one kind in a group.
type reportFold struct {
	Kind string
	Rows []reportRow
}

// foldOver is how many findings of a kind a group shows unfolded.
const foldOver = 3

// fold moves the rows of every kind that recurs more than foldOver times
// into a fold of its own.
func (g *reportGroup) fold() {
	count := map[string]int{}
	for _, r := range g.Rows {
		count[r.Kind]++
	}
	var keep []reportRow
	at := map[string]int{}
	for _, r := range g.Rows {
		if r.Kind == "" || count[r.Kind] <= foldOver {
			keep = append(keep, r)
			continue
		}
		i, ok := at[r.Kind]
		if !ok {
			i, at[r.Kind] = len(g.Folds), len(g.Folds)
			g.Folds = append(g.Folds, reportFold{Kind: r.Kind})
		}
		g.Folds[i].Rows = append(g.Folds[i].Rows, r)
	}
	g.Rows = keep
}

// reportRow is one finding as the page shows it: the fields of
// report.Entry, and Href, the link to URL from the page. They are copied,
// not embedded: text/template finds a promoted field by a search that
// allocates, for every field of every row.
type reportRow struct {
	Path                                      string
	Line                                      int
	Document, Title, Cite, DocURL, Where, URL string
	Kind, Source, Message, Href               string
}

func newReportRow(e report.Entry, href string) reportRow {
	return reportRow{Path: e.Path, Line: e.Line, Document: e.Document, Title: e.Title, Cite: e.Cite,
		DocURL: e.DocURL, Where: e.Where, URL: e.URL, Kind: e.Kind, Source: e.Source, Message: e.Message, Href: href}
}

func (w *worker) reportPage() error {
	r := w.r
	const url = address.ReportURL
	p := fromPage{root: rootOf(url), url: url}
	rep, docs := report.BuildKept(r.c, r.x, r.auditKept())
	pg := reportPage{Chrome: r.chrome(url, "编辑报告", "report", "report"), Problems: rep.Problems()}
	pg.Chrome.NoIndex = true
	href := func(u string) string {
		if u == "" {
			return ""
		}
		return p.href(u)
	}
	for _, s := range rep.Sections {
		rs := reportSection{Section: s, Count: len(s.Entries)}
		for _, g := range s.Groups() {
			rg := reportGroup{Name: g.Name, Href: href(g.URL)}
			for _, e := range g.Entries {
				rg.Rows = append(rg.Rows, newReportRow(e, href(e.URL)))
			}
			rg.fold()
			rs.Groups = append(rs.Groups, rg)
		}
		pg.Sections = append(pg.Sections, rs)
	}
	render := func(w *worker) error { return w.page("report", url, pg) }
	if r.keepReport(url, pg, docs) {
		return w.keepTree(url, render)
	}
	return render(w)
}

// queryPage is the search page: the search box and help of the results
// page of tiaoli serve (template search-box), results fetched from it.
type queryPage struct {
	Chrome   Chrome
	Query    string // filled in by the script from the address
	Action   string // the results page, which the form submits to
	Examples string // the box's hint: 如：…
}

func (w *worker) searchPage() error {
	const url = address.SearchURL
	pg := queryPage{Chrome: w.r.chrome(url, "搜索", "search", "search"), Action: "./", Examples: w.r.examples}
	pg.Chrome.NoIndex = true
	return w.page("query", url, pg)
}

// notFoundFile is the page a server shows for a path the site lacks.
const notFoundFile = "404.html"

// notFoundPage is shown by a server at any path, so its links start from
// the site's base.
func (w *worker) notFoundPage() error {
	pg := struct{ Chrome Chrome }{w.r.chrome("", "找不到页面", "", "notfound")}
	pg.Chrome.Root = w.r.opts.Base
	pg.Chrome.Frame = w.r.frame(w.r.opts.Base, "")
	pg.Chrome.NoIndex = true
	return w.page("notfound", notFoundFile, pg)
}

// assets copies the stylesheet, script and everything else under assets/.
func (w *worker) assets() error {
	fsys := w.r.opts.Templates
	return fs.WalkDir(fsys, "assets", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(name)[0] == '.' {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return w.file(name, data)
	})
}
