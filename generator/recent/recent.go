// Package recent holds a map that forgets what the last run did not use:
// the memo of a computation run again and again on inputs that mostly stay
// the same, such as a parse of a content folder after an edit. Keys name
// the input (its digest); a value kept is given as it is, so it must not
// be changed once kept.
package recent

import (
	"iter"
	"sync"
)

// Map keeps values by key for the current run and the one before it. Its
// methods are safe for concurrent use within a run; Start and Forget are
// called between runs.
type Map[K comparable, V any] struct {
	mu        sync.Mutex
	cur, last map[K]V
	added     int // keys Put in this run that it did not hold
	before    int // values the last run kept, counted at Start
}

// Start begins a run: what the run before the last one kept and the last
// one did not use is forgotten.
func (m *Map[K, V]) Start() {
	m.mu.Lock()
	m.last, m.cur = m.cur, map[K]V{}
	m.added, m.before = 0, len(m.last)
	m.mu.Unlock()
}

// Forget drops what the last run kept: it no longer answers for this one.
func (m *Map[K, V]) Forget() {
	m.mu.Lock()
	m.last = nil
	m.mu.Unlock()
}

// Get returns the value kept for k in this run or the last, and keeps it
// for the next. A value taken from the last run is this run's only: when
// the run replaces it (Put), nothing holds it any more.
func (m *Map[K, V]) Get(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.cur[k]
	if !ok {
		if v, ok = m.last[k]; ok {
			m.put(k, v)
			delete(m.last, k)
		}
	}
	return v, ok
}

// Put keeps v for k.
func (m *Map[K, V]) Put(k K, v V) {
	m.mu.Lock()
	if _, ok := m.cur[k]; !ok {
		m.added++
	}
	m.put(k, v)
	m.mu.Unlock()
}

func (m *Map[K, V]) put(k K, v V) {
	if m.cur == nil {
		m.cur = map[K]V{}
	}
	m.cur[k] = v
}

// Retain forgets what this run kept under any key but keys.
func (m *Map[K, V]) Retain(keys []K) {
	m.mu.Lock()
	defer m.mu.Unlock()
	kept := make(map[K]V, len(keys))
	for _, k := range keys {
		if v, ok := m.cur[k]; ok {
			kept[k] = v
		}
	}
	m.cur = kept
}

// Len is how many values this run kept.
func (m *Map[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.cur)
}

// Same reports whether this run kept the keys the last one kept, all of
// them and no other: it used every key of the last run and was given no
// new one (a value Put under a key the run already holds replaces it and
// is not counted). A memo written down after the last run holds, under
// the same keys, what it held then, which a memo may give again.
func (m *Map[K, V]) Same() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.added == 0 && len(m.cur) == m.before
}

// All gives what this run kept, to write it down between runs: the map
// is locked until the loop ends, so its body must not call m.
func (m *Map[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		m.mu.Lock()
		defer m.mu.Unlock()
		for k, v := range m.cur {
			if !yield(k, v) {
				return
			}
		}
	}
}
