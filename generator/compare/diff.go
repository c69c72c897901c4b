package compare

import (
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Span kinds of a Diff.
const (
	Same     = 0
	Deleted  = -1
	Inserted = 1
)

// Span is a run of text that both texts have (Same), only the old one
// (Deleted) or only the new one (Inserted).
type Span struct {
	Op   int
	Text string
}

// Diff marks what changed from old to new, character by character, with
// the runs grown to whole phrases where a change leaves only a character
// or two in common (a semantic clean-up, so that a rewritten clause reads
// as one deletion and one insertion). Spacing and the width of
// punctuation are compared as Fold compares them: a change of only those
// is no change, and the new text's form is kept.
func Diff(old, new string) []Span {
	if Fold(old) == Fold(new) {
		return []Span{{Same, new}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ds := dmp.DiffCleanupSemantic(dmp.DiffMain(old, new, false))
	out := make([]Span, 0, len(ds))
	for _, d := range ds {
		op := Same
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Deleted
		case diffmatchpatch.DiffInsert:
			op = Inserted
		}
		out = append(out, Span{op, d.Text})
	}
	return widthOnly(out)
}

// widthOnly turns a deletion and the insertion that follows it into one
// Same span when they differ only in spacing or width.
func widthOnly(ss []Span) []Span {
	out := ss[:0]
	for i := 0; i < len(ss); i++ {
		if i+1 < len(ss) && ss[i].Op == Deleted && ss[i+1].Op == Inserted && Fold(ss[i].Text) == Fold(ss[i+1].Text) {
			out = append(out, Span{Same, ss[i+1].Text})
			i++
			continue
		}
		if ss[i].Op != Same && Fold(ss[i].Text) == "" {
			if ss[i].Op == Inserted {
				out = append(out, Span{Same, ss[i].Text})
			}
			continue
		}
		out = append(out, ss[i])
	}
	return out
}
