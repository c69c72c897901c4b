package sitefiles

import "testing"

// keeper is a Next that can keep folders.
type keeper struct{ Writer }

func (*keeper) KeepTree(dir string) (bool, error) { return dir == "d/x", nil }

func TestWriter(t *testing.T) {
	next := &keeper{}
	w := &Writer{Next: next}
	w.WriteFile("b.html", []byte("bb"))
	w.WriteFile("a.html", []byte("a"))
	if n, size := w.Count(); n != 2 || size != 3 {
		t.Errorf("Count = %d, %d", n, size)
	}
	if names := w.Names(); len(names) != 2 || names[0] != "a.html" || string(w.Files()["b.html"]) != "bb" {
		t.Errorf("Names = %q, Files = %q", names, w.Files())
	}
	if n, _ := next.Count(); n != 2 {
		t.Errorf("Next got %d files", n)
	}
	if ok, _ := w.KeepTree("d/x"); !ok {
		t.Error("KeepTree not passed on")
	}
	d := &Writer{Discard: true}
	d.WriteFile("a.html", []byte("a"))
	if n, _ := d.Count(); n != 1 || len(d.Names()) != 0 || len(d.Files()) != 0 {
		t.Errorf("Discard kept something: %d %q", n, d.Names())
	}
	if ok, _ := d.KeepTree("d/x"); ok {
		t.Error("KeepTree without Next")
	}
}
