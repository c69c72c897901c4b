// Package ingest reads one input file (plain text, Markdown or HTML, in
// UTF-8 or GB18030) into a Source and the documents printed on it.
//
// The stages, each a package of its own:
//
//	decode      bytes → UTF-8 text with "\n" line ends; encoding detected;
//	            oversized, binary and badly encoded files refused
//	plaintext   text → printed lines          (OCR output)
//	markdown    text → printed lines + front matter (goldmark's AST)
//	webpage     text → printed lines + <head> metadata (goquery)
//	normalize   used by the readers on every line
//	layout      joins lines cut by a column or page break, drops stray
//	            list markers, records every repair
//	page        splits the lines into documents; page/dateline reads datelines
//
// The format is chosen by the file's extension where it settles it (.md,
// .markdown, .html, .htm) and sniffed from the content otherwise: a .txt
// file may hold Markdown or HTML.
package ingest

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/decode"
	"tiaoli/generator/ingest/frontmatter"
	"tiaoli/generator/ingest/layout"
	"tiaoli/generator/ingest/markdown"
	"tiaoli/generator/ingest/page"
	"tiaoli/generator/ingest/plaintext"
	"tiaoli/generator/ingest/punct"
	"tiaoli/generator/ingest/webpage"
	"tiaoli/generator/model"
)

// Formats, as recorded in model.Source.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// readers maps each format to its reader.
var readers = map[string]func(string) (block.Page, []block.Problem){
	FormatText:     func(s string) (block.Page, []block.Problem) { return plaintext.Read(s), nil },
	FormatMarkdown: markdown.Read,
	FormatHTML:     webpage.Read,
}

// File parses the bytes of the file at path (slash-separated, relative to
// the content folder). It never panics; problems come back as errors and
// the documents it could read are still returned.
func File(path string, data []byte) (src *model.Source, docs []*model.Document, errs []model.Error) {
	src = &model.Source{Path: path, Documents: []string{}}
	defer func() {
		if r := recover(); r != nil {
			docs = nil
			errs = append(errs, model.Error{Path: path, Message: fmt.Sprintf("读取本文件时程序内部出错：「%v」", r)})
		}
	}()
	text, enc, err := decode.Decode(data)
	if err != nil {
		e := model.Error{Path: path, Message: err.Error()}
		if de, ok := err.(*decode.Error); ok {
			e.Line, e.Message = de.Line, de.Message
		}
		return src, nil, []model.Error{e}
	}
	src.Encoding = enc
	src.Format = Sniff(path, text)
	pg, probs := readers[src.Format](text)
	for _, p := range probs {
		errs = append(errs, model.Error{Path: path, Line: p.Line, Message: p.Message})
	}
	fillSource(src, pg.Meta)
	if len(pg.Lines) == 0 {
		return src, nil, append(errs, model.Error{Path: path, Message: "文件没有正文"})
	}
	lines, repairs := layout.Repair(pg.Lines)
	lines, widened := punct.Widen(lines)
	repairs = append(repairs, widened...)
	lines = fillPrinted(src, lines)
	docs = page.Split(page.Input{
		Path: path, Meta: pg.Meta, Lines: lines, Repairs: repairs,
		Date: src.Date, YearHint: yearHint(lines), Article: src.Format == FormatHTML,
		Markdown: src.Format == FormatMarkdown,
	})
	for _, d := range docs {
		d.Status = pg.Meta.Status
	}
	model.SortErrors(errs)
	return src, docs, errs
}

// fillSource copies the file's metadata into the source; a date in the
// file name (2026-02-13-…) stands in for one the file does not declare.
func fillSource(src *model.Source, m block.Meta) {
	src.Title, src.Date, src.Publication, src.Page, src.PageName = m.Title, m.Date, m.Publication, m.Page, m.PageName
	if src.Date == "" {
		src.Date = nameDate(src.Path)
	}
}

// fillPrinted completes the source with what the page says of where it
// was printed: its running head (人民日报 2025年2月12日 第4版 要闻), which it
// takes out of the lines, or a byline; what the file declares comes first.
func fillPrinted(src *model.Source, lines []block.Line) []block.Line {
	head, at := page.ReadMasthead(lines)
	pub, date, pg := page.Printed(lines)
	if at >= 0 {
		pub, date, pg = firstNonEmpty(head.Publication, pub), firstNonEmpty(head.Date, date), head.Page
		lines = append(lines[:at:at], lines[at+1:]...)
	}
	if src.Publication == "" {
		src.Publication = pub
	}
	if src.Date == "" {
		src.Date = date
	}
	if src.Page == "" {
		src.Page = pg
	}
	if src.PageName == "" {
		src.PageName = head.PageName
	}
	return lines
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// nameDate reads a date from a file's name.
func nameDate(p string) string { return cndate.InName(path.Base(p)) }

// headLines is how many lines from the top of a page its own date (a
// masthead or page header) may stand on.
const headLines = 10

// yearHint is the date a page prints as its own: a line near its top that
// holds only a date (2026年2月13日 星期五). It completes datelines that
// print no year. A date printed in the text of an item is no hint: it says
// nothing of the year of the others, and an item whose page gives no year
// gets none.
func yearHint(lines []block.Line) string {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		if n++; n > headLines {
			break
		}
		if cndate.Only(l.Text) {
			d, _ := cndate.First(l.Text)
			return d
		}
	}
	return ""
}

var (
	markdownSpanRE = regexp.MustCompile(`\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]+\)|<!--|!\[[^\]\n]*\]\(`)
	htmlStartRE    = regexp.MustCompile(`(?i)^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])`)
	headingRE      = regexp.MustCompile(`^#{1,6}\s+\S`)
)

// markdownLine reports whether a line shows Markdown syntax: a heading, a
// quote, a fence, a table row, or bold, a link, an image or a comment.
func markdownLine(l string) bool {
	t := strings.TrimSpace(l)
	switch {
	case headingRE.MatchString(l), strings.HasPrefix(t, "> "), strings.HasPrefix(t, "```"):
		return true
	case len(t) > 2 && t[0] == '|' && t[len(t)-1] == '|':
		return true
	}
	return strings.ContainsAny(t, "*[<") && markdownSpanRE.MatchString(t)
}

// Sniff returns the format of a file: by its extension when that settles
// it, else from its content. Content reads as HTML when it starts as an
// HTML document, as Markdown when it has front matter, a heading, or other
// Markdown syntax (bold, links, quotes, fences, tables, comments) on at
// least two lines, else as plain text; list bullets alone, which
// OCR output prints too, do not make Markdown.
func Sniff(p, text string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm":
		return FormatHTML
	}
	if htmlStartRE.MatchString(text) {
		return FormatHTML
	}
	if _, body, _ := frontmatter.Split(text); body != text {
		return FormatMarkdown
	}
	n := 0
	for _, l := range strings.Split(text, "\n") {
		if headingRE.MatchString(l) {
			return FormatMarkdown
		}
		if markdownLine(l) {
			if n++; n >= 2 {
				return FormatMarkdown
			}
		}
	}
	return FormatText
}
