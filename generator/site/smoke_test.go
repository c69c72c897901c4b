package site_test

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	if *dump == "" {
		t.Skip("no -dump folder")
	}
	_, files := fixture()
	for name, data := range files {
		p := filepath.Join(*dump, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
