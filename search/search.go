// Package search builds the bleve index of a site and runs queries on it,
// answering with data (Response); package server serves them over HTTP.
//
// The index is built at site-build time from the model (BuildIndex) into
// the site's IndexDir, so pages and index always deploy together; a
// rebuild starts from the published index and indexes only what changed
// (Build). A process that stays up while the corpus is edited (a
// preview) keeps a live index open instead (BuildLive) and updates it in
// place after each parse (Live.Update), at a cost that follows the edit.
// It holds
// one search document per article (clause-level hits), per top-level
// section of a document without 条, per document and per term.
//
// Chinese text is analysed by bleve's cjk analyzer (Han bigrams, width
// folding, lower case). Every query word is one phrase and every word is
// required, which finds the clauses that say it without flooding. A
// phrase is found in two steps: the documents that hold all its tokens,
// then among them those whose head or text holds the word itself, checked
// in a side file of the index that holds each document's text as the
// analyzer reads it (texts.go); that costs less, building and searching,
// than term vectors. The heads that articles share (their document's
// title, their 章 and 节) are kept once each in a side file with the
// documents that have them (heads.go). A word of one Han character (党),
// which no bigram holds, is found in a side file that lists the documents
// of each character (chars.go). A word that names a term also
// matches the term's acronym, expansion or abbreviation. The best hits are
// then ranked again on their stored text (title and label matches, words
// close together, the article that defines a queried term) and highlighted
// from it, marking exactly the characters that matched.
package search

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// IndexDir is the folder of the index inside a built site. It is never
// served as files.
const IndexDir = "_index"

// Limits on a request.
const (
	DefaultPageSize = 10
	MaxPageSize     = 50
	// MaxResults is how deep pages go: from+size never exceeds it.
	MaxResults = 1000
	// rankWindow is how many of bleve's best hits are ranked again.
	rankWindow = 100
)

// Facet sizes: how many values each facet lists.
var facetSizes = map[string]int{FilterKind: 12, FilterDoc: 20, FilterYear: 20}

// Index is an open search index. It is safe for concurrent use.
type Index struct {
	bi    bleve.Index
	an    analyzers
	terms *termTable
	docs  map[string]string // document ID → title
	// examples are the queries the results page suggests.
	examples []string
	// facetTable gives the facet values of every search document.
	facetTable *facetTable
	chars      *charIndex  // the documents of each Han character
	texts      *textStore  // the text of each document, for phrases
	posts      *textIndex  // the postings of the text
	heads      *headTable  // the heads articles share
	cited      *citedTable // how often each document is cited
	order      *idOrder    // the order of the documents' IDs
	// superseded holds the documents of versions no longer in force.
	superseded *roaring.Bitmap
	stats      relaxedStats // for BM25 in the relaxed reading
	auth       authorityTable
	titles     titleIndex
	accums     sync.Pool // of *accum, for the relaxed reading
	vocabState
	// liveBase, for a version of a live index, is the build whose files
	// it reads, which the live index closes.
	liveBase *liveBase
}

