package search

import (
	"bufio"
	"context"
	"fmt"
	"math/bits"
	"os"
	"testing"

	"tiaoli/generator/model"

	index "github.com/blevesearch/bleve_index_api"
)

// dumpFeatures writes, for every question of the relevance run, the
// features of each candidate the relaxed reading scores on its text
// (relaxedWindow of them) and which of the question's targets it is (a
// bit each), one a line, tab-separated under a header: what the weights
// of features.score are fitted on. A question with no candidate has one
// line with doc -1.
func dumpFeatures(t *testing.T, ix *Index, c *model.Corpus, qs []stardQuestion, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	r, err := reader(ix.bi)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	units := map[string]stardUnit{} // by URL
	for _, d := range c.Documents {
		units[documentDoc(d).ID] = stardUnit{law: d.Title}
		for _, a := range d.Articles {
			units[a.URL] = stardUnit{law: d.Title, article: a.Label}
		}
	}
	fmt.Fprintln(w, "q\ttargets\tdoc\tmatch\tall\theld\ttext\ttextmax\thead\tclose\tcover\ttitle\tcited_article\tcited_doc\tauthority\tstatus\tkind")
	id := index.NewIndexInternalID(nil, 0)
	for _, q := range qs {
		pq, err := ParseQuery(truncateRunes(q.Q, MaxQueryRunes))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := ix.relaxedCands(context.Background(), r, pq, int(relaxedWindow))
		if err != nil {
			t.Fatal(err)
		}
		if len(rc.cands) == 0 {
			fmt.Fprintf(w, "%d\t%d\t-1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\t1\n", q.ID, len(q.Targets))
		}
		for _, cd := range rc.cands {
			id.SetValue(cd.doc)
			url, err := r.ExternalID(id)
			if err != nil {
				t.Fatal(err)
			}
			sr := units[pageOf(url)]
			match := 0
			for j, tg := range q.Targets {
				if sr.matches(tg.Law, tg.Article) {
					match |= 1 << j
				}
			}
			ft := ix.features(cd.doc, rc.words)
			all := 0
			if ft.all {
				all = 1
			}
			fmt.Fprintf(w, "%d\t%d\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.0f\t%.0f\t%.3f\t%.3f\t%.3f\n",
				q.ID, len(q.Targets), cd.doc, match, all, bits.OnesCount32(ft.held), ft.text, ft.textMax, ft.head, ft.close,
				ft.cover, ft.title, ft.citedArticle, ft.citedDoc, ft.authority, ft.status, ft.kind)
		}
	}
}
