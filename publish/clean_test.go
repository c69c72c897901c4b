package publish

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestMakeClean checks that make clean removes, besides the site, every
// folder a build keeps or leaves beside it (it runs make -n: nothing is
// removed).
func TestMakeClean(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	const out = "/nowhere/site"
	cmd := exec.Command("make", "-n", "clean", "OUT="+out)
	cmd.Dir = ".."
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make -n clean: %v %s", err, msg)
	}
	words := strings.Fields(string(msg))
	for _, suffix := range append([]string{""}, folderSuffixes...) {
		if !slices.Contains(words, out+suffix) {
			t.Errorf("make clean does not remove %s: %s", out+suffix, msg)
		}
	}
}
