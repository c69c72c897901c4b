package recent

import "testing"

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
