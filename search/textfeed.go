package search

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// textBatch is the texts of the documents of one batch of the index, by
// their order of indexing, for the text postings: a batch's writer
// analyses them (see analyse) while the feed goes on, as bleve's own
// analysis did when the text field was bleve's.
type textBatch struct {
	seq   int // the batch's place among the batches, from 0
	ords  []uint32
	texts []string
	// after analyse
	lengths []int
	posts   batchPosts
}

// add adds the text of the document of order ord.
func (b *textBatch) add(ord uint32, text string) {
	b.ords = append(b.ords, ord)
	b.texts = append(b.texts, text)
}

// analyse reads the length of each text with a, and the postings of the
// batch's terms.
func (b *textBatch) analyse(a *bigramAnalyzer) {
	b.lengths = make([]int, len(b.texts))
	var ta termsAnalysis
	for i, t := range b.texts {
		b.lengths[i] = ta.addText(a, b.ords[i], []byte(t))
	}
	b.posts = ta.group()
	b.texts = nil
}

// termsAnalysis collects the postings of the terms of a batch's texts,
// one text after another: a term's documents and its frequency in each,
// without a map of frequencies per text. A term of one or two unified
// Han characters, most terms, is known by its key (see hanKey).
type termsAnalysis struct {
	dict  termDict // a term's index in terms
	terms []batchTerm
	// last is the text each term was last seen in, plus one, and at the
	// place of its posting in the postings of the batch so far.
	last, at []int32
	texts    int32
	// the postings, in the order of the texts: a term's index, the
	// document's order and the frequency there
	pterm []int32
	pord  []uint32
	pfreq []uint32
}

// batchTerm is a term of a batch: its key, or the term itself when it
// has none.
type batchTerm struct {
	key  uint32
	word string
}

// text is the term, spelled.
func (t batchTerm) text(buf []byte) []byte {
	if t.word != "" {
		return append(buf, t.word...)
	}
	return appendHanTerm(buf, t.key)
}

// termDict numbers terms: a term of one or two unified Han characters by
// its key (see hanKey), any other by its text.
type termDict struct {
	han   map[uint32]int32
	words map[string]int32
}

func newTermDict() termDict {
	return termDict{han: map[uint32]int32{}, words: map[string]int32{}}
}

// find returns the number of term; without one, the batchTerm of term and
// false.
func (d termDict) find(term []byte) (int32, batchTerm, bool) {
	if key, han := hanKey(term); han {
		i, ok := d.han[key]
		return i, batchTerm{key: key}, ok
	}
	if i, ok := d.words[string(term)]; ok {
		return i, batchTerm{}, true
	}
	return 0, batchTerm{word: string(term)}, false
}

// findTerm is find of a batchTerm.
func (d termDict) findTerm(t batchTerm) (int32, bool) {
	if t.word != "" {
		i, ok := d.words[t.word]
		return i, ok
	}
	i, ok := d.han[t.key]
	return i, ok
}

// put numbers t i.
func (d termDict) put(t batchTerm, i int32) {
	if t.word != "" {
		d.words[t.word] = i
	} else {
		d.han[t.key] = i
	}
}

// hanKey is the key of a term of one or two unified Han characters: the
// character, or the first in the upper 16 bits and the second in the
// lower; false for any other term.
func hanKey(term []byte) (uint32, bool) {
	if len(term) != 3 && len(term) != 6 {
		return 0, false
	}
	r, n := utf8.DecodeRune(term)
	if !isUnifiedHan(r) || n != 3 {
		return 0, false
	}
	if len(term) == 3 {
		return uint32(r), true
	}
	r2, n2 := utf8.DecodeRune(term[3:])
	if !isUnifiedHan(r2) || n2 != 3 {
		return 0, false
	}
	return uint32(r)<<16 | uint32(r2), true
}

// appendHanTerm appends the term of a key (see hanKey) to dst.
func appendHanTerm(dst []byte, key uint32) []byte {
	if key > 0xFFFF {
		dst = utf8.AppendRune(dst, rune(key>>16))
	}
	return utf8.AppendRune(dst, rune(key&0xFFFF))
}

