// Package audit reads a parsed corpus as an editor would and lists the
// places where the parser has probably misread a text: a heading taken for
// a 款, one 款 cut into several, the quoted articles of an amendment taken
// for its own, a table run into the text, and so on.
//
// Each class of misreading has a Check: a key, a Chinese name and a
// function that returns its Findings. The signals are heuristics: a
// finding is a suspect case for an editor to look at, not a proven error.
// A check names no title, term or sentence of a particular document; it
// looks at the shape of the text (length, punctuation, labels, quotes).
//
// `tiaoli audit --content DIR` prints the findings per class, the editor's
// report lists them, and a corpus test keeps each class's count on the
// shared corpus at or below a baseline (testdata/baseline.txt).
//
// To add a class: write a func(*scan, *model.Document) []Finding in a file
// of its own (and one that looks at the whole corpus, if it must), add a
// Check to Checks, and a line for it to the baseline.
package audit

import (
	"cmp"
	"slices"

	"tiaoli/generator/model"
)

// Finding is one suspect case of a class.
type Finding struct {
	Class    string // key of its class, e.g. "heading-as-clause"
	Path     string // source file, relative to the content folder
	Line     int
	Document string // document ID
	URL      string // the page that shows it, when it has one (root-relative)
	Message  string // in Chinese, for an editor
	// unknown, when not "", is a title (folded) the finding holds for
	// only while no document of the corpus makes it known (titles).
	unknown string
}

// Check looks for one class of misreading in a parsed corpus: in each
// document (doc), then, for the findings that belong to no one document,
// in the whole corpus (corpus, nil for none).
type Check struct {
	Class  string // key
	Name   string // Chinese name of the class
	doc    func(x *scan, d *model.Document) []Finding
	corpus func(x *scan) []Finding
}

// Checks lists every class, in the order reports show them.
var Checks = []Check{
	{HeadingAsClause, "标题误作款", headingAsClause, nil},
	{SplitClause, "一款拆成多款", splitClause, nil},
	{LostDivisionLabel, "章节标题缺号", lostDivisionLabel, nil},
	{AmendmentQuote, "修正案引文误作本文", amendmentQuote, quotedSelfReferences},
	{TableAsText, "表格并入正文", tableAsText, nil},
	{Apparatus, "注释与案例标题误读", apparatus, nil},
	{MadeUpTitle, "标题由前文拼成", madeUpTitle, nil},
	{FalseDefinition, "定义误读", falseDefinition, nil},
	{WrongDate, "日期误读", wrongDate, nil},
	{NewsPage, "新闻网页误读", newsPage, nil},
}

// Class keys of the checks in this package.
const (
	HeadingAsClause   = "heading-as-clause"
	SplitClause       = "split-clause"
	LostDivisionLabel = "lost-division-label"
	AmendmentQuote    = "amendment-quote"
	TableAsText       = "table-as-text"
	Apparatus         = "apparatus"
	MadeUpTitle       = "made-up-title"
	FalseDefinition   = "false-definition"
	WrongDate         = "wrong-date"
	NewsPage          = "news-page"
)

// Result is the findings of one check.
type Result struct {
	Check
	Findings []Finding
}

// Run runs every check on c and returns one Result per check, in the order
// of Checks. The findings of each are sorted by path, line and message.
// The checks read one document after the other, all of them, so that the
// units of a document are listed once for all (walk.go).
func Run(c *model.Corpus) []Result {
	rs, _ := RunKept(c, nil)
	return rs
}

// Kept is what the checks found in one document: a later run on a corpus
// where nothing the checks read of it changed gives the same, and can
// take it instead of reading the document again (RunKept). It is kept
// between builds as JSON.
type Kept struct {
	// Findings are in the order the checks gave them.
	Findings []keptFinding `json:"f,omitempty"`
	// Titles are the titles (folded) that the document makes known to
	// the corpus (titles).
	Titles []string `json:"t,omitempty"`
}

// keptFinding is a finding of a document, which holds only while the
// title Unknown (folded) is none the corpus knows, when it is not "".
type keptFinding struct {
	Finding
	Unknown string `json:"u,omitempty"`
}

// RunKept is Run taking, for each document that kept gives a Kept for
// (its ok true), what an earlier run found in it, and reading the others.
// What it would keep of each document, kept or read, comes back too, by
// document ID. kept may be nil. A document's Kept depends on it, on
// the terms its definitions link (those it defines itself) and on the
// references it makes, and on the
// sources it shares; what depends on the whole corpus (whether a cited
// title is known, the corpus-wide checks) is found again on every run.
func RunKept(c *model.Corpus, kept func(*model.Document) (Kept, bool)) ([]Result, map[string]Kept) {
	out := make([]Result, len(Checks))
	class := make(map[string]int, len(Checks))
	for i, ch := range Checks {
		out[i].Check = ch
		class[ch.Class] = i
	}
	x := &scan{c: c}
	docs := make(map[string]Kept, len(c.Documents))
	all := make([]Kept, len(c.Documents))
	known := map[string]bool{}
	for i, d := range c.Documents {
		k, ok := Kept{}, false
		if kept != nil {
			k, ok = kept(d)
		}
		if !ok {
			k = x.document(d)
		}
		all[i], docs[d.ID] = k, k
		for _, t := range k.Titles {
			known[t] = true
		}
	}
	for _, k := range all {
		for _, f := range k.Findings {
			if i, ok := class[f.Class]; ok && (f.Unknown == "" || !known[f.Unknown]) {
				out[i].Findings = append(out[i].Findings, f.Finding)
			}
		}
	}
	for i, ch := range Checks {
		if ch.corpus != nil {
			out[i].Findings = append(out[i].Findings, ch.corpus(x)...)
		}
		fs := out[i].Findings
		for j := range fs {
			fs[j].Class = ch.Class
		}
		sortFindings(fs)
	}
	return out, docs
}

// document runs the checks of one document.
func (x *scan) document(d *model.Document) Kept {
	x.at(d)
	k := Kept{Titles: x.titles()}
	for _, ch := range Checks {
		for _, f := range ch.doc(x, d) {
			unknown := f.unknown
			f.Class, f.unknown = ch.Class, ""
			k.Findings = append(k.Findings, keptFinding{Finding: f, Unknown: unknown})
		}
	}
	return k
}

// Counts maps each class key to its number of findings.
func Counts(rs []Result) map[string]int {
	m := make(map[string]int, len(rs))
	for _, r := range rs {
		m[r.Class] = len(r.Findings)
	}
	return m
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
}
