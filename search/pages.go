package search

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Pages lists the pages that up to n search documents of the index lead
// to, as URLs relative to the site root without their anchors, sorted and
// each once. A server checks that a new build has them before it serves
// the build.
func (ix *Index) Pages(n int) ([]string, error) {
	hits, err := ix.all(n)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var pages []string
	for _, h := range hits {
		p, _, _ := strings.Cut(h.ID, "#")
		if !seen[p] {
			seen[p] = true
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	return pages, nil
}

// URLs lists every URL a hit of up to n search documents of the index can
// have, relative to the site root, sorted: each document's page, and the
// page with the anchor of each of its lines that has one.
func (ix *Index) URLs(n int) ([]string, error) {
	hits, err := ix.all(n, fieldStored)
	if err != nil {
		return nil, err
	}
	var urls []string
	for _, h := range hits {
		urls = append(urls, h.ID)
		packed, _ := h.Fields[fieldStored].(string)
		v := unpackStored(packed)
		for _, a := range strings.Fields(v.get(fieldAnchors)) {
			urls = append(urls, h.ID+"#"+a)
		}
	}
	slices.Sort(urls)
	return slices.Compact(urls), nil
}

// all returns up to n search documents of the index with the stored
// fields named.
func (ix *Index) all(n int, fields ...string) (bsearch.DocumentMatchCollection, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), n, 0, false)
	req.Fields = fields
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("list the search documents: %w", err)
	}
	return slices.DeleteFunc(res.Hits, func(h *bsearch.DocumentMatch) bool { return isSentinel(h.ID) }), nil
}
