package site

import (
	"encoding/json"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/generator/sourcename"
)

// linkItem is a link with its text and a note after it.
type linkItem struct{ Href, Text, Note string }

// metaItem is one label of a document's particulars and its values: the
// lines of 沿革 under one 沿革.
type metaItem struct {
	Label  string
	Values []string
}

// docHead is what every page of a document shows about it.
type docHead struct {
	Doc         *model.Document
	DocHref     string
	KindName    string
	Status      string
	StatusClass string
	GoTo        *goTo // the go-to-article box, on regulations
	// Version places the document among the versions of its work.
	Version *versionNote
}

// goTo is the go-to-article box: the document page and the list of its
// articles that the script reads.
type goTo struct{ Base, List string }

// docPage is the page of one document.
type docPage struct {
	Chrome   Chrome
	Head     docHead
	Date     string
	Dateline string
	Meta     []metaItem
	Carrier  *linkItem
	Carries  []linkItem
	Versions []linkItem
	Sources  []linkItem
	TOC      template.HTML
	// TOCOpen opens the table of contents; a long one starts closed.
	TOCOpen  bool
	Text     template.HTML
	Variants []variantRow
	CitedBy  []refRow
	Terms    []termRow
}

// documentJobs appends the jobs of the pages of d: its own, one per
// article or section, and its list of articles. URLs already taken by
// earlier pages (seen) are left to them. The pages of a document whose
// digests are unchanged since a build the Writer holds are one job that
// keeps them (keptDocumentJob).
func (r *renderer) documentJobs(jobs []job, d *model.Document, seen map[string]bool) []job {
	if !claim(seen, d.URL) {
		return jobs
	}
	if r.state.keeps(r.opts.Previous, d) || r.state.keeps(r.opts.Recycled, d) {
		return append(jobs, r.keptDocumentJob(d, seen))
	}
	return r.pageJobs(jobs, d, func(_ int, url string) bool { return claim(seen, url) })
}

// pageJobs appends the jobs of the pages of d: its own, those of its
// articles and sections that free gives (by their number: the articles'
// indices, then the sections' after them), and its list of articles.
func (r *renderer) pageJobs(jobs []job, d *model.Document, free func(unit int, url string) bool) []job {
	jobs = append(jobs, pageJob(d.URL, func(w *worker) error { return w.documentPage(d) }))
	for i, a := range d.Articles {
		if a == nil || !free(i, a.URL) {
			continue
		}
		i := i
		jobs = append(jobs, pageJob(a.URL, func(w *worker) error { return w.articlePage(d, i) }))
	}
	for i, s := range d.Sections {
		if s == nil || !free(len(d.Articles)+i, s.URL) {
			continue
		}
		i := i
		jobs = append(jobs, pageJob(s.URL, func(w *worker) error { return w.sectionPage(d, i) }))
	}
	if len(d.Articles) > 0 {
		jobs = append(jobs, job{files: []string{articleListFile(d)}, render: func(w *worker) error { return w.articleList(d) }})
	}
	return jobs
}

// keptDocumentJob is the job that keeps the pages of d, whose URL is
// claimed: it claims the URLs of its articles and sections now (seen),
// and lists the jobs of its pages only when the Writer cannot keep them.
// Listing them for every kept document took 0.1 CPU-s of a rebuild of the
// LawRefBook corpus. It names no file: only Render keeps pages, and it
// looks no file up (Lazy keeps none).
func (r *renderer) keptDocumentJob(d *model.Document, seen map[string]bool) job {
	var taken []int // units whose URLs earlier pages took
	for i, a := range d.Articles {
		if a != nil && !claim(seen, a.URL) {
			taken = append(taken, i)
		}
	}
	for i, s := range d.Sections {
		if s != nil && !claim(seen, s.URL) {
			taken = append(taken, len(d.Articles)+i)
		}
	}
	render := func(w *worker) error {
		for _, j := range r.pageJobs(nil, d, func(unit int, _ string) bool { return !slices.Contains(taken, unit) }) {
			if err := j.render(w); err != nil {
				return err
			}
		}
		return nil
	}
	return job{render: func(w *worker) error { return w.keepTree(d.URL, render) }}
}

