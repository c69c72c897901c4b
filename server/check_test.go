package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"tiaoli/search"
)

// TestCheckSiteStatsHomeOnce: checkSite of an indexed site looks for the
// home page once, with the pages (checkPages owns the look).
func TestCheckSiteStatsHomeOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	writeSite(t, dir, siteFiles, true)
	ix, err := search.Open(filepath.Join(dir, search.IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	looks := map[string]int{}
	stat := func(name string) (fs.FileInfo, error) {
		looks[name]++
		return root.Stat(name)
	}
	for _, index := range []*search.Index{nil, ix} {
		clear(looks)
		if err := checkSite(stat, index); err != nil {
			t.Fatalf("checkSite: %v", err)
		}
		if looks["index.html"] != 1 {
			t.Errorf("checkSite (index %v) looked for the home page %d times, want 1", index != nil, looks["index.html"])
		}
	}
	if err := root.Remove("index.html"); err != nil {
		t.Fatal(err)
	}
	if err := checkSite(stat, nil); err == nil {
		t.Error("checkSite of a site without a home page: no error")
	}
}
