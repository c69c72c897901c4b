package generator_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
)

// TestCacheParseEqualsParse parses a content folder through one Cache
// again and again as it is edited (a definition changed, a title cited,
// a file added, a file deleted, nothing changed) and checks each corpus
// against a parse without the cache: what the later stages did to one
// parse's documents must not show in the next.
func TestCacheParseEqualsParse(t *testing.T) {
	fsys := content()
	addCorpus(t, fsys, 40)
	addFolder(t, fsys, filepath.Join(testdir.Root(t), "content"), "site/")
	k := generator.NewCache()
	same := func(step string) {
		t.Helper()
		if got, want := corpusJSON(k.Parse(fsys)), corpusJSON(generator.Parse(fsys)); got != want {
			t.Errorf("%s: the cached parse differs from a fresh one", step)
		}
	}
	same("first parse")
	same("nothing changed")
	edit := func(name, old, new string) {
		t.Helper()
		text := string(fsys[name].Data)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
	}
	edit("regs/rule.md", "办理事项，是指依申请作出的决定", "办理事项，是指依职权或者依申请作出的决定")
	same("a definition edited")
	edit("pages/news.txt", "《某某事项办理规定》", "《某某事项办理规定》和《某某事项复核办法》")
	same("a title cited")
	fsys["regs/more.md"] = &fstest.MapFile{Data: []byte(strings.Replace(rule, "某某事项办理规定", "某某事项复核办法", 1))}
	same("a file added")
	delete(fsys, "pages/copy.md")
	same("a file deleted")
	same("nothing changed again")
}

// corpusJSON is c as JSON, with the links between documents that JSON
// leaves out (a carried document's carrier, a work's versions).
func corpusJSON(c *model.Corpus) string {
	links := map[string][]string{}
	for _, d := range c.Documents {
		if d.Carrier != nil {
			links[d.ID] = append(links[d.ID], "carrier "+d.Carrier.ID)
		}
		for _, v := range d.VersionDocs {
			links[d.ID] = append(links[d.ID], "version "+v.ID)
		}
	}
	data, err := json.Marshal(struct {
		C     *model.Corpus
		Links map[string][]string
	}{c, links})
	if err != nil {
		panic(err)
	}
	return string(data)
}

// addCorpus adds the first n sources of the shared corpus's 行政法规 to
// fsys, when the corpus is there: real regulations that define terms and
// cite each other.
func addCorpus(t *testing.T, fsys fstest.MapFS, n int) {
	dir := filepath.Join(testdir.Corpus(t), "lawrefbook-laws", "行政法规")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if n == 0 {
			return
		}
		if e.IsDir() || filepath.Ext(e.Name()) != ".md" {
			continue
		}
		data, err := fs.ReadFile(os.DirFS(dir), e.Name())
		if err != nil {
			t.Fatal(err)
		}
		fsys["laws/"+e.Name()] = &fstest.MapFile{Data: data}
		n--
	}
}

// addFolder adds the files of dir to fsys under prefix: the site's own
// content has a notice that carries a regulation.
func addFolder(t *testing.T, fsys fstest.MapFS, dir, prefix string) {
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		fsys[prefix+p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCacheReadsOnlyChangedFiles checks that a cached parse of a folder on
// disk opens only the files written since the last parse, and that a file
// rewritten with its size and modification time kept is still read again
// (on Linux, where the stamp has the inode's change time).
func TestCacheReadsOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", rule)
	write("b.md", strings.Replace(rule, "某某事项办理规定", "某某事项复核办法", 1))
	time.Sleep(2100 * time.Millisecond) // the files' stamps settle (generator's settle)
	fsys := &countingFS{FS: os.DirFS(dir), opened: map[string]int{}}
	k := generator.NewCache()
	k.Parse(fsys)
	fsys.opened = map[string]int{}
	k.Parse(fsys)
	if n := fsys.opened["a.md"] + fsys.opened["b.md"]; n != 0 {
		t.Errorf("nothing changed: opened %v", fsys.opened)
	}
	st, err := os.Stat(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	// Rewritten with its size and modification time kept: read again,
	// at once (its change is recent) and once its change has settled
	// (its inode's change time moved).
	for i, text := range []string{strings.Replace(rule, "办理事项", "复核事项", 1), rule} {
		write("a.md", text)
		if err := os.Chtimes(filepath.Join(dir, "a.md"), st.ModTime(), st.ModTime()); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			time.Sleep(2100 * time.Millisecond)
		}
		fsys.opened = map[string]int{}
		got := corpusJSON(k.Parse(fsys))
		if fsys.opened["a.md"] == 0 || fsys.opened["b.md"] != 0 {
			t.Errorf("a.md rewritten with its size and time (%d): opened %v", i, fsys.opened)
		}
		if want := corpusJSON(generator.Parse(os.DirFS(dir))); got != want {
			t.Errorf("a.md rewritten with its size and time (%d): the cached parse differs from a fresh one", i)
		}
	}
}

// countingFS counts the files opened through it; Stat does not open.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

func (c *countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }
