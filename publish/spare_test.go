package publish

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpare checks that a first build that recycles leaves OUT.spare with
// the files of its reusable folders and hidden folder (and their .gz
// variants), linked to the published ones; that the next build starts
// from it, keeps a folder of it in place and publishes exactly what it
// was given; that nothing can be rolled back to before that build, and
// the first build is what it rolls back to after.
func TestSpare(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	big := string(bytes.Repeat([]byte("<p>条文</p>\n"), 2000))
	first := map[string]string{"d/x/index.html": big, "d/x/a1/index.html": "x1a1", "d/y/index.html": "y1",
		".tiaoli/state.json": "{}", "t/index.html": "terms1"}
	opts := recycleOptions()
	opts.Compress, opts.MinCompressSize = true, 1024
	st, err := BeginOptions(out, opts)
	if err != nil {
		t.Fatal(err)
	}
	if st.Recycled() {
		t.Fatal("a first build recycled something")
	}
	for name, data := range first {
		if err := st.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	spare := out + SpareSuffix
	if !IsSite(spare) {
		t.Fatal("the first build left no spare")
	}
	want := map[string]string{"d/x/index.html": big, "d/x/a1/index.html": "x1a1", "d/y/index.html": "y1",
		".tiaoli/state.json": "{}"}
	got := snapshot(t, spare)
	gz := got["d/x/index.html.gz"]
	delete(got, "d/x/index.html.gz")
	if !maps.Equal(got, want) || gz == "" {
		t.Errorf("spare holds %v (a .gz of %d bytes), want %v and a .gz", keys(got), len(gz), keys(want))
	}
	for _, name := range []string{"d/x/a1/index.html", "d/x/index.html.gz"} {
		a, _ := os.Stat(filepath.Join(out, name))
		b, _ := os.Stat(filepath.Join(spare, name))
		if a == nil || b == nil || !os.SameFile(a, b) {
			t.Errorf("%s of the spare is not the published file", name)
		}
	}
	if err := Rollback(out); err == nil {
		t.Error("Rollback went to the spare")
	}

	st, err = BeginOptions(out, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Recycled() {
		t.Fatal("the second build did not start from the spare")
	}
	if _, err := os.Stat(spare); err == nil {
		t.Error("the spare is still there: it was copied, not recycled")
	}
	if err := st.Retain([]string{"d/x"}); err != nil {
		t.Fatal(err)
	}
	if kept, err := st.KeepTree("d/x"); !kept || err != nil {
		t.Fatalf("KeepTree(d/x) = %v, %v", kept, err)
	}
	second := map[string]string{"d/x/index.html": big, "d/x/a1/index.html": "x1a1", "d/y/index.html": "y2"}
	if err := st.WriteFile("d/y/index.html", []byte("y2")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	got = snapshot(t, out)
	delete(got, "d/x/index.html.gz")
	if !maps.Equal(got, second) {
		t.Errorf("published %v, want %v", keys(got), keys(second))
	}
	if st.Stats().Reused != 1 || st.Stats().Kept != 0 {
		t.Errorf("stats %+v, want the folder kept in place and no file linked", st.Stats())
	}
	if _, err := os.Stat(spare); err == nil {
		t.Error("a second build left a spare")
	}
	if err := Rollback(out); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); !maps.Equal(got, snapshotOf(first, got)) {
		t.Errorf("rolled back to %v, want the first build", keys(got))
	}
}

// snapshotOf is files with the .gz variants got has added.
func snapshotOf(files, got map[string]string) map[string]string {
	out := maps.Clone(files)
	for name, data := range got {
		if filepath.Ext(name) == ".gz" {
			out[name] = data
		}
	}
	return out
}

// TestSpareGoneWithFailedBuild checks that an aborted first build leaves
// no spare, and that a build that does not recycle removes one.
func TestSpareGoneWithFailedBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	beginRecycling(t, out, "d/x/index.html").Abort()
	for _, suffix := range []string{SpareSuffix, spareNewSuffix} {
		if _, err := os.Stat(out + suffix); err == nil {
			t.Errorf("an aborted build left %s", out+suffix)
		}
	}
	if err := beginRecycling(t, out, "d/x/index.html").Commit(); err != nil {
		t.Fatal(err)
	}
	if !IsSite(out + SpareSuffix) {
		t.Fatal("no spare")
	}
	build(t, out, map[string]string{"d/x/index.html": "x2"}) // does not recycle
	if _, err := os.Stat(out + SpareSuffix); err == nil {
		t.Error("a build that did not recycle left the spare")
	}
}

// TestSpareNeedsRetain checks that a build that recycled the spare and
// never said what to keep is refused with an error naming the spare.
func TestSpareNeedsRetain(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := beginRecycling(t, out, "d/x/index.html").Commit(); err != nil {
		t.Fatal(err)
	}
	st := beginRecycling(t, out)
	if !st.Recycled() {
		t.Fatal("the build did not start from the spare")
	}
	if err := st.Commit(); err == nil {
		t.Fatal("a recycled build was committed without Retain")
	} else if !strings.Contains(err.Error(), out+SpareSuffix+" ") {
		t.Errorf("the error does not name the folder recycled, %s: %v", out+SpareSuffix, err)
	}
}

// beginRecycling begins a build of out that recycles, and writes the
// files names, each holding its name.
func beginRecycling(t *testing.T, out string, names ...string) *Staging {
	t.Helper()
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := st.WriteFile(name, []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// TestSpareLeavesFolderItDidNotMake: a folder already at the spare's
// temporary name, which the spare could not make, is not removed.
func TestSpareLeavesFolderItDidNotMake(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mine := filepath.Join(out+spareNewSuffix, "notes.txt")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if sp := newSpare(out, []string{"d"}); sp != nil {
		t.Fatalf("newSpare made a spare over an existing folder")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the folder that was there is gone: %v", err)
	}
}
