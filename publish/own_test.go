package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefusesForeignFolder: a folder that holds files and is not a site
// is never replaced or moved aside without Force; with Force it is
// replaced and its files are not kept as OUT.prev.
func TestRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "docs")
	notes := filepath.Join(out, "notes", "important.txt")
	os.MkdirAll(filepath.Dir(notes), 0o755)
	os.WriteFile(notes, []byte("mine"), 0o644)
	if _, err := Begin(out); !errors.Is(err, ErrNotSite) {
		t.Fatalf("Begin over a folder of the user's: %v", err)
	}
	if data, err := os.ReadFile(notes); err != nil || string(data) != "mine" {
		t.Fatalf("the user's file after a refused build: %q, %v", data, err)
	}
	if _, err := os.Stat(out + PrevSuffix); err == nil {
		t.Fatal("a refused build made " + out + PrevSuffix)
	}
	if _, err := os.Stat(out + LockSuffix); err != nil {
		t.Log("no lock file left, fine")
	}
	st, err := BeginOptions(out, Options{Force: true})
	if err != nil {
		t.Fatalf("Force: %v", err)
	}
	st.WriteFile("index.html", []byte("site"))
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if !IsSite(out) {
		t.Error("the new build has no marker")
	}
	if _, err := os.Stat(out + PrevSuffix); err == nil {
		t.Error("the folder replaced with Force was kept as .prev")
	}
	build(t, out, v1) // now a site: replaced without Force
}

// TestRefusesForeignPrevAndDebris: a folder of the user's named like the
// ones a build keeps beside OUT is not removed.
func TestRefusesForeignPrevAndDebris(t *testing.T) {
	for _, suffix := range []string{PrevSuffix, StagingSuffix, TrashSuffix} {
		t.Run(suffix, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			build(t, out, v1)
			mine := filepath.Join(out+suffix, "mine.txt")
			os.MkdirAll(filepath.Dir(mine), 0o755)
			os.WriteFile(mine, []byte("mine"), 0o644)
			if _, err := Begin(out); !errors.Is(err, ErrNotSite) {
				t.Fatalf("Begin with a foreign %s: %v", suffix, err)
			}
			if _, err := os.Stat(mine); err != nil {
				t.Fatalf("the user's file is gone: %v", err)
			}
		})
	}
}

// TestRollbackRefusesForeignPrev: rollback never publishes a folder that
// is not a site.
func TestRollbackRefusesForeignPrev(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	os.MkdirAll(out+PrevSuffix, 0o755)
	os.WriteFile(filepath.Join(out+PrevSuffix, "x.txt"), nil, 0o644)
	if err := Rollback(out); !errors.Is(err, ErrNotSite) {
		t.Fatalf("rollback to a foreign .prev: %v", err)
	}
}

// TestEarlierSitesAreSites: a site built before the marker existed (it
// has the build state file) is replaced without Force.
func TestEarlierSitesAreSites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(out, ".tiaoli"), 0o755)
	os.WriteFile(filepath.Join(out, ".tiaoli", "state.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644)
	build(t, out, v1)
	if _, err := os.Stat(filepath.Join(out+PrevSuffix, "index.html")); err != nil {
		t.Errorf("the earlier site was not kept as .prev: %v", err)
	}
}

// TestApart: out may not be, hold or be inside a folder the build reads,
// nor have it where OUT.prev and the others go; Force does not change that.
func TestApart(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(filepath.Join(content, "pages"), 0o755)
	os.WriteFile(filepath.Join(content, "pages", "a.txt"), []byte("source"), 0o644)
	os.Symlink(content, filepath.Join(dir, "link"))
	for _, out := range []string{
		content, filepath.Join(content, "public"), dir, filepath.Join(dir, "link"),
		filepath.Join(content, "pages", "..", "..", "content"),
	} {
		for _, force := range []bool{false, true} {
			_, err := BeginOptions(out, Options{Apart: []string{content}, Force: force})
			if err == nil || !strings.Contains(err.Error(), "refusing") {
				t.Errorf("out %s, force %v: %v", out, force, err)
			}
		}
	}
	prevOf := filepath.Join(dir, "site")
	os.Rename(content, prevOf+PrevSuffix)
	if _, err := BeginOptions(prevOf, Options{Apart: []string{prevOf + PrevSuffix}}); err == nil {
		t.Errorf("out whose .prev is the content folder was accepted")
	}
	if _, err := os.Stat(filepath.Join(prevOf+PrevSuffix, "pages", "a.txt")); err != nil {
		t.Errorf("content moved: %v", err)
	}
	st, err := BeginOptions(filepath.Join(dir, "public"), Options{Apart: []string{prevOf + PrevSuffix}})
	if err != nil {
		t.Fatalf("a folder of its own: %v", err)
	}
	st.Abort()
}
