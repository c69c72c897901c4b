package publish

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// build publishes files as out and fails the test on any error.
func build(t *testing.T, out string, files map[string]string) {
	t.Helper()
	opts := DefaultOptions
	opts.Sync = false // flushing the disk is slow and not what most tests test
	st, err := BeginOptions(out, opts)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := st.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
}

// snapshot reads every file under dir, by slash path, but MarkerFile.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		if filepath.ToSlash(rel) == MarkerFile {
			return err
		}
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func keys(m map[string]string) string {
	return strings.Join(slices.Sorted(maps.Keys(m)), " ")
}

var v1 = map[string]string{
	"index.html":          "<p>home v1</p>",
	"d/a/index.html":      "<p>a</p>",
	"d/b/index.html":      "<p>b</p>",
	"assets/site.css":     "body{}",
	"404.html":            "<p>not found</p>",
	"d/gone/index.html":   "<p>only in v1</p>",
	"d/a/a1/index.html":   "<p>a1</p>",
	"search/index.html":   "<p>search needs the server</p>",
	"sitemap.xml":         "<urlset/>",
	"assets/tiaoli.js":    "// js",
	"t/index.html":        "<p>terms</p>",
	"report/index.html":   "<p>report</p>",
	"cited/index.html":    "<p>cited</p>",
	"feed.xml":            "<feed/>",
	"s/src1/index.html":   "<p>source</p>",
	"d/a/a1-1/index.html": "<p>a1-1</p>",
}

func v2() map[string]string {
	m := map[string]string{}
	for k, v := range v1 {
		m[k] = v
	}
	delete(m, "d/gone/index.html")
	m["index.html"] = "<p>home v2</p>"
	m["d/new/index.html"] = "<p>new</p>"
	return m
}

func TestCommitReplacesWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	if got := snapshot(t, out); keys(got) != keys(v1) || got["index.html"] != v1["index.html"] {
		t.Fatalf("first build: got %s", keys(got))
	}
	build(t, out, v2())
	if got := snapshot(t, out); keys(got) != keys(v2()) || got["index.html"] != "<p>home v2</p>" {
		t.Fatalf("second build: got %s", keys(got))
	}
	if got := snapshot(t, out+PrevSuffix); keys(got) != keys(v1) {
		t.Fatalf("previous build not kept: %s", keys(got))
	}
	for _, s := range []string{StagingSuffix, TrashSuffix} {
		if _, err := os.Stat(out + s); err == nil {
			t.Errorf("%s left behind", out+s)
		}
	}
	build(t, out, v1) // a third build drops the first
	if got := snapshot(t, out+PrevSuffix); got["index.html"] != "<p>home v2</p>" {
		t.Fatalf("prev after third build = %q", got["index.html"])
	}
}