// keepTree keeps the pages at url and below it (a document's, a term's)
// from the published build, or where the Writer holds them (Retainer), or
// renders them when it cannot.
func (w *worker) keepTree(url string, render func(w *worker) error) error {
	if k, ok := w.out.(TreeKeeper); ok {
		kept, err := k.KeepTree(treeOf(url))
		if kept || err != nil {
			return err
		}
	}
	return render(w)
}

// head is what a page at p shows about document d.
func (r *renderer) head(d *model.Document, p fromPage) docHead {
	h := docHead{Doc: d, DocHref: p.href(d.URL), KindName: KindName(d.Kind), Status: d.Status}
	if d.Status != "" {
		h.StatusClass = statusClass(d.Status)
	}
	h.Version = r.versionNote(d, p)
	if len(d.Articles) > 0 {
		h.GoTo = &goTo{Base: p.href(d.URL), List: p.href(d.URL + "articles.json")}
	}
	return h
}

func (w *worker) documentPage(d *model.Document) error {
	r := w.r
	p := fromPage{root: rootOf(d.URL), url: d.URL}
	pg := docPage{Chrome: r.chrome(d.URL, d.Title, navOf(d), "document kind-"+d.Kind), Head: r.head(d, p),
		Date: bylineDate(d), Meta: docMeta(d)}
	if d.Dateline != nil && !bodyStartsWith(d, d.Dateline.Text) {
		pg.Dateline = d.Dateline.Text
	}
	if c := r.x.Document(d.Parent); c != nil {
		pg.Carrier = &linkItem{Href: p.href(c.URL), Text: c.Title}
	}
	pg.Carries = r.docLinks(d.Carries, p)
	pg.Versions = r.docLinks(d.Versions, p)
	pg.Sources = r.sourceLinks(d, p)
	if len(d.Articles) > 0 || len(d.Sections) > 0 {
		w.toc(&w.txt, d)
		pg.TOC = w.txt.take()
		pg.TOCOpen = len(d.Articles) <= 300
	}
	if len(d.Articles) > 0 || len(d.Sections) > 0 || len(d.Preamble) > 0 {
		w.fullText(&w.txt, d, p)
	}
	if len(d.Articles) == 0 && len(d.Sections) == 0 {
		w.bodyFrom(&w.txt, d.Body, repeatedHeader(d), address.PartPrefix(""), p)
	}
	pg.Text = w.txt.take()
	pg.Variants = r.variants(d, "", p)
	pg.CitedBy = w.citedBy(place{d.ID, ""}, p)
	pg.Terms = r.definedTerms(d, p)
	return w.page("document", d.URL, pg)
}

// navOf is the navigation item a document's pages belong to.
func navOf(d *model.Document) string {
	if d.Kind == model.KindRegulation {
		return "regulation"
	}
	return "kind-" + d.Kind
}

// bylineDate is the date under a document's title: none when its
// particulars give its dates (公布日期, 施行日期, 沿革, 批准与发布), where a
// bare date beside them would read as one of them and may differ.
func bylineDate(d *model.Document) string {
	if d.Published != "" || d.ValidFrom != "" || d.Approval != "" || len(d.History) > 0 {
		return ""
	}
	return docDate(d)
}

// docMeta lists a document's particulars in reading order. A news item's
// authors are its bylines, else the reporters its dateline names.
func docMeta(d *model.Document) []metaItem {
	var m []metaItem
	add := func(label, value string) {
		switch {
		case value == "":
		case len(m) > 0 && m[len(m)-1].Label == label:
			m[len(m)-1].Values = append(m[len(m)-1].Values, value)
		default:
			m = append(m, metaItem{label, []string{value}})
		}
	}
	add("版本", strings.Trim(d.VersionMark, "（）()")) // what the collector's title named it by
	add("发布机关", d.Issuer)
	add("批准与发布", d.Approval)
	add("公布日期", d.Published)
	add("施行日期", d.ValidFrom)
	if d.ValidFrom == "" && d.PrintedValidFrom != "" {
		add("施行日期", "本文本未载明本次修改后的施行日期（文中所载"+sourcename.Date(d.PrintedValidFrom)+"为此前文本的施行日期）")
	}
	for _, h := range d.History {
		add("沿革", h)
	}
	authors := d.Bylines
	if len(authors) == 0 && d.Dateline != nil { // 本报北京2月11日电 （记者闫伊乔）
		authors = d.Dateline.Reporters
	}
	for _, b := range authors {
		add("作者", b)
	}
	add("作者单位", d.Affiliation)
	for _, c := range d.Credits {
		add("图片", c)
	}
	add("上接", d.ContinuedFrom)
	add("下转", d.ContinuedTo)
	return m
}

