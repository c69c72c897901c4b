package generator_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
// again and again as it is edited, and checks each corpus field by field
// against a parse without the cache: what the later stages did to one
// parse's documents must not show in the next, and what a memo kept must
// be what a fresh parse gives. The edits leave the linking context as it
// was (a typo in an article, a line appended), or change it (a
// definition, an abbreviation, a cited title, a file added or deleted,
// the glossary, works.yaml, a metadata table).
func TestCacheParseEqualsParse(t *testing.T) { editAndCompare(t, generator.NewCache()) }

// memoParser parses again and again, linking through a memo.
type memoParser interface {
	Parse(fs.FS) *model.Corpus
	// LinkedAnew is link.Memo.Anew of the last parse.
	LinkedAnew() (discovered, linked int)
}

// editAndCompare is TestCacheParseEqualsParse through k: a Cache, or a
// Store read by a new process each time (TestStoreParseEditsEqualParse).
func editAndCompare(t *testing.T, k memoParser) {
	fsys := content()
	addCorpus(t, fsys, 40)
	addFolder(t, fsys, filepath.Join(testdir.Root(t), "content"), "site/")
	law, article := lawWith(t, fsys, "第五条 ")
	title := strings.TrimPrefix(strings.SplitN(string(fsys[law].Data), "\n", 2)[0], "# ")
	fsys["pages/cites-law.txt"] = &fstest.MapFile{Data: []byte("条例施行\n\n本报讯 依照《" + title + "》第五条第三款，从其规定。\n")}
	fsys["pages/cites-99.txt"] = &fstest.MapFile{Data: []byte("条例另有规定\n\n本报讯 《" + title + "》第九十九条另有规定的除外。\n")}
	fsys["pages/list.txt"] = &fstest.MapFile{Data: []byte("意识提出\n\n本报讯 要牢固树立“两个意识”，即政治意识、大局意识。\n")}
	fsys["pages/bare.txt"] = &fstest.MapFile{Data: []byte("复查规定施行\n\n本报讯 依照某某事项复查规定第二条，不予复查，树立两个意识。\n")}
	docs := 0 // in the last parse
	same := func(step string) {
		t.Helper()
		c := k.Parse(fsys)
		docs = len(c.Documents)
		if diff := corpusDiff(c, generator.Parse(fsys)); diff != "" {
			t.Errorf("%s: the cached parse differs from a fresh one: %s", step, diff)
		}
	}
	anew := func(step string, discovered, linked int) { // discovered -1: any
		t.Helper()
		if d, l := k.LinkedAnew(); d != discovered && discovered >= 0 || l != linked {
			t.Errorf("%s: %d documents read for terms and %d linked anew, want %d and %d", step, d, l, discovered, linked)
		}
	}
	same("first parse")
	same("nothing changed")
	anew("nothing changed", 0, 0)
	edit := func(name, old, new string) {
		t.Helper()
		text := string(fsys[name].Data)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
	}
	edit(law, article, article+"各")
	same("a typo in an article of a law")
	anew("a typo in an article of a law", 1, 1)
	edit("regs/rule.md", "不予办理", "不于办理")
	same("a typo in an article read from two sources")
	fsys[law].Data = append(slices.Clone(fsys[law].Data), "\n\n（编辑）\n"...)
	same("a line appended")
	anew("a line appended", 1, 2) // a 款 added to its last article: the law, and what cites its 款

	edit(law, article, article+"\n\n前款规定的事项，依照本条例办理。")
	same("a 款 added to an article another document cites")
	anew("a 款 added to an article another document cites", 1, 2)
	edit(law, article, article+"本条例所称办理期限，是指作出决定的期限。")
	same("a definition added")
	anew("a definition added", 1, docs) // a term every document may use
	edit("pages/list.txt", "“两个意识”，即政治意识、大局意识", "“两个观念”，即政治观念、大局观念")
	same("a named list renamed that another document uses")
	edit("regs/rule.md", "办理事项，是指依申请作出的决定", "办理事项，是指依职权或者依申请作出的决定")
	same("a definition edited")
	anew("a definition edited", 1, 1) // what it says is read by its own document alone
	edit("pages/news.txt", "印发了《某某事项办理规定》，", "印发了《某某事项办理规定》（以下简称《规定》），按照《规定》第三条，")
	same("an abbreviation")
	edit("pages/cites-law.txt", "从其规定。", "从其规定，另见《某某事项复查规定》。")
	same("a title cited that another document names without 《》")
	fsys[law].Data = append(slices.Clone(fsys[law].Data), "\n\n第九十九条 本条例另行规定。\n"...)
	same("an article appended that another document cites")
	fsys["regs/more.md"] = &fstest.MapFile{Data: []byte(strings.Replace(rule, "某某事项办理规定", "某某事项复核办法", 1))}
	same("a file added that a news item cites")
	fsys["pages/cite.txt"] = &fstest.MapFile{Data: []byte("复核办法适用\n\n本报讯 依照《某某事项复核办法》第三条，不予复核；《某某事项总规定》另有规定的除外。\n")}
	same("a file added that cites another")
	edit("regs/more.md", "# 某某事项复核办法", "# 某某事项复查办法")
	same("a cited title changed")
	anew("a cited title changed", -1, docs) // the documents of the edited file, then every document
	edit("glossary.yaml", "作出决定的期限。", "作出决定的法定期限。")
	same("the glossary edited")
	fsys["glossary.yaml"].Data = append(slices.Clone(fsys["glossary.yaml"].Data), "- term: 办理工作\n  definition: 办理的工作。\n"...)
	same("a term added to the glossary")
	fsys["works.yaml"] = &fstest.MapFile{Data: []byte("- join: [regs/rule.md, regs/more.md]\n  title: 某某事项规定\n")}
	same("works.yaml added")
	edit("works.yaml", "title: 某某事项规定", "title: 某某事项总规定")
	same("a work's title changed that a document cites")
	edit("regs/_metadata/laws.csv", "2026-01-01", "2026-03-01")
	same("a metadata table edited")
	fsys["pages/cite-renamed.txt"] = fsys["pages/cite.txt"]
	delete(fsys, "pages/cite.txt")
	same("a file renamed")
	delete(fsys, "pages/copy.md")
	same("a file deleted")
	delete(fsys, "works.yaml")
	same("works.yaml deleted")
	same("nothing changed again")
	anew("nothing changed again", 0, 0)
}