// addText adds the terms of the text of the document of order ord, read
// by a as frequencies would, and returns its count of tokens.
func (ta *termsAnalysis) addText(a *bigramAnalyzer, ord uint32, input []byte) int {
	if ta.dict.han == nil {
		ta.dict = newTermDict()
	}
	input = foldForms(input)
	ta.texts++
	start, n := len(ta.pterm), 0
	if a.walk(input, func(t analysis.Token) { n++; ta.addTerm(t.Term, ord) }) {
		return n
	}
	// The cjk analyzer reads this text: forget what walk added of it.
	for _, t := range ta.pterm[start:] {
		ta.last[t] = 0
	}
	ta.pterm, ta.pord, ta.pfreq = ta.pterm[:start], ta.pord[:start], ta.pfreq[:start]
	tokens := a.cjk.Analyze(input)
	for _, t := range tokens {
		ta.addTerm(t.Term, ord)
	}
	return len(tokens)
}

// addTerm counts term in the text being added, of order ord.
func (ta *termsAnalysis) addTerm(term []byte, ord uint32) {
	i := ta.index(term)
	if ta.last[i] == ta.texts {
		ta.pfreq[ta.at[i]]++
		return
	}
	ta.last[i], ta.at[i] = ta.texts, int32(len(ta.pterm))
	ta.pterm = append(ta.pterm, i)
	ta.pord = append(ta.pord, ord)
	ta.pfreq = append(ta.pfreq, 1)
}

// index is the index of term in terms, which it is added to when new.
func (ta *termsAnalysis) index(term []byte) int32 {
	i, t, ok := ta.dict.find(term)
	if ok {
		return i
	}
	i = int32(len(ta.terms))
	ta.dict.put(t, i)
	ta.terms = append(ta.terms, t)
	ta.last, ta.at = append(ta.last, 0), append(ta.at, 0)
	return i
}

// batchPosts are the postings of a batch by term: for the i-th term, its
// first and last document, the rest of its documents as docList's
// deltas (deltas[off[i]:off[i+1]]), and its frequencies as uvarints
// (freqs[foff[i]:foff[i+1]]).
type batchPosts struct {
	terms        []batchTerm
	first, last  []uint32
	off, foff    []int
	deltas, freq []byte
}

// group sorts the postings by term, each term's in the order of the texts.
func (ta *termsAnalysis) group() batchPosts {
	nt := len(ta.terms)
	start := make([]int32, nt+1)
	for _, t := range ta.pterm {
		start[t+1]++
	}
	for i := 1; i <= nt; i++ {
		start[i] += start[i-1]
	}
	order := make([]int32, len(ta.pterm))
	next := append([]int32(nil), start[:nt]...)
	for p, t := range ta.pterm {
		order[next[t]] = int32(p)
		next[t]++
	}
	bp := batchPosts{terms: ta.terms, first: make([]uint32, nt), last: make([]uint32, nt),
		off: make([]int, nt+1), foff: make([]int, nt+1),
		deltas: make([]byte, 0, len(order)*2), freq: make([]byte, 0, len(order))}
	for t := 0; t < nt; t++ {
		ps := order[start[t]:start[t+1]]
		prev := ta.pord[ps[0]]
		bp.first[t] = prev
		for _, p := range ps[1:] {
			bp.deltas = binary.AppendUvarint(bp.deltas, uint64(ta.pord[p]-prev))
			prev = ta.pord[p]
		}
		bp.last[t] = prev
		for _, p := range ps {
			bp.freq = binary.AppendUvarint(bp.freq, uint64(ta.pfreq[p]))
		}
		bp.off[t+1], bp.foff[t+1] = len(bp.deltas), len(bp.freq)
	}
	return bp
}

// textCollector adds the analysed batches to the text postings in the
// order of the batches, whichever is analysed first. It is safe for
// concurrent use.
type textCollector struct {
	mu      sync.Mutex
	posts   *textPostings
	next    int
	waiting map[int]*textBatch
}

func newTextCollector() *textCollector {
	return &textCollector{posts: newTextPostings(), waiting: map[int]*textBatch{}}
}

// deliver hands over an analysed batch.
func (c *textCollector) deliver(b *textBatch) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waiting[b.seq] = b
	for {
		b, ok := c.waiting[c.next]
		if !ok {
			return
		}
		delete(c.waiting, c.next)
		c.next++
		c.posts.addBatch(b)
	}
}

// done returns the postings of every batch, once every batch up to the
// one numbered batches (excluded) is delivered; false when one is
// missing.
func (c *textCollector) done(batches int) (*textPostings, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.posts, c.next == batches && len(c.waiting) == 0
}
