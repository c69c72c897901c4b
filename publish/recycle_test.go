package publish

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recycleOptions recycle the build before the published one and may keep
// folders under d/.
func recycleOptions() Options { return Options{Recycle: true, Reuse: []string{"d"}} }

// TestRecycle builds three times: the third starts from the first (then
// OUT.prev), keeps one of its folders where it is, links one from the
// published build, writes the rest, and holds exactly the files it was
// given; the first build's other files are gone, and Rollback goes back
// to the second.
func TestRecycle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first := map[string]string{"d/x/index.html": "x1", "d/x/a1/index.html": "x1a1", "d/y/index.html": "y1",
		"d/gone/index.html": "g", "t/index.html": "terms1", "stray.txt": "s"}
	build(t, out, first)
	second := map[string]string{"d/x/index.html": "x1", "d/x/a1/index.html": "x1a1", "d/y/index.html": "y2",
		"t/index.html": "terms2"}
	build(t, out, second)
	inode := func(p string) os.FileInfo {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	firstX := inode(filepath.Join(out+PrevSuffix, "d/x/a1/index.html"))

	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !st.Recycled() {
		t.Fatal("the build did not start from the build before the published one")
	}
	if _, err := os.Stat(out + PrevSuffix); err == nil {
		t.Fatal("OUT.prev is still there: it was copied, not recycled")
	}
	if _, err := os.Stat(filepath.Join(st.Dir(), "stray.txt")); err == nil {
		t.Error("a file outside the reusable folders was kept before Retain")
	}
	if err := st.Retain([]string{"d/x"}); err != nil {
		t.Fatal(err)
	}
	if kept, err := st.KeepTree("d/x"); !kept || err != nil {
		t.Fatalf("KeepTree(d/x) = %v, %v", kept, err)
	}
	if kept, err := st.KeepTree("d/y"); !kept || err != nil { // from the published build
		t.Fatalf("KeepTree(d/y) = %v, %v", kept, err)
	}
	if err := st.WriteFile("t/index.html", []byte("terms3")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"d/x/index.html": "x1", "d/x/a1/index.html": "x1a1", "d/y/index.html": "y2", "t/index.html": "terms3"}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
	if !IsSite(out) {
		t.Error("the recycled build lost its marker")
	}
	if !os.SameFile(firstX, inode(filepath.Join(out, "d/x/a1/index.html"))) {
		t.Error("the retained folder's file is not the recycled one")
	}
	if got := st.Stats().Reused; got != 1 {
		t.Errorf("%d folders reused, want 1", got)
	}
	if err := Rollback(out); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); !maps.Equal(got, second) {
		t.Errorf("rolled back to %v, want the second build %v", got, second)
	}
}

// TestRecycleNeedsRetain checks that a recycled build that never said
// what to keep is not published, and that an aborted one leaves the
// published site as it was.
func TestRecycleNeedsRetain(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"d/x/index.html": "x1"})
	build(t, out, map[string]string{"d/x/index.html": "x2"})
	published := snapshot(t, out)
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err == nil {
		t.Fatal("a recycled build was committed without Retain")
	} else if !strings.Contains(err.Error(), out+PrevSuffix+" ") {
		t.Errorf("the error does not name the folder recycled, %s: %v", out+PrevSuffix, err)
	}
	if got := snapshot(t, out); !maps.Equal(got, published) {
		t.Errorf("the published site changed: %v", got)
	}
	st, err = BeginOptions(out, recycleOptions()) // no OUT.prev now: an empty folder
	if err != nil {
		t.Fatal(err)
	}
	if st.Recycled() {
		t.Error("recycled a build that is not there")
	}
	st.Abort()
}

