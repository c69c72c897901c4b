package compare

import (
	"cmp"
	"slices"
)

// Thresholds of similarity (cosine of IDF-weighted bigram vectors) and of
// containment.
const (
	// matchSimilarity is what two units in order must share to be paired
	// by the alignment itself.
	matchSimilarity = 0.3
	// slotSimilarity is enough for the one old and one new unit left
	// between two pairs: the article in the same place, rewritten.
	slotSimilarity = 0.15
	// moveSimilarity is what a unit that moved out of order must share
	// with its counterpart, which must be its most similar unit.
	moveSimilarity = 0.35
	// partContainment is how much of a part must be found in the whole
	// it was split from or merged into; partSimilarity is enough when the
	// whole is the part's most similar unit.
	partContainment = 0.6
	partSimilarity  = 0.4
)

// aligner pairs the old and new units of one comparison.
type aligner struct {
	old, new []*unit
	sp       *space
	sim      [][]float64
	toNew    [][]int // for each old unit, its new counterparts
	toOld    [][]int // for each new unit, its old counterparts
}

func newAligner(old, new []*unit) *aligner {
	a := &aligner{old: old, new: new, sp: newSpace(old, new)}
	a.sim = a.sp.similarities()
	for i, u := range old {
		for j, v := range new {
			if u.fold == v.fold {
				a.sim[i][j] = 1
			}
		}
	}
	a.toNew = make([][]int, len(old))
	a.toOld = make([][]int, len(new))
	return a
}

func (a *aligner) pair(i, j int) {
	a.toNew[i] = append(a.toNew[i], j)
	a.toOld[j] = append(a.toOld[j], i)
}

// run finds the pairs: in order first, then the rewritten unit of a
// slot, then moves, then the parts of splits and merges.
func (a *aligner) run() {
	a.inOrder()
	a.slots()
	a.moves()
	a.parts()
}

// inOrder pairs units in order, maximising the sum of similarity above
// matchSimilarity over the pairs (a monotone alignment, as of two
// sequences, where skipping a unit costs nothing).
func (a *aligner) inOrder() {
	n, m := len(a.old), len(a.new)
	score := make([][]float64, n+1)
	for i := range score {
		score[i] = make([]float64, m+1)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			best := max(score[i-1][j], score[i][j-1])
			if g := a.sim[i-1][j-1] - matchSimilarity; g > 0 && score[i-1][j-1]+g > best {
				best = score[i-1][j-1] + g
			}
			score[i][j] = best
		}
	}
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case score[i][j] == score[i-1][j]:
			i--
		case score[i][j] == score[i][j-1]:
			j--
		default:
			a.pair(i-1, j-1)
			i, j = i-1, j-1
		}
	}
}

// slots pairs, in each gap between two pairs (or the ends), the old and
// new units left there that share enough to be the same article
// rewritten in its place and that are each other's most similar unit:
// an article that only shares boilerplate shares as much with its other
// neighbours. Pairs in a gap keep their order. Run it right after
// inOrder, when every pair is one to one.
func (a *aligner) slots() {
	pi, pj := -1, -1
	for i := 0; i <= len(a.old); i++ {
		ni, nj := len(a.old), len(a.new)
		if i < len(a.old) {
			if len(a.toNew[i]) == 0 {
				continue
			}
			ni, nj = i, a.toNew[i][0]
		}
		a.fillGap(pi+1, ni, pj+1, nj)
		pi, pj = ni, nj
	}
}

// fillGap pairs old units i0..i1-1 with new units j0..j1-1, keeping order.
func (a *aligner) fillGap(i0, i1, j0, j1 int) {
	lastJ := j0 - 1
	for i := i0; i < i1; i++ {
		for j := lastJ + 1; j < j1; j++ {
			if a.sim[i][j] >= slotSimilarity && a.best(i, j) {
				a.pair(i, j)
				lastJ = j
				break
			}
		}
	}
}

// best reports whether old unit i and new unit j are each other's most
// similar unit.
func (a *aligner) best(i, j int) bool {
	s := a.sim[i][j]
	for k := range a.new {
		if k != j && a.sim[i][k] >= s {
			return false
		}
	}
	for k := range a.old {
		if k != i && a.sim[k][j] >= s {
			return false
		}
	}
	return true
}

// moves pairs units left over, out of order, most similar first.
func (a *aligner) moves() {
	type cand struct {
		i, j int
		s    float64
	}
	var cs []cand
	for i := range a.old {
		if len(a.toNew[i]) > 0 {
			continue
		}
		for j := range a.new {
			if len(a.toOld[j]) == 0 && a.sim[i][j] >= moveSimilarity && a.best(i, j) {
				cs = append(cs, cand{i, j, a.sim[i][j]})
			}
		}
	}
	slices.SortStableFunc(cs, func(x, y cand) int { return cmp.Compare(y.s, x.s) })
	for _, c := range cs {
		if len(a.toNew[c.i]) == 0 && len(a.toOld[c.j]) == 0 {
			a.pair(c.i, c.j)
		}
	}
}

// parts pairs a unit left over with the paired neighbour of its place
// when its text is found in that neighbour's counterpart: a new article
// split off an old one, or an old one merged into a new one.
func (a *aligner) parts() {
	for j := range a.new {
		if len(a.toOld[j]) == 0 {
			if i, ok := a.whole(j, a.toOld, a.new, a.old, true); ok {
				a.pair(i, j)
			}
		}
	}
	for i := range a.old {
		if len(a.toNew[i]) == 0 {
			if j, ok := a.whole(i, a.toNew, a.old, a.new, false); ok {
				a.pair(i, j)
			}
		}
	}
}

// whole finds the unit on the other side that the unpaired unit k was
// split from (or merged into): the counterpart of a paired neighbour (k-1
// or k+1) that contains k's text, or that k is closest to.
func (a *aligner) whole(k int, links [][]int, mine, theirs []*unit, isNew bool) (int, bool) {
	best, bestC := -1, partContainment
	for _, n := range []int{k - 1, k + 1} {
		if n < 0 || n >= len(mine) {
			continue
		}
		for _, o := range links[n] {
			c := a.sp.containment(mine[k], theirs[o])
			if a.closest(k, o, isNew) {
				c = max(c, partContainment) // its most similar unit, though much of it is new
			}
			if c >= bestC && a.single(o, isNew) {
				best, bestC = o, c
			}
		}
	}
	return best, best >= 0
}

// closest reports whether the unpaired unit k (new when isNew) shares at
// least partSimilarity with unit o on the other side, and more than with
// any other unit there.
func (a *aligner) closest(k, o int, isNew bool) bool {
	sim := func(x int) float64 {
		if isNew {
			return a.sim[x][k]
		}
		return a.sim[k][x]
	}
	s := sim(o)
	if s < partSimilarity {
		return false
	}
	n := len(a.new)
	if isNew {
		n = len(a.old)
	}
	for x := 0; x < n; x++ {
		if x != o && sim(x) >= s {
			return false
		}
	}
	return true
}

// single reports whether the unit o on the other side is not itself one
// of several merged (for a split) or split (for a merge): an alignment
// pairs many with one, never many with many.
func (a *aligner) single(o int, isNew bool) bool {
	if isNew { // o is old; its new counterparts must each have only o
		for _, j := range a.toNew[o] {
			if len(a.toOld[j]) > 1 {
				return false
			}
		}
		return true
	}
	for _, i := range a.toOld[o] {
		if len(a.toNew[i]) > 1 {
			return false
		}
	}
	return true
}
