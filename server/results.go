package server

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"tiaoli/generator/examples"
	"tiaoli/generator/site"
	"tiaoli/search"
)

// resultsTemplate is the file of the results page templates. It defines
// search-content (the results, shown as the "content" of the site's
// layout) and search-page (a whole page, used when there is no layout).
const resultsTemplate = "search_results.html"

// pageView is what the results page templates see.
type pageView struct {
	Chrome   site.Chrome // the site's frame, when the page shows in it
	Base     string      // the site's base path, "/" or "/fagui/"
	Action   string      // the form's action
	Examples string      // the box's hint, from the index: 如：…
	Query    string
	Error    string
	Total    uint64
	Hits     []hitView
	Facets   []facetGroup
	Page     int
	Pages    int
	Start    int    // the number of the first hit on the page
	Prev     string // URL of the previous page, "" on the first
	Next     string
	Numbers  []pageLink
	// Relaxed answers list the words the query was cut into, as
	// “年假”、“天数”; Partial ones hold only some of them.
	Relaxed, Partial bool
	Words            string
	Strict           int // results of the words as typed, first
}

type hitView struct {
	URL, Title, Article, Heading, Kind, KindLabel, Date string
	Status                                              string // 已修改, 已废止
	Fragments                                           []template.HTML
}

type facetGroup struct {
	Name, Label string
	Values      []facetLink
}

type facetLink struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type pageLink struct {
	Number  int
	URL     string
	Current bool
}

// facetNames label the facet groups.
var facetNames = []struct{ name, label string }{
	{search.FilterKind, "类别"}, {search.FilterDoc, "文件"}, {search.FilterYear, "年份"},
}

// maxPageLinks is how many page numbers the pager lists.
const maxPageLinks = 10

// view builds what the page shows for a response.
func (h *searchHandler) view(resp *search.Response, errMsg string) *pageView {
	v := &pageView{
		Base: h.opts.Base, Action: h.opts.Base + "search", Query: resp.Query, Error: errMsg,
		Total: resp.Total, Page: resp.Page, Pages: resp.Pages,
		Start:   (max(resp.Page, 1)-1)*resp.Size + 1,
		Relaxed: resp.Relaxed, Partial: resp.Partial, Words: quoteWords(resp.Words), Strict: resp.Strict,
	}
	if ix := h.current(); ix != nil {
		v.Examples = examples.Placeholder(ix.Examples())
	}
	for _, hit := range resp.Hits {
		hv := hitView{
			URL: h.opts.Base + hit.URL, Title: hit.Title, Article: hit.Article, Heading: hit.Heading,
			Kind: hit.Kind, KindLabel: search.KindLabels[hit.Kind], Date: hit.Date, Status: hit.Status,
		}
		for _, f := range hit.Fragments {
			hv.Fragments = append(hv.Fragments, template.HTML(f)) // escaped by fragment()
		}
		v.Hits = append(v.Hits, hv)
	}
	if resp.Query == "" {
		return v
	}
	v.Facets = h.facetGroups(resp)
	v.pager(h.pageURL, resp.Query)
	return v
}

// pageURL is the results page of query q at page n.
func (h *searchHandler) pageURL(q string, n int) string {
	vals := url.Values{"q": {q}}
	if n > 1 {
		vals.Set("page", strconv.Itoa(n))
	}
	return h.opts.Base + "search?" + vals.Encode()
}

