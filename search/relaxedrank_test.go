package search

import "testing"

// TestRelaxedOrder: a candidate holding every word ranks first however
// much more the others weigh, cited or not; the citations lift only a
// candidate that holds a word, not one that holds only a part of one.
func TestRelaxedOrder(t *testing.T) {
	base := features{authority: 1, status: 1, kind: 1}
	every, some, partOnly, plain := base, base, base, base
	every.held, every.all, every.text, every.cover = 0b11, true, 1, 1
	some.held, some.text, some.textMax, some.cover, some.citedArticle, some.citedDoc = 0b01, 30, 30, 0.9, 500, 300
	partOnly.text, partOnly.citedArticle, partOnly.citedDoc = 1, 500, 300
	plain.held, plain.text = 0b01, 1
	if partOnly.score() > plain.score() {
		t.Errorf("cited, holding only part of a word: score %.2f above %.2f of one holding a word", partOnly.score(), plain.score())
	}
	cands := []relaxedCand{
		{doc: 1, score: some.score(), held: some.held},
		{doc: 2, score: partOnly.score(), held: partOnly.held},
		{doc: 3, score: every.score(), held: every.held},
	}
	sortRelaxed(cands, 0b11, &idOrder{})
	if cands[0].doc != 3 {
		t.Errorf("first %d, want 3, the one holding every word: %+v", cands[0].doc, cands)
	}
}
