package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWriteFileName: whatever name a renderer passes, WriteFile either
// refuses it or writes inside the staging folder.
func FuzzWriteFileName(f *testing.F) {
	for _, n := range []string{"index.html", "d/a/a1/index.html", "../x", "/abs", "a/../b", "a//b", ".", "", "a\\b", "..", "a/.."} {
		f.Add(n)
	}
	dir := f.TempDir()
	opts := Options{}
	f.Fuzz(func(t *testing.T, name string) {
		out := filepath.Join(dir, "public")
		st, err := BeginOptions(out, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Abort()
		if err := st.WriteFile(name, []byte("x")); err != nil {
			return
		}
		p := filepath.Join(st.Dir(), filepath.FromSlash(name))
		rel, err := filepath.Rel(st.Dir(), p)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			t.Fatalf("%q written at %s, outside the build", name, p)
		}
		if data, err := os.ReadFile(p); err != nil || string(data) != "x" {
			t.Fatalf("%q: not written where it should be: %v", name, err)
		}
	})
}
