package site

import (
	"errors"
	"io/fs"
	"reflect"
	"runtime"
	"testing"
	"weak"

	"tiaoli/generator/model"
	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/sitefiles"
)

// TestLazyAfter: the pages of a corpus prepared after those of a corpus
// with the same pages share their map of files, and answer as Render
// does; prepared after those of a corpus with a document more or less,
// they make their own: the document's pages are there, or are not.
func TestLazyAfter(t *testing.T) {
	full := sitetest.Corpus
	fewer := func() *model.Corpus {
		c := sitetest.Corpus()
		c.Documents = c.Documents[:len(c.Documents)-1]
		return c
	}
	for _, tc := range []struct {
		name        string
		before, now func() *model.Corpus
		share, gone bool // gone: the site before has files this one has not
	}{
		{"same pages", full, full, true, false},
		{"a document more", fewer, full, false, false},
		{"a document less", full, fewer, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			last, err := Lazy(tc.before(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			p, err := LazyAfter(last, tc.now(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if shared := reflect.ValueOf(p.owner).UnsafePointer() == reflect.ValueOf(last.owner).UnsafePointer(); shared != tc.share {
				t.Errorf("the map of files shared: %v, want %v", shared, tc.share)
			}
			var w sitefiles.Writer
			if err := Render(tc.now(), Options{}, &w); err != nil {
				t.Fatal(err)
			}
			want := w.Files()
			for name, data := range want {
				if name == StateFile {
					continue
				}
				if got, err := fs.ReadFile(p, name); err != nil || string(got) != string(data) {
					t.Errorf("%s: %v, or other bytes than Render's", name, err)
				}
			}
			var lastW sitefiles.Writer
			if err := Render(tc.before(), Options{}, &lastW); err != nil {
				t.Fatal(err)
			}
			gone := false
			for name := range lastW.Files() {
				if _, ok := want[name]; ok {
					continue
				}
				gone = true
				if _, err := fs.ReadFile(p, name); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s, a file of the site before only: %v, want not exist", name, err)
				}
			}
			if gone != tc.gone {
				t.Errorf("the site before has files this one has not: %v, want %v", gone, tc.gone)
			}
		})
	}
}

// TestLazyAfterLetsGo: pages prepared after others that share their map
// of files do not keep them, nor the corpus they render, from the
// collector: a preview prepares pages after every edit.
func TestLazyAfterLetsGo(t *testing.T) {
	last, err := Lazy(sitetest.Corpus(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := LazyAfter(last, sitetest.Corpus(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.ValueOf(p.owner).UnsafePointer() != reflect.ValueOf(last.owner).UnsafePointer() {
		t.Fatal("the map of files is not shared")
	}
	gone := weak.Make(last)
	last = nil
	runtime.GC()
	if gone.Value() != nil {
		t.Errorf("the pages prepared after keep those before")
	}
	if fi, err := fs.Stat(p, "assets"); err != nil || !fi.IsDir() { // found through the list of folders
		t.Errorf("assets: %v", err)
	}
}
