// Package block holds what every format reader of ingest produces: the
// printed lines of one file, each with the line of the file it starts on
// and the marks its markup gave it, and the metadata the file declares.
//
// Readers (plaintext, markdown, webpage) emit one Line per printed line:
// a Markdown soft or hard line break, an HTML <br> or block element, and a
// line end of plain text each start a new Line. Layout repair and page
// splitting work on Lines only, so every format gets them.
package block

// Line is one printed line of normalised text.
type Line struct {
	Text string
	// Line is the 1-based line of the original file the text starts on.
	Line int
	// Heading is the heading level (1–6) the markup gave the line, 0 for
	// ordinary text.
	Heading int
	// ListItem marks a line printed as a list item; the marker is not in
	// Text.
	ListItem bool
	// Row marks a row of a table (model.RowHead, model.RowBody); its
	// cells are joined by model.CellSeparator.
	Row string
	// Strong marks a line printed bold as a whole (**标题**), which pages
	// use for titles.
	Strong bool
	// Quote marks a line inside a block quote.
	Quote bool
	// Break marks the start of a new block: a blank line, or the start of
	// a new Markdown or HTML block, comes before the line.
	Break bool
	// Indent marks a line printed with a paragraph indent (U+3000, a tab
	// or several spaces): the start of a paragraph, not the continuation
	// of a line cut by the layout.
	Indent bool
	// Header marks a line of a file's particulars: printed above the
	// marker that closes them (LawRefBook's <!-- INFO END -->).
	Header bool
	// Rule marks a line printed right after a thematic break (a Markdown
	// `---`, `***` or `___` line): the source sets what follows apart.
	Rule bool
}

// Marked reports whether the markup set the line apart as a heading or a
// bold line.
func (l Line) Marked() bool { return l.Heading > 0 || l.Strong }

// Meta is what a file declares about itself: YAML front matter, an HTML
// <head>, or nothing.
type Meta struct {
	Title       string
	Date        string // YYYY-MM-DD
	Publication string
	Page        string // the page or section as printed: 第02版
	PageName    string // the page's name (版名) as printed: 要闻
	Author      string
	// Status is the document status the front matter gives (status: 已废止),
	// one of package status's four.
	Status string
	// TitleLine is the line of the title in the file, 0 when unknown.
	TitleLine int
}

// Page is a file read by a format reader.
type Page struct {
	Meta  Meta
	Lines []Line
}

// Problem is something a reader could not read, at a line of the file.
type Problem struct {
	Line    int
	Message string
}
