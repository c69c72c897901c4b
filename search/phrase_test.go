package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestAdjacentQuery: an adjacentQuery finds the documents bleve's phrase
// query finds, with the same scores, on the sample site: common and rare
// words, words whose bigrams also occur apart, repeated bigrams.
func TestAdjacentQuery(t *testing.T) {
	ix := openSample(t)
	words := []string{"定期谈话", "监督谈话", "全覆盖", "一把手", "纪律检查机关", "谈话谈话", "谈话工作",
		"中国共产党", "党委党组", "开展监督", "依规依纪", "新华社", "工作办法", "不存在的词语"}
	for _, w := range words {
		toks := ix.an.bigram.Analyze([]byte(w))
		terms := adjacentTerms(toks)
		if len(terms) < 2 {
			t.Fatalf("%s: terms %q are not a phrase in a row", w, terms)
		}
		for _, field := range []string{fieldText, fieldHead} {
			want := phraseHits(t, ix, bleveMatchPhrase(w, field))
			got := phraseHits(t, ix, adjacentQuery{field: field, terms: terms, boost: 1})
			if w == "定期谈话" && len(want) == 0 {
				t.Fatalf("%s in %s: no hits: the sample is not what the test expects", w, field)
			}
			if len(got) != len(want) {
				t.Errorf("%s in %s: %d hits, bleve's phrase finds %d", w, field, len(got), len(want))
				continue
			}
			for id, s := range want {
				if g, ok := got[id]; !ok || g-s > 1e-9 || s-g > 1e-9 {
					t.Errorf("%s in %s: %s scores %v (found %t), bleve's phrase %v", w, field, id, g, ok, s)
				}
			}
		}
	}
}

func bleveMatchPhrase(w, field string) query.Query {
	q := query.NewMatchPhraseQuery(w)
	q.SetField(field)
	return q
}

// phraseHits runs q alone and returns each hit's score.
func phraseHits(t *testing.T, ix *Index, q query.Query) map[string]float64 {
	t.Helper()
	res, err := ix.bi.SearchInContext(context.Background(), bleve.NewSearchRequestOptions(q, 10000, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score
	}
	return out
}
