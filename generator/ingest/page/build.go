package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/model"
)

// maxDerivedTitle is the longest title, in characters, taken from the
// first words of a document that prints none.
const maxDerivedTitle = 24

// build turns page document i of all into a document.
func build(in Input, all []*pageDoc, i int, d *pageDoc) *model.Document {
	kind := d.kind
	if kind == "" {
		f := featuresOf(d)
		f.alone = len(all) == 1
		kind = classify(d, f)
	}
	doc := &model.Document{Kind: kind}
	doc.Title, doc.Kicker, doc.Subtitle = titles(in, all, i, d, kind)
	doc.Sources = []model.Position{{Path: in.Path, Line: d.first()}}
	doc.Dateline = resolveDateline(d, in)
	doc.ContinuedFrom, doc.ContinuedTo = d.from, d.to
	doc.Credits, doc.Bylines, doc.Affiliation = d.credits, authorsLast(d.bylines, d.authors), d.affiliation
	doc.Body = body(in.Path, d, kind)
	doc.Date = docDate(d, doc, in)
	return doc
}

// authorsLast lists the reporters of a byline, then the authors of a
// closing author line; nil when there are none.
func authorsLast(bylines, authors []string) []string {
	if len(authors) == 0 {
		return bylines
	}
	return append(append([]string{}, bylines...), authors...)
}

// titles returns the title, kicker and subtitle of a page document. One
// that prints no headline takes its title from the context (a weather
// label, the regulation a carrier sentence announced), from the file when
// it is the file's only document, or from its first words.
func titles(in Input, all []*pageDoc, i int, d *pageDoc, kind string) (title, kicker, subtitle string) {
	if d.head != nil {
		text, kicker := withoutSiteName(d.head.text()), d.head.kicker()
		if k, t, ok := column(text); ok && kicker == "" {
			return t, k, d.head.subtitle()
		}
		if kicker == text { // a page that printed its title twice, once with its site's name
			kicker = ""
		}
		return text, kicker, d.head.subtitle()
	}
	switch {
	case d.hint != "":
		return d.hint, "", ""
	case kind == model.KindRegulation && i > 0 && all[i-1].carries != "":
		return all[i-1].carries, "", ""
	case len(all) == 1 && in.Meta.Title != "":
		text := withoutSiteName(in.Meta.Title)
		if k, t, ok := column(text); ok {
			return t, k, ""
		}
		return text, "", ""
	case len(all) == 1 && FileTitle(in.Path) != "":
		return FileTitle(in.Path), "", ""
	}
	for _, t := range []string{derivedTitle(d.body), FileTitle(in.Path)} {
		if t != "" {
			return t, "", ""
		}
	}
	return Untitled, "", ""
}

// Untitled is the title of a document that prints none and whose file
// name gives none.
const Untitled = "无题"

// derivedTitle is the first clause of the first paragraph, after its
// dateline, marked with … where it was cut.
func derivedTitle(body []block.Line) string {
	if len(body) == 0 {
		return ""
	}
	s := body[0].Text
	if _, rest, ok := dateline.Opening(s); ok && rest != "" {
		s = rest
	}
	cut := false
	if i := strings.IndexAny(s, "。！？；，,：:;!?"); i >= 0 {
		s, cut = s[:i], true
	}
	if r := []rune(s); len(r) > maxDerivedTitle {
		s, cut = string(r[:maxDerivedTitle]), true
	}
	s = strings.TrimSpace(s)
	if cut && s != "" {
		s += "…"
	}
	return s
}

// body returns the paragraphs of a document. A regulation keeps its title
// lines; a document that prints nothing but its headline keeps that.
func body(p string, d *pageDoc, kind string) []model.Paragraph {
	lines := d.body
	if d.head != nil && (kind == model.KindRegulation || len(lines) == 0) {
		lines = append(append([]block.Line{}, d.head.lines...), lines...)
	}
	out := make([]model.Paragraph, 0, len(lines))
	for _, l := range lines {
		out = append(out, model.Paragraph{
			Text: l.Text, Position: model.Position{Path: p, Line: l.Line},
			Heading: l.Heading, ListItem: l.ListItem, Row: l.Row, Header: l.Header, Rule: l.Rule,
		})
	}
	if kind != model.KindRegulation {
		markSubheads(out)
	}
	return out
}

// resolveDateline returns the opening dateline, else the closing one, with
// its year taken from the page.
func resolveDateline(d *pageDoc, in Input) *model.Dateline {
	m := d.opening
	if m == nil {
		m = d.closing
	}
	if m == nil {
		return nil
	}
	date := in.Date
	if date == "" {
		date = in.YearHint
	}
	return m.Resolve(date)
}

// docDate is the date of a document: its dateline's, a regulation's
// approval or latest history date, the date it was signed, the date its
// source line or byline gives, else the page's.
func docDate(d *pageDoc, doc *model.Document, in Input) string {
	if doc.Dateline != nil && doc.Dateline.Date != "" {
		return doc.Dateline.Date
	}
	if doc.Kind == model.KindRegulation {
		if date := issueDate(d); date != "" {
			return date
		}
	}
	for _, date := range []string{d.signDate, d.metaDate, particularsDate(d.body), d.pub.date, in.Date} {
		if date != "" {
			return date
		}
	}
	return ""
}

