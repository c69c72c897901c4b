package site_test

import (
	"bytes"
	"flag"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/sitefiles"
)

var dump = flag.String("dump", "", "write the fixture site to this folder, to look at")

// render renders a corpus into memory.
func render(t testing.TB, c *model.Corpus, opts site.Options) map[string][]byte {
	t.Helper()
	var w sitefiles.Writer
	if err := site.Render(c, opts, &w); err != nil {
		t.Fatal(err)
	}
	return w.Files()
}

// fixture renders the fixture corpus once per test binary.
var fixture = sync.OnceValues(func() (*model.Corpus, map[string][]byte) {
	c := sitetest.Corpus()
	var w sitefiles.Writer
	if err := site.Render(c, site.Options{Base: "/fagui/"}, &w); err != nil {
		panic(err)
	}
	return c, w.Files()
})

// page parses a page of the fixture site.
func page(t *testing.T, name string) *goquery.Document {
	t.Helper()
	_, files := fixture()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no page %s; have:\n%s", name, strings.Join(slices.Sorted(maps.Keys(files)), "\n"))
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// docByTitle finds a fixture document.
func docByTitle(t *testing.T, title string) *model.Document {
	t.Helper()
	c, _ := fixture()
	for _, d := range c.Documents {
		if d.Title == title {
			return d
		}
	}
	t.Fatalf("no document %q", title)
	return nil
}

func text(s *goquery.Selection) string { return strings.Join(strings.Fields(s.Text()), " ") }
