package main

import (
	"runtime"
	"runtime/metrics"
	"sync"
)

// idleCollector decides when the preview collects its garbage: between
// builds, while the editor reads, and only when the next build would
// otherwise need a collection of its own.
//
// A collection marks everything live, about 0.8–1 GB on the LawRefBook
// corpus (the cached documents, the served ones, the memos), whatever the
// edit: 1–1.5 CPU-s, more than the rest of an edit's build. Collecting
// after every build made each edit pay one, and one running when the
// next edit came slowed that build down. Not collecting between builds
// let the runtime collect in the middle of one, with the documents of two
// builds live, and set its next goal from that: 2.4 GB.
//
// So the collector keeps a budget: the runtime's heap goal right after a
// collection it made between builds, when the least is live (twice that
// under GOGC=100). After a build it collects when the heap, grown by what
// the last build allocated, would pass the budget during the next one;
// else it leaves the garbage for a later pause. An edit that allocates a
// third of what is live then pays a collection every other edit, and
// the heap stays under the same budget.
type idleCollector struct {
	mu         sync.Mutex
	collecting bool
	budget     uint64 // 0 until the first collection: collect
	allocs     uint64 // the heap's allocations when the build began
	build      uint64 // what the last build allocated
	samples    []metrics.Sample
}

// Metrics the collector reads.
const (
	metricAllocs  = "/gc/heap/allocs:bytes"              // allocated since the start
	metricObjects = "/memory/classes/heap/objects:bytes" // live and not yet swept
	metricGoal    = "/gc/heap/goal:bytes"
)

func newIdleCollector() *idleCollector {
	return &idleCollector{samples: []metrics.Sample{{Name: metricAllocs}, {Name: metricObjects}, {Name: metricGoal}}}
}

// read reads the metrics: allocated, heap and goal.
func (c *idleCollector) read() (allocs, heap, goal uint64) {
	metrics.Read(c.samples)
	return c.samples[0].Value.Uint64(), c.samples[1].Value.Uint64(), c.samples[2].Value.Uint64()
}

// started notes that a build starts.
func (c *idleCollector) started() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.allocs, _, _ = c.read()
}

// ended notes that the build started last has ended, and collects the
// garbage in the background when the next build would need it.
func (c *idleCollector) ended() {
	c.mu.Lock()
	defer c.mu.Unlock()
	allocs, heap, _ := c.read()
	c.build = allocs - c.allocs
	if c.collecting || (c.budget > 0 && heap+c.build <= c.budget) {
		return
	}
	c.collecting = true
	go c.collect()
}

func (c *idleCollector) collect() {
	runtime.GC()
	c.mu.Lock()
	defer c.mu.Unlock()
	_, _, c.budget = c.read()
	c.collecting = false
}
