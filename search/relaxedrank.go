package search

import (
	"container/heap"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// relaxedCand is a candidate of the relaxed reading: a document number,
// its score and the words it holds.
type relaxedCand struct {
	doc   uint64
	score float64
	held  uint32
}

// relaxedSearch answers q by the relaxed reading, into resp.
func (ix *Index) relaxedSearch(ctx context.Context, q *Query, resp *Response, size, from int) (*Response, error) {
	r, err := reader(ix.bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	rc, err := ix.relaxedCands(ctx, r, q, max(int(relaxedWindow), from+size))
	if err != nil || rc.total == 0 {
		return resp, err
	}
	cands := rc.cands
	resp.Relaxed = true
	for _, w := range rc.words {
		resp.Words = append(resp.Words, w.text)
	}
	resp.Partial = len(cands) > 0 && cands[0].held != rc.all()
	resp.Total = uint64(rc.total)
	resp.Facets = ix.facetsOf(rc.fc)
	resp.Pages = pageCount(resp.Total, size)
	if from >= len(cands) {
		return resp, nil
	}
	page := cands[from:min(len(cands), from+size)]
	hits, err := ix.relaxedHits(ctx, r, page, rc.words)
	if err != nil {
		return nil, err
	}
	resp.Hits = hits
	return resp, nil
}

// relaxedResult is what the relaxed reading finds for a query: its words,
// its k best candidates in order, how many candidates there are and their
// facets.
type relaxedResult struct {
	words []rword
	cands []relaxedCand
	total int
	fc    *facetCounts
}

// all is the mask of a candidate holding every word.
func (rr relaxedResult) all() uint32 { return uint32(1)<<len(rr.words) - 1 }

// relaxedCands finds the candidates of q's relaxed reading: those of the
// postings, the k best of them scored again on their text.
func (ix *Index) relaxedCands(ctx context.Context, r index.IndexReader, q *Query, k int) (relaxedResult, error) {
	var rr relaxedResult
	ws := ix.relaxedWords(q)
	if len(ws) == 0 {
		return rr, nil
	}
	acc := ix.getAccum()
	defer ix.putAccum(acc)
	if err := setDF(ctx, r, ws); err != nil {
		return rr, err
	}
	ws = ix.keepRarest(ws)
	if err := ix.collect(ctx, r, ws, acc); err != nil {
		return rr, err
	}
	ix.setShares(ws)
	rr.words = ws
	keep := ix.relaxedFilter(q, ws)
	all := rr.all()
	rr.fc = ix.facetTable.newCounts()
	for _, d := range acc.touched {
		if !keep(uint64(d)) {
			continue
		}
		rr.fc.countDoc(uint64(d))
		rr.cands = append(rr.cands, relaxedCand{doc: uint64(d), score: float64(acc.score[d]) * ix.authority(uint64(d)), held: acc.mask[d]})
	}
	rr.total = len(rr.cands)
	rr.cands = topRelaxed(rr.cands, k, all, ix.order)
	for i := range rr.cands {
		f := ix.features(rr.cands[i].doc, ws)
		rr.cands[i].score, rr.cands[i].held = f.score(), f.held
	}
	sortRelaxed(rr.cands, all, ix.order)
	return rr, nil
}

// sortRelaxed orders candidates: those holding every word first, then by
// score, then by ID (order).
func sortRelaxed(c []relaxedCand, all uint32, order *idOrder) {
	slices.SortFunc(c, func(a, b relaxedCand) int {
		switch {
		case relaxedBefore(a, b, all, order):
			return -1
		case relaxedBefore(b, a, all, order):
			return 1
		}
		return 0
	})
}

// relaxedFilter returns whether a document passes the query's filters
// and holds none of its excluded words.
func (ix *Index) relaxedFilter(q *Query, ws []rword) func(uint64) bool {
	var excl [][]byte
	for _, a := range q.Excludes {
		excl = append(excl, normalNeedle(a.Text))
	}
	return func(doc uint64) bool {
		for name, values := range q.Filters {
			if !ix.facetTable.has(doc, name, values) {
				return false
			}
		}
		for name, values := range q.NotFilters {
			if ix.facetTable.has(doc, name, values) {
				return false
			}
		}
		for _, n := range excl {
			if ix.texts.holds(doc, partText, n) || ix.texts.holds(doc, partHead, n) {
				return false
			}
		}
		return true
	}
}

// features are what the relaxed reading weighs of a candidate, read from
// its text in the side file (each word counted in the text itself, the
// best of its forms) and from the side file of citations.
type features struct {
	held    uint32  // the words it holds, whole
	text    float64 // BM25 of the words in its text
	textMax float64 // BM25 of its best word alone
	head    float64 // the words in its title or headings, per idf and form weight
	close   float64 // closeness of the words' first matches, times their number
	// cover is the share of the words' weight (wordWeight) it holds;
	// title the share its document's title holds.
	cover, title float64
	// citedArticle counts the references of other documents to it,
	// citedDoc the other documents referring to its document.
	citedArticle, citedDoc float64
	// factors of its document's rank, its version's status and its kind
	// (an article or section, or a whole document or term)
	authority, status, kind float64
	all                     bool // it holds every word
}

// features reads the features of document number doc for the words ws.
func (ix *Index) features(doc uint64, ws []rword) features {
	text := ix.texts.part(doc, partText)
	head := ix.texts.part(doc, partHead)
	shared := ix.heads.headOf(doc)
	title := ix.docTitle(doc)
	n := float64(len(text) / 2)
	f := features{authority: ix.authority(doc), status: 1, kind: 1}
	f.citedArticle, f.citedDoc = ix.cited.of(doc)
	var firsts []int
	for i, w := range ws {
		best, inHead, first, whole, inTitle := 0.0, 0.0, -1, false, false
		for _, fm := range w.forms {
			if len(fm.needle) == 0 || (len(fm.terms) == 0 && fm.df == 0) {
				continue
			}
			idf := ix.stats.idf(fm.df)
			if tf, at := countUnits(text, fm.needle); tf > 0 {
				best = max(best, fm.weight*idf*ix.stats.tfNorm(float64(tf), n))
				whole = whole || !fm.part
				if first < 0 || at < first {
					first = at
				}
			}
			if containsUnits(head, fm.needle) || containsUnits(shared, fm.needle) {
				inHead = max(inHead, fm.weight*idf)
				whole = whole || !fm.part
				inTitle = inTitle || (!fm.part && containsUnits(title, fm.needle))
			}
		}
		if whole {
			f.held |= 1 << i
			f.cover += w.share
		}
		if inTitle {
			f.title += w.share
		}
		if first >= 0 {
			firsts = append(firsts, first)
		}
		f.text += best
		f.textMax = max(f.textMax, best)
		f.head += inHead
	}
	f.all = f.held == uint32(1)<<len(ws)-1
	f.close = float64(len(firsts)) * spread(firsts)
	if ix.superseded.Contains(uint32(doc)) {
		f.status = superseded
	}
	if len(shared) == 0 {
		f.kind = wWhole
	}
	return f
}

// score is a candidate's score: a weighted sum of BM25 over its text and
// of its best word, its title and headings, closeness, the shares of the
// words it and its document's title hold, and how often it and its
// document are cited, times the factors of its rank, status and kind.
func (f features) score() float64 {
	s := wTextBM25*f.text + wBestWord*f.textMax + wHeadWord*f.head + wRelaxedClose*f.close +
		wCover*f.cover + wTitleShare*f.title
	if f.held != 0 {
		// the citations rank only what holds a word, not only a part of one
		s += wCitedArticle*math.Log1p(f.citedArticle) + wCitedDoc*math.Log1p(f.citedDoc)
	}
	if f.all {
		s += wAll
	}
	return s * f.authority * f.status * f.kind
}

// setShares sets the share of each word in the weight of them all.
func (ix *Index) setShares(ws []rword) {
	total := 0.0
	for i := range ws {
		ws[i].share = ix.wordWeight(ws[i])
		total += ws[i].share
	}
	for i := range ws {
		if total > 0 {
			ws[i].share /= total
		}
	}
}

// wordWeight is the weight of a word: the idf of its rarest whole form,
// times that form's weight; 0 when no document holds it.
func (ix *Index) wordWeight(w rword) float64 {
	best := 0.0
	for _, f := range w.forms {
		if f.df > 0 && !f.part {
			best = max(best, f.weight*ix.stats.idf(f.df))
		}
	}
	return best
}

// spread is 1 when the first matches of the words lie close together,
// falling towards 0 as they spread over the text (positions in bytes).
func spread(at []int) float64 {
	if len(at) < 2 {
		return 0
	}
	lo, hi := at[0], at[0]
	for _, a := range at {
		lo, hi = min(lo, a), max(hi, a)
	}
	return 1 / (1 + float64(hi-lo)/200)
}

// relaxedHits loads the stored fields of a page of candidates and makes
// them hits, highlighted with every form of the words.
func (ix *Index) relaxedHits(ctx context.Context, r index.IndexReader, page []relaxedCand, ws []rword) ([]Hit, error) {
	ids := make([]string, len(page))
	id := index.NewIndexInternalID(nil, 0)
	for i, c := range page {
		id.SetValue(c.doc)
		ext, err := r.ExternalID(id)
		if err != nil {
			return nil, err
		}
		ids[i] = ext
	}
	sr := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	sr.Fields = storedFields
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, err
	}
	byID := map[string]*candidate{}
	for _, h := range res.Hits {
		byID[h.ID] = newCandidate(h)
	}
	var clauses []clausePlan
	for _, w := range ws {
		var cp clausePlan
		for _, f := range w.forms {
			cp.forms = append(cp.forms, form{text: f.text})
		}
		clauses = append(clauses, cp)
	}
	m := newMatcher(ix.an, clauses)
	hits := make([]Hit, 0, len(page))
	for i, c := range page {
		cand := byID[ids[i]]
		if cand == nil {
			continue
		}
		cand.score = c.score
		hits = append(hits, cand.hit(m))
	}
	return hits, nil
}

// relaxable reports whether a query that finds nothing as typed has a
// relaxed reading: words to look for that are not all quoted.
func (ix *Index) relaxable(q *Query) bool {
	for _, c := range q.Clauses {
		for _, a := range c {
			if !a.Exact {
				return true
			}
		}
	}
	return false
}

// termDocs is the bitmap of the documents holding a term of a field.
func termDocs(bi bleve.Index, field, term string) (*roaring.Bitmap, error) {
	r, err := reader(bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	tr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tr.Close()
	out := roaring.New()
	for {
		d, err := tr.Next(nil)
		if err != nil || d == nil {
			return out, err
		}
		if v := d.ID.Value(); v <= 1<<32-1 {
			out.Add(uint32(v))
		}
	}
}

// fewHits is how few results the words as typed may find before the
// relaxed reading adds its own after them.
const fewHits = 3

// appendRelaxed adds to a strict answer with fewer than fewHits results
// those of the relaxed reading, after them and without repeating them.
func (ix *Index) appendRelaxed(ctx context.Context, q *Query, resp *Response, size, from int) (*Response, error) {
	strict := int(resp.Total)
	more, err := ix.relaxedSearch(ctx, q, &Response{Hits: []Hit{}}, size+strict, max(0, from-strict))
	if err != nil || !more.Relaxed {
		return resp, err
	}
	seen := map[string]bool{}
	for _, h := range resp.Hits {
		seen[pageOf(h.URL)] = true
	}
	if from < strict {
		// the strict results are on this page: add after them
		for _, h := range more.Hits {
			if len(resp.Hits) < size && !seen[pageOf(h.URL)] {
				resp.Hits = append(resp.Hits, h)
			}
		}
	} else {
		resp.Hits = resp.Hits[:0]
		for _, h := range more.Hits[min(len(more.Hits), strict):] {
			if len(resp.Hits) < size {
				resp.Hits = append(resp.Hits, h)
			}
		}
	}
	resp.Relaxed, resp.Words, resp.Partial, resp.Strict = true, more.Words, more.Partial, strict
	resp.Total = max(resp.Total, more.Total)
	resp.Pages = pageCount(resp.Total, size)
	return resp, nil
}

// pageOf is a hit's URL without its anchor.
func pageOf(url string) string {
	if i := strings.IndexByte(url, '#'); i >= 0 {
		return url[:i]
	}
	return url
}

// relaxedBefore reports whether a ranks before b: holding every word,
// then by score, then by ID (order).
func relaxedBefore(a, b relaxedCand, all uint32, order *idOrder) bool {
	if (a.held == all) != (b.held == all) {
		return a.held == all
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return order.before(a.doc, b.doc)
}

// topRelaxed returns the k first candidates in order, choosing them with
// a heap: sorting every candidate of a common word cost more than finding
// them.
func topRelaxed(c []relaxedCand, k int, all uint32, order *idOrder) []relaxedCand {
	if len(c) <= k {
		sortRelaxed(c, all, order)
		return c
	}
	h := &candHeap{all: all, order: order, c: append([]relaxedCand(nil), c[:k]...)}
	heap.Init(h)
	for _, x := range c[k:] {
		if relaxedBefore(x, h.c[0], all, order) {
			h.c[0] = x
			heap.Fix(h, 0)
		}
	}
	sortRelaxed(h.c, all, order)
	return h.c
}

// candHeap keeps the worst of the best candidates on top.
type candHeap struct {
	all   uint32
	order *idOrder
	c     []relaxedCand
}

func (h *candHeap) Len() int           { return len(h.c) }
func (h *candHeap) Less(i, j int) bool { return relaxedBefore(h.c[j], h.c[i], h.all, h.order) }
func (h *candHeap) Swap(i, j int)      { h.c[i], h.c[j] = h.c[j], h.c[i] }
func (h *candHeap) Push(x any)         { h.c = append(h.c, x.(relaxedCand)) }
func (h *candHeap) Pop() any {
	x := h.c[len(h.c)-1]
	h.c = h.c[:len(h.c)-1]
	return x
}
