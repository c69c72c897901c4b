package generator_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
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
	k := generator.NewCache()
	same := func(step string) {
		t.Helper()
		want, _ := json.Marshal(generator.Parse(fsys))
		got, _ := json.Marshal(k.Parse(fsys))
		if string(got) != string(want) {
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
