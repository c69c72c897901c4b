package cores

import (
	"sync/atomic"
	"testing"
)

// TestEach: every index is called once, for counts around a chunk.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 7, maxChunk - 1, maxChunk, maxChunk + 1, 50*maxChunk + 3} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, got)
			}
		}
	}
}
