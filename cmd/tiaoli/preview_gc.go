package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// idleCollector decides when the preview collects its garbage: between
// builds, while the editor reads, and only when the next build would
// otherwise need a collection of its own.
//
// A collection marks everything live, about 0.65 GB on the LawRefBook
// corpus (the cached documents, the served ones, the memos), whatever the
// edit: 1–1.5 CPU-s, more than the rest of an edit's build. Collecting
// after every build made each edit pay one, and one running when the
// next edit came slowed that build down. Not collecting between builds
// let the runtime collect in the middle of one, with the documents of two
// builds live, and set its next goal from that: 2.4 GB.
//
// So the collector paces the collections itself. It keeps a budget: what
// the runtime's pace (GOGC) would let the heap grow to from what was live
// after the last collection. After a build it collects when the heap,
// grown by what was allocated from the end of the build before to the end
// of this one, would pass the budget during the next one; else it leaves
// the garbage for a later pause. An edit that allocates a third of what
// is live then pays a collection every other edit or less often.
//
// The runtime's own pace would start a collection well before the budget
// (its trigger lies ahead of its goal, so that marking ends in time), in
// the middle of the next build. So from the first collection between
// builds on (the first build runs at the runtime's pace), it is set to
// twice its pace, and to a memory limit a quarter above the budget (256 MB
// at least) instead: the runtime collects on its own only for a build
// that allocates far more than the last, and gives back to the system
// what it holds beyond the limit (at twice its pace alone, it kept 2.8 GB
// where it had kept 1.9).
type idleCollector struct {
	mu         sync.Mutex
	percent    int   // the runtime's pace when the collector began: GOGC
	limit      int64 // the runtime's memory limit then: GOMEMLIMIT
	collecting bool
	closed     bool   // the pacing is the runtime's again
	budget     uint64 // 0 until the first collection: collect
	allocs     uint64 // the heap's allocations when the last build ended
	// build is what was allocated from the end of the build before the
	// last to the end of the last: the build, and the pages served and
	// the polls made since the one before.
	build   uint64
	samples []metrics.Sample
}

// limitRoom is the least room the memory limit leaves above the budget:
// a small site's builds could not do without collecting under a quarter
// of a small budget.
const limitRoom = 256 << 20

// Metrics the collector reads.
const (
	metricAllocs  = "/gc/heap/allocs:bytes"              // allocated since the start
	metricObjects = "/memory/classes/heap/objects:bytes" // live and not yet swept
	metricLive    = "/gc/heap/live:bytes"                // marked by the last collection
)

// newIdleCollector takes over the pacing of collections from the runtime
// from its first collection until close. With collections off (GOGC=off),
// it does nothing.
func newIdleCollector() *idleCollector {
	c := &idleCollector{percent: debug.SetGCPercent(-1), limit: debug.SetMemoryLimit(-1),
		samples: []metrics.Sample{{Name: metricAllocs}, {Name: metricObjects}, {Name: metricLive}}}
	debug.SetGCPercent(c.percent) // the first build at the runtime's pace
	return c
}

// close gives the pacing back to the runtime; a collection still running
// then leaves it so.
func (c *idleCollector) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	debug.SetGCPercent(c.percent)
	debug.SetMemoryLimit(c.limit)
}

// read reads the metrics: allocated, heap and live.
func (c *idleCollector) read() (allocs, heap, live uint64) {
	metrics.Read(c.samples)
	return c.samples[0].Value.Uint64(), c.samples[1].Value.Uint64(), c.samples[2].Value.Uint64()
}

// ended notes that a build has ended and, when the next build would need
// it, collects the garbage in the background; then it runs then, in the
// background too: work for the next build. Run before the collection,
// what then allocates would count in what the collection finds live, and
// the budget set from it would let the heap grow by twice as much.
func (c *idleCollector) ended(then func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	allocs, heap, _ := c.read()
	c.build, c.allocs = allocs-c.allocs, allocs
	if c.closed {
		return // the server is closing: nothing to prepare for
	}
	if c.percent < 0 || c.collecting || (c.budget > 0 && heap+c.build <= c.budget) {
		go then()
		return
	}
	c.collecting = true
	go func() {
		c.collect()
		then()
	}()
}

// settle collects the garbage now, in the caller, and starts the count of
// what the next build allocates from there: for the first build, whose
// collection would otherwise run in the background after it, over the
// first edit. The first build parses every file at the runtime's pace; the
// preview serves it a collection later (of the 0.6 GB it leaves live on
// the LawRefBook corpus, under a CPU-second, against half a minute of
// building), and its first edit pays no collection of it.
func (c *idleCollector) settle() {
	c.mu.Lock()
	if c.percent < 0 || c.collecting || c.closed {
		c.mu.Unlock()
		return
	}
	c.collecting = true
	c.mu.Unlock()
	c.collect()
	c.mu.Lock()
	c.allocs, _, _ = c.read()
	c.mu.Unlock()
}

func (c *idleCollector) collect() {
	runtime.GC()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.collecting = false
	if c.closed {
		return
	}
	_, _, live := c.read()
	c.budget = live + live*uint64(c.percent)/100
	debug.SetGCPercent(2 * c.percent) // off stays off
	debug.SetMemoryLimit(min(c.limit, int64(c.budget+max(c.budget/4, limitRoom))))
}
