package link

import (
	"cmp"
	"crypto/sha256"
	"slices"
	"unsafe"
)

// A Span is memory that texts may lie in and the SHA-256 of its bytes:
// an entry a Store read back, whose strings share its memory (package
// bincode), and the digest it was written with. A Memo kept on disk keys
// a text that lies in a span by the span's digest and where in it the
// text lies instead of by its bytes (keyWriter.text): Data must never
// change, and Sum must be the digest of its bytes, or a Memo would give
// the links of another text.
type Span struct {
	Data string
	Sum  [sha256.Size]byte
}

// UseSpans has the Links after it key texts that lie in one of spans by
// where they lie (a Memo kept on disk, NewStoredMemo, only).
func (m *Memo) UseSpans(spans []Span) {
	if m != nil && m.stored {
		m.spans = newSpanIndex(spans)
	}
}

// spanIndex holds spans by where they start in memory.
type spanIndex struct {
	list   []Span
	starts []uintptr
}

// newSpanIndex sorts spans by where they start, leaving out empty ones;
// nil when none is left.
func newSpanIndex(spans []Span) *spanIndex {
	x := &spanIndex{}
	for _, sp := range spans {
		if sp.Data != "" {
			x.list = append(x.list, sp)
		}
	}
	if len(x.list) == 0 {
		return nil
	}
	slices.SortFunc(x.list, func(a, b Span) int { return cmp.Compare(start(a.Data), start(b.Data)) })
	x.starts = make([]uintptr, len(x.list))
	for i, sp := range x.list {
		x.starts[i] = start(sp.Data)
	}
	return x
}

// start is where s starts in memory.
func start(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }

// find returns the index of the span s lies in, whole, and where in it
// s starts; -1 when it lies in none. The span of index last is looked
// at first: the texts of a document lie in the same one.
func (x *spanIndex) find(s string, last int) (i, at int) {
	if x == nil || s == "" {
		return -1, 0
	}
	p := start(s)
	if last >= 0 && x.holds(last, p, len(s)) {
		return last, int(p - x.starts[last])
	}
	i, found := slices.BinarySearch(x.starts, p)
	if !found {
		i--
	}
	if i < 0 || !x.holds(i, p, len(s)) {
		return -1, 0
	}
	return i, int(p - x.starts[i])
}

// holds reports whether the n bytes at p lie in span i.
func (x *spanIndex) holds(i int, p uintptr, n int) bool {
	size := uintptr(len(x.list[i].Data))
	return p >= x.starts[i] && uintptr(n) <= size && p-x.starts[i] <= size-uintptr(n)
}
