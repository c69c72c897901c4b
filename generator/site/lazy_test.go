package site_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/sitefiles"
	"tiaoli/internal/testdir"
)

// TestLazyEqualsRender: every file Render writes but the state file is
// what the lazy site answers for its name, byte for byte, asked for in
// any order; the folders of the files are folders, and names Render
// does not write do not exist.
func TestLazyEqualsRender(t *testing.T) {
	content, err := os.OpenRoot(filepath.Join(testdir.Root(t), "content"))
	if err != nil {
		t.Fatal(err)
	}
	defer content.Close()
	for _, tc := range []struct {
		name string
		c    func() *model.Corpus
		opts site.Options
	}{
		{"fixture", sitetest.Corpus, site.Options{}},
		{"content", func() *model.Corpus { return generator.Parse(content.FS()) }, site.Options{Base: "/fagui/", SiteName: "法规库"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w sitefiles.Writer
			if err := site.Render(tc.c(), tc.opts, &w); err != nil {
				t.Fatal(err)
			}
			want := w.Files()
			p, err := site.Lazy(tc.c(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			names := w.Names()
			// Backwards: a page asked for before the pages it links to.
			for i := len(names) - 1; i >= 0; i-- {
				name := names[i]
				got, err := readOpen(p, name)
				switch {
				case name == site.StateFile:
					if !errors.Is(err, fs.ErrNotExist) {
						t.Errorf("%s: %v, want not exist", name, err)
					}
				case err != nil:
					t.Errorf("%s: %v", name, err)
				case string(got) != string(want[name]):
					t.Errorf("%s: %d bytes, Render wrote %d other bytes", name, len(got), len(want[name]))
				}
				for d := filepath.ToSlash(filepath.Dir(name)); d != "." && name != site.StateFile; d = filepath.ToSlash(filepath.Dir(d)) {
					if fi, err := fs.Stat(p, d); err != nil || !fi.IsDir() {
						t.Errorf("the folder %s of %s: %v", d, name, err)
					}
				}
			}
			for _, name := range oddNames(want) {
				if f, err := p.Open(name); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("Open(%q) = %v, want not exist", name, err)
					if f != nil {
						f.Close()
					}
				}
			}
		})
	}
}

// oddNames are names a server may be asked for that no site has, or that
// only a folder of the site has, turned into a file's.
func oddNames(files map[string][]byte) []string {
	odd := []string{"", "..", "../index.html", "./index.html", "/index.html", "index.html/", "d/", "d//",
		".tiaoli", ".tiaoli/", "_index", "_index/store", ".hidden", "assets/.x", "index.htm", "x\x00",
		"d/index.html", "sitemap-0.xml", "nothing/index.html", "t/../index.html"}
	for name := range files {
		if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
			odd = append(odd, dir+"/", dir+".html", dir+"/index.html/")
			break
		}
	}
	return odd
}

// TestLazyFolder: a folder opens as a folder whose reading fails, and its
// index.html as the page.
func TestLazyFolder(t *testing.T) {
	p, err := site.Lazy(sitetest.Corpus(), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".", "t", "assets"} {
		f, err := p.Open(name)
		if err != nil {
			t.Fatalf("Open(%q): %v", name, err)
		}
		fi, _ := f.Stat()
		if !fi.IsDir() {
			t.Errorf("%s is not a folder", name)
		}
		if _, err := io.ReadAll(f); err == nil {
			t.Errorf("the folder %s reads as a file", name)
		}
		f.Close()
	}
	if data, err := fs.ReadFile(p, "t/index.html"); err != nil || !strings.Contains(string(data), "</html>") {
		t.Errorf("t/index.html: %v", err)
	}
}

// readOpen reads a file as a server does: opened, then read.
func readOpen(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// TestLazyConcurrent: readers asking for the same files at once get the
// bytes Render writes; a job runs once for all of them (run with -race).
func TestLazyConcurrent(t *testing.T) {
	var w sitefiles.Writer
	if err := site.Render(sitetest.Corpus(), site.Options{}, &w); err != nil {
		t.Fatal(err)
	}
	p, err := site.Lazy(sitetest.Corpus(), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	names, want := w.Names(), w.Files()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range names {
				name := names[(i*(g+1))%len(names)]
				if name == site.StateFile {
					continue
				}
				if got, err := readOpen(p, name); err != nil || string(got) != string(want[name]) {
					t.Errorf("%s: %v, or other bytes than Render's", name, err)
				}
			}
		}()
	}
	wg.Wait()
}
