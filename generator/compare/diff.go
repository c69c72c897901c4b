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
// (Deleted) or only the new one (Inserted). A Same span whose texts
// differ in spacing or width only holds the old text in Old and has
// Width set; Text is the new text.
type Span struct {
	Op    int
	Text  string
	Old   string
	Width bool
}

// OldText is the span's text as the old version prints it.
func (s Span) OldText() string {
	if s.Width {
		return s.Old
	}
	return s.Text
}

// editCost is what a change costs in characters when Diff folds a short
// run both texts share into the changes around it: a lone 的 or 和 left
// between two changes reads better as part of them, while a phrase of
// three characters or more stays, so that 工作秘密、 and 、个人隐私 inserted
// around 商业秘密 show as two insertions, not as the whole clause rewritten.
const editCost = 2

// Diff marks what changed from old to new, character by character, with
// a short run both share folded into the changes around it (editCost). Spacing and the width of
// punctuation are compared as Fold compares them: a change of only those
// is no change, and the new text's form is kept.
func Diff(old, new string) []Span {
	if Fold(old) == Fold(new) {
		return []Span{{Op: Same, Text: new, Old: old, Width: old != new}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	dmp.DiffEditCost = editCost
	ds := dmp.DiffCleanupEfficiency(dmp.DiffMain(old, new, false))
	out := make([]Span, 0, len(ds))
	for _, d := range ds {
		op := Same
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Deleted
		case diffmatchpatch.DiffInsert:
			op = Inserted
		}
		out = append(out, Span{Op: op, Text: d.Text})
	}
	return widthOnly(out)
}

// widthOnly turns a deletion and the insertion that follows it into one
// Same span when they differ only in spacing or width.
func widthOnly(ss []Span) []Span {
	out := ss[:0]
	for i := 0; i < len(ss); i++ {
		if i+1 < len(ss) && ss[i].Op == Deleted && ss[i+1].Op == Inserted && Fold(ss[i].Text) == Fold(ss[i+1].Text) {
			out = append(out, Span{Op: Same, Text: ss[i+1].Text, Old: ss[i].Text, Width: true})
			i++
			continue
		}
		if ss[i].Op != Same && Fold(ss[i].Text) == "" { // spacing only
			sp := Span{Op: Same, Width: true}
			if ss[i].Op == Inserted {
				sp.Text = ss[i].Text
			} else {
				sp.Old = ss[i].Text
			}
			out = append(out, sp)
			continue
		}
		out = append(out, ss[i])
	}
	return out
}
