package preview

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestUpdate checks that updating a snapshot for the paths told gives
// what a poll of everything gives, and that it declines where only such
// a poll can tell: a folder made or removed, a watched folder itself.
func TestUpdate(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) func() error {
		return func() error { return os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644) }
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("一"), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "b.md"), []byte("二"), 0o644)
	for _, c := range []struct {
		what        string
		do          func() error
		told        []string
		changed, ok bool
	}{
		{"nothing done", func() error { return nil }, []string{"a.md"}, false, true},
		{"an edit", write("a.md", "一二"), []string{"a.md"}, true, true},
		{"an edit in a folder", write("sub/b.md", "二三"), []string{"sub/b.md"}, true, true},
		{"a new file", write("c.md", "三"), []string{"c.md"}, true, true},
		{"a path told uncleaned", write("c.md", "三四"), []string{"sub/../c.md"}, true, true},
		{"a deletion", func() error { return os.Remove(filepath.Join(dir, "c.md")) }, []string{"c.md"}, true, true},
		{"a path gone before it was seen", func() error { return nil }, []string{"d.md"}, false, true},
		{"a hidden file", write(".a.md.swp", "x"), []string{".a.md.swp"}, false, true},
		{"a new folder", func() error { return os.Mkdir(filepath.Join(dir, "new"), 0o755) }, []string{"new"}, false, false},
		{"a removed folder", func() error { return os.RemoveAll(filepath.Join(dir, "sub")) }, []string{"sub"}, false, false},
		{"the watched folder", func() error { return nil }, []string{""}, false, false},
		{"a path outside", func() error { return nil }, []string{"../x.md"}, false, false},
	} {
		before := take([]string{dir})
		if err := c.do(); err != nil {
			t.Fatal(err)
		}
		var told []string
		for _, p := range c.told {
			told = append(told, filepath.Join(dir, p))
		}
		want, s := take([]string{dir}), maps.Clone(before)
		changed, ok := s.update([]string{dir}, told)
		if changed != c.changed || ok != c.ok {
			t.Errorf("%s: update says changed %v, ok %v; want %v, %v", c.what, changed, ok, c.changed, c.ok)
		}
		if ok && !s.equal(want) {
			t.Errorf("%s: the snapshot updated is not what a poll sees", c.what)
		}
		if !ok && !s.equal(before) {
			t.Errorf("%s: update declined but changed the snapshot", c.what)
		}
	}
}

// TestNotifierTells checks what the notifier keeps for the watch loop: the
// paths told, a poll of everything after a new folder and after an
// overflow of the system's queue, and nothing once drained.
func TestNotifierTells(t *testing.T) {
	dir := t.TempDir()
	n, err := newNotifier([]string{dir})
	if err != nil {
		t.Skipf("the system does not tell changes: %v", err)
	}
	defer n.close()
	drained := func(what string) ([]string, bool) {
		select {
		case <-n.C:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no wake", what)
		}
		time.Sleep(50 * time.Millisecond) // the rest of the events
		return n.drain()
	}
	file := filepath.Join(dir, "a.md")
	os.WriteFile(file, []byte("一"), 0o644)
	if paths, whole := drained("a new file"); whole || !slices.Contains(paths, file) {
		t.Errorf("a new file: told %q, whole %v; want %q, false", paths, whole, file)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if _, whole := drained("a new folder"); !whole {
		t.Error("a new folder: no poll of everything asked")
	}
	// The new folder is watched: a file in it is told.
	inner := filepath.Join(dir, "sub", "b.md")
	os.WriteFile(inner, []byte("二"), 0o644)
	if paths, whole := drained("a file in the new folder"); whole || !slices.Contains(paths, inner) {
		t.Errorf("a file in the new folder: told %q, whole %v; want %q, false", paths, whole, inner)
	}
	n.lost() // what the loop does on an overflow of the queue
	if _, whole := drained("an overflow"); !whole {
		t.Error("an overflow: no poll of everything asked")
	}
	if paths, whole := n.drain(); len(paths) > 0 || whole {
		t.Errorf("drained twice: told %q, whole %v", paths, whole)
	}
}
