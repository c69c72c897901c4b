// Package report builds the editor's report of a corpus: what a publisher
// should look at and fix. The site shows it at report/ and `tiaoli check
// --content` prints it.
//
// Sections, in order: numbering gaps and duplicates, unresolved references,
// abbreviations and acronyms used but never defined, named lists whose
// count does not match their members, variants left undecided, version
// comparisons whose alignment is doubtful (versions.go), places
// that look broken but that no rule could repair, errors in
// the input files (files a build skipped included), every repair the
// parser made, and the documents cited but not in the corpus. The last two
// inform; the others are problems.
package report

import (
	"fmt"
	"io"

	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// Section keys.
const (
	Numbering     = "numbering"
	References    = "references"
	Abbreviations = "abbreviations"
	Lists         = "lists"
	Variants      = "variants"
	Versions      = "versions"
	Suspects      = "suspects"
	Errors        = "errors"
	Repairs       = "repairs"
	Cited         = "cited"
)

// Report is the editor's report of a corpus.
type Report struct {
	Sections []*Section
}

// Section is one kind of finding.
type Section struct {
	Key   string
	Title string // in Chinese, for readers of the site
	// Problem is true for findings an editor should fix, false for those
	// that only inform (repairs made, documents to add).
	Problem bool
	Entries []Entry
}

// Entry is one finding.
type Entry struct {
	model.Position        // where in the content, when known
	Document       string // the document's ID, "" when none
	Title          string // the document's title
	Where          string // 第五条, 第五条第二款
	URL            string // root-relative URL of the page to look at
	Message        string
}

// Build makes the report of c.
func Build(c *model.Corpus) *Report {
	x := lookup.New(c)
	return &Report{Sections: []*Section{
		{Key: Numbering, Title: "编号缺漏与重复", Problem: true, Entries: numbering(c)},
		{Key: References, Title: "未能解析的引用", Problem: true, Entries: unresolved(c, x)},
		{Key: Abbreviations, Title: "未定义的简称与缩写", Problem: true, Entries: undefined(c, x)},
		{Key: Lists, Title: "数目不符的列举", Problem: true, Entries: lists(c, x)},
		{Key: Variants, Title: "未决异文", Problem: true, Entries: undecided(c)},
		{Key: Versions, Title: "存疑的修订对照", Problem: true, Entries: doubtful(c)},
		{Key: Suspects, Title: "疑似错误（未修复）", Problem: true, Entries: suspects(c)},
		{Key: Errors, Title: "输入文件错误", Problem: true, Entries: inputErrors(c)},
		{Key: Repairs, Title: "自动修复记录", Entries: repairs(c)},
		{Key: Cited, Title: "被引用但未收录的文件", Entries: cited(c, x)},
	}}
}

// Problems counts the entries of the sections that are problems.
func (r *Report) Problems() int {
	n := 0
	for _, s := range r.Sections {
		if s.Problem {
			n += len(s.Entries)
		}
	}
	return n
}

// Section returns the section with a key, or nil.
func (r *Report) Section(key string) *Section {
	for _, s := range r.Sections {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// WriteText prints the report, one line per entry, headed by each
// section's title and count; empty sections say so.
func (r *Report) WriteText(w io.Writer) error {
	for _, s := range r.Sections {
		if _, err := fmt.Fprintf(w, "%s (%d)\n", s.Title, len(s.Entries)); err != nil {
			return err
		}
		for _, e := range s.Entries {
			if _, err := fmt.Fprintf(w, "  %s\n", e.String()); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintf(w, "%d problems\n", r.Problems())
	return err
}

// String is an entry on one line: path:line: 《title》where: message.
func (e Entry) String() string {
	s := ""
	if e.Path != "" {
		s = e.Path
		if e.Line > 0 {
			s += fmt.Sprintf(":%d", e.Line)
		}
		s += ": "
	}
	if e.Title != "" {
		s += "《" + e.Title + "》"
	}
	s += e.Where
	if e.Title != "" || e.Where != "" {
		s += ": "
	}
	return s + e.Message
}
