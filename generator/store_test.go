package generator_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/model"
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
	run("no program", "", 0, 0)
}

// TestStoreNoProgram checks that a Store of a program that cannot name
// itself writes nothing, neither entries nor memos, for another program
// that cannot either would take them for its own; the parse is still
// the fresh one.
func TestStoreNoProgram(t *testing.T) {
	fsys, dir := storeContent(t), t.TempDir()
	for range 2 {
		s, err := generator.OpenStore(dir, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := corpusDiff(generator.ParseStored(fsys, s), generator.Parse(fsys)); diff != "" {
			t.Errorf("the parse without a program differs from a fresh one: %s", diff)
		}
		if r, w := s.Read.Load(), s.Written.Load(); r != 0 || w != 0 {
			t.Errorf("without a program, %d entries read and %d written, want none", r, w)
		}
		list, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			if e.Name() != "CACHEDIR.TAG" {
				t.Errorf("without a program, the store holds %s", e.Name())
			}
		}
	}
}

// TestStoreMemoKept checks that a memo the parse did not change is not
// written again (a file written is a new file, renamed over the old) and
// one it changed is: after an edit of one document, only the delta of the
// link memo; that the parse after either reads what it needs (linked -1:
// any number of documents linked anew); and that a damaged delta is
// passed over for the whole memo.
func TestStoreMemoKept(t *testing.T) {
	fsys, dir := storeContent(t), t.TempDir()
	p := &storeParser{t: t, dir: dir, program: "v1"}
	p.Parse(fsys)
	const whole, delta = "link.memo", "link.delta.memo"
	stat := func() map[string]os.FileInfo {
		out := map[string]os.FileInfo{}
		for _, name := range []string{whole, delta, "compare.memo"} {
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			out[name] = fi
		}
		return out
	}
	// written: the names of the files the step writes; with any, one of
	// them at least.
	check := func(step string, written map[string]bool, any bool, linked int) {
		t.Helper()
		before := stat()
		if diff := corpusDiff(p.Parse(fsys), generator.Parse(fsys)); diff != "" {
			t.Errorf("%s: the stored parse differs from a fresh one: %s", step, diff)
		}
		if _, l := p.LinkedAnew(); linked >= 0 && l != linked {
			t.Errorf("%s: %d documents linked anew, want %d", step, l, linked)
		}
		n := 0
		for name, fi := range stat() {
			got := fi != nil && (before[name] == nil || !os.SameFile(before[name], fi))
			if got {
				n++
			}
			if got != written[name] && !(any && !got) {
				t.Errorf("%s: %s written again: %v, want %v", step, name, got, written[name])
			}
		}
		if any && n == 0 {
			t.Errorf("%s: none of %v written", step, written)
		}
	}
	check("nothing changed", nil, false, 0)
	law, _ := lawWith(t, fsys, "第三条 ")
	fsys[law].Data = []byte(strings.Replace(string(fsys[law].Data), "\n第三条 ", "\n第三条 各", 1))
	check("an article edited", map[string]bool{delta: true}, false, 1)
	check("nothing changed after the edit", nil, false, 0)
	data, err := os.ReadFile(filepath.Join(dir, delta))
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 1
	if err := os.WriteFile(filepath.Join(dir, delta), data, 0o644); err != nil {
		t.Fatal(err)
	}
	check("the delta damaged", map[string]bool{delta: true}, false, 1)
	check("nothing changed after the damage", nil, false, 0)
	delete(fsys, law)
	check("a file deleted", map[string]bool{whole: true, delta: true}, true, -1)
}

// TestStoreParseEditsEqualParse is TestCacheParseEqualsParse with a Store
// opened anew for every parse, as tiaoli build run again opens it: what
// the memos kept on disk give is what a fresh parse gives, and linking
// redoes no more than the memo of a Cache would after the same edits
// (an edited document, and what cites a 款 that changed; every document
// after a changed definition or title).
func TestStoreParseEditsEqualParse(t *testing.T) {
	editAndCompare(t, &storeParser{t: t, dir: t.TempDir(), program: "v1"})
}

// TestStoreMemoDamaged checks that a memo file cut short, with a byte
// changed, emptied or written by another program is not read: the parse
// links every document, gives what a fresh parse gives and writes the
// memo again, which the next parse reads.
func TestStoreMemoDamaged(t *testing.T) {
	fsys, dir := storeContent(t), t.TempDir()
	p := &storeParser{t: t, dir: dir, program: "v1"}
	docs := len(p.Parse(fsys).Documents)
	memos, err := filepath.Glob(filepath.Join(dir, "*.memo"))
	if err != nil || len(memos) != 3 {
		t.Fatalf("memo files %v (%v), want one for linking, one for comparing and one for reconciling", memos, err)
	}
	for _, damage := range []struct {
		what   string
		change func([]byte) []byte
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] }},
		{"a byte changed", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }},
		{"emptied", func([]byte) []byte { return nil }},
		{"written by another program", nil},
	} {
		p.program = "v1"
		if damage.change == nil {
			p.program = "v2"
		}
		for _, m := range memos {
			data, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			if damage.change != nil {
				if err := os.WriteFile(m, damage.change(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		if diff := corpusDiff(p.Parse(fsys), generator.Parse(fsys)); diff != "" {
			t.Errorf("memos %s: the stored parse differs from a fresh one: %s", damage.what, diff)
		}
		if d, l := p.LinkedAnew(); d != docs || l != docs {
			t.Errorf("memos %s: %d documents read for terms and %d linked anew, want all %d", damage.what, d, l, docs)
		}
		p.Parse(fsys)
		if d, l := p.LinkedAnew(); d != 0 || l != 0 {
			t.Errorf("memos %s, then written again: %d documents read for terms and %d linked anew, want none", damage.what, d, l)
		}
	}
}

// storeParser parses through a Store opened anew for each parse, as a
// new process does.
type storeParser struct {
	t       *testing.T
	dir     string
	program string
	last    *generator.Store
}

func (p *storeParser) Parse(fsys fs.FS) *model.Corpus {
	p.t.Helper()
	s, err := generator.OpenStore(p.dir, p.program, false)
	if err != nil {
		p.t.Fatal(err)
	}
	c := generator.ParseStored(fsys, s)
	if err := s.Prune(); err != nil {
		p.t.Fatal(err)
	}
	p.last = s
	return c
}

func (p *storeParser) LinkedAnew() (discovered, linked int) { return p.last.LinkedAnew() }

// TestStoreFresh checks that a fresh Store reads no entry but writes them
// all, and that the parse after it, which reads them back, links no
// document anew: the texts the fresh parse linked are keyed as those read
// back from the entries (link.Span).
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
	p := &storeParser{t: t, dir: dir, program: "v1"}
	if diff := corpusDiff(p.Parse(fsys), generator.Parse(fsys)); diff != "" {
		t.Errorf("the parse after a fresh one differs from a fresh one: %s", diff)
	}
	if d, l := p.LinkedAnew(); d != 0 || l != 0 {
		t.Errorf("the parse after a fresh one read %d documents for terms and linked %d anew, want none", d, l)
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
