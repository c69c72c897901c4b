// Package golden compares what a test produces with a golden file under
// the package's testdata/ folder, and rewrites the file instead when the
// test runs with -update:
//
//	go test ./generator/link/ -update   # then review the diff with git
//
// Every package's golden files go through it, so -update means the same
// everywhere and a difference is reported the same way: the file and its
// first differing line.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with what the tests produce")

// Updating reports whether the test runs with -update. Tests whose golden
// files hold more than the output (case files with their input) write
// them themselves when it is set.
func Updating() bool { return *update }

// Check compares got with the golden file at path (relative to the
// package folder, usually testdata/…), or writes got there with -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		Write(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if d := Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs from the output; run go test -update and review the diff.\n%s", path, d)
	}
}

// Write writes a golden file, making its folder when needed.
func Write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Diff describes the first line where want and got differ, "" when they
// are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + a + "\ngot:  " + b
		}
	}
	return "they differ"
}