// TestCacheCorpusEqualsParse edits a copy of the whole LawRefBook corpus
// (a typo in an article, a definition, a line appended, a file deleted, a
// file added under another title) and checks that a parse through a
// Cache that read it before gives, byte for byte in JSON, what a fresh
// parse gives. Skipped with -short and without the shared corpus.
func TestCacheCorpusEqualsParse(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the parses of the whole corpus")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(testdir.Corpus(t), "lawrefbook-laws"))); err != nil {
		t.Fatal(err)
	}
	files := markdownFiles(dir)
	time.Sleep(2100 * time.Millisecond) // the copies' stamps settle
	fsys := os.DirFS(dir)
	k := generator.NewCache()
	k.Parse(fsys)
	edit := func(what string, from int, change func(string) (string, bool)) {
		t.Helper()
		for _, f := range files[from:] {
			data, err := os.ReadFile(f)
			if err != nil {
				continue // deleted
			}
			if text, ok := change(string(data)); ok {
				if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("no file to edit for %s", what)
	}
	insertAfter := func(mark, s string) func(string) (string, bool) {
		return func(text string) (string, bool) {
			i := strings.Index(text, mark)
			if i < 0 {
				return "", false
			}
			i += len(mark)
			return text[:i] + s + text[i:], true
		}
	}
	edit("a typo in an article", len(files)/5, insertAfter("\n第三条 ", "各"))
	edit("a definition", len(files)/4, insertAfter("，是指", "依法"))
	edit("a line appended", len(files)/3, func(text string) (string, bool) { return text + "\n\n（编辑）\n", true })
	if err := os.Remove(files[len(files)/2]); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(files[len(files)/2+1])
	if err != nil {
		t.Fatal(err)
	}
	added := strings.Replace(string(data), "# ", "# 修订后的", 1)
	if err := os.WriteFile(filepath.Join(dir, "added.md"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"after the edits", "nothing changed since"} {
		got := corpusDigest(k.Parse(fsys)) // one corpus at a time: each takes a gigabyte
		if want := corpusDigest(generator.Parse(fsys)); got != want {
			t.Errorf("%s: the cached parse differs from a fresh one: %s", step, corpusDiff(k.Parse(fsys), generator.Parse(fsys)))
		}
	}
}

// corpusDigest is the SHA-256 of what corpusJSON writes, without holding
// the JSON of a whole corpus.
func corpusDigest(c *model.Corpus) string {
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(corpusValue(c)); err != nil {
		panic(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// lawWith returns the first law of fsys that has s in its text, and the
// line of s.
func lawWith(t *testing.T, fsys fstest.MapFS, s string) (string, string) {
	t.Helper()
	var names []string
	for name := range fsys {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !strings.HasPrefix(name, "laws/") {
			continue
		}
		text := string(fsys[name].Data)
		if i := strings.Index(text, "\n"+s); i >= 0 {
			line := text[i+1:]
			return name, line[:strings.IndexByte(line+"\n", '\n')]
		}
	}
	t.Skipf("no law with %q", s)
	return "", ""
}

// corpusDiff names the first part in which two corpora differ (a
// document, a term, a reference …) with both versions as JSON, "" when
// they are the same.
func corpusDiff(got, want *model.Corpus) string {
	if corpusJSON(got) == corpusJSON(want) {
		return ""
	}
	parts := func(c *model.Corpus) map[string][]any {
		return map[string][]any{
			"documents": anys(c.Documents), "sources": anys(c.Sources), "terms": anys(c.Terms),
			"references": anys(c.References), "cited": anys(c.Cited), "works": anys(c.Works),
			"comparisons": anys(c.Comparisons), "errors": anys(c.Errors), "skipped": anys(c.Skipped),
			"digests": {c.Digests},
		}
	}
	g, w := parts(got), parts(want)
	for _, name := range []string{"documents", "sources", "terms", "references", "cited", "works", "comparisons", "errors", "skipped", "digests"} {
		if len(g[name]) != len(w[name]) {
			return fmt.Sprintf("%d %s, want %d", len(g[name]), name, len(w[name]))
		}
		for i := range g[name] {
			if a, b := corpusJSON(g[name][i]), corpusJSON(w[name][i]); a != b {
				return fmt.Sprintf("%s[%d]:\n%s\nwant:\n%s", name, i, a, b)
			}
		}
	}
	return "the links between documents"
}

func anys[T any](list []T) []any {
	out := make([]any, len(list))
	for i, x := range list {
		out[i] = x
	}
	return out
}

// corpusJSON is c as JSON, with the links between documents that JSON
// leaves out (a carried document's carrier, a work's versions); anything
// else as JSON.
func corpusJSON(v any) string {
	if c, ok := v.(*model.Corpus); ok {
		v = corpusValue(c)
	}
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}

// corpusValue is c with the links between documents that JSON leaves out.
func corpusValue(c *model.Corpus) any {
	links := map[string][]string{}
	for _, d := range c.Documents {
		if d.Carrier != nil {
			links[d.ID] = append(links[d.ID], "carrier "+d.Carrier.ID)
		}
		for _, v := range d.VersionDocs {
			links[d.ID] = append(links[d.ID], "version "+v.ID)
		}
	}
	return struct {
		C     *model.Corpus
		Links map[string][]string
	}{c, links}
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

// TestCacheRereadsRacilyClean parses through one Cache, on a clock the
// test sets, files whose modification times stay as they were through
// their edits (a file system keeping coarse times, an editor writing
// twice in one tick): a file read within the tick it was written in is
// read again at the next parse, however long after, since its stamp kept
// then cannot tell a second write in that tick; a file read once its
// stamp had settled is not opened again.
func TestCacheRereadsRacilyClean(t *testing.T) {
	fsys, law, written := writtenTogether(t)
	counting := &countingFS{FS: fsys}
	k := generator.NewCache()
	parse := func(step string, at time.Time) {
		t.Helper()
		generator.SetClock(t, func() time.Time { return at })
		counting.opened = map[string]int{}
		if diff := corpusDiff(k.Parse(counting), generator.Parse(fsys)); diff != "" {
			t.Errorf("%s: the cached parse differs from a fresh one: %s", step, diff)
		}
	}
	parse("a parse in the second of the writes", written.Add(500*time.Millisecond))
	sameSize(t, fsys, law, '各')
	parse("an edit in that second, parsed an hour later", written.Add(time.Hour))
	if counting.opened[law] == 0 {
		t.Errorf("the file edited in the second it was read in was not read again")
	}
	parse("nothing changed", written.Add(2*time.Hour))
	for p := range counting.opened {
		if _, ok := fsys[p]; ok && sources(fstest.MapFS{p: fsys[p]}) == 1 {
			t.Errorf("nothing changed since settled stamps were kept: %s opened", p)
		}
	}
}