// docLinks links the documents with the given IDs that exist.
func (r *renderer) docLinks(ids []string, p fromPage) []linkItem {
	var out []linkItem
	for _, id := range ids {
		if d := r.x.Document(id); d != nil {
			out = append(out, linkItem{Href: p.href(d.URL), Text: d.Title, Note: docDate(d)})
		}
	}
	return out
}

// bodyStartsWith reports whether the first paragraph of a document's
// body prints text (its dateline, say) at its start: the page then
// shows it once, in the text.
func bodyStartsWith(d *model.Document, text string) bool {
	return text != "" && len(d.Body) > 0 && strings.HasPrefix(d.Body[0].Text, text)
}

// sourceLinks links the sources a document was read from.
func (r *renderer) sourceLinks(d *model.Document, p fromPage) []linkItem {
	var out []linkItem
	for _, pos := range d.Sources {
		s := r.x.Source(pos.Path)
		if s == nil {
			out = append(out, linkItem{Text: pos.Path, Note: lineNote(pos.Line)})
			continue
		}
		out = append(out, linkItem{Href: p.href(s.URL), Text: sourceName(s), Note: lineNote(pos.Line)})
	}
	return out
}

func lineNote(line int) string {
	if line <= 0 {
		return ""
	}
	return "第" + strconv.Itoa(line) + "行"
}

// sourceName is how a source is named to readers (package sourcename);
// its file's name only for a source that was never named.
func sourceName(s *model.Source) string {
	if s.Name != "" {
		return s.Name
	}
	return path.Base(s.Path)
}

// articleListFile is the list of a document's articles:
// d/<doc>/articles.json.
func articleListFile(d *model.Document) string { return d.URL + "articles.json" }

// articleList writes articleListFile(d): the URL slugs of its articles in
// order, which the go-to-article box reads.
func (w *worker) articleList(d *model.Document) error {
	slugs := make([]string, 0, len(d.Articles))
	for _, a := range d.Articles {
		if a != nil {
			slugs = append(slugs, address.DocumentAnchor(a, ""))
		}
	}
	data, err := json.Marshal(slugs)
	if err != nil {
		return errorf(articleListFile(d), err)
	}
	return w.file(articleListFile(d), data)
}

// repeatedHeader counts the paragraphs at the top of a regulation's body
// that print again what the page's heading and particulars show: its
// title, its particulars block, its approval and history lines. A
// regulation without articles or sections shows its body, which starts
// with them; other documents' bodies start after their headline.
func repeatedHeader(d *model.Document) int {
	if d.Kind != model.KindRegulation {
		return 0
	}
	meta := foldMeta(d.Approval + strings.Join(d.History, ""))
	title := foldMeta(d.ListedTitle())
	n := 0
	for _, para := range d.Body {
		t := foldMeta(para.Text)
		if !para.Header && !repeatsTitle(title, t) && (t == "" || !strings.Contains(meta, t)) {
			break
		}
		n++
	}
	return n
}

// repeatsTitle reports whether a folded line is the folded title, maybe
// without the year the title adds to tell versions apart (某某批复（2000）).
func repeatsTitle(title, line string) bool {
	n := utf8.RuneCountInString(line)
	return n >= 8 && strings.HasPrefix(title, line) && utf8.RuneCountInString(title)-n <= 6
}

// foldMeta makes a header line comparable with the title or the history
// events read from it: no spaces or brackets.
func foldMeta(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("()（）", r) {
			return -1
		}
		return r
	}, s)
}
