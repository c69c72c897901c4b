package recent

import (
	"runtime"
	"testing"
	"weak"
)

// TestMap: a value is kept for the next run when this run uses it, and
// forgotten after a run that does not, or by Forget.
func TestMap(t *testing.T) {
	var m Map[string, int]
	m.Start()
	m.Put("a", 1)
	m.Put("b", 2)
	m.Start()
	if v, ok := m.Get("a"); !ok || v != 1 {
		t.Errorf("a = %d, %v after one run", v, ok)
	}
	m.Start()
	if _, ok := m.Get("b"); ok {
		t.Error("b kept by a run that did not use it")
	}
	if v, ok := m.Get("a"); !ok || v != 1 || m.Len() != 1 {
		t.Errorf("a = %d, %v, %d kept, after two runs that used it", v, ok, m.Len())
	}
	for k, v := range m.All() {
		if k != "a" || v != 1 {
			t.Errorf("All gives %s = %d, not only what this run kept", k, v)
		}
	}
	m.Start()
	m.Forget()
	if _, ok := m.Get("a"); ok {
		t.Error("a kept after Forget")
	}
}

// TestMapSame: a run is the same as the last one when it used all the last
// one kept and was given nothing new.
func TestMapSame(t *testing.T) {
	var m Map[string, int]
	m.Put("a", 1)
	m.Put("b", 2)
	if m.Same() {
		t.Error("values given before the first Start are the same as none")
	}
	run := func(want bool, step string, keys ...string) {
		t.Helper()
		m.Start()
		for _, k := range keys {
			if _, ok := m.Get(k); !ok {
				m.Put(k, 0)
			}
		}
		if m.Same() != want {
			t.Errorf("%s: Same() = %v, want %v", step, !want, want)
		}
	}
	run(true, "every value used again", "a", "b")
	run(false, "one not used", "a")
	run(false, "one used again, one new", "a", "c")
	run(true, "both used again", "a", "c")
	m.Start()
	m.Forget()
	if m.Get("a"); m.Same() {
		t.Error("after Forget, the run is the same as the last")
	}
}

// TestMapSameReplaced: a value Put again under a key the run used is no
// new key.
func TestMapSameReplaced(t *testing.T) {
	var m Map[string, int]
	m.Put("a", 1)
	m.Start()
	m.Get("a")
	m.Put("a", 2)
	if !m.Same() {
		t.Error("a value replaced under a key the run used counts as new")
	}
}

// TestMapLetsGoOfReplaced: a value that a run took from the last run and
// then replaced is no longer held. A memo that replaces each value it uses
// with one for the documents of this run (the link memo, which keeps its
// documents alive) otherwise kept the whole corpus of the run before alive
// until the next run started: a third copy of the corpus between two edits
// of a preview.
func TestMapLetsGoOfReplaced(t *testing.T) {
	var m Map[string, *[64]byte]
	m.Start()
	old := weak.Make(putNew(&m, "a"))
	m.Start()
	if _, ok := m.Get("a"); !ok {
		t.Fatal("a not kept for the next run")
	}
	m.Put("a", new([64]byte))
	runtime.GC()
	if old.Value() != nil {
		t.Error("the value replaced in this run is still held")
	}
	if v, ok := m.Get("a"); !ok || v == nil {
		t.Error("the value put in this run is not kept")
	}
}

// putNew keeps a new value for k and returns it.
func putNew(m *Map[string, *[64]byte], k string) *[64]byte {
	v := new([64]byte)
	m.Put(k, v)
	return v
}
