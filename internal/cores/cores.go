// Package cores runs the steps of a loop whose steps depend on nothing
// but their index on all cores.
package cores

import (
	"runtime"

	"golang.org/x/sync/errgroup"
)

// maxChunk is the most steps a goroutine takes: starting one costs about
// as much as a small step (a slug, the dates of a header). Fewer steps
// are cut into smaller chunks, at least four per core, so that every core
// has some.
const maxChunk = 64

// Each calls fn(i) for every i from 0 below n, on all cores, and returns
// once every call has. The calls must not depend on one another.
func Each(n int, fn func(i int)) {
	procs := runtime.GOMAXPROCS(0)
	chunk := max(1, min(maxChunk, n/(4*procs)))
	var g errgroup.Group
	g.SetLimit(procs)
	for start := 0; start < n; start += chunk {
		g.Go(func() error {
			for i := start; i < min(start+chunk, n); i++ {
				fn(i)
			}
			return nil
		})
	}
	g.Wait()
}
