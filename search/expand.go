package search

import (
	"fmt"
	"regexp"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// A query word such as 第5条 has Han characters standing alone between
// other tokens. The cjk analyzer gives a lone character of the query a
// unigram, but in the text the same character is often the edge of a
// longer run (规定第5条), where it only appears inside a bigram (定第).
// So the phrase takes, at its first position, the character or any bigram
// ending with it, and at its last position the character or any bigram
// starting with it; a lone character inside the word must stand alone in
// the text too. The bigrams come from the field's dictionary.

// maxEdgeTerms bounds the bigrams one edge character expands to.
const maxEdgeTerms = 2000

// maxEdgeCache bounds the cached expansions; the cache starts afresh
// when it is full.
const maxEdgeCache = 4096

// edgeCache remembers expansions: the index is read-only.
type edgeCache struct {
	mu sync.Mutex
	m  map[string][]string
}

func newEdgeCache() *edgeCache { return &edgeCache{m: map[string][]string{}} }

// edgePhrase is the phrase query of a word with lone characters in field.
func (ix *Index) edgePhrase(word, field string, boost float64) (query.Query, error) {
	toks := ix.an.bigram.Analyze([]byte(word))
	terms := make([][]string, len(toks))
	for i, t := range toks {
		terms[i] = []string{string(t.Term)}
		if t.Type != analysis.Single {
			continue
		}
		var more []string
		var err error
		switch i {
		case 0:
			more, err = ix.edgeTerms(field, string(t.Term), false)
		case len(toks) - 1:
			more, err = ix.edgeTerms(field, string(t.Term), true)
		}
		if err != nil {
			return nil, err
		}
		terms[i] = append(terms[i], more...)
	}
	q := query.NewMultiPhraseQuery(terms, field)
	q.SetBoost(boost)
	return q, nil
}

// edgeTerms lists the bigrams of field that start (first) or end with
// the character c.
func (ix *Index) edgeTerms(field, c string, first bool) ([]string, error) {
	key := fmt.Sprintf("%s\x00%t\x00%s", field, first, c)
	ix.edges.mu.Lock()
	list, ok := ix.edges.m[key]
	ix.edges.mu.Unlock()
	if ok {
		return list, nil
	}
	list, err := ix.readEdgeTerms(field, c, first)
	if err != nil {
		return nil, err
	}
	ix.edges.mu.Lock()
	if len(ix.edges.m) >= maxEdgeCache {
		ix.edges.m = map[string][]string{}
	}
	ix.edges.m[key] = list
	ix.edges.mu.Unlock()
	return list, nil
}

func (ix *Index) readEdgeTerms(field, c string, first bool) ([]string, error) {
	r, err := reader(ix.bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var dict index.FieldDict
	if first {
		dict, err = r.FieldDictPrefix(field, []byte(c))
	} else if rr, ok := r.(index.IndexReaderRegexp); ok {
		dict, err = rr.FieldDictRegexp(field, "."+regexp.QuoteMeta(c))
	} else {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var out []string
	for len(out) < maxEdgeTerms {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		if utf8.RuneCountInString(e.Term) == 2 && e.Term != c {
			out = append(out, e.Term)
		}
	}
	return out, nil
}