// facetGroups turns facets into links that add a filter to the query, or
// remove it when the query has it already.
func (h *searchHandler) facetGroups(resp *search.Response) []facetGroup {
	var out []facetGroup
	for _, fn := range facetNames {
		g := facetGroup{Name: fn.name, Label: fn.label}
		for _, f := range resp.Facets[search.FacetOfFilter(fn.name)] {
			filter := fn.name + ":" + f.Value
			q, active := toggleFilter(resp.Query, filter)
			label := f.Label
			if label == "" {
				label = f.Value
			}
			g.Values = append(g.Values, facetLink{Label: label, Count: f.Count, URL: h.pageURL(q, 1), Active: active})
		}
		if len(g.Values) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// toggleFilter adds filter to q, or removes it if q has it; it reports
// whether q had it.
func toggleFilter(q, filter string) (string, bool) {
	fields := strings.Fields(q)
	var kept []string
	had := false
	for _, f := range fields {
		if f == filter {
			had = true
			continue
		}
		kept = append(kept, f)
	}
	if had {
		return strings.Join(kept, " "), true
	}
	return strings.TrimSpace(q + " " + filter), false
}

// pager fills the previous, next and numbered page links.
func (v *pageView) pager(link func(string, int) string, q string) {
	if v.Pages <= 1 {
		return
	}
	if v.Page > 1 {
		v.Prev = link(q, v.Page-1)
	}
	if v.Page < v.Pages {
		v.Next = link(q, v.Page+1)
	}
	first := max(1, v.Page-maxPageLinks/2)
	last := min(v.Pages, first+maxPageLinks-1)
	for n := first; n <= last; n++ {
		v.Numbers = append(v.Numbers, pageLink{Number: n, URL: link(q, n), Current: n == v.Page})
	}
}

// pageRenderer renders the results page in the site's frame (header with
// navigation and search box, footer, stylesheet) when the templates have
// the site's layout, else as a page of its own.
type pageRenderer struct {
	inLayout   *template.Template // nil without a usable layout
	standalone *template.Template
	frame      site.FrameData // of the results page; Query is set per request
	err        error
}

// contentGlue fills the layout's "content" with the results.
const contentGlue = `{{define "content"}}{{template "search-content" .}}{{end}}`

// siteName is the site's name in the frame, as package site has it by
// default.
const siteName = "条理"

func newPageRenderer(fsys fs.FS, base string) *pageRenderer {
	pr := &pageRenderer{}
	page, err := fs.ReadFile(fsys, resultsTemplate)
	if err != nil {
		pr.err = err
		return pr
	}
	if pr.standalone, pr.err = template.New(resultsTemplate).Parse(string(page)); pr.err != nil {
		return pr
	}
	t, err := site.ParsePage(fsys, resultsTemplate)
	if err == nil {
		_, err = t.New("search-glue").Parse(contentGlue)
	}
	css, js, aerr := site.AssetPaths(fsys)
	if err == nil && aerr == nil && t.Lookup("layout") != nil {
		pr.inLayout = t
		pr.frame = site.FrameData{SiteName: siteName, Root: base, Nav: "search", CSS: css, JS: js}
	}
	return pr
}

// render writes the page; should the site's layout fail, the standalone
// page stands in.
func (pr *pageRenderer) render(w http.ResponseWriter, status int, v *pageView) {
	if pr.err != nil {
		http.Error(w, "search page template: "+pr.err.Error(), http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if !pr.renderInLayout(&buf, v) {
		buf.Reset()
		if err := pr.standalone.ExecuteTemplate(&buf, "search-page", v); err != nil {
			http.Error(w, "search page: "+err.Error(), http.StatusInternalServerError)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (pr *pageRenderer) renderInLayout(buf *bytes.Buffer, v *pageView) bool {
	if pr.inLayout == nil {
		return false
	}
	fd := pr.frame
	fd.Query = v.Query
	frame, err := site.NewFrame(pr.inLayout, fd)
	if err != nil {
		return false
	}
	title := "搜索 · " + siteName
	if v.Query != "" {
		title = v.Query + " - " + title
	}
	v.Chrome = site.Chrome{PageTitle: title, Root: v.Base, URL: "search", BodyClass: "search", NoIndex: true, Frame: frame}
	return pr.inLayout.ExecuteTemplate(buf, "layout", v) == nil
}

// quoteWords writes words as a reader reads a list of them: “年假”、“天数”.
func quoteWords(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = "“" + w + "”"
	}
	return strings.Join(q, "、")
}
