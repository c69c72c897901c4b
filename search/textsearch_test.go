package search

import (
	"cmp"
	"context"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
)

// refTextIndex indexes the text of each search document of c in a bleve
// index of its own (dir), in a field analysed as the text field of the
// index once was, and writes the text postings of the same documents,
// numbered as that index numbers them.
func refTextIndex(t *testing.T, dir string, c *model.Corpus) (bleve.Index, *textIndex) {
	t.Helper()
	m := mapping.NewIndexMapping()
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, textField(bigramAnalyzerName, true, false))
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	m.DefaultMapping = doc
	bi, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bi.Close() })
	a, err := textAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	cp, tp := newCharPostings(), newTextPostings()
	b := bi.NewBatch()
	seen := map[string]bool{}
	err = eachDoc(c, func(d *searchDoc) error {
		if d.ID == "" || seen[d.ID] {
			return nil
		}
		seen[d.ID] = true
		fields, _ := d.fields()
		ord := uint32(len(cp.ids))
		cp.skip(d.ID)
		text, _ := fields[fieldText].(string)
		if text != "" {
			n, freqs := a.frequencies([]byte(text))
			tp.add(ord, n, freqs)
		}
		if err := b.Index(d.ID, map[string]interface{}{fieldText: text}); err != nil {
			return err
		}
		if b.Size() >= 50 { // several segments
			err := bi.Batch(b)
			b = bi.NewBatch()
			return err
		}
		return nil
	})
	if err == nil {
		err = bi.Batch(b)
	}
	if err != nil {
		t.Fatal(err)
	}
	numbers, err := cp.numbers(bi)
	if err != nil {
		t.Fatal(err)
	}
	return bi, &textIndex{file: readBack(t, tp, numbers, numberCount(numbers))}
}

// TestTextTermScoresEqualBleve checks that a term searcher over the
// text postings gives, for every term of the text field, the documents
// and scores (to the bit) that bleve's term searcher gives on the index,
// with its weight and count, whole and when it skips.
func TestTextTermScoresEqualBleve(t *testing.T) {
	t.Run("fixture", func(t *testing.T) { compareTextTerms(t, fixture()) })
	t.Run("sample", func(t *testing.T) {
		compareTextTerms(t, generator.Parse(os.DirFS(filepath.Join(testdir.Root(t), "content"))))
	})
}

// compareTextTerms compares the term searchers of every term of the text
// field of the documents of c.
func compareTextTerms(t *testing.T, c *model.Corpus) {
	bi, tp := refTextIndex(t, filepath.Join(t.TempDir(), "ref"), c)
	r, err := reader(bi)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	dict, err := r.FieldDict(fieldText)
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	dict.Close()
	if len(terms) < 100 {
		t.Fatalf("only %d terms in the text field", len(terms))
	}
	terms = append(terms, "absent term")
	ctx := context.Background()
	compareRelaxedReads(t, ctx, r, tp, terms)
	for _, term := range terms {
		for _, boost := range []float64{1, textBoost} {
			for _, norm := range []float64{1, 0.3712} {
				want, err := searcher.NewTermSearcher(ctx, r, term, fieldText, boost, bsearch.SearcherOptions{})
				if err != nil {
					t.Fatal(err)
				}
				got, err := newTextTermSearcher(ctx, r, tp, []byte(term), boost, bsearch.SearcherOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if math.Float64bits(got.Weight()) != math.Float64bits(want.Weight()) || got.Count() != want.Count() {
					t.Fatalf("%q: weight %v count %d, bleve %v %d", term, got.Weight(), got.Count(), want.Weight(), want.Count())
				}
				want.SetQueryNorm(norm)
				got.SetQueryNorm(norm)
				compareSearchers(t, term, want, got, 1)
				want.Close()
			}
		}
		// skipping by Advance, a little (stepping through) and far (jumping)
		for _, step := range []int{2, 3 * advanceSteps} {
			want, _ := searcher.NewTermSearcher(ctx, r, term, fieldText, 1, bsearch.SearcherOptions{})
			got, _ := newTextTermSearcher(ctx, r, tp, []byte(term), 1, bsearch.SearcherOptions{})
			compareSearchers(t, term, want, got, step)
			want.Close()
		}
	}
}

// compareSearchers checks that got gives what want gives; with a step
// above 1 they advance to step past each document they give.
func compareSearchers(t *testing.T, term string, want, got bsearch.Searcher, step int) {
	t.Helper()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(4, 0)}
	var w, g *bsearch.DocumentMatch
	var werr, gerr error
	next := index.NewIndexInternalID(nil, 0)
	for i := 0; ; i++ {
		if step == 1 || w == nil {
			w, werr = want.Next(sctx)
			g, gerr = got.Next(sctx)
		} else {
			next.SetValue(w.IndexInternalID.Value() + uint64(step))
			w, werr = want.Advance(sctx, next)
			g, gerr = got.Advance(sctx, next)
		}
		if werr != nil || gerr != nil {
			t.Fatalf("%q: %v, %v", term, werr, gerr)
		}
		if (w == nil) != (g == nil) {
			t.Fatalf("%q, match %d: %v, bleve %v", term, i, g, w)
		}
		if w == nil {
			return
		}
		if !w.IndexInternalID.Equals(g.IndexInternalID) || math.Float64bits(w.Score) != math.Float64bits(g.Score) {
			t.Fatalf("%q, match %d: document %d score %v, bleve %d %v", term, i,
				g.IndexInternalID.Value(), g.Score, w.IndexInternalID.Value(), w.Score)
		}
		if step == 1 {
			sctx.DocumentMatchPool.Put(w)
			sctx.DocumentMatchPool.Put(g)
			w = nil
		}
	}
}