// particularsDate is the date of a line of the file's particulars (the
// block above a LawRefBook <!-- INFO END -->) that is a date and nothing
// else: a court case's 某某典型案例 / 最高人民法院发布 / 2022-03-15.
func particularsDate(body []block.Line) string {
	for _, l := range body {
		if !l.Header {
			break
		}
		if date, ok := cndate.OnlyDate(l.Text); ok {
			return date
		}
	}
	return ""
}

// issueDate is the latest date of the approval and history lines at the
// top of a regulation, or of its particulars block read as one text (a
// date or an event may be cut across its lines: 2014年9月26 / 日…批准) that enacts or amends its text: its latest 修正 or
// 修订 (刑法 amended in 2023 is dated 2023, however many lines come before),
// not the day it takes effect (2007年1月1日 施行).
func issueDate(d *pageDoc) string {
	if header := particulars(d.body); header != "" {
		return EnactedDate(header)
	}
	latest, seen := "", false
	for i, l := range d.body {
		// a history line of any length: 2024年4月26日…《关于修改〈…〉、〈…〉的决定》第二次修正
		meta := isApproval(l.Text) || isHistory(l.Text) || datedEvent(l.Text)
		if !meta && (seen || i > maxHeadLines) {
			break
		}
		if meta {
			seen = true
			latest = max(latest, EnactedDate(l.Text))
		}
	}
	return latest
}

// datedEvent reports whether a line at the top of a regulation is one
// event of its history that enacts or amends it: a date followed by the
// event, or an amendment under another text (cndate.AmendedBy:
// 根据1998年…会议通过的《…决定》, a 修正 listed under the 修订 above it).
func datedEvent(s string) bool {
	return cndate.AmendedBy(s) || cndate.Starts(s) && EnactedDate(s) != ""
}

// particulars joins the lines of a regulation's particulars block, ""
// when it has none.
func particulars(lines []block.Line) string {
	var b strings.Builder
	for _, l := range lines {
		if l.Header {
			b.WriteString(l.Text)
		}
	}
	return b.String()
}

// maxHeadLines is how far from the top of a regulation its first approval
// or history line may stand.
const maxHeadLines = 12

// EnactedDate is the latest date in a history or approval line that an
// enactment or amendment follows, "" when every date is followed only by
// 施行 or nothing. Meetings listed with their dates before one verb share
// it: in 2020年8月31日某法院审判委员会第1811次会议、2020年8月21日某检察院…会议通过
// both dates enact.
func EnactedDate(s string) string {
	latest := ""
	ds := cndate.Find(s)
	shared := false // the event after this one enacts and this one lists into it
	for i := len(ds) - 1; i >= 0; i-- {
		end := len(s)
		if i+1 < len(ds) {
			end = ds[i+1].Start
		}
		event := s[ds[i].End:end]
		enacts := cndate.Enacts(event) || shared && listsOn(event)
		if enacts {
			latest = max(latest, ds[i].ISO)
		}
		shared = enacts
	}
	return latest
}

// listsOn reports whether an event stops on a mark that lists it with the
// next one (…第1811次会议、) rather than ending it.
func listsOn(event string) bool {
	event = strings.TrimRightFunc(event, unicode.IsSpace)
	return strings.HasSuffix(event, "、") || strings.HasSuffix(event, "和")
}

// linkCarriers points every regulation carried inside a news item or
// notice at it: the item just before the regulation that announced its
// full text (《X》全文如下), or that names it in 《》.
func linkCarriers(pageDocs []*pageDoc, docs []*model.Document) {
	for i := 1; i < len(docs); i++ {
		reg, prev := docs[i], docs[i-1]
		if reg.Kind != model.KindRegulation || prev.Kind == model.KindRegulation {
			continue
		}
		announced := pageDocs[i-1].carries
		if announced != "" && (NormalTitle(announced) == NormalTitle(reg.Title) || pageDocs[i].head == nil) {
			reg.Carrier = prev
			continue
		}
		if names(prev, reg.Title) {
			reg.Carrier = prev
		}
	}
}

// names reports whether a document's title or text cites title in 《》.
func names(doc *model.Document, title string) bool {
	want := "《" + title + "》"
	if utf8.RuneCountInString(title) < 4 {
		return false
	}
	if strings.Contains(doc.Title, want) {
		return true
	}
	for _, p := range doc.Body {
		if strings.Contains(p.Text, want) {
			return true
		}
	}
	return false
}

// assignRepairs gives every repair to the document it falls in.
func assignRepairs(reps []model.Repair, pageDocs []*pageDoc, docs []*model.Document, p string) {
	for _, r := range reps {
		r.Path = p
		j := 0
		for k, d := range pageDocs {
			if d.first() <= r.Line {
				j = k
			}
		}
		if j < len(docs) {
			docs[j].Repairs = append(docs[j].Repairs, r)
		}
	}
}
