package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/internal/testdir"
)

// storeContent is a content folder with the repository's sample site,
// the sample newspaper pages and 30 files of the shared corpus.
func storeContent(t *testing.T) fstest.MapFS {
	fsys := content()
	addCorpus(t, fsys, 30)
	addFolder(t, fsys, filepath.Join(testdir.Root(t), "content"), "site/")
	addFolder(t, fsys, filepath.Join(testdir.Corpus(t), "..", "seeds"), "seeds/")
	return fsys
}

// TestStoreParseEqualsParse parses a content folder through a Store on
// disk, each time with a Store opened anew as a new process would, and
// checks each corpus against a parse without it: when the Store is new,
// after an edit, a file added and one deleted, when its entries are
// damaged, and when the program is another.
func TestStoreParseEqualsParse(t *testing.T) {
	fsys, dir := storeContent(t), t.TempDir()
	run := func(step, program string, read, written int) {
		t.Helper()
		s, err := generator.OpenStore(dir, program, false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := corpusDiff(generator.ParseStored(fsys, s), generator.Parse(fsys)); diff != "" {
			t.Errorf("%s: the stored parse differs from a fresh one: %s", step, diff)
		}
		if r, w := int(s.Read.Load()), int(s.Written.Load()); r != read || w != written {
			t.Errorf("%s: %d entries read and %d written, want %d and %d", step, r, w, read, written)
		}
		if err := s.Prune(); err != nil {
			t.Fatal(err)
		}
	}
	n := sources(fsys)
	run("a new store", "v1", 0, n)
	run("nothing changed", "v1", n, 0)
	law, _ := lawWith(t, fsys, "第三条 ")
	fsys[law].Data = []byte(strings.Replace(string(fsys[law].Data), "\n第三条 ", "\n第三条 各", 1))
	run("an article edited", "v1", n-1, 1)
	fsys["laws/added.md"] = &fstest.MapFile{Data: fsys[law].Data}
	delete(fsys, law)
	run("a file added, one deleted", "v1", n-1, 1)
	if got := entries(t, dir); got != n {
		t.Errorf("the store keeps %d entries after a prune, want %d (one per source)", got, n)
	}
	damage(t, dir)
	run("entries damaged", "v1", n-3, 3)
	run("another program", "v2", 0, n)
	run("no program", "", 0, n)
}

// TestStoreFresh checks that a fresh Store reads no entry but writes them
// all.
func TestStoreFresh(t *testing.T) {
	fsys, dir := storeContent(t), t.TempDir()
	for _, fresh := range []bool{false, true} {
		s, err := generator.OpenStore(dir, "v1", fresh)
		if err != nil {
			t.Fatal(err)
		}
		generator.ParseStored(fsys, s)
		if r, w := s.Read.Load(), s.Written.Load(); r != 0 || int(w) != sources(fsys) {
			t.Errorf("fresh %v: %d entries read and %d written, want none read and all written", fresh, r, w)
		}
	}
}

// TestStoreRefusesForeignFolder checks that a folder of other files is
// not taken for a Store (a prune would remove them).
func TestStoreRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.parsed"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.OpenStore(dir, "v1", false); err == nil {
		t.Fatal("a folder of other files opened as a store")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.parsed")); err != nil {
		t.Fatal(err)
	}
	// Another program's cache carries a CACHEDIR.TAG of its own: it is
	// refused too, and its tag is left as it was.
	other := []byte("Signature: 8a477f597d28d172789f06886806bc55\n# another program's cache\n")
	if err := os.WriteFile(filepath.Join(dir, "CACHEDIR.TAG"), other, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.OpenStore(dir, "v1", false); err == nil {
		t.Fatal("another program's cache opened as a store")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "CACHEDIR.TAG")); string(got) != string(other) {
		t.Fatalf("the other program's tag was rewritten: %q", got)
	}
}

// sources counts the source files of fsys.
func sources(fsys fstest.MapFS) int {
	n := 0
	for name := range fsys {
		switch filepath.Ext(name) {
		case ".md", ".txt", ".html":
			if !strings.Contains(name, "/.") && !strings.HasPrefix(name, ".") {
				n++
			}
		}
	}
	return n
}

// entries counts the entries of the store in dir.
func entries(t *testing.T, dir string) int {
	list, err := filepath.Glob(filepath.Join(dir, "*.parsed"))
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// damage spoils three entries of the store in dir: one cut short, one
// with a byte changed, one emptied.
func damage(t *testing.T, dir string) {
	list, err := filepath.Glob(filepath.Join(dir, "*.parsed"))
	if err != nil || len(list) < 3 {
		t.Fatalf("%d entries: %v", len(list), err)
	}
	for i, p := range list[:3] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch i {
		case 0:
			data = data[:len(data)/2]
		case 1:
			data[len(data)-1] ^= 1
		case 2:
			data = nil
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