// compareRelaxedReads checks that the relaxed reading's counts and
// intersections of terms, over the text postings, are those it reads
// from bleve's: for every term, and for pairs and triples of them.
func compareRelaxedReads(t *testing.T, ctx context.Context, r index.IndexReader, ti *textIndex, terms []string) {
	type hit struct {
		doc uint64
		tf  float64
	}
	sets := [][]string{nil}
	for i, term := range terms {
		sets = append(sets, []string{term}, []string{term, terms[(i*7+1)%len(terms)]},
			[]string{term, terms[(i+1)%len(terms)], terms[(i+2)%len(terms)]})
	}
	for _, set := range sets {
		want, err := bleveRarestCount(ctx, r, set)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ti.rarestCount(set)
		if err != nil || got != want {
			t.Fatalf("rarestCount(%q) = %d %v, bleve %d", set, got, err, want)
		}
		var wantHits, gotHits []hit
		if err := bleveIntersect(ctx, r, set, func(doc uint64, tf float64) { wantHits = append(wantHits, hit{doc, tf}) }); err != nil {
			t.Fatal(err)
		}
		if err := ti.intersect(set, func(doc uint64, tf float64) { gotHits = append(gotHits, hit{doc, tf}) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(gotHits, wantHits) {
			t.Fatalf("intersect(%q) = %v, bleve %v", set, gotHits, wantHits)
		}
	}
}

// TestTextIndexChanges checks what a version of the index that deleted
// and added documents reads of a term: the file's documents less the
// deleted, the added, each with its frequency and length.
func TestTextIndexChanges(t *testing.T) {
	docs := []postDoc{
		{2, map[string]int{"a": 1, "b": 1}},
		{3, map[string]int{"a": 3}},
		{1, map[string]int{"b": 1}},
	}
	file := writePosts(t, docs, []uint32{0, 1, 2}, 3)
	added := newTextPostings()
	added.add(0, 4, tokenFreqs(map[string]int{"a": 2, "c": 4}))
	numbers := []uint32{file.count()}
	terms := map[string]termPosts{}
	added.eachTerm(func(term string) {
		ps, err := added.appendPostings(nil, term, numbers, file.count()+1)
		if err != nil {
			t.Fatal(err)
		}
		if terms[term], err = newTermPosts(ps); err != nil {
			t.Fatal(err)
		}
	})
	ti := &textIndex{file: file, deleted: roaring.BitmapOf(1), added: terms, lengths: added.lengths}
	for _, tc := range []struct {
		term  string
		docs  []uint32
		freqs []uint64
	}{
		{"a", []uint32{0, 3}, []uint64{1, 2}},
		{"b", []uint32{0, 2}, []uint64{1, 1}},
		{"c", []uint32{3}, []uint64{4}},
		{"d", nil, nil},
	} {
		got, err := ti.term([]byte(tc.term))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.docs.ToArray(), tc.docs) && len(tc.docs)+int(got.docs.GetCardinality()) > 0 {
			t.Errorf("%s: documents %v, want %v", tc.term, got.docs.ToArray(), tc.docs)
			continue
		}
		for i, n := range tc.docs {
			if f := got.freqAt(n, uint64(i)); f != tc.freqs[i] {
				t.Errorf("%s: frequency in %d = %d, want %d", tc.term, n, f, tc.freqs[i])
			}
		}
	}
	for n, want := range []uint32{2, 3, 1, 4, 0} {
		if got := ti.length(uint32(n)); got != want {
			t.Errorf("length(%d) = %d, want %d", n, got, want)
		}
	}
}

// bleveRarestCount is the number of documents of the rarest of terms, 0 when
// there are none.
func bleveRarestCount(ctx context.Context, r index.IndexReader, terms []string) (uint64, error) {
	if len(terms) == 0 {
		return 0, nil
	}
	least := uint64(math.MaxUint64)
	for _, t := range terms {
		tr, err := r.TermFieldReader(ctx, []byte(t), fieldText, false, false, false)
		if err != nil {
			return 0, err
		}
		least = min(least, tr.Count())
		tr.Close()
	}
	return least, nil
}

// bleveIntersect calls f for every document holding all terms in the text
// field of a bleve index, with the least frequency of them.
func bleveIntersect(ctx context.Context, r index.IndexReader, terms []string, f func(doc uint64, tf float64)) error {
	if len(terms) == 0 {
		return nil
	}
	readers := make([]index.TermFieldReader, 0, len(terms))
	defer func() {
		for _, tr := range readers {
			tr.Close()
		}
	}()
	for _, t := range terms {
		tr, err := r.TermFieldReader(ctx, []byte(t), fieldText, true, false, false)
		if err != nil {
			return err
		}
		readers = append(readers, tr)
	}
	slices.SortFunc(readers, func(a, b index.TermFieldReader) int { return cmp.Compare(a.Count(), b.Count()) })
	lead, rest := readers[0], readers[1:]
	var ld index.TermFieldDoc
	at := make([]index.TermFieldDoc, len(rest))
	valid := make([]bool, len(rest))
	for {
		d, err := lead.Next(&ld)
		if err != nil || d == nil {
			return err
		}
		tf, ok := float64(d.Freq), true
		for i, tr := range rest {
			if !valid[i] || at[i].ID.Compare(d.ID) < 0 {
				got, err := tr.Advance(d.ID, &at[i])
				if err != nil || got == nil {
					return err // no more documents hold this term
				}
				if got != &at[i] {
					at[i] = *got
				}
				valid[i] = true
			}
			if !at[i].ID.Equals(d.ID) {
				ok = false
				break
			}
			tf = min(tf, float64(at[i].Freq))
		}
		if ok {
			f(d.ID.Value(), tf)
		}
	}
}

// sameTextPosts checks that the indexes a and b hold the same text
// postings and lengths, by search document ID.
func sameTextPosts(t *testing.T, step string, a, b *Index) {
	t.Helper()
	pa, pb := textPostsByID(t, a), textPostsByID(t, b)
	for k, v := range pa {
		if !reflect.DeepEqual(v, pb[k]) {
			t.Errorf("%s: text postings of %q: %v, want %v", step, k, v, pb[k])
		}
	}
	for k, v := range pb {
		if _, ok := pa[k]; !ok {
			t.Errorf("%s: text postings of %q: none, want %v", step, k, v)
		}
	}
}

// textPostsByID reads what the text postings of ix hold, by search
// document ID: for each term, the frequency in each document holding it;
// under the key "" the length of each document's text.
func textPostsByID(t *testing.T, ix *Index) map[string]map[string]uint64 {
	t.Helper()
	r, err := reader(ix.bi)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	idOf := func(n uint32) string {
		id, err := r.ExternalID(index.NewIndexInternalID(nil, uint64(n)))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	out := map[string]map[string]uint64{"": {}}
	terms, err := ix.posts.file.terms()
	if err != nil {
		t.Fatal(err)
	}
	for term := range ix.posts.added {
		terms = append(terms, term)
	}
	for _, term := range terms {
		tt, err := ix.posts.term([]byte(term))
		if err != nil {
			t.Fatal(err)
		}
		if tt.docs.IsEmpty() {
			continue // every document of the term is gone
		}
		m := map[string]uint64{}
		for it := tt.docs.Iterator(); it.HasNext(); {
			n := it.Next()
			m[idOf(n)] = tt.freq(n)
			out[""][idOf(n)] = uint64(ix.posts.length(n))
		}
		out[term] = m
	}
	return out
}
