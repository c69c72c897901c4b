package search

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Facets are counted from a table in memory, not by bleve: its facet
// builder reads the doc values of every hit, which costs more than the
// search itself when a word matches most of the corpus (法). The table
// gives each search document, by its number in the index, the numbers of
// its kind, document and year; a searcher wrapped around the query's
// counts each hit as the collector takes it.

// facetTable holds the facet values of every search document.
type facetTable struct {
	names  map[string][]string // filter name → values, by number - 1
	values map[string][]uint32 // filter name → value number (0 none), by doc number
}

// loadFacets reads the facet field of every document of the index: one
// pass over the doc values when the index opens.
func loadFacets(bi bleve.Index) (*facetTable, error) {
	r, err := reader(bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	docs, err := liveDocs(r)
	if err != nil {
		return nil, err
	}
	n := uint64(0)
	if len(docs) > 0 {
		n = docs[len(docs)-1] + 1
	}
	dv, err := r.DocValueReader([]string{fieldFacet})
	if err != nil {
		return nil, err
	}
	ft := &facetTable{names: map[string][]string{}, values: map[string][]uint32{}}
	for _, name := range []string{FilterKind, FilterDoc, FilterYear} {
		ft.values[name] = make([]uint32, n)
	}
	numbers := map[string]uint32{}
	id := index.NewIndexInternalID(nil, 0)
	for _, doc := range docs {
		id.SetValue(doc)
		err := dv.VisitDocValues(id, func(_ string, term []byte) { ft.add(doc, string(term), numbers) })
		if err != nil {
			return nil, err
		}
	}
	return ft, nil
}

// reader opens a reader on a bleve index; the caller closes it.
func reader(bi bleve.Index) (index.IndexReader, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// liveDocs lists the numbers of the documents of an index in order. They
// are dense in a merged index, and have gaps where an updated one (see
// Build) deleted documents.
func liveDocs(r index.IndexReader) ([]uint64, error) {
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	var out []uint64
	for {
		id, err := all.Next()
		if err != nil || id == nil {
			return out, err
		}
		out = append(out, id.Value())
	}
}

// add records a facet term (kind=news) of a document; numbers gives each
// term seen so far its number.
func (ft *facetTable) add(doc uint64, term string, numbers map[string]uint32) {
	name, value, ok := strings.Cut(term, "=")
	if _, known := ft.values[name]; !ok || !known {
		return
	}
	num, seen := numbers[term]
	if !seen {
		ft.names[name] = append(ft.names[name], value)
		num = uint32(len(ft.names[name]))
		numbers[term] = num
	}
	ft.values[name][doc] = num
}

// facetCounts counts the hits of one search.
type facetCounts struct {
	t      *facetTable
	counts map[string][]int
	// columns are the values and counts of each facet, for the loop that
	// counts every hit (a map there cost a tenth of the query mix).
	columns []facetColumn
}

type facetColumn struct {
	values []uint32
	counts []int
}

func (ft *facetTable) newCounts() *facetCounts {
	fc := &facetCounts{t: ft, counts: map[string][]int{}}
	for name, values := range ft.values {
		fc.counts[name] = make([]int, len(ft.names[name])+1)
		fc.columns = append(fc.columns, facetColumn{values: values, counts: fc.counts[name]})
	}
	return fc
}

// wrap returns q with each hit counted; the scores are left as they are.
func (fc *facetCounts) wrap(q query.Query) query.Query { return countingQuery{q: q, fc: fc} }

// count adds a hit to the counts.
func (fc *facetCounts) count(d *bsearch.DocumentMatch) {
	if d == nil || len(d.IndexInternalID) != 8 {
		return
	}
	fc.countDoc(d.IndexInternalID.Value())
}

// countBitmap adds every document of bm to the counts.
func (fc *facetCounts) countBitmap(bm *roaring.Bitmap) {
	it := bm.Iterator()
	for it.HasNext() {
		fc.countDoc(uint64(it.Next()))
	}
}

// countDoc adds the document numbered doc to the counts.
func (fc *facetCounts) countDoc(doc uint64) {
	for _, c := range fc.columns {
		if doc < uint64(len(c.values)) {
			c.counts[c.values[doc]]++
		}
	}
}

// countingQuery is a query whose searcher counts the hits of another.
type countingQuery struct {
	q  query.Query
	fc *facetCounts
}

func (c countingQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping,
	options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := c.q.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return &countingSearcher{Searcher: s, fc: c.fc}, nil
}

// countingSearcher passes on the hits of its searcher, counting them.
type countingSearcher struct {
	bsearch.Searcher
	fc *facetCounts
}

func (s *countingSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	s.fc.count(d)
	return d, err
}

func (s *countingSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	s.fc.count(d)
	return d, err
}

// facets returns the counted facets, labelled, sorted by count, then
// value, and cut to their sizes.
func (ix *Index) facetsOf(fc *facetCounts) map[string][]Facet {
	out := EmptyFacets()
	for name, counts := range fc.counts {
		list := []Facet{}
		for num, n := range counts {
			if num == 0 || n == 0 {
				continue
			}
			f := Facet{Value: fc.t.names[name][num-1], Count: n}
			switch name {
			case FilterDoc:
				f.Label = ix.docs[f.Value]
			case FilterKind:
				f.Label = KindLabels[f.Value]
			}
			list = append(list, f)
		}
		slices.SortFunc(list, func(a, b Facet) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
		})
		out[facetOfFilter[name]] = list[:min(len(list), facetSizes[name])]
	}
	return out
}

// has reports whether document number doc has one of the values of a
// facet.
func (ft *facetTable) has(doc uint64, name string, values []string) bool {
	col := ft.values[name]
	if doc >= uint64(len(col)) || col[doc] == 0 {
		return false
	}
	v := ft.names[name][col[doc]-1]
	for _, want := range values {
		if v == want {
			return true
		}
	}
	return false
}

// grown is a copy of ft whose columns cover n document numbers: a live
// index (live.go) changes the copy, while the versions before it read ft.
func (ft *facetTable) grown(n uint64) *facetTable {
	out := &facetTable{names: map[string][]string{}, values: map[string][]uint32{}}
	for name, col := range ft.values {
		c := make([]uint32, max(n, uint64(len(col))))
		copy(c, col)
		out.values[name] = c
		out.names[name] = slices.Clip(ft.names[name])
	}
	return out
}

// clear leaves document number doc without facet values.
func (ft *facetTable) clear(doc uint64) {
	for _, col := range ft.values {
		if doc < uint64(len(col)) {
			col[doc] = 0
		}
	}
}

// numbers gives each facet term of the table its number, as add reads
// them.
func (ft *facetTable) numbers() map[string]uint32 {
	out := map[string]uint32{}
	for name, values := range ft.names {
		for i, v := range values {
			out[facetValue(name, v)] = uint32(i + 1)
		}
	}
	return out
}
