package search

import (
	"strings"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
	"tiaoli/generator/status"
)

// KindTerm is the kind of the search document of a term page; the other
// kinds are the document kinds of package model.
const KindTerm = "term"

// searchDoc is one unit of search: an article, a top-level section, a
// document or a term. Its ID is the URL of its page.
type searchDoc struct {
	ID      string
	Title   string
	Heading []string
	Labels  []string // an article's label, as printed and with digits: 第五条, 第5条
	Article string   // 第五条
	Lines   []string
	Anchors []string // one per line: p2, p2-i3; "" for none
	Issuer  string
	Whole   bool // a whole document, not an article, section or term
	Kind    string
	Doc     string
	Date    string
	// Status is the status of a version no longer in force (已修改,
	// 已废止), "" for any other.
	Status string
}

// fields returns the document as bleve indexes it, and its head (title,
// headings, issuer). The analysed texts are width folded first (see
// foldWidth), but the body and title are stored as printed, for results
// to quote (the body's analyzer folds it as it indexes);
// empty fields are left out. A head that articles share (see sharedHead)
// is not a field: it goes to the side file of heads. The Han characters
// of the head, labels and text go to the side file of single characters.
func (d *searchDoc) fields() (m map[string]interface{}, head string) {
	title := foldWidth(d.Title)
	heading := foldWidth(strings.Join(d.Heading, "\n"))
	text := strings.Join(d.Lines, "\n")
	head = joinNonEmpty(title, heading, foldWidth(d.Issuer))
	m = map[string]interface{}{
		fieldKind:  d.Kind,
		fieldTitle: d.Title, // stored as printed, for results to show
	}
	if !d.sharedHead() {
		m[fieldHead] = head
	}
	put := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	put(fieldText, text)
	if d.Whole {
		put(fieldDocTitle, title)
	}
	if len(d.Labels) > 0 {
		m[fieldLabel] = d.Labels
	}
	put(fieldHeading, heading)
	put(fieldArticle, d.Article)
	put(fieldDoc, d.Doc)
	put(fieldDate, d.Date)
	put(fieldStatus, d.Status)
	if hasAnchor(d.Anchors) {
		put(fieldAnchors, strings.Join(d.Anchors, " "))
	}
	facets := []string{facetValue(FilterKind, d.Kind)}
	if d.Doc != "" {
		facets = append(facets, facetValue(FilterDoc, d.Doc))
	}
	if len(d.Date) >= 4 {
		facets = append(facets, facetValue(FilterYear, d.Date[:4]))
	}
	if d.Status != "" {
		facets = append(facets, facetValue(facetStatus, statusSuperseded))
	}
	m[fieldFacet] = facets
	return m, head
}

// sharedHead reports whether the document is an article or section, whose
// head (its document's title, its 编/章/节) the others of its part share:
// indexed once for all of them in the side file of heads, it costs a
// tenth of the index's tokens less (see heads.go).
func (d *searchDoc) sharedHead() bool { return !d.Whole && d.Kind != KindTerm }

// joinNonEmpty joins the non-empty texts, one a line.
func joinNonEmpty(list ...string) string {
	return strings.Join(nonEmpty(list...), "\n")
}

func hasAnchor(list []string) bool {
	for _, a := range list {
		if a != "" {
			return true
		}
	}
	return false
}

// eachDoc calls f for every search document of c, in corpus order: for
// each document its own search document, then its articles or sections;
// then the terms. It stops at the first error f returns.
func eachDoc(c *model.Corpus, f func(*searchDoc) error) error {
	for _, d := range c.Documents {
		if err := docsOf(d, f); err != nil {
			return err
		}
	}
	for _, t := range c.Terms {
		if err := f(termDoc(t)); err != nil {
			return err
		}
	}
	return nil
}

// docsOf calls f for the search documents of one document: its own, then
// its articles or sections.
func docsOf(d *model.Document, f func(*searchDoc) error) error {
	if err := f(documentDoc(d)); err != nil {
		return err
	}
	for _, a := range d.Articles {
		if err := f(articleDoc(d, a)); err != nil {
			return err
		}
	}
	for _, s := range d.Sections {
		if err := f(sectionDoc(d, s)); err != nil {
			return err
		}
	}
	return nil
}

// documentDate is the date a document is filed under (see
// reconcile.ListedDate).
func documentDate(d *model.Document) string {
	return reconcile.ListedDate(d)
}

// supersededStatus is the status of a document that is a version no
// longer in force (已修改, 已废止), "" for any other.
func supersededStatus(d *model.Document) string {
	if d.Status == status.Amended || d.Status == status.Repealed {
		return d.Status
	}
	return ""
}

