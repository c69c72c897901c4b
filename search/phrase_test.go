package search

import (
	"context"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// phraseWords are common and rare words, words whose bigrams also occur
// apart, repeated bigrams.
var phraseWords = []string{"定期谈话", "监督谈话", "全覆盖", "一把手", "纪律检查机关", "谈话谈话", "谈话工作",
	"中国共产党", "党委党组", "开展监督", "依规依纪", "新华社", "工作办法", "不存在的词语"}

// TestPhraseQuery: in the head and text fields, which have no term
// vectors, a word of several tokens finds the documents whose field,
// analysed, has its tokens at positions in a row (what a phrase query on
// term vectors found), scoring as the conjunction of its tokens; a word
// with lone characters finds those whose field holds it.
func TestPhraseQuery(t *testing.T) {
	ix := openSample(t)
	words := append([]string{"第四条", "第4条", "AEO互认", "3个月", "12日电", "2026年", "prsc-eo",
		"7颗卫星", "年1月", "纪律检查委员会"}, phraseWords...)
	for _, part := range []textPart{partHead, partText} {
		for _, w := range words {
			checkPhrase(t, ix, part, w)
		}
	}
}

// TestHeadQuery: a word finds the articles and sections whose shared
// head, analysed, has its tokens in a row (as the head field found them),
// or for a word with lone characters, holds it.
func TestHeadQuery(t *testing.T) {
	ix := openSample(t)
	words := append([]string{"第四条", "AEO", "办法", "第一章", "2026年", "7颗卫星", "工作"}, phraseWords...)
	found := 0
	for _, w := range words {
		toks := ix.an.bigram.Analyze([]byte(w))
		got := phraseHits(t, ix, headQuery{ht: ix.heads, needle: normalNeedle(w), boost: 1})
		want := 0
		for id, head := range sampleHeads {
			in := strings.Contains(strings.ToLower(head), strings.ToLower(w))
			if !edgeWord(toks) {
				in = tokensInRow(ix.an.bigram.Analyze([]byte(head)), toks)
			}
			if _, ok := got[id]; ok != in {
				t.Errorf("%s: %s found %t, its head %q holds it %t", w, id, ok, head, in)
			}
			if in {
				want++
			}
		}
		if len(got) != want {
			t.Errorf("%s: %d hits, %d heads hold it", w, len(got), want)
		}
		found += want
	}
	if found == 0 {
		t.Fatalf("no head holds any of the words: the sample is not what the test expects")
	}
}

func checkPhrase(t *testing.T, ix *Index, part textPart, w string) {
	t.Helper()
	q, ok := ix.fieldPhrase(ix.an.bigram.Analyze([]byte(w)), normalNeedle(w), part, 1).(phraseQuery)
	if !ok {
		t.Fatalf("%s: not a phraseQuery", w)
	}
	field := q.field()
	got := phraseHits(t, ix, q)
	// A lone character of the word may stand in a bigram of the text (年
	// of 2026年 in 年度): for such words, the text as it is.
	toks := ix.an.bigram.Analyze([]byte(w))
	edges := edgeWord(toks)
	want := map[string]bool{}
	for id, fields := range sampleFields {
		text, _ := fields[field].(string)
		if edges && strings.Contains(strings.ToLower(text), strings.ToLower(w)) ||
			!edges && tokensInRow(ix.an.bigram.Analyze([]byte(text)), toks) {
			want[id] = true
		}
	}
	if w == "定期谈话" && len(want) == 0 {
		t.Fatalf("%s in %s: no hits: the sample is not what the test expects", w, field)
	}
	var terms []query.Query
	for _, tok := range toks {
		if part == partText {
			terms = append(terms, textTermQuery{posts: ix.posts, term: string(tok.Term), boost: 1})
			continue
		}
		tq := query.NewTermQuery(string(tok.Term))
		tq.SetField(field)
		terms = append(terms, tq)
	}
	scores := phraseHits(t, ix, query.NewConjunctionQuery(terms))
	for id := range scores {
		if !want[id] {
			delete(scores, id)
		}
	}
	if !edges { // lone characters score as the side file of characters does
		sameHits(t, w+" in "+field, got, scores)
	} else if len(got) != len(want) {
		t.Errorf("%s in %s: %d hits, %d documents hold it", w, field, len(got), len(want))
	}
	for id := range got {
		if !want[id] {
			t.Errorf("%s in %s: %s found, its field does not hold it", w, field, id)
		}
	}
}

// edgeWord reports whether toks has a lone Han character.
func edgeWord(toks analysis.TokenStream) bool {
	for _, t := range toks {
		if t.Type == analysis.Single {
			return true
		}
	}
	return false
}

// tokensInRow reports whether the tokens of want stand in text at
// positions in a row.
func tokensInRow(text, want analysis.TokenStream) bool {
	for i := range text {
		ok := i+len(want) <= len(text)
		for k := 0; ok && k < len(want); k++ {
			ok = string(text[i+k].Term) == string(want[k].Term) && text[i+k].Position == text[i].Position+k
		}
		if ok {
			return true
		}
	}
	return false
}

// sameHits compares the hits and scores of a query with those expected.
func sameHits(t *testing.T, w string, got, want map[string]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d hits, want %d", w, len(got), len(want))
		return
	}
	for id, s := range want {
		if g, ok := got[id]; !ok || g-s > 1e-9 || s-g > 1e-9 {
			t.Errorf("%s: %s scores %v (found %t), want %v", w, id, g, ok, s)
		}
	}
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
