// Package page splits the printed lines of one source into its documents:
// the news items, notices, regulations, photos, advertisements,
// announcements, weather reports and lottery results of a newspaper page,
// or the one regulation or article of a file that holds only that.
//
// How a page is split:
//
//   - A headline group opens a document: one or more consecutive headings
//     or bold lines, whatever their levels; the strongest is the title
//     (the first of equals), lines before it the kicker (引题), lines after
//     it the subtitle (副题). Headings that are structure (第一章, 一、,
//     附件) never open a document. In plain text, with no markup, a short
//     line without sentence punctuation opens one when the context shows it
//     is a title: the previous item ended (a credit, a closing dateline, a
//     carrier sentence, the articles of a regulation), it is followed by a
//     dateline, byline, approval line or 第一条, a photo credit follows
//     within a few lines, or it is one of several title lines in a row.
//   - A continuation mark (上接第一版) opens a document; 下转第二版 ends one,
//     and so does a closing dateline. A weather report opens one where its
//     label or temperatures start. Once a document is open, a headline
//     opens the next only on evidence (see segmenter.opensHere): without
//     it, it heads a section of the current document.
//   - A sentence saying a regulation's full text follows (《X》全文如下)
//     ends the news item; the regulation after it is a document of its own
//     whose Carrier is that news item.
//   - A file that holds one regulation (articles, or the numbered sections
//     of a text whose title names a regulation, with nothing before them
//     that opens another item) is one document of kind regulation, however
//     many headings it has. A file whose front matter names its title is
//     one article: later headings are its subheads.
//
// Datelines, bylines, photo credits, continuation marks and source lines
// become metadata; datelines printed at the start of a paragraph stay in
// its text. A regulation's Body starts with its title line and approval
// line as printed; other documents' Body starts after the headline group.
package page

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/model"
)

// Input is one source, read and repaired.
type Input struct {
	Path  string // slash-separated, relative to the content folder
	Meta  block.Meta
	Lines []block.Line
	// Repairs made to the lines, each given to the document it falls in.
	Repairs []model.Repair
	// Date is the page's date (YYYY-MM-DD) as the file declares it (front
	// matter, file name), "" when unknown. Documents with no date of their
	// own take it.
	Date string
	// Article says the file holds one article, as a saved web page does:
	// headings after its headline are its subheads (a regulation whose full
	// text it carries is still a document of its own).
	Article bool
	// YearHint is a date printed on the page, used only to complete
	// datelines that print no year when Date is "".
	YearHint string
	// Markdown says the file is Markdown, as a clipped article is; a
	// plain-text page (OCR) that starts with a sentence goes on with an
	// item from the page before, and is no untitled article.
	Markdown bool
}

// Split returns the documents of a source in the order they start.
func Split(in Input) []*model.Document {
	pageDocs := segment(in)
	docs := make([]*model.Document, 0, len(pageDocs))
	var built []*pageDoc
	for _, d := range pageDocs {
		if d.head == nil && len(d.body) == 0 {
			continue
		}
		built = append(built, d)
	}
	if len(built) == 1 {
		demoteLabel(in, built[0])
	}
	for i, d := range built {
		docs = append(docs, build(in, built, i, d))
	}
	linkCarriers(built, docs)
	assignRepairs(in.Repairs, built, docs, in.Path)
	return docs
}

// segment chooses how to split the source and splits it.
func segment(in Input) []*pageDoc {
	if d, ok := standaloneRegulation(in.Lines); ok {
		docs := splitTexts(d)
		for _, d := range docs {
			splitSections(d)
		}
		return docs
	}
	s := &segmenter{lines: in.Lines, plain: true}
	for _, l := range in.Lines {
		if l.Marked() {
			s.plain = false
		}
		if l.Heading > 0 {
			s.headings = true
			break
		}
	}
	s.single = in.Article || singleArticle(in) || untitledArticle(in)
	pageDocs := s.run()
	for _, d := range pageDocs {
		splitSections(d)
	}
	return pageDocs
}

// maxLabel is the longest headline, in characters, read as a section
// label rather than a title.
const maxLabel = 6

// demoteLabel turns the headline of a file's only document into body text
// when it reads as a section label (编者按, 【案情】, 问题：) and the file's
// name gives a real title.
func demoteLabel(in Input, d *pageDoc) {
	if d.head == nil || in.Meta.Title != "" || !hasHan(FileTitle(in.Path)) {
		return
	}
	t := d.head.text()
	if NormalTitle(t) == NormalTitle(undated(FileTitle(in.Path))) {
		return // the file is named after its headline: a title, however short
	}
	if sectionLabel(t) {
		d.body = append(append([]block.Line{}, d.head.lines...), d.body...)
		d.head = nil
	}
}