// Open opens the index in dir read-only.
func Open(dir string) (*Index, error) {
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix, err := newIndex(bi)
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if ix.chars, err = openChars(dir); err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if ix.texts, err = openTexts(dir); err != nil {
		ix.chars.Close()
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if ix.heads, err = openHeads(dir); err != nil {
		ix.texts.Close()
		ix.chars.Close()
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if ix.cited, err = openCited(dir); err != nil {
		ix.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	posts, err := openTextPosts(dir)
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix.posts = &textIndex{file: posts}
	if ix.order, err = openOrder(dir); err != nil {
		ix.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if ix.synonyms, err = loadSynonyms(dir); err != nil {
		ix.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix.stats = ix.texts.stats()
	return ix, nil
}

func newIndex(bi bleve.Index) (*Index, error) {
	raw, err := bi.GetInternal(metaKey)
	if err != nil {
		return nil, fmt.Errorf("read the metadata: %w", err)
	}
	if raw == nil {
		return nil, errors.New("not a tiaoli index (no metadata)")
	}
	m, err := decodeMeta(raw)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	if m.Version != metaVersion {
		return nil, fmt.Errorf("index version %d, this program reads %d: rebuild the site", m.Version, metaVersion)
	}
	im, ok := bi.Mapping().(*mapping.IndexMappingImpl)
	if !ok {
		return nil, errors.New("unexpected index mapping")
	}
	an, err := openAnalyzers(im)
	if err != nil {
		return nil, err
	}
	ft, err := loadFacets(bi)
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	old, err := termDocs(bi, fieldFacet, facetValue(facetStatus, statusSuperseded))
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	return &Index{bi: bi, an: an, terms: newTermTable(m.Terms), docs: m.Docs, examples: m.Examples,
		facetTable: ft, superseded: old, vocabState: vocabState{vocabCell: &vocabCell{}}}, nil
}

// Close releases the index. A version of a live index is closed by the
// live index: Close does nothing.
func (ix *Index) Close() error {
	if ix.liveBase != nil {
		return nil
	}
	err := ix.bi.Close()
	if cerr := ix.chars.Close(); err == nil {
		err = cerr
	}
	if cerr := ix.texts.Close(); err == nil {
		err = cerr
	}
	if ix.posts != nil {
		if cerr := ix.posts.file.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// DocCount is the number of search documents in the index.
func (ix *Index) DocCount() (uint64, error) { return ix.bi.DocCount() }

// Examples are the queries drawn from the corpus at build time (package
// examples) that a search box may suggest.
func (ix *Index) Examples() []string { return ix.examples }

// Request is a search request.
type Request struct {
	Query string
	From  int // offset of the first hit; a multiple of Size for pages
	Size  int // hits per page; 0 means DefaultPageSize, capped at MaxPageSize
}

// Response is the answer to a Request; its JSON is the contract of
// /api/search and `tiaoli search --json`.
type Response struct {
	Query string `json:"query"`
	Total uint64 `json:"total"`
	Hits  []Hit  `json:"hits"`
	// Facets count the hits by kind, document and year (FacetKind, …),
	// the most frequent values first.
	Facets map[string][]Facet `json:"facets"`
	Page   int                `json:"page"`
	Size   int                `json:"size"`
	// Pages is how many pages the answer has, within MaxResults.
	Pages int `json:"pages"`
	// Relaxed is true when too few results hold every word of the query
	// as typed, and the results are those holding the most of Words, the
	// words the query was cut into (see relaxed.go).
	Relaxed bool     `json:"relaxed,omitempty"`
	Words   []string `json:"words,omitempty"`
	// Partial is true, in a relaxed answer, when no result holds every
	// one of Words (or a synonym of it): results hold some of them.
	Partial bool `json:"partial,omitempty"`
	// Strict, in a relaxed answer, is how many results the words as typed
	// found: they come first, as a strict answer gives them.
	Strict int `json:"strict,omitempty"`
}

// Hit is one result.
type Hit struct {
	// URL is the page of the hit relative to the site root, with the
	// anchor of the matching 款 or 项 when there is one (d/<id>/a5/#p2).
	URL   string `json:"url"`
	Title string `json:"title"` // the document's title, or the term
	Kind  string `json:"kind"`  // a document kind, or "term"
	// Document is the document's ID; Article its label (第五条) or the
	// section's heading, "" for a whole document.
	Document string `json:"document"`
	Article  string `json:"article"`
	Heading  string `json:"heading,omitempty"` // 编/章/节 of an article
	Date     string `json:"date,omitempty"`
	// Status is 已修改 or 已废止 for a version no longer in force.
	Status string `json:"status,omitempty"`
	// Fragments are escaped HTML excerpts with the matches in <mark>.
	Fragments []string `json:"fragments"`
	Score     float64  `json:"score"`
}

// Facet is one value of a facet and how many hits have it.
type Facet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
	Label string `json:"label,omitempty"` // a document's title, a kind's name
}

// Search runs a request. A query the index refuses (too long, a bad
// filter, a page beyond MaxResults) gives a *QueryError; the context's
// deadline bounds the search.
func (ix *Index) Search(ctx context.Context, req Request) (*Response, error) {
	q, err := ParseQuery(req.Query)
	if err != nil {
		return nil, err
	}
	size, from, err := pageBounds(req)
	if err != nil {
		return nil, err
	}
	resp := &Response{Query: req.Query, Hits: []Hit{}, Facets: EmptyFacets(),
		Page: from/size + 1, Size: size}
	docs, title, label, direct := ix.directQuery(q)
	if direct {
		q = withWords(q, title, label)
	}
	p := ix.compile(q)
	if p.empty {
		return resp, nil
	}
	fetch := max(rankWindow, from+size)
	fc := ix.facetTable.newCounts()
	bq := fc.wrap(grainedQuery{p.q})
	if p.char != nil {
		lone := *p.char
		lone.limit, lone.order = fetch, ix.order
		bq = lone
	}
	sr := bleve.NewSearchRequestOptions(bq, fetch, 0, false)
	sr.Fields = storedFields
	sr.SortBy(byScoreThenID)
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, searchFailed(req.Query, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, searchFailed(req.Query, err)
	}
	if res.Total == 0 && !direct && ix.relaxable(q) {
		resp, err := ix.relaxedSearch(ctx, q, resp, size, from)
		return resp, searchFailed(req.Query, err)
	}
	resp.Total = res.Total
	if p.char != nil {
		if resp.Total, err = ix.countChar(p.char, fc); err != nil {
			return nil, searchFailed(req.Query, fmt.Errorf("count the documents of %q: %w", p.char.r, err))
		}
	}
	resp.Pages = pageCount(res.Total, size)
	resp.Facets = ix.facetsOf(fc)
	m := newMatcher(ix.an, p.clauses)
	cands := ix.rank(p, m, res.Hits)
	if direct {
		if cands, err = ix.putFirst(ctx, cands, docs, label); err != nil {
			return nil, searchFailed(req.Query, fmt.Errorf("the article it names: %w", err))
		}
		resp.Total = max(resp.Total, uint64(len(cands)))
	}
	for i := from; i < len(cands) && i < from+size; i++ {
		resp.Hits = append(resp.Hits, cands[i].hit(m))
	}
	if !direct && res.Total < fewHits && p.char == nil && ix.relaxable(q) {
		resp, err := ix.appendRelaxed(ctx, q, resp, size, from)
		return resp, searchFailed(req.Query, err)
	}
	return resp, nil
}

// searchFailed says which query err, when not nil, comes from.
func searchFailed(query string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// countChar counts the documents of a lone character into fc and
// returns how many there are.
func (ix *Index) countChar(q *charQuery, fc *facetCounts) (uint64, error) {
	d, err := q.ci.docs(q.r)
	if err != nil || d.all == nil {
		return 0, err
	}
	fc.countBitmap(d.all)
	return d.all.GetCardinality(), nil
}

// byScoreThenID orders bleve's hits by score, and hits of one score by
// their IDs: which hits fill the fetched window, and their order beyond
// the rank window, are then the content's, not the order in which the
// index numbered its documents (feed order, batches, merges).
var byScoreThenID = []string{"-_score", "_id"}

// storedFields are the fields a hit loads.
var storedFields = []string{fieldStored}

// pageBounds checks and caps a request's page.
func pageBounds(req Request) (size, from int, err error) {
	size = req.Size
	if size <= 0 {
		size = DefaultPageSize
	}
	size = min(size, MaxPageSize)
	from = max(req.From, 0)
	if from+size > MaxResults {
		return 0, 0, queryErrorf("页码太大：结果只列到第%d条", MaxResults)
	}
	return size, from, nil
}

func pageCount(total uint64, size int) int {
	n := min(int(total), MaxResults)
	return (n + size - 1) / size
}

// Facet names in a Response: by kind, by document, by year.
const (
	FacetKind     = "kind"
	FacetDocument = "document"
	FacetYear     = "year"
)

// facetOfFilter names the facet of each filter.
var facetOfFilter = map[string]string{FilterKind: FacetKind, FilterDoc: FacetDocument, FilterYear: FacetYear}

// FacetOfFilter names the facet of a filter (FilterKind, FilterDoc,
// FilterYear) in a Response.
func FacetOfFilter(filter string) string { return facetOfFilter[filter] }

// EmptyFacets are the facets of an answer with no hits: every facet, each
// without values.
func EmptyFacets() map[string][]Facet {
	return map[string][]Facet{FacetKind: {}, FacetDocument: {}, FacetYear: {}}
}

// KindLabels are the Chinese names of the kinds, as results show them.
var KindLabels = map[string]string{
	"regulation": "法规", "news": "新闻", "notice": "通知", "commentary": "评论",
	"case": "案例", "photo": "图片", "advertisement": "广告", "announcement": "声明公告", "weather": "天气",
	"lottery": "彩票", "other": "其他", KindTerm: "术语",
}
