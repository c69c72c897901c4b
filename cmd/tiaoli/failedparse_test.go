package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"tiaoli/publish"
)

// TestFailedParseLeavesPrevious: a build whose content fails to parse,
// after two builds (a published one and OUT.prev, which a rebuild would
// recycle), leaves both as they were and nothing beside them, although
// it took the build lock and read both builds' states while it parsed;
// the lock is given back, so that the next build runs and recycles
// OUT.prev, whose folders outside those it reuses are gone once it is in.
func TestFailedParseLeavesPrevious(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	pubBuild(t, content, out, "/")
	writeRegulations(t, content, 2, 1, 3)
	pubBuild(t, content, out, "/")
	published, prev := siteSnapshot(t, out), siteSnapshot(t, out+publish.PrevSuffix)

	bad := filepath.Join(content, "binary.txt")
	write(t, bad, "第一条 文字\n\x00\x01\x02\x03 binary\n")
	var stderr bytes.Buffer
	if err := build(buildOptions{content: content, out: out, base: "/"}, &stderr); err == nil {
		t.Fatalf("a build of a binary source did not fail\n%s", stderr.String())
	}
	if !sameSnapshot(published, siteSnapshot(t, out)) {
		t.Error("a failed parse changed the published site")
	}
	if !sameSnapshot(prev, siteSnapshot(t, out+publish.PrevSuffix)) {
		t.Error("a failed parse changed OUT.prev")
	}
	for _, suffix := range []string{publish.StagingSuffix, publish.TrashSuffix} {
		if _, err := os.Lstat(out + suffix); err == nil {
			t.Errorf("a failed parse left OUT%s", suffix)
		}
	}

	os.Remove(bad)
	stderr.Reset()
	if err := build(buildOptions{content: content, out: out, base: "/"}, &stderr); err != nil {
		t.Fatalf("the build after a failed one: %v\n%s", err, stderr.String())
	}
	if _, err := os.Lstat(out + publish.TrashSuffix); err == nil {
		t.Error("what the recycled build did not keep is still beside the site")
	}
	if _, err := os.Lstat(filepath.Join(out+publish.PrevSuffix, "index.html")); err != nil {
		t.Errorf("the build before did not become OUT.prev: %v", err)
	}
}
