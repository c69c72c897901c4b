package model

import (
	"cmp"
	"fmt"
	"slices"
)

// Corpus is everything parsed from a content folder.
type Corpus struct {
	Documents  []*Document  `json:"documents"`
	Sources    []*Source    `json:"sources"`
	Terms      []*Term      `json:"terms"`
	References []*Reference `json:"references"`
	// Cited lists documents cited by title that are not in the corpus.
	Cited []*CitedDocument `json:"cited"`
	// Works group the versions of one text; Comparisons pair the articles
	// of each two consecutive versions of a work.
	Works       []*Work       `json:"works"`
	Comparisons []*Comparison `json:"comparisons"`
	Errors      []Error       `json:"errors"`
	// Skipped are the files and folders of the content folder passed over
	// on purpose, with why: hidden names, links to folders. They are not
	// errors and do not stop a build.
	Skipped []Error `json:"skipped,omitempty"`
	// Digests are the SHA-256 sums (hex) of the content files read:
	// sources, pins, glossary and metadata tables, by path. A build
	// compares them with the last build's to keep pages that cannot have
	// changed.
	Digests map[string]string `json:"digests,omitempty"`
}

// Position is where a piece of text came from: a file inside the content
// folder (slash-separated, relative) and a 1-based line.
type Position struct {
	Path string `json:"path"`
	Line int    `json:"line"`
}

func (p Position) String() string { return fmt.Sprintf("%s:%d", p.Path, p.Line) }

// Error is a problem found in an input file. The run goes on; errors are
// reported together, sorted by position.
type Error struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (e Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Message)
}

// Errorf makes an Error at a position.
func Errorf(pos Position, format string, args ...any) Error {
	return Error{Path: pos.Path, Line: pos.Line, Message: fmt.Sprintf(format, args...)}
}

// SortErrors orders errors by path, then line, then message.
func SortErrors(errs []Error) {
	slices.SortStableFunc(errs, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
}

// Document returns the document with the given ID, or nil.
func (c *Corpus) Document(id string) *Document {
	for _, d := range c.Documents {
		if d.ID == id {
			return d
		}
	}
	return nil
}