// documentDoc is the search document of a document page. For a
// regulation split into articles or sections it holds only what is not in
// them (approval line, history, preamble, appendix), so that a query
// matching an article finds the article, and one matching the title finds
// the document.
func documentDoc(d *model.Document) *searchDoc {
	s := &searchDoc{
		ID: d.URL, Title: d.ListedTitle(), Issuer: d.Issuer, Kind: d.Kind, Whole: true,
		Doc: d.ID, Date: documentDate(d), Status: supersededStatus(d),
	}
	s.Heading = nonEmpty(d.Kicker, d.Subtitle)
	if len(d.Articles) == 0 && len(d.Sections) == 0 {
		s.Lines = paragraphLines(d.Body, d.Title)
		return s
	}
	s.Lines = nonEmpty(d.Approval)
	s.Lines = append(s.Lines, d.History...)
	s.Lines = append(s.Lines, paragraphLines(d.Preamble, "")...)
	s.Lines = append(s.Lines, paragraphLines(d.Appendix, "")...)
	return s
}

// paragraphLines is the text of paragraphs, one line each, leaving out a
// heading that only repeats the title.
func paragraphLines(ps []model.Paragraph, title string) []string {
	var out []string
	head := ""
	for _, p := range ps {
		t := strings.TrimSpace(p.Text)
		if t == "" || (p.Heading > 0 && t == title) {
			continue
		}
		head, t = rowLine(head, p.Row, t)
		out = append(out, t)
	}
	return out
}

// rowLine indexes a table row with its header: it returns the header the
// rows after this one have and the line to index.
func rowLine(head, row, text string) (string, string) {
	switch row {
	case model.RowHead:
		return text, text
	case model.RowBody:
		return head, model.Headed(head, text)
	}
	return "", text
}

// articleDoc is the search document of a 条: one line per 款 and per 项,
// each with the anchor package address gave its place on the article page. The issuer is
// left to the document's own search document: on every article of a
// State Council regulation, 国务院 would match the issuer, not the text.
func articleDoc(d *model.Document, a *model.Article) *searchDoc {
	s := &searchDoc{
		ID: a.URL, Title: d.ListedTitle(), Heading: a.Path, Article: a.Label,
		Labels: articleLabels(a), Kind: d.Kind,
		Doc: d.ID, Date: documentDate(d), Status: supersededStatus(d),
	}
	head := ""
	for _, c := range a.Clauses {
		if c == nil {
			continue
		}
		var t string
		head, t = rowLine(head, c.Row, strings.TrimSpace(c.Text))
		if t != "" {
			s.Lines = append(s.Lines, t)
			s.Anchors = append(s.Anchors, c.Anchor)
		}
		for _, it := range c.Items {
			if it != nil {
				s.addItem(it, it.Anchor)
			}
		}
	}
	return s
}

// addItem adds a 项 and its 目 as lines under one anchor.
func (s *searchDoc) addItem(it *model.Item, anchor string) {
	if t := strings.TrimSpace(it.Label + it.Text); t != "" {
		s.Lines = append(s.Lines, t)
		s.Anchors = append(s.Anchors, anchor)
	}
	for _, sub := range it.Items {
		s.addItem(sub, anchor)
	}
}

// articleLabels are the label as printed and with Arabic digits, so that
// 第五条 and 第5条 both find the article.
func articleLabels(a *model.Article) []string {
	text := label.ArticleText(a.Number, a.Suffix)
	digits := label.ArticleDigits(a.Number, a.Suffix)
	if a.Label != "" && a.Label != text {
		return []string{a.Label, text, digits}
	}
	return []string{text, digits}
}

// sectionDoc is the search document of a top-level section of a document
// without 条, its subsections included.
func sectionDoc(d *model.Document, sec *model.Section) *searchDoc {
	s := &searchDoc{
		ID: sec.URL, Title: d.ListedTitle(), Heading: nonEmpty(sec.Label + sec.Title),
		Article: strings.TrimSpace(sec.Label + sec.Title),
		Kind:    d.Kind, Doc: d.ID, Date: documentDate(d), Status: supersededStatus(d),
	}
	addSection(s, sec, true)
	return s
}

func addSection(s *searchDoc, sec *model.Section, top bool) {
	if !top {
		if h := strings.TrimSpace(sec.Label + sec.Title); h != "" {
			s.Lines = append(s.Lines, h)
		}
	}
	s.Lines = append(s.Lines, paragraphLines(sec.Body, "")...)
	for _, sub := range sec.Sections {
		addSection(s, sub, false)
	}
}

// termDoc is the search document of a term page.
func termDoc(t *model.Term) *searchDoc {
	s := &searchDoc{ID: t.URL, Title: t.Term, Kind: KindTerm}
	s.Heading = nonEmpty(t.Expansion)
	s.Lines = nonEmpty(t.Definition)
	s.Lines = append(s.Lines, t.Members...)
	if t.DefinedIn != nil {
		s.Doc = t.DefinedIn.Document
	}
	return s
}

func nonEmpty(list ...string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
