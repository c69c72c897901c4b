package search

import (
	"bytes"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestTextCollectorOrders checks that batches analysed in any order, on
// several goroutines, give the postings of each text's frequencies as
// the analyzer reads them, one text after another; among the texts, some
// the cjk analyzer reads itself (a kana, a combining mark), words and
// terms repeated.
func TestTextCollectorOrders(t *testing.T) {
	ix := openFixture(t)
	a := ix.an.bigram
	var texts []string
	eachDoc(fixture(), func(d *searchDoc) error {
		fields, _ := d.fields()
		if s, ok := fields[fieldText].(string); ok {
			texts = append(texts, s)
		}
		return nil
	})
	texts = append(texts[:len(texts)/2:len(texts)/2],
		append([]string{"监督监督谈话 GB 2312 gb", "の监督谈话", "监督e\u0301谈话", "谈", "𠀀监督 ２０２０年"}, texts[len(texts)/2:]...)...)
	batchOf := func(seq, from, to int) *textBatch {
		b := &textBatch{seq: seq}
		for i := from; i < to; i++ {
			b.add(uint32(i), texts[i])
		}
		return b
	}
	wantPosts := newTextPostings()
	for i, s := range texts {
		n, freqs := a.frequencies([]byte(s))
		wantPosts.add(uint32(i), n, freqs)
	}
	var batches []*textBatch
	for from, seq := 0, 0; from < len(texts); seq++ {
		to := min(len(texts), from+1+seq%3)
		batches = append(batches, batchOf(seq, from, to))
		from = to
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(batches), func(i, j int) { batches[i], batches[j] = batches[j], batches[i] })
	got := newTextCollector()
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(batches); i += 3 {
				batches[i].analyse(a)
				got.deliver(batches[i])
			}
		}()
	}
	wg.Wait()
	if _, ok := got.done(len(batches) + 1); ok {
		t.Error("done with a batch missing")
	}
	gotPosts, ok := got.done(len(batches))
	if !ok {
		t.Fatal("not done")
	}
	numbers := make([]uint32, len(texts))
	for i := range numbers {
		numbers[i] = uint32(i)
	}
	var wb, gb bytes.Buffer
	if err := wantPosts.write(&wb, numbers, uint32(len(texts))); err != nil {
		t.Fatal(err)
	}
	if err := gotPosts.write(&gb, numbers, uint32(len(texts))); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wb.Bytes(), gb.Bytes()) {
		t.Error("the postings of batches out of order differ from those of one batch")
	}
}
