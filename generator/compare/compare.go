// Package compare pairs the articles of two versions of a regulation the
// way an editor does in a 修订对照表, and marks what changed inside them.
//
// Alignment works on the text of each article folded (Fold: spacing and
// the width of punctuation and digits do not count) and cut into
// character bigrams, each weighed by how rare it is among the articles of
// the two versions (IDF), so that boilerplate many articles share (违反本法
// 规定…处…罚款) counts little and what an article is about counts much.
// Articles are paired:
//
//  1. in order, by a monotone alignment that maximises the similarity
//     (cosine) above a threshold summed over the pairs: an inserted or
//     deleted article shifts the numbers of all that follow and costs
//     nothing;
//  2. in each gap between pairs, in order, an old and a new article that
//     share less but are each other's most similar article of all: the
//     article rewritten in its place. An article that only shares
//     boilerplate with its counterpart shares as much with others, and is
//     left alone;
//  3. out of order, when each other's most similar and above a higher
//     threshold: an article moved;
//  4. an article left over whose text is contained in the counterpart of
//     its paired neighbour, or is most similar to it: split off it (one
//     old, several new) or merged into it (several old, one new).
//
// What is left is added or deleted. Headings (编, 章, 节) are aligned the
// same way on their titles. Amendment decisions are not read: the texts
// alone decide.
package compare

import (
	"cmp"
	"runtime"
	"slices"
	"sync"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Works compares each two consecutive versions of every work, the older
// first; works list their versions newest first. The comparisons are
// aligned in parallel, through memo when it is not nil.
func Works(works []*model.Work, memo *Memo) []*model.Comparison {
	memo.start()
	var out []*model.Comparison
	for _, w := range works {
		for k := len(w.Versions) - 1; k > 0; k-- {
			out = append(out, &model.Comparison{FromDoc: w.Versions[k].Doc, ToDoc: w.Versions[k-1].Doc})
		}
	}
	next := make(chan *model.Comparison)
	var wg sync.WaitGroup
	for n := 0; n < runtime.GOMAXPROCS(0); n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				c.Alignment, c.Headings = memo.align(c.FromDoc, c.ToDoc)
				if c.Alignment == nil {
					c.Alignment = []model.Pair{} // a list in JSON, never null
				}
			}
		}()
	}
	for _, c := range out {
		next <- c
	}
	close(next)
	wg.Wait()
	return out
}

// Align pairs the articles and the headings of an older and a newer
// version.
func Align(old, new *model.Document) (articles, headings []model.Pair) {
	return alignInputs(inputsOf(old), inputsOf(new))
}

// inputs are what alignment reads of a version: the label and text of
// each article and of each heading.
type inputs struct{ articles, headings []input }

type input struct{ label, text string }

func inputsOf(d *model.Document) inputs {
	in := inputs{articles: make([]input, 0, len(d.Articles)), headings: make([]input, 0, len(d.Headings))}
	for _, a := range d.Articles {
		if a == nil {
			a = &model.Article{}
		}
		in.articles = append(in.articles, input{a.Label, Text(a)})
	}
	for _, h := range d.Headings {
		in.headings = append(in.headings, input{h.Label, h.Title})
	}
	return in
}

func alignInputs(old, new inputs) (articles, headings []model.Pair) {
	return align(newUnits(old.articles), newUnits(new.articles)), align(newUnits(old.headings), newUnits(new.headings))
}

func newUnits(in []input) []*unit {
	out := make([]*unit, len(in))
	for i, x := range in {
		out[i] = newUnit(x.label, x.text)
	}
	return out
}

// align pairs two lists of units and lists the pairs.
func align(old, new []*unit) []model.Pair {
	if len(old) == 0 && len(new) == 0 {
		return nil
	}
	a := newAligner(old, new)
	a.run()
	return a.pairs()
}

// pairs lists the alignment in the order of the new units, each old unit
// only the old side has right after the counterpart of the old unit
// before it.
func (a *aligner) pairs() []model.Pair {
	type keyed struct {
		p         model.Pair
		pos, side int
	}
	var out []keyed
	for j := range a.new {
		if len(a.toOld[j]) == 0 {
			out = append(out, keyed{a.pair1(-1, j, model.PairAdded), j, 0})
		}
		slices.Sort(a.toOld[j]) // the parts of a merge in their order
		for _, i := range a.toOld[j] {
			out = append(out, keyed{a.pair1(i, j, a.kind(i, j)), j, 0})
		}
	}
	after := -1
	for i := range a.old {
		if len(a.toNew[i]) > 0 {
			after = maxOf(a.toNew[i])
			continue
		}
		out = append(out, keyed{a.pair1(i, -1, model.PairDeleted), after, 1})
	}
	slices.SortStableFunc(out, func(x, y keyed) int {
		return cmp.Or(cmp.Compare(x.pos, y.pos), cmp.Compare(x.side, y.side))
	})
	list := make([]model.Pair, len(out))
	for k, o := range out {
		list[k] = o.p
	}
	return list
}

// kind says what became of old unit i in new unit j.
func (a *aligner) kind(i, j int) string {
	switch {
	case len(a.toNew[i]) > 1:
		return model.PairSplit
	case len(a.toOld[j]) > 1:
		return model.PairMerged
	case a.old[i].fold != a.new[j].fold:
		return model.PairModified
	case a.old[i].label != a.new[j].label:
		return model.PairRenumbered
	}
	return model.PairUnchanged
}

func (a *aligner) pair1(i, j int, kind string) model.Pair {
	// The labels are copied: a pointer into a unit would keep it, its
	// folded text and its bigrams, alive as long as the pair (in the
	// corpus, and in a Memo from one parse to the next).
	p := model.Pair{Kind: kind, OldIndex: i, NewIndex: j}
	if i >= 0 {
		p.Old = new(a.old[i].label)
	}
	if j >= 0 {
		p.New = new(a.new[j].label)
	}
	if i >= 0 && j >= 0 {
		p.Similarity = round(a.sim[i][j])
	}
	return p
}

// round keeps three decimals, for a stable JSON.
func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func maxOf(xs []int) int {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

// Renumbers reports whether a comparison shows an article that kept its
// place in the text under another number: a pair of an older and a newer
// article (unchanged, modified, moved, split or merged) whose numbers
// differ, 之一 aside. An article added or deleted renumbers what follows
// it, and shows so in the pairs after it; a 第X条之一 inserted, or the
// last articles deleted, renumber nothing.
func Renumbers(c *model.Comparison) bool {
	for _, p := range c.Alignment {
		if p.Old == nil || p.New == nil {
			continue
		}
		o, okO := label.Read(*p.Old)
		n, okN := label.Read(*p.New)
		if okO && okN && o.N != n.N {
			return true
		}
	}
	return false
}
