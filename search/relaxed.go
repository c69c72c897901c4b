package search

import (
	"cmp"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
)

// The relaxed reading. A query whose words, each read as one phrase, find
// nothing together (a question: 单位不给交社保怎么办; words run together:
// 年假天数) is cut into words (vocab.go), its question and function words
// left out, and of a long question only the rarest words kept (a word no
// document holds in any form goes first), each word joined by the statute's words for it (synonyms.go),
// and the documents holding any of them are ranked by BM25 over those
// words: how many of the words they hold, how rare those are, how often
// they say them against their length. A document that holds every word
// ranks above one that holds some. The words found in its title or
// headings, the words close together, the share of the words it holds and
// how often the corpus cites it (cited.go) add to its score; a superseded
// version ranks below the one in force.
//
// Candidates come from the postings of the text field: a word's documents
// are those holding all its bigrams, and how often it occurs is the least
// often of them. The best candidates are then scored again on their text
// in the side file, where the word itself is counted.

// BM25's parameters, as usual (variables for the relevance run).
var (
	bm25K1 = 1.2
	bm25B  = 0.75
	// minPartLen is the length from which a word's parts count (工伤 in 工伤费).
	minPartLen = 3.0
)

// Weights of the relaxed reading (variables for the relevance run's
// experiments; nothing else changes them). The weights of the score of a
// candidate (features.score) were fitted by coordinate ascent on MRR@10
// and recall@10 over the STARD train split; fitted on either half of its
// questions, they do as well on the other half (docs/search.md).
var (
	// wSynonym weighs a statute's word found for the reader's: as the
	// reader's word itself.
	wSynonym = 1.0
	// wPart weighs a shorter word inside a long one (工伤 in 工伤保险费).
	wPart = 0.4
	// wTextBM25 weighs BM25 over the words in the text; wBestWord the
	// BM25 of the best of them alone.
	wTextBM25 = 0.5
	wBestWord = 0.85
	// wHeadWord weighs a word in a document's title or headings, per idf.
	wHeadWord = 0.35
	// wAll is added to a document that holds every word (which ranks it
	// first already: sortRelaxed).
	wAll = 0.0
	// wRelaxedClose weighs the words close together, per word.
	wRelaxedClose = 0.7
	// wCover weighs the share of the words' weight a document holds;
	// wTitleShare the share its document's title holds.
	wCover      = 19.2
	wTitleShare = 3.0
	// wCitedArticle weighs log(1 + the references of other documents to
	// an article); wCitedDoc log(1 + the documents referring to its
	// document): the texts others cite are those readers ask about.
	wCitedArticle = 1.7
	wCitedDoc     = 2.8
	// superseded multiplies the score of a version no longer in force.
	superseded = 0.761
	// joinLone joins characters the dictionary leaves single.
	joinLone = 1.0
	// wWhole multiplies the score of a hit that is no article or section
	// (a whole document, a term): a question asks for a clause.
	wWhole = 0.64
)

// maxRelaxedWords bounds the words a query is cut into for the relaxed
// reading; keepWords of them, the rarest, are looked for.
const maxRelaxedWords = 32

// Choice of the words (variables for the relevance run).
var (
	// keepWords is how many words of a query are looked for: the rarest.
	keepWords = 16.0
)

// Limits of the relaxed reading (variables for the relevance run).
var (
	// scanBudget bounds the postings read for candidates; the words past
	// it (the most common) are counted on the candidates only.
	scanBudget = 400000.0
	// relaxedWindow is how many candidates are scored on their text.
	relaxedWindow = 300.0
)

// rword is a word of the relaxed reading and the forms that stand for it.
type rword struct {
	text  string
	forms []rform
	share float64 // of the weight of all the words (setShares)
}

// rform is one form of a word: its text, its tokens in the text field,
// its needle in the side file of texts, its weight, and how many
// documents hold it.
type rform struct {
	text   string
	weight float64
	part   bool // a part of the word: it does not make the word held
	terms  []string
	needle []byte
	df     float64
	scan   bool // its postings are read for candidates
}

// relaxedWords are the words of q's clauses for the relaxed reading.
func (ix *Index) relaxedWords(q *Query) []rword {
	var texts []string
	for _, c := range q.Clauses {
		for _, a := range c {
			texts = append(texts, a.Text)
		}
	}
	v := ix.vocab()
	var out []rword
	for _, w := range v.queryWords(texts) {
		rw := rword{text: w}
		rw.forms = append(rw.forms, ix.newForm(w, 1))
		if s := simplify(w); s != w {
			rw.forms = append(rw.forms, ix.newForm(s, 1))
			w = s // its synonyms and parts are the simplified word's
		}
		for _, s := range v.syn.of(w) {
			rw.forms = append(rw.forms, ix.newForm(s, wSynonym))
		}
		for _, s := range ix.terms.forms(w) {
			rw.forms = append(rw.forms, ix.newForm(s, wSynonym))
		}
		for _, p := range v.parts(w) {
			f := ix.newForm(p, wPart)
			f.part = true
			rw.forms = append(rw.forms, f)
		}
		out = append(out, rw)
		if len(out) == maxRelaxedWords {
			break
		}
	}
	return out
}

