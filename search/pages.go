package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// Pages lists the pages that up to n search documents of the index lead
// to, as URLs relative to the site root without their anchors, sorted and
// each once. A server checks that a new build has them before it serves
// the build.
func (ix *Index) Pages(n int) ([]string, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), n, 0, false)
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var pages []string
	for _, h := range res.Hits {
		p, _, _ := strings.Cut(h.ID, "#")
		if !seen[p] {
			seen[p] = true
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	return pages, nil
}
