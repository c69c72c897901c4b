package site

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
	"tiaoli/generator/sourcename"
)

// refRow is a reference as a list shows it: the words as printed, where
// they are, and what they point at.
type refRow struct {
	Text       string // the reference as printed: 第三条第二款
	Href       string // where the reference is made
	From       string // the citation of where it is made
	Target     string // the citation of what it points at
	TargetHref string // "" when it points nowhere
	// Note says that the version linked is later than the one cited.
	Note     string
	External bool
	Context  template.HTML // the sentence around it, the reference marked
}

// termRow is a term in a list.
type termRow struct{ Term, Href, Tip, KindName string }

// variantRow is one variant of the apparatus.
type variantRow struct {
	Where, Href string
	Readings    []readingRow
	Chosen      string
	Rule        string
	Undecided   bool
}

// readingRow is one source's reading at a variant.
type readingRow struct {
	Source, Href, Text, Line string
	Before, After            string // the chosen text around the reading
	Chosen                   bool
}

// ruleNames say in Chinese why a reading was chosen.
var ruleNames = map[string]string{
	"repair":          "另一读法是修复痕迹",
	"corpus":          "所取读法在语料中复现",
	"pinned":          "编辑指定",
	"first-source":    "无规则可定，暂取首个来源",
	"paragraph-break": "分段不同：文字相同，各来源分段处不同，暂依首个来源分段",
	"numeral-form":    "数字写法不同：数值相同，依首个来源的写法，与全文其他数字一致",
}

// showBreaks marks where a reading breaks its paragraph: ¶.
func showBreaks(s string) string { return strings.ReplaceAll(s, "\n", " ¶ ") }

func ruleName(rule string) string {
	if n, ok := ruleNames[rule]; ok {
		return n
	}
	return rule
}

// variants lists the variants of d, or only those of one article.
func (r *renderer) variants(d *model.Document, article string, p fromPage) []variantRow {
	var out []variantRow
	for _, v := range d.Variants {
		if article != "" && v.Article != article {
			continue
		}
		row := variantRow{Where: v.Where, Chosen: showBreaks(v.Chosen), Rule: ruleName(v.Rule), Undecided: v.Undecided}
		if i := r.x.Article(d, v.Article); i >= 0 {
			a := d.Articles[i]
			row.Href = p.href(a.URL + lookup.Anchor(a, v.Paragraph, v.Item, 0))
		}
		for _, rd := range v.Readings {
			rr := readingRow{Source: rd.Source, Text: showBreaks(rd.Text), Line: lineNote(rd.Line), Chosen: rd.Text == v.Chosen,
				Before: v.ContextBefore, After: v.ContextAfter}
			if s := r.x.Source(rd.Source); s != nil {
				rr.Source, rr.Href = sourceName(s), p.href(s.URL)
			}
			row.Readings = append(row.Readings, rr)
		}
		out = append(out, row)
	}
	return out
}

// cites lists the references made in an article.
func (w *worker) cites(at place, p fromPage) []refRow {
	r := w.r
	var out []refRow
	for _, i := range r.refsFrom[at] {
		ref := r.c.References[i]
		row := refRow{Text: ref.Text, External: ref.External}
		if from, ok := r.x.Resolve(ref.From); ok && from.Where() != at.article {
			row.From, row.Href = from.Where(), p.href(from.URL())
		}
		url, _, _ := r.refTarget(ref)
		if url != "" {
			row.TargetHref = p.href(url)
		}
		row.Target = r.targetName(ref)
		if url != "" {
			row.Note = r.laterNote(ref)
		} else {
			row.Note = r.unlinkedNote(ref)
		}
		out = append(out, row)
	}
	return out
}

// targetName is the citation of what a reference points at. A reference
// the link stage leaves unlinked because it names an article of a version
// the corpus does not hold (unlinkedNote) is named by the place of that
// number in the version held, which its note says is not linked.
func (r *renderer) targetName(ref *model.Reference) string {
	if ref.To != nil && (!dangling(ref) || r.unlinkedNote(ref) != "") {
		if t, _ := r.x.Resolve(*ref.To); t.Doc != nil {
			return t.CitationThrough(r.end(ref))
		}
	}
	if ref.Title != "" {
		return lookup.Quote(ref.Title) + "（未收录）"
	}
	if note := beforeNote(ref); note != "" {
		return note
	}
	return "未能解析"
}

// end is where a reference's range ends (前两款, 第十条至第十二条), the
// zero Target when it names one place.
func (r *renderer) end(ref *model.Reference) lookup.Target {
	if ref.Through == nil {
		return lookup.Target{}
	}
	t, _ := r.x.Resolve(*ref.Through)
	return t
}

// citedBy lists the references that point at an article, or at a
// document from elsewhere.
func (w *worker) citedBy(at place, p fromPage) []refRow {
	r := w.r
	var out []refRow
	seen := map[citer]bool{} // a news item citing twice is listed once
	for _, i := range r.refsTo[at] {
		ref := r.c.References[i]
		if at.article == "" && ref.From.Document == at.doc {
			continue // 本办法 inside the document itself
		}
		from, ok := r.x.Resolve(ref.From)
		if from.Doc == nil {
			continue
		}
		if key := citingKey(from, *ref.To); seen[key] {
			continue
		} else {
			seen[key] = true
		}
		row := refRow{Text: ref.Text, From: citingName(from), Href: p.href(from.Doc.URL)}
		if ok {
			row.Href = p.href(from.URL())
			w.snippet(&w.txt, from.Text, ref.From.Start, ref.From.End, ref.Text)
			row.Context = w.txt.take()
		}
		if t, ok := r.x.Resolve(*ref.To); ok {
			row.Target, row.TargetHref = t.WhereThrough(r.end(ref)), p.href(t.URL())
		}
		row.Note = r.laterNote(ref)
		out = append(out, row)
	}
	return out
}

