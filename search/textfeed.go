package search

import (
	"sync"

	index "github.com/blevesearch/bleve_index_api"
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
	freqs   []index.TokenFrequencies
}

// add adds the text of the document of order ord.
func (b *textBatch) add(ord uint32, text string) {
	b.ords = append(b.ords, ord)
	b.texts = append(b.texts, text)
}

// analyse reads the length and term frequencies of each text with a.
func (b *textBatch) analyse(a *bigramAnalyzer) {
	b.lengths = make([]int, len(b.texts))
	b.freqs = make([]index.TokenFrequencies, len(b.texts))
	for i, t := range b.texts {
		b.lengths[i], b.freqs[i] = a.frequencies([]byte(t))
	}
	b.texts = nil
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
		for i, ord := range b.ords {
			c.posts.add(ord, b.lengths[i], b.freqs[i])
		}
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
