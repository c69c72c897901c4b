// Package testdir finds the folders tests read: the repository's root and
// the shared corpus beside it.
package testdir

import (
	"os"
	"path/filepath"
	"testing"
)

// Root walks up from the test's working directory to the folder holding
// go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

// Corpus is the shared corpus of real texts, ../shared/corpus beside the
// repository. The test skips, saying so, when it is not there.
func Corpus(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(Root(tb), "..", "shared", "corpus")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		tb.Skipf("no shared corpus at ../shared/corpus (%v): skipping", err)
	}
	return dir
}
