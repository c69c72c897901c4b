package site

import (
	"testing"

	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/sitefiles"
	"tiaoli/templates"
)

// BenchmarkArticlePage renders one clause page of the fixture again and
// again: the cost of one page.
func BenchmarkArticlePage(b *testing.B) {
	c := sitetest.Corpus()
	r, err := newRenderer(c, Options{Base: "/", Templates: templates.FS(""), SiteName: "条理"})
	if err != nil {
		b.Fatal(err)
	}
	w := &worker{r: r, out: &sitefiles.Writer{Discard: true}}
	d := c.Documents[1]
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := w.articlePage(d, i%len(d.Articles)); err != nil {
			b.Fatal(err)
		}
	}
}
