// Package cores runs the steps of a loop whose steps depend on nothing
// but their index on all cores.
package cores

import (
	"runtime"

	"golang.org/x/sync/errgroup"
)

// chunk is how many steps a goroutine takes: starting one costs about as
// much as a small step (a slug, the dates of a header).
const chunk = 64

// Each calls fn(i) for every i from 0 below n, on all cores, and returns
// once every call has. The calls must not depend on one another.
func Each(n int, fn func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
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