// TestRetainMissingFolder: a folder to keep that is not in the recycled
// build (removed by hand, say) is not taken as kept: KeepTree links it
// from the published build, and no page is lost.
func TestRetainMissingFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"d/x/index.html": "x1", "d/y/index.html": "y1"}
	build(t, out, files)
	build(t, out, files)
	if err := os.RemoveAll(filepath.Join(out+PrevSuffix, "d/x")); err != nil {
		t.Fatal(err)
	}
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Retain([]string{"d/x", "d/y"}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"d/x", "d/y"} {
		if kept, err := st.KeepTree(dir); !kept || err != nil {
			t.Fatalf("KeepTree(%s) = %v, %v", dir, kept, err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); !maps.Equal(got, files) {
		t.Errorf("files %v, want %v", got, files)
	}
	if got := st.Stats().Reused; got != 1 {
		t.Errorf("%d folders reused, want 1 (d/y)", got)
	}
}

// TestPrepareChangesNothing: a Pending build holds the lock (another
// build of the folder fails at once) and names the published build and
// the one it would recycle; released, it leaves every folder as it was,
// debris included, and the next build can begin.
func TestPrepareChangesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"d/x/index.html": "x1", "stray.txt": "s"})
	build(t, out, map[string]string{"d/x/index.html": "x2"})
	if err := markSite(out + StagingSuffix); err != nil { // a killed build's
		t.Fatal(err)
	}
	before := map[string]map[string]string{}
	for _, dir := range []string{out, out + PrevSuffix, out + StagingSuffix} {
		before[dir] = snapshot(t, dir)
	}
	p, err := Prepare(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Recyclable(); got != out+PrevSuffix {
		t.Errorf("Recyclable() = %q, want OUT.prev", got)
	}
	if got := p.Published(); got != out {
		t.Errorf("Published() = %q, want %q", got, out)
	}
	if _, err := BeginOptions(out, recycleOptions()); err == nil {
		t.Error("a second build began while one was pending")
	}
	p.Release()
	for dir, files := range before {
		if got := snapshot(t, dir); !maps.Equal(got, files) {
			t.Errorf("%s changed: %v, was %v", dir, got, files)
		}
	}
	if _, err := p.Begin(nil); err == nil {
		t.Error("a released build began")
	}
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatalf("no build after a released one: %v", err)
	}
	st.Abort()
}

// TestRecycleDiscards: what of the recycled build is not reusable goes
// to OUT.trash, marked as a site so that a later build removes it if this
// one is killed, and is gone once the build is committed or aborted.
func TestRecycleDiscards(t *testing.T) {
	for _, commit := range []bool{true, false} {
		out := filepath.Join(t.TempDir(), "public")
		build(t, out, map[string]string{"d/x/index.html": "x1", "lists/a/index.html": "a", "stray.txt": "s"})
		build(t, out, map[string]string{"d/x/index.html": "x2"})
		st, err := BeginOptions(out, recycleOptions())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(st.Dir(), "lists")); err == nil {
			t.Error("a folder outside the reusable ones is still in the staging folder")
		}
		if err := st.Retain(nil); err != nil {
			t.Fatal(err)
		}
		end := st.Abort
		if commit {
			end = st.Commit
		}
		if err := end(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Lstat(out + TrashSuffix); err == nil {
			t.Errorf("OUT.trash is still there after the build ended (commit %v)", commit)
		}
	}

	out := filepath.Join(t.TempDir(), "public")
	build(t, out, map[string]string{"d/x/index.html": "x1", "stray.txt": "s"})
	build(t, out, map[string]string{"d/x/index.html": "x2"})
	trash := out + TrashSuffix
	if _, err := recycle(out, out+StagingSuffix, recycleOptions()); err != nil { // as a killed build left them
		t.Fatal(err)
	}
	if err := markSite(out + StagingSuffix); err != nil { // as Begin does next
		t.Fatal(err)
	}
	if !IsSite(trash) {
		t.Fatal("what recycle moved aside is not marked as a site")
	}
	if got := snapshot(t, trash); !maps.Equal(got, map[string]string{"stray.txt": "s"}) {
		t.Errorf("moved aside %v, want stray.txt", got)
	}
	st, err := BeginOptions(out, Options{})
	if err != nil {
		t.Fatalf("the next build refused the debris: %v", err)
	}
	if _, err := os.Lstat(trash); err == nil {
		t.Error("the next build left the debris")
	}
	st.Abort()
}
