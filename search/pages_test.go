package search

import (
	"slices"
	"testing"
)

// TestURLs lists every URL a hit can have: the hits of a few queries are
// among them, each article's page and the anchors of its 款 and 项 too,
// and Pages are those URLs without their anchors.
func TestURLs(t *testing.T) {
	ix := openFixture(t)
	urls, err := ix.URLs(1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"d/jdth/", "d/jdth/a5/", "d/jdth/a5/#p3-i1", "d/jdth/a10/#p2", "d/aeo/", "t/aeo-t/"} {
		if _, ok := slices.BinarySearch(urls, want); !ok {
			t.Errorf("URLs lack %s", want)
		}
	}
	for _, q := range []string{"定期谈话", "信访举报", "查验率", "AEO", "参照前款"} {
		for _, h := range search(t, ix, q).Hits {
			if _, ok := slices.BinarySearch(urls, h.URL); !ok {
				t.Errorf("%s: hit %s is not among the URLs", q, h.URL)
			}
		}
	}
	pages, err := ix.Pages(1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if _, ok := slices.BinarySearch(urls, p); !ok {
			t.Errorf("page %s is not among the URLs", p)
		}
	}
	if len(pages) == 0 || len(pages) >= len(urls) {
		t.Errorf("%d pages of %d URLs", len(pages), len(urls))
	}
}
