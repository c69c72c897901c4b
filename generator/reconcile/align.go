package reconcile

import "slices"

// bigrams returns the sorted bigrams of a text (a lone rune counts as one).
func bigrams(rs []rune) []uint64 {
	if len(rs) == 1 {
		return []uint64{uint64(rs[0])}
	}
	out := make([]uint64, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, uint64(rs[i])<<32|uint64(rs[i+1]))
	}
	slices.Sort(out)
	return out
}

// dice is the Dice coefficient of two sorted bigram lists: 1 for the same
// text, 0 for texts with no bigram in common.
func dice(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// common counts the bigrams two sorted lists share.
func common(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// diceJoined is dice(merge(a1, a2), b) without building the merged list.
func diceJoined(a1, a2, b []uint64) float64 {
	n := len(a1) + len(a2)
	if n == 0 && len(b) == 0 {
		return 1
	}
	shared, i, j, k := 0, 0, 0, 0
	for (i < len(a1) || j < len(a2)) && k < len(b) {
		var x uint64
		if j >= len(a2) || i < len(a1) && a1[i] <= a2[j] {
			x = a1[i]
		} else {
			x = a2[j]
		}
		switch {
		case x == b[k]:
			shared++
			k++
			advance(a1, a2, &i, &j)
		case x < b[k]:
			advance(a1, a2, &i, &j)
		default:
			k++
		}
	}
	return 2 * float64(shared) / float64(n+len(b))
}

// advance steps past the smaller head of two sorted lists.
func advance(a1, a2 []uint64, i, j *int) {
	if *j >= len(a2) || *i < len(a1) && a1[*i] <= a2[*j] {
		*i++
	} else {
		*j++
	}
}

// pairing is one step of an alignment: base units and witness units that
// stand for the same text. One side may be empty (a unit only one source
// has) or hold two units (a paragraph split in one source and not in the
// other).
type pairing struct{ a, b []int }

// Costs of the alignment steps; a substitution costs 1 - similarity.
const (
	gapCost   = 1.0
	splitCost = 0.15
	kindCost  = 0.6 // an item paired with a 款
	labelCost = 0.3 // items with different labels
)

// band is how far from the diagonal (beyond the difference in length) the
// alignment looks: a source may lack or add this many paragraphs in a row.
const band = 32

// align pairs the units of two sources by dynamic programming over
// substitutions, gaps, merges and splits, near the diagonal.
func align(a, b []*unit) []pairing {
	g := newGrid(len(a), len(b))
	g.set(0, 0, 0, pairing{})
	for i := 0; i <= len(a); i++ {
		for j := g.lo(i); j <= g.hi(i); j++ {
			if c, ok := g.cost(i, j); ok {
				relax(a, b, g, i, j, c)
			}
		}
	}
	return trace(g, len(a), len(b))
}

// grid holds the costs and steps of the cells within the band.
type grid struct {
	n, m, w int
	costs   []float64
	from    []pairing
	seen    []bool
}

func newGrid(n, m int) *grid {
	w := band + max(n-m, m-n)
	size := (n + 1) * (2*w + 1)
	return &grid{n: n, m: m, w: w, costs: make([]float64, size), from: make([]pairing, size), seen: make([]bool, size)}
}

func (g *grid) lo(i int) int { return max(0, i-g.w) }
func (g *grid) hi(i int) int { return min(g.m, i+g.w) }

func (g *grid) index(i, j int) (int, bool) {
	if i < 0 || i > g.n || j < g.lo(i) || j > g.hi(i) {
		return 0, false
	}
	return i*(2*g.w+1) + j - i + g.w, true
}

func (g *grid) cost(i, j int) (float64, bool) {
	k, ok := g.index(i, j)
	if !ok || !g.seen[k] {
		return 0, false
	}
	return g.costs[k], true
}

// set records a cheaper way into cell (i, j).
func (g *grid) set(i, j int, c float64, p pairing) {
	k, ok := g.index(i, j)
	if ok && (!g.seen[k] || c < g.costs[k]) {
		g.costs[k], g.from[k], g.seen[k] = c, p, true
	}
}

// relax tries every step out of cell (i, j).
func relax(a, b []*unit, g *grid, i, j int, base float64) {
	n, m := len(a), len(b)
	try := func(di, dj int, c float64) {
		if i+di <= n && j+dj <= m {
			g.set(i+di, j+dj, base+c, pairing{indices(i, di), indices(j, dj)})
		}
	}
	try(1, 0, gapCost)
	try(0, 1, gapCost)
	if i < n && j < m {
		try(1, 1, subst(a[i], b[j]))
	}
	if i+1 < n && j < m && joinable(a[i], a[i+1]) && !b[j].item {
		try(2, 1, joinCost(a[i], a[i+1], b[j]))
	}
	if i < n && j+1 < m && joinable(b[j], b[j+1]) && !a[i].item {
		try(1, 2, joinCost(b[j], b[j+1], a[i]))
	}
}

// joinCost is the cost of reading x and y as one paragraph z split in
// two: both halves must be found in z, not only their sum.
func joinCost(x, y, z *unit) float64 {
	return splitCost + 1 - diceJoined(x.grams, y.grams, z.grams) + 2 - cover(x.grams, z.grams) - cover(y.grams, z.grams)
}

// cover is the share of the bigrams of x that z has.
func cover(x, z []uint64) float64 {
	if len(x) == 0 {
		return 1
	}
	return float64(common(x, z)) / float64(len(x))
}

// joinable reports two units that may be one paragraph split in two: two
// 款 or two body paragraphs, never items.
func joinable(x, y *unit) bool { return !x.item && !y.item && x.title == nil && y.title == nil }

func subst(x, y *unit) float64 {
	c := 1 - dice(x.grams, y.grams)
	if x.item != y.item {
		c += kindCost
	}
	if x.item && y.item && x.label != y.label {
		c += labelCost
	}
	return c
}

func indices(start, n int) []int {
	out := make([]int, n)
	for k := range out {
		out[k] = start + k
	}
	return out
}

func trace(g *grid, n, m int) []pairing {
	var out []pairing
	for i, j := n, m; i > 0 || j > 0; {
		k, _ := g.index(i, j)
		p := g.from[k]
		if len(p.a) == 0 && len(p.b) == 0 {
			break // unreachable cell: cannot happen with gaps allowed
		}
		out = append(out, p)
		i -= len(p.a)
		j -= len(p.b)
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}
