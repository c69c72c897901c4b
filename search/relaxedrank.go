package search

import (
	"container/heap"
	"context"
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
	ws := ix.relaxedWords(q)
	if len(ws) == 0 {
		return resp, nil
	}
	r, err := reader(ix.bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	acc := ix.getAccum()
	defer ix.putAccum(acc)
	if err := setDF(ctx, r, ws); err != nil {
		return nil, err
	}
	ws = ix.keepRarest(ws)
	if err := ix.collect(ctx, r, ws, acc); err != nil {
		return nil, err
	}
	keep := ix.relaxedFilter(q, ws)
	all := uint32(1)<<len(ws) - 1
	fc := ix.facetTable.newCounts()
	var cands []relaxedCand
	for _, d := range acc.touched {
		if !keep(uint64(d)) {
			continue
		}
		fc.countDoc(uint64(d))
		cands = append(cands, relaxedCand{doc: uint64(d), score: float64(acc.score[d]) * ix.authority(uint64(d)), held: acc.mask[d]})
	}
	if len(cands) == 0 {
		return resp, nil
	}
	total := len(cands)
	cands = topRelaxed(cands, max(int(relaxedWindow), from+size), all)
	for i := range cands {
		cands[i].score, cands[i].held = ix.exactScore(cands[i].doc, ws)
	}
	sortRelaxed(cands, all)
	resp.Relaxed = true
	for _, w := range ws {
		resp.Words = append(resp.Words, w.text)
	}
	resp.Partial = len(cands) > 0 && cands[0].held != all
	resp.Total = uint64(total)
	resp.Facets = ix.facetsOf(fc)
	resp.Pages = pageCount(resp.Total, size)
	if from >= len(cands) {
		return resp, nil
	}
	page := cands[from:min(len(cands), from+size)]
	hits, err := ix.relaxedHits(ctx, r, page, ws)
	if err != nil {
		return nil, err
	}
	resp.Hits = hits
	return resp, nil
}

// sortRelaxed orders candidates: those holding every word first, then by
// score, then by number.
func sortRelaxed(c []relaxedCand, all uint32) {
	slices.SortFunc(c, func(a, b relaxedCand) int {
		switch {
		case relaxedBefore(a, b, all):
			return -1
		case relaxedBefore(b, a, all):
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

// exactScore scores a document on its text: BM25 over the words, each
// counted in the text itself, the best of its forms; the words in its
// title or headings; every word held; closeness; its version's status;
// whether it is an article (or section) or a whole document or term.
func (ix *Index) exactScore(doc uint64, ws []rword) (float64, uint32) {
	text := ix.texts.part(doc, partText)
	head := ix.texts.part(doc, partHead)
	shared := ix.heads.headOf(doc)
	n := float64(len(text) / 2)
	score := 0.0
	var held uint32
	var firsts []int
	for i, w := range ws {
		best, inHead, first, whole := 0.0, 0.0, -1, false
		for _, f := range w.forms {
			if len(f.needle) == 0 || (len(f.terms) == 0 && f.df == 0) {
				continue
			}
			idf := ix.stats.idf(f.df)
			if tf, at := countUnits(text, f.needle); tf > 0 {
				best = max(best, f.weight*idf*ix.stats.tfNorm(float64(tf), n))
				whole = whole || !f.part
				if first < 0 || at < first {
					first = at
				}
			}
			if containsUnits(head, f.needle) || containsUnits(shared, f.needle) {
				inHead = max(inHead, f.weight*idf*wHeadWord)
				whole = whole || !f.part
			}
		}
		if whole {
			held |= 1 << i
		}
		if first >= 0 {
			firsts = append(firsts, first)
		}
		score += best + inHead
	}
	if held == uint32(1)<<len(ws)-1 {
		score += wAll
	}
	score += wRelaxedClose * float64(len(firsts)) * spread(firsts)
	score *= ix.authority(doc)
	if ix.superseded.Contains(uint32(doc)) {
		score *= superseded
	}
	if len(shared) == 0 {
		score *= wWhole
	}

	return score, held
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
// then by score, then by number.
func relaxedBefore(a, b relaxedCand, all uint32) bool {
	if (a.held == all) != (b.held == all) {
		return a.held == all
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// topRelaxed returns the k first candidates in order, choosing them with
// a heap: sorting every candidate of a common word cost more than finding
// them.
func topRelaxed(c []relaxedCand, k int, all uint32) []relaxedCand {
	if len(c) <= k {
		sortRelaxed(c, all)
		return c
	}
	h := &candHeap{all: all, c: append([]relaxedCand(nil), c[:k]...)}
	heap.Init(h)
	for _, x := range c[k:] {
		if relaxedBefore(x, h.c[0], all) {
			h.c[0] = x
			heap.Fix(h, 0)
		}
	}
	sortRelaxed(h.c, all)
	return h.c
}

// candHeap keeps the worst of the best candidates on top.
type candHeap struct {
	all uint32
	c   []relaxedCand
}

func (h *candHeap) Len() int           { return len(h.c) }
func (h *candHeap) Less(i, j int) bool { return relaxedBefore(h.c[j], h.c[i], h.all) }
func (h *candHeap) Swap(i, j int)      { h.c[i], h.c[j] = h.c[j], h.c[i] }
func (h *candHeap) Push(x any)         { h.c = append(h.c, x.(relaxedCand)) }
func (h *candHeap) Pop() any {
	x := h.c[len(h.c)-1]
	h.c = h.c[:len(h.c)-1]
	return x
}