// parts are the dictionary words of two or more characters inside a word
// of minPartLen or more, as a search engine cuts a long word (jieba's search
// mode): 工伤 and 保险费 in 工伤保险费.
func (v *vocab) parts(w string) []string {
	rs := []rune(w)
	if float64(len(rs)) < minPartLen {
		return nil
	}
	var out []string
	for n := 2; n < len(rs); n++ {
		for i := 0; i+n <= len(rs); i++ {
			if p := string(rs[i : i+n]); v.dict.Has(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func (ix *Index) newForm(text string, weight float64) rform {
	f := rform{text: text, weight: weight, needle: normalNeedle(text)}
	for _, t := range ix.an.bigram.Analyze([]byte(text)) {
		if t.Type == analysis.Single {
			continue // a lone character: no term of the field holds it
		}
		f.terms = append(f.terms, string(t.Term))
	}
	return f
}

// accum holds the scores of the candidates of one relaxed search.
type accum struct {
	score   []float32
	mask    []uint32 // which words each document holds
	cur     []float32
	touched []uint32
}

func newAccum(n int) *accum {
	return &accum{score: make([]float32, n), mask: make([]uint32, n), cur: make([]float32, n)}
}

// getAccum takes a cleared accumulator from the index's pool.
func (ix *Index) getAccum() *accum {
	if a, ok := ix.accums.Get().(*accum); ok && len(a.score) == ix.texts.count() {
		return a
	}
	return newAccum(ix.texts.count())
}

// putAccum clears an accumulator where it was written and returns it to
// the pool.
func (ix *Index) putAccum(a *accum) {
	for _, d := range a.touched {
		a.score[d], a.mask[d] = 0, 0
	}
	a.touched = a.touched[:0]
	ix.accums.Put(a)
}

// relaxedStats are the figures of the corpus BM25 needs.
type relaxedStats struct {
	n      float64 // documents
	avgLen float64 // mean length of a text, in code units
}

// idf is BM25's inverse document frequency.
func (s relaxedStats) idf(df float64) float64 {
	return math.Log(1 + (s.n-df+0.5)/(df+0.5))
}

// tfNorm is BM25's saturation of a term frequency in a text of length n.
func (s relaxedStats) tfNorm(tf, n float64) float64 {
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*n/s.avgLen))
}

// setDF sets the df of every form of the words.
func (ix *Index) setDF(ws []rword) error {
	for i := range ws {
		for j := range ws[i].forms {
			f := &ws[i].forms[j]
			df, err := ix.posts.rarestCount(f.terms)
			if err != nil {
				return err
			}
			f.df = float64(df)
		}
	}
	return nil
}

// keepRarest keeps the keepWords words that weigh most (the rarest), in
// the order typed; a word no document holds in any form is left out while
// another remains.
func (ix *Index) keepRarest(ws []rword) []rword {
	weight := make([]float64, len(ws))
	order := make([]int, len(ws))
	for i, w := range ws {
		order[i] = i
		for _, f := range w.forms {
			if f.df > 0 {
				weight[i] = max(weight[i], f.weight*ix.stats.idf(f.df))
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight[b], weight[a]) })
	n := min(len(order), int(keepWords))
	for n > 1 && weight[order[n-1]] == 0 {
		n--
	}
	keep := order[:n]
	slices.Sort(keep)
	out := make([]rword, 0, n)
	for _, i := range keep {
		out = append(out, ws[i])
	}
	return out
}

// collect reads the postings of the words' forms into acc, rarest first,
// within scanBudget (their dfs set).
func (ix *Index) collect(ws []rword, acc *accum) error {
	type ref struct{ w, f int }
	var refs []ref
	for i := range ws {
		for j := range ws[i].forms {
			refs = append(refs, ref{i, j})
		}
	}
	slices.SortStableFunc(refs, func(a, b ref) int {
		return cmp.Compare(ws[a.w].forms[a.f].df, ws[b.w].forms[b.f].df)
	})
	budget := scanBudget
	scanned := map[int]bool{}
	for _, rf := range refs {
		f := &ws[rf.w].forms[rf.f]
		if f.df == 0 || (f.df > budget && len(scanned) > 0) {
			continue
		}
		budget -= f.df
		f.scan = true
		scanned[rf.w] = true
	}
	for i := range ws {
		if !scanned[i] {
			continue
		}
		if err := ix.scanWord(&ws[i], uint32(1)<<i, acc); err != nil {
			return err
		}
	}
	return nil
}

// scanWord adds to acc the score of a word in every document holding one
// of its scanned forms: the best of its forms.
func (ix *Index) scanWord(w *rword, bit uint32, acc *accum) error {
	var touched []uint32
	for j := range w.forms {
		f := &w.forms[j]
		if !f.scan {
			continue
		}
		idf := ix.stats.idf(f.df)
		err := ix.posts.intersect(f.terms, func(doc uint64, tf float64) {
			if doc >= uint64(len(acc.cur)) {
				return
			}
			s := float32(f.weight * idf * ix.stats.tfNorm(tf, ix.texts.textLen(doc)))
			if acc.cur[doc] == 0 {
				touched = append(touched, uint32(doc))
			}
			acc.cur[doc] = max(acc.cur[doc], s)
		})
		if err != nil {
			return err
		}
	}
	for _, d := range touched {
		if acc.mask[d] == 0 {
			acc.touched = append(acc.touched, d)
		}
		acc.score[d] += acc.cur[d]
		acc.mask[d] |= bit
		acc.cur[d] = 0
	}
	return nil
}
