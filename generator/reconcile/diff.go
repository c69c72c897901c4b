package reconcile

// span is a stretch where two texts differ, in rune offsets: a[a0:a1] in
// the first text stands where b[b0:b1] stands in the second.
type span struct{ a0, a1, b0, b1 int }

// maxEdits bounds the edit distance diffRunes looks for; texts further
// apart come back as one span.
const maxEdits = 400

// diffRunes returns the spans where a and b differ, in order, using
// Myers' algorithm after trimming the common prefix and suffix.
func diffRunes(a, b []rune) []span {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a2, b2 := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(a2) == 0 && len(b2) == 0 {
		return nil
	}
	spans, ok := myers(a2, b2)
	if !ok {
		spans = []span{{0, len(a2), 0, len(b2)}}
	}
	for i := range spans {
		spans[i].a0 += pre
		spans[i].a1 += pre
		spans[i].b0 += pre
		spans[i].b1 += pre
	}
	return spans
}

// myers finds a shortest edit script between a and b and returns its
// changes as spans; false when it needs more than maxEdits edits.
func myers(a, b []rune) ([]span, bool) {
	n, m := len(a), len(b)
	max := n + m
	if max > maxEdits {
		max = maxEdits
	}
	offset := max + 1
	v := make([]int, 2*max+3)
	var trace [][]int
	for d := 0; d <= max; d++ {
		snapshot := make([]int, 2*d+3)
		copy(snapshot, v[offset-d-1:offset+d+2])
		trace = append(trace, snapshot)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, d, k), true
			}
		}
	}
	return nil, false
}

// backtrack walks the saved frontiers back from (n, m) and collects the
// changed stretches.
func backtrack(trace [][]int, a, b []rune, d, _ int) []span {
	x, y := len(a), len(b)
	var out []span
	for ; d > 0; d-- {
		prev := trace[d] // frontier before step d, indexed from -d-1
		at := func(kk int) int { return prev[kk+d+1] }
		k := x - y
		pk := k - 1
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x--
			y--
		}
		if x == px {
			out = append(out, span{x, x, py, py + 1}) // b[py] inserted
		} else {
			out = append(out, span{px, px + 1, y, y}) // a[px] deleted
		}
		x, y = px, py
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return coalesce(out, 0)
}

// coalesce merges spans that touch or are closer than gap equal runes.
func coalesce(spans []span, gap int) []span {
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.a0-out[n-1].a1 <= gap && s.b0-out[n-1].b1 <= gap {
			out[n-1].a1, out[n-1].b1 = s.a1, s.b1
			continue
		}
		out = append(out, s)
	}
	return out
}