// citingKey tells apart the places that cite a target: a document
// without articles (a news item) is one place however many of its
// paragraphs cite it; an article, 款 or 项 is a place of its own.
func citingKey(from lookup.Target, to model.Location) citer {
	to.Start, to.End = 0, 0
	if from.Article == nil {
		return citer{from.Doc.ID, to}
	}
	return citer{from.Citation(), to}
}

// citer is a place that cites (a document's ID, or an article's
// citation) and what it cites.
type citer struct {
	from string
	to   model.Location
}

// citingName names a place that cites: a news item by its headline alone,
// an article by its citation.
func citingName(from lookup.Target) string {
	if from.Article == nil {
		return lookup.Cite(from.Doc)
	}
	return from.Citation()
}

// termRows lists terms by their indexes.
func (r *renderer) termRows(idx []int, p fromPage) []termRow {
	out := make([]termRow, 0, len(idx))
	for _, i := range idx {
		t := r.c.Terms[i]
		out = append(out, termRow{Term: t.Term, Href: p.href(t.URL), Tip: r.tips[i], KindName: termKindNames[t.Kind]})
	}
	return out
}

// definedTerms lists the terms a document defines.
func (r *renderer) definedTerms(d *model.Document, p fromPage) []termRow {
	return r.termRows(r.definedIn[d.ID], p)
}

// snippet writes the part of text around [start, end) with that span
// marked. When the offsets do not fit the text, the first occurrence of
// want is marked instead.
func (w *worker) snippet(b *textBuilder, text string, start, end int, want string) {
	const radius = 40
	if start < 0 || end > len(text) || start >= end || !utf8.RuneStart(text[start]) ||
		(end < len(text) && !utf8.RuneStart(text[end])) || (want != "" && text[start:end] != want) {
		start = strings.Index(text, want)
		if want == "" || start < 0 {
			b.escape(clip(text, 2*radius))
			return
		}
		end = start + len(want)
	}
	from, to := start, end
	for n := 0; n < radius && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	for n := 0; n < radius && to < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	if from > 0 {
		b.WriteString("…")
	}
	b.escape(text[from:start])
	b.WriteString("<mark>")
	b.escape(text[start:end])
	b.WriteString("</mark>")
	b.escape(text[end:to])
	if to < len(text) {
		b.WriteString("…")
	}
}

// laterNote says, for a reference to an article, 款 or 项 of a version
// made after the text that cites it (lookup.LaterVersion), that the one
// cited is not collected and which version is shown; "" for any
// other reference. A reference to a whole document needs no note: it
// leads to the law, whatever its version.
func (r *renderer) laterNote(ref *model.Reference) string {
	return r.versionDated(ref, "引用的是%s时的文本（未收录），此为%s文本，条文可能不同")
}

// unlinkedNote says, for a reference left unresolved that names a place in
// a version made after the text that cites it (the link stage found the
// article, but could not take it for the one cited: the versions renumber
// their articles, or the citing sentence does not speak of it), that the
// text cited is not collected and the one collected is not linked; "" for
// any other reference.
func (r *renderer) unlinkedNote(ref *model.Reference) string {
	if !dangling(ref) {
		return ""
	}
	return r.versionDated(ref, "引用的是%s时的文本（未收录）；所收录的%s文本中的同号条文不能确定就是所引条文，不链接")
}

// versionDated is format filled with the dates of the text cited and of the
// later version a reference to an article names (versionWhen); "" when
// the reference names no article, or a version not later than the text.
func (r *renderer) versionDated(ref *model.Reference, format string) string {
	if ref.To == nil || ref.To.Article == "" {
		return ""
	}
	from, to := r.x.Document(ref.From.Document), r.x.Document(ref.To.Document)
	if cited, linked, ok := lookup.LaterVersion(from, to); ok {
		cited, linked = versionWhen(cited, linked)
		return fmt.Sprintf(format, cited, linked)
	}
	return ""
}

// beforeNote says, for a reference to its text as it was before the
// version the corpus holds (model.Reference.Earlier: a decision printed
// before the text it amends cites the text it amends), that the one cited
// is not collected; "" for any other reference.
func beforeNote(ref *model.Reference) string {
	switch {
	case !ref.Earlier:
		return ""
	case ref.Before == "":
		return "引用的是修订前的文本（未收录）" // the day it was replaced is not known
	}
	return fmt.Sprintf("引用的是%s以前的文本（未收录）", sourcename.Date(ref.Before))
}

// versionWhen writes the dates of a citation and of the later version it
// leads to by their years (1991年, 2018年), or in full when both fall in
// one year (2020年3月1日, 2020年12月29日), where the years alone would read
// as the same text.
func versionWhen(cited, linked string) (string, string) {
	if cy, ly := cndate.Year(cited), cndate.Year(linked); cy != ly {
		return cy + "年", ly + "年"
	}
	return sourcename.Date(cited), sourcename.Date(linked)
}
