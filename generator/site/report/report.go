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
// parser made, the documents cited but not in the corpus, and the suspect
// misreadings package audit finds. The last three inform; the others are
// problems.
package report

import (
	"fmt"
	"io"
	"strings"

	"tiaoli/generator/audit"
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
	Audit         = "audit"
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
	Cite           string // the document as a citation names it: 《…》 or a headline
	DocURL         string // root-relative URL of the document's page
	Where          string // 第五条, 第五条第二款
	URL            string // root-relative URL of the page to look at
	Kind           string // the kind of a repair or suspect, in Chinese
	Source         string // the name of the source at Path (package sourcename)
	Message        string // in Chinese
}

// Group is the entries of a section about one document, or about one
// file for findings outside any document.
type Group struct {
	Document string // the document's ID, "" for a file
	Name     string // the document as cited, or the file's source name
	URL      string // the document's page, "" for a file
	Entries  []Entry
}

// Build makes the report of c.
func Build(c *model.Corpus) *Report {
	r, _ := BuildKept(c, lookup.New(c), nil)
	return r
}

// BuildKept is Build with x, the lookup index of c, taking what the audit
// found in the documents kept gives a Kept for from an earlier build
// (audit.RunKept), and returning what the next build may take, by
// document ID. kept may be nil.
func BuildKept(c *model.Corpus, x *lookup.Index, kept func(*model.Document) (audit.Kept, bool)) (*Report, map[string]audit.Kept) {
	results, docs := audit.RunKept(c, kept)
	r := &Report{Sections: []*Section{
		{Key: Numbering, Title: "编号缺漏与重复", Problem: true, Entries: numbering(c)},
		{Key: References, Title: "未能解析的引用", Problem: true, Entries: unresolved(c, x)},
		{Key: Abbreviations, Title: "未定义的简称与缩写", Problem: true, Entries: undefined(c, x)},
		{Key: Lists, Title: "数目不符的列举", Problem: true, Entries: lists(c, x)},
		{Key: Variants, Title: "未决异文", Problem: true, Entries: undecided(c, x)},
		{Key: Versions, Title: "存疑的修订对照", Problem: true, Entries: doubtful(c)},
		{Key: Suspects, Title: "疑似错误（未修复）", Problem: true, Entries: suspects(c)},
		{Key: Errors, Title: "输入文件错误", Problem: true, Entries: inputErrors(c)},
		{Key: Repairs, Title: "自动修复记录", Entries: repairs(c)},
		{Key: Cited, Title: "被引用但未收录的文件", Entries: cited(c, x)},
		{Key: Audit, Title: "疑似误读（自查）", Entries: audited(results, x)},
	}}
	for _, s := range r.Sections {
		for i := range s.Entries {
			if src := x.Source(s.Entries[i].Path); src != nil {
				s.Entries[i].Source = src.Name
			}
		}
	}
	return r, docs
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

// Groups returns the section's entries by document (or by file for
// findings outside any document), in the order each first appears. The
// documents cited but not collected are one group without a name: each
// entry is about a title, not about the file that cites it.
func (s *Section) Groups() []Group {
	if s.Key == Cited {
		if len(s.Entries) == 0 {
			return nil
		}
		return []Group{{Entries: s.Entries}}
	}
	var out []Group
	at := map[string]int{}
	for _, e := range s.Entries {
		key, g := "d:"+e.Document, Group{Document: e.Document, Name: e.Cite, URL: e.DocURL}
		if e.Document == "" {
			key, g = "f:"+e.Path, Group{Name: e.Source}
			if g.Name == "" {
				g.Name = e.Path
			}
			if g.Name == "" {
				g.Name = "全站"
			}
		}
		i, ok := at[key]
		if !ok {
			i, at[key] = len(out), len(out)
			out = append(out, g)
		}
		out[i].Entries = append(out[i].Entries, e)
	}
	return out
}

// WriteText prints the report: each section's title and count, then its
// entries by document, one line each, starting with the file and line;
// empty sections say 无.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "%s（%d）\n", s.Title, len(s.Entries))
		if len(s.Entries) == 0 {
			b.WriteString("  无\n")
		}
		for _, g := range s.Groups() {
			indent := "  "
			if g.Name != "" {
				fmt.Fprintf(&b, "  %s\n", g.Name)
				indent = "    "
			}
			for _, e := range g.Entries {
				fmt.Fprintf(&b, "%s%s\n", indent, e.String())
			}
		}
	}
	fmt.Fprintf(&b, "共%d处问题\n", r.Problems())
	_, err := io.WriteString(w, b.String())
	return err
}

// String is an entry on one line: path:line 第五条〔kind〕：message.
func (e Entry) String() string {
	s := ""
	if e.Path != "" {
		s = e.Path
		if e.Line > 0 {
			s += fmt.Sprintf(":%d", e.Line)
		}
		s += " "
	}
	s += e.Where
	if e.Kind != "" {
		s += "〔" + e.Kind + "〕"
	}
	if e.Where != "" || e.Kind != "" {
		s += "："
	}
	return s + e.Message
}
