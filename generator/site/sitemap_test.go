package site

import (
	"fmt"
	"slices"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/internal/sitefiles"
	"tiaoli/templates"
)

// TestSitemapJobNamesItsParts: past the limit of URLs a sitemap is split
// into an index and parts, and the job names exactly the files it writes
// (the names a Pages answers for before running it). The small sites of
// the other tests never reach the limit.
func TestSitemapJobNamesItsParts(t *testing.T) {
	d := &model.Document{ID: "big", Kind: model.KindRegulation, Title: "长规定", URL: "d/big/"}
	for i := range sitemapLimit + 10 {
		d.Articles = append(d.Articles, &model.Article{Number: i + 1, URL: fmt.Sprintf("d/big/a%d/", i+1)})
	}
	r, err := newRenderer(&model.Corpus{Documents: []*model.Document{d}}, Options{Base: "/", Templates: templates.FS(""), SiteName: "条理"})
	if err != nil {
		t.Fatal(err)
	}
	j := r.sitemapJob()
	var w sitefiles.Writer
	if err := j.render(&worker{r: r, out: &w}); err != nil {
		t.Fatal(err)
	}
	got := w.Names()
	slices.Sort(got)
	want := slices.Clone(j.files)
	slices.Sort(want)
	if !slices.Equal(got, want) || len(want) != 3 {
		t.Errorf("the sitemap job wrote %v and names %v", got, want)
	}
}
