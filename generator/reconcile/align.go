package reconcile

import "sort"

// bigrams returns the sorted bigrams of a text (a lone rune counts as one).
func bigrams(rs []rune) []uint64 {
	if len(rs) == 1 {
		return []uint64{uint64(rs[0])}
	}
	out := make([]uint64, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, uint64(rs[i])<<32|uint64(rs[i+1]))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// dice is the Dice coefficient of two sorted bigram lists: 1 for the same
// text, 0 for texts with no bigram in common.
func dice(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

func merged(a, b []uint64) []uint64 {
	out := append(append([]uint64{}, a...), b...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
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
	maxCells  = 1 << 20
)

// align pairs the units of two sources by dynamic programming over
// substitutions, gaps, merges and splits. Inputs too large for that are
// paired in order.
func align(a, b []*unit) []pairing {
	n, m := len(a), len(b)
	if (n+1)*(m+1) > maxCells {
		return inOrder(n, m)
	}
	inf := 1e18
	cost := make([][]float64, n+1)
	from := make([][]pairing, n+1)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		from[i] = make([]pairing, m+1)
		for j := range cost[i] {
			cost[i][j] = inf
		}
	}
	cost[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if cost[i][j] == inf {
				continue
			}
			relax(a, b, cost, from, i, j)
		}
	}
	return trace(from, n, m)
}

// relax tries every step out of cell (i, j).
func relax(a, b []*unit, cost [][]float64, from [][]pairing, i, j int) {
	n, m := len(a), len(b)
	try := func(di, dj int, c float64) {
		if i+di > n || j+dj > m {
			return
		}
		if c += cost[i][j]; c < cost[i+di][j+dj] {
			cost[i+di][j+dj] = c
			from[i+di][j+dj] = pairing{indices(i, di), indices(j, dj)}
		}
	}
	try(1, 0, gapCost)
	try(0, 1, gapCost)
	if i < n && j < m {
		try(1, 1, subst(a[i], b[j]))
	}
	if i+1 < n && j < m && joinable(a[i], a[i+1]) && !b[j].item {
		try(2, 1, splitCost+1-dice(merged(a[i].grams, a[i+1].grams), b[j].grams))
	}
	if i < n && j+1 < m && joinable(b[j], b[j+1]) && !a[i].item {
		try(1, 2, splitCost+1-dice(a[i].grams, merged(b[j].grams, b[j+1].grams)))
	}
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

// inOrder pairs the first units with each other and leaves the rest of the
// longer side unpaired.
func inOrder(n, m int) []pairing {
	var out []pairing
	for k := 0; k < max(n, m); k++ {
		var p pairing
		if k < n {
			p.a = []int{k}
		}
		if k < m {
			p.b = []int{k}
		}
		out = append(out, p)
	}
	return out
}

func indices(start, n int) []int {
	out := make([]int, n)
	for k := range out {
		out[k] = start + k
	}
	return out
}

func trace(from [][]pairing, n, m int) []pairing {
	var out []pairing
	for i, j := n, m; i > 0 || j > 0; {
		p := from[i][j]
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