func TestUnchangedFilesKeepInodeAndTime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	before := map[string]os.FileInfo{}
	for name := range v1 {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = fi
	}
	time.Sleep(20 * time.Millisecond) // a rewrite would get a later time
	build(t, out, v2())
	for name, old := range before {
		fi, err := os.Stat(filepath.Join(out, name))
		if name == "d/gone/index.html" {
			if err == nil {
				t.Errorf("%s survived its removal", name)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		unchanged := v1[name] == v2()[name]
		if unchanged != os.SameFile(old, fi) || unchanged != fi.ModTime().Equal(old.ModTime()) {
			t.Errorf("%s: unchanged=%v but same file=%v, same time=%v", name, unchanged,
				os.SameFile(old, fi), fi.ModTime().Equal(old.ModTime()))
		}
	}
	// The kept files are still the previous build's own: prev is intact.
	if got := snapshot(t, out+PrevSuffix); got["index.html"] != v1["index.html"] {
		t.Errorf("previous build changed: %q", got["index.html"])
	}
}

func TestStats(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	st, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Abort()
	for name, data := range v2() {
		st.WriteFile(name, []byte(data))
	}
	got := st.Stats()
	if got.Written != 2 || got.Kept != int64(len(v2())-2) {
		t.Errorf("stats = %+v, want 2 written and %d kept", got, len(v2())-2)
	}
}

func TestGzipVariants(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	big := strings.Repeat("<p>第一条 为了规范监督谈话工作。</p>\n", 300)
	files := map[string]string{
		"big.html":        big,
		"small.html":      "<p>small</p>",
		"assets/big.css":  strings.Repeat("body { margin: 0 }\n", 500),
		"photo.jpg":       strings.Repeat("x", 5000),
		"random.html":     randomText(10000),
		"d/x/index.html":  big,
		"d/x/page.json":   strings.Repeat(`{"a":1}`, 1300),
		"assets/site.svg": strings.Repeat("<g/>", 2200),
	}
	build(t, out, files)
	want := map[string]bool{"big.html": true, "assets/big.css": true, "d/x/index.html": true,
		"d/x/page.json": true, "assets/site.svg": true}
	for name, data := range files {
		gz, err := os.ReadFile(filepath.Join(out, name+".gz"))
		if want[name] != (err == nil) {
			t.Errorf("%s.gz exists = %v, want %v", name, err == nil, want[name])
			continue
		}
		if err != nil {
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if string(plain) != data {
			t.Errorf("%s.gz does not decompress to the file", name)
		}
	}
	// A rebuild keeps the unchanged variants as they were.
	fi1, _ := os.Stat(filepath.Join(out, "big.html.gz"))
	build(t, out, files)
	fi2, _ := os.Stat(filepath.Join(out, "big.html.gz"))
	if fi1 == nil || fi2 == nil || !os.SameFile(fi1, fi2) {
		t.Errorf("unchanged big.html.gz was rewritten")
	}
}

// randomText is text that does not compress.
func randomText(n int) string {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return string(b)
}

func TestAbortLeavesPublished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	st, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	st.WriteFile("index.html", []byte("half"))
	st.WriteFile("d/a/index.html", []byte("<p>a</p>"))
	if err := st.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); keys(got) != keys(v1) || got["index.html"] != v1["index.html"] {
		t.Errorf("abort changed the published site")
	}
	if _, err := os.Stat(st.Dir()); err == nil {
		t.Errorf("abort left %s", st.Dir())
	}
	if err := st.WriteFile("x.html", nil); err == nil {
		t.Errorf("write after abort succeeded")
	}
	if err := st.Commit(); err == nil {
		t.Errorf("commit after abort succeeded")
	}
}

func TestRollback(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	if err := Rollback(out); err == nil {
		t.Errorf("rollback with no previous build succeeded")
	}
	build(t, out, v2())
	if err := Rollback(out); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); got["index.html"] != v1["index.html"] || keys(got) != keys(v1) {
		t.Errorf("after rollback: %s", keys(got))
	}
	if err := Rollback(out); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); got["index.html"] != "<p>home v2</p>" {
		t.Errorf("second rollback did not roll forward")
	}
}

func TestExchangeByRenames(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	build(t, a, map[string]string{"x": "A"})
	build(t, b, map[string]string{"x": "B"})
	os.Mkdir(b+PrevSuffix, 0o755) // in the way: must not be lost
	if err := exchangeByRenames(a, b); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, a)["x"] != "B" || snapshot(t, b)["x"] != "A" {
		t.Errorf("not swapped")
	}
}

func TestConcurrentWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	opts := DefaultOptions
	opts.Sync = false // syncing thousands of files to disk is slow and not what this tests
	st, err := BeginOptions(out, opts)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	page := strings.Repeat("<p>条文</p>", 800)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				name := fmt.Sprintf("d/doc%d/a%d/index.html", i%7, g*1000+i)
				if err := st.WriteFile(name, []byte(page)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := len(snapshot(t, out)); got != 8*50*2 {
		t.Errorf("%d files, want %d pages and their .gz", got, 8*50*2)
	}
}

