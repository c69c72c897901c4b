package main

import (
	"runtime/debug"
	"testing"
	"time"
)

// TestIdleCollector: the collector takes the runtime's pace and memory
// limit over from its first collection and gives them back; after the first build it collects, and after a
// build that leaves the heap far under the budget it does not; after one
// that would take the next build past it, it does. The work it is given
// to do after a build runs, after the collection when there is one.
func TestIdleCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	c := newIdleCollector()
	if p := debug.SetGCPercent(-1); p != 100 {
		t.Errorf("before the collector's first collection, GOGC is %d, want 100", p)
	}
	debug.SetGCPercent(100)
	idle := func() bool {
		t.Helper()
		for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(time.Millisecond) {
			c.mu.Lock()
			collecting := c.collecting
			c.mu.Unlock()
			if !collecting {
				return true
			}
		}
		t.Fatal("the collection does not end")
		return false
	}
	build := func(garbage int) bool {
		t.Helper()
		c.mu.Lock()
		c.allocs, _, _ = c.read() // what was allocated before the build is not its
		c.mu.Unlock()
		for range garbage >> 20 {
			sink = make([]byte, 1<<20)
		}
		then := make(chan bool, 1) // whether the collection was under way
		c.ended(func() {
			c.mu.Lock()
			then <- c.collecting
			c.mu.Unlock()
		})
		c.mu.Lock()
		collects := c.collecting
		c.mu.Unlock()
		idle()
		select {
		case during := <-then:
			if during {
				t.Errorf("the work after the build ran during the collection")
			}
		case <-time.After(time.Minute):
			t.Fatal("the work after the build did not run")
		}
		return collects
	}
	if !build(1 << 20) {
		t.Errorf("no collection after the first build")
	}
	if c.budget == 0 {
		t.Fatalf("no budget after a collection")
	}
	if p := debug.SetGCPercent(-1); p != 200 {
		t.Errorf("after the collector's first collection, GOGC is %d, want 200", p)
	}
	debug.SetGCPercent(200)
	if limit := debug.SetMemoryLimit(-1); limit != int64(c.budget+max(c.budget/4, limitRoom)) {
		t.Errorf("memory limit %d, want a quarter above the budget %d, and %d at least", limit, c.budget, limitRoom)
	}
	if build(1 << 20) {
		t.Errorf("a collection after a build that leaves the heap far under the budget (%d)", c.budget)
	}
	if !build(int(c.budget)) {
		t.Errorf("no collection after a build as large as the budget (%d)", c.budget)
	}
	c.close()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("after the collector, GOGC is %d, want 100 back", p)
	}
	if limit := debug.SetMemoryLimit(-1); limit != 1<<40 {
		t.Errorf("after the collector, the memory limit is %d, want %d back", limit, int64(1<<40))
	}
}

// TestIdleCollectorClosed: a collection that ends after the preview closed
// the collector leaves the runtime's pace and memory limit as close gave
// them back.
func TestIdleCollectorClosed(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	c := newIdleCollector()
	c.collecting = true // a collection under way, as ended starts one
	c.close()
	c.collect()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("after the collector closed, GOGC is %d, want 100", p)
	}
	if limit := debug.SetMemoryLimit(-1); limit != 1<<40 {
		t.Errorf("after the collector closed, the memory limit is %d, want %d", limit, int64(1<<40))
	}
}

// TestIdleCollectorSettle: settle collects at once, in the caller, and
// sets the budget; a build's end right after it, having allocated little
// since, collects nothing, though the build before settle allocated more
// than the budget.
func TestIdleCollectorSettle(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	c := newIdleCollector()
	defer c.close()
	cycles := gcCycles()
	for range 64 {
		sink = make([]byte, 1<<20)
	}
	c.settle()
	if gcCycles() == cycles {
		t.Fatal("settle did not collect")
	}
	if c.collecting || c.budget == 0 {
		t.Fatalf("after settle: collecting %v, budget %d", c.collecting, c.budget)
	}
	ran := make(chan struct{})
	c.ended(func() { close(ran) })
	c.mu.Lock()
	collects := c.collecting
	c.mu.Unlock()
	if collects {
		t.Errorf("a build's end right after settle collects again (allocated %d since, budget %d)", c.build, c.budget)
	}
	select {
	case <-ran:
	case <-time.After(time.Minute):
		t.Fatal("the work after the build did not run")
	}
}

// sink keeps the test's allocations from being optimised away.
var sink []byte