// sectionLabel reports whether a headline reads as the label of a section
// of a text rather than its title: a short one (基本案情, 编者按), one ending
// in a colon (开栏的话：) or one in 【】.
func sectionLabel(t string) bool {
	return utf8.RuneCountInString(t) <= maxLabel || strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") ||
		(strings.HasPrefix(t, "【") && strings.HasSuffix(t, "】"))
}

// untitledArticle reports whether the file is one article that leaves its
// title to the file's name: a Markdown file that declares no title, whose
// name gives one, and
// its first line is not a title but the label of its first section
// (基本案情, 开栏的话：) or a sentence of text, printed as a line, not as a
// Markdown heading or list item. Such a file has no headline
// of its own to open a document with, so the headings, title-like lines
// and photo credits further down are its subheads and captions, not the
// starts of other items.
func untitledArticle(in Input) bool {
	if !in.Markdown || in.Meta.Title != "" || len(in.Lines) == 0 {
		return false
	}
	name := undated(FileTitle(in.Path))
	first := in.Lines[0]
	if !hasHan(name) || NormalTitle(unwrap(first.Text)) == NormalTitle(name) {
		return false
	}
	if first.Heading > 0 || first.ListItem {
		return false // a collection's heading (# 党内法规) heads what follows
	}
	return sectionLabel(unwrap(first.Text)) || !first.Strong && isSentence(first.Text)
}

// isSentence reports whether s is text rather than a title: it runs past
// the longest title or ends a sentence.
func isSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return utf8.RuneCountInString(s) > maxTitle || strings.ContainsRune("。！？!?", last) && strings.Contains(s, "，")
}

// singleArticle reports whether the file's metadata names a title that
// the file prints as its first headline: the file is one article.
func singleArticle(in Input) bool {
	if in.Meta.Title == "" {
		return false
	}
	want := NormalTitle(in.Meta.Title)
	for i, l := range in.Lines {
		if i >= maxGroup+2 {
			break
		}
		if l.Marked() && NormalTitle(l.Text) == want {
			return true
		}
	}
	return false
}

// fileDate is a date in brackets at the end of a file name:
// 公司法(2018-10-26).
var fileDate = regexp.MustCompile(`\s*[(（]\d{4}-\d{2}-\d{2}[)）]$`)

// undated is a file title without its bracketed date.
func undated(title string) string { return fileDate.ReplaceAllString(title, "") }

// FileTitle is the title a file's name gives: its base name without
// extension, with underscores read as spaces, and without what saving or
// copying the file added to the title: a copy number (标题 (1), 标题 2) and
// the name of the website it was saved from (标题————栏目——某某网站).
func FileTitle(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	t := strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '_' || unicode.IsSpace(r) }), " ")
	t = copyMark.ReplaceAllString(t, "")
	if s := siteSuffix.ReplaceAllString(t, ""); s != "" {
		t = copyMark.ReplaceAllString(s, "")
	}
	return t
}

// copyMark is the number a file manager or browser gives the copy of a
// file whose name is taken (标题 (1), 标题 2): after a space, one digit or
// one or two in brackets. A title's own number is not spaced off (第2期)
// and a year has four digits.
var copyMark = regexp.MustCompile(`\s+(?:[(（][0-9]{1,2}[)）]|[1-9])$`)

// siteSuffix is the website a page was saved from, appended to its title
// after a run of dashes, with the column it stood in: ————栏目——某某网站.
// Its parts have no punctuation and the last ends in 网站, which a subtitle
// (——访某某, ——以某某为例) does not; a site named 某某网 is not recognised,
// since a subtitle may end in 网.
var siteSuffix = regexp.MustCompile(`\s*(?:(?:—{2,}|―{2,}|─{2,}|-{2,})[^\p{P}\p{S}\s]{1,16}){0,3}?(?:—{2,}|―{2,}|─{2,}|-{2,})[^\p{P}\p{S}\s]{1,16}网站$`)

var titleTrim = regexp.MustCompile(`[\s*_#]+`)

// NormalTitle is a title reduced for comparison: no white space or
// markup characters, full-width letters and digits and brackets folded,
// surrounding punctuation removed. Two sources print the same document
// when their normalised titles are equal.
func NormalTitle(s string) string {
	s = titleTrim.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			return r - 0xFEE0
		case r == '（' || r == '〔':
			return '('
		case r == '）' || r == '〕':
			return ')'
		case r == '，':
			return ','
		case r == '：':
			return ':'
		case r == '！':
			return '!'
		case r == '？':
			return '?'
		}
		return r
	}, s)
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
}
