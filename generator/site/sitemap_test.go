package site

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
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

// TestUrlsetEscapesAsXML: the sitemap writes plain URLs as they are and
// escapes the others as encoding/xml does, whatever the base.
func TestUrlsetEscapesAsXML(t *testing.T) {
	urls := []string{"", "d/a/", "d/a/a5/", "t/数据/", "d/a&b/", "d/<x>/", "d/'q\"/", "d/tab\t/", "d/\x7f/", "d/\xff/"}
	for _, base := range []string{"/", "/fagui/", "http://intranet/a&b/", "/法规/"} {
		r := &renderer{opts: Options{Base: base}}
		var want strings.Builder
		want.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, u := range urls {
			want.WriteString("<url><loc>")
			xml.EscapeText(&want, []byte(base+u))
			want.WriteString("</loc></url>\n")
		}
		want.WriteString("</urlset>\n")
		if got := string(r.urlset(urls)); got != want.String() {
			t.Errorf("base %q: urlset wrote\n%s\nwant\n%s", base, got, want.String())
		}
	}
}

func TestPlainXML(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", true}, {"d/a/a5/", true}, {"http://x/y?z=1", true}, {"a&b", false}, {"<", false}, {">", false},
		{`"`, false}, {"'", false}, {"\t", false}, {"\n", false}, {"\x7f", false}, {"数据", false}, {"\xff", false},
	} {
		if got := plainXML(tc.s); got != tc.want {
			t.Errorf("plainXML(%q) = %v, want %v", tc.s, got, tc.want)
		}
		if tc.want {
			var b strings.Builder
			xml.EscapeText(&b, []byte(tc.s))
			if b.String() != tc.s {
				t.Errorf("plainXML(%q) is true but encoding/xml writes %q", tc.s, b.String())
			}
		}
	}
}