func TestBadNames(t *testing.T) {
	st, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Abort()
	for _, name := range []string{"", ".", "..", "../x", "/etc/passwd", "a/../../x", "a//b", "a/./b",
		"a\\b", "a\x00b", "a/"} {
		if err := st.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
	if err := st.WriteFile("a/b.html", []byte("x")); err != nil {
		t.Errorf("good name refused: %v", err)
	}
}

func TestOneBuildAtATime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	st, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(out); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("second Begin: %v", err)
	}
	if err := Rollback(out); err == nil {
		t.Errorf("rollback during a build succeeded")
	}
	st.Abort()
	st2, err := Begin(out)
	if err != nil {
		t.Fatalf("Begin after Abort: %v", err)
	}
	st2.Abort()
}

func TestSymlinkedOut(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "www", "site")
	os.MkdirAll(real, 0o755)
	link := filepath.Join(dir, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	build(t, link, v1)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced")
	}
	if got := snapshot(t, real); keys(got) != keys(v1) {
		t.Errorf("target holds %s", keys(got))
	}
}

func TestRefusesNonFolder(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "public")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Begin(f); err == nil {
		t.Errorf("Begin over a file succeeded")
	}
	if _, err := Begin("."); err == nil {
		t.Errorf("Begin(.) succeeded")
	}
}

func TestInstall(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build(t, out, v1)
	src := filepath.Join(dir, "release")
	build(t, src, v2())
	before, _ := os.Stat(filepath.Join(out, "d/a/index.html"))
	stats, err := Install(src, out)
	if err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); keys(got) != keys(v2()) || got["index.html"] != "<p>home v2</p>" {
		t.Errorf("installed %s", keys(got))
	}
	after, _ := os.Stat(filepath.Join(out, "d/a/index.html"))
	if !os.SameFile(before, after) {
		t.Errorf("unchanged file was copied")
	}
	if stats.Written != 2 || stats.Kept != int64(len(v2())-2) {
		t.Errorf("stats %+v", stats)
	}
	os.Symlink("/etc", filepath.Join(src, "etc"))
	if _, err := Install(src, out); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("installing a tree with a symlink: %v", err)
	}
	if got := snapshot(t, out); got["index.html"] != "<p>home v2</p>" {
		t.Errorf("failed install changed the site")
	}
}

func TestCommitMakesEverythingReadable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	st, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	st.WriteFile("index.html", []byte("x"))
	private := filepath.Join(st.Dir(), "_index", "store")
	os.MkdirAll(private, 0o700)
	os.Chmod(filepath.Join(st.Dir(), "_index"), 0o700)
	os.WriteFile(filepath.Join(private, "seg"), []byte("x"), 0o600)
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]fs.FileMode{"_index": 0o755, "_index/store": 0o755, "_index/store/seg": 0o644, "index.html": 0o644} {
		fi, err := os.Stat(filepath.Join(out, p))
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
		}
	}
}

func TestKeepTree(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"d/x/index.html": "<p>x</p>", "d/x/a1/index.html": "<p>1</p>", "d/y/index.html": "<p>y</p>"})
	st, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if kept, err := st.KeepTree("d/x"); !kept || err != nil {
		t.Fatalf("KeepTree(d/x) = %v, %v", kept, err)
	}
	if kept, err := st.KeepTree("d/none"); kept || err != nil {
		t.Errorf("KeepTree of a folder the build lacks = %v, %v", kept, err)
	}
	if _, err := st.KeepTree("../x"); err == nil {
		t.Errorf("KeepTree took a name outside the site")
	}
	st.WriteFile("index.html", []byte("home"))
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, out)
	want := map[string]string{"d/x/index.html": "<p>x</p>", "d/x/a1/index.html": "<p>1</p>", "index.html": "home"}
	if len(got) != len(want) {
		t.Errorf("files %v, want %v", got, want)
	}
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s = %q, want %q", name, got[name], data)
		}
	}
	a, _ := os.Stat(filepath.Join(out, "d/x/a1/index.html"))
	b, _ := os.Stat(filepath.Join(out+PrevSuffix, "d/x/a1/index.html"))
	if a == nil || b == nil || !os.SameFile(a, b) {
		t.Errorf("kept file is not the published one")
	}
}
