package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishCommand installs a built site folder and rolls it back and
// forth with tiaoli publish.
func TestPublishCommand(t *testing.T) {
	dir := pubTempDir(t)
	one, two, out := filepath.Join(dir, "one"), filepath.Join(dir, "two"), filepath.Join(dir, "public")
	writeRegulations(t, filepath.Join(dir, "c1"), 0, 1, 2)
	writeRegulations(t, filepath.Join(dir, "c2"), 0, 2, 2)
	pubBuild(t, filepath.Join(dir, "c1"), one, "/")
	pubBuild(t, filepath.Join(dir, "c2"), two, "/")
	publishOK := func(args ...string) string {
		t.Helper()
		var stderr bytes.Buffer
		if st := run(append([]string{"publish"}, args...), &stderr, &stderr); st != 0 {
			t.Fatalf("publish %v: exit %d\n%s", args, st, stderr.String())
		}
		return stderr.String()
	}
	if msg := publishOK("--site", one, "--out", out); strings.Contains(msg, "previous") {
		t.Errorf("a first publish names a previous build: %q", msg)
	}
	msg := publishOK("--site", two, "--out", out)
	if !strings.Contains(msg, "unchanged") || !strings.Contains(msg, "the previous build is "+out+".prev") {
		t.Errorf("publish says %q", msg)
	}
	snapOne, snapTwo := siteSnapshot(t, one), siteSnapshot(t, two)
	if !sameSnapshot(siteSnapshot(t, out), snapTwo) {
		t.Fatal("the second site is not published as built")
	}
	publishOK("--rollback", "--out", out)
	if !sameSnapshot(siteSnapshot(t, out), snapOne) {
		t.Fatal("rollback did not bring back the first site")
	}
	publishOK("--rollback", "--out", out)
	if !sameSnapshot(siteSnapshot(t, out), snapTwo) {
		t.Fatal("a second rollback did not undo the first")
	}
	for _, args := range [][]string{{}, {"--rollback", "--site", one}, {"--site", filepath.Join(dir, "none")}, {"x"}} {
		var stderr bytes.Buffer
		if st := run(append([]string{"publish"}, args...), &stderr, &stderr); st != 2 {
			t.Errorf("publish %v: exit %d, want 2", args, st)
		}
	}
	var stderr bytes.Buffer
	if st := run([]string{"publish", "--rollback", "--out", filepath.Join(dir, "never")}, &stderr, &stderr); st != 1 {
		t.Errorf("rollback with nothing to roll back to: exit %d", st)
	}
	if _, err := os.Stat(out + ".staging"); err == nil {
		t.Error("publish left a staging folder")
	}
}
