package search

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
	"tiaoli/search/words"
)

// TestSTARD is the relevance run over the train split of STARD (real
// legal-consultation questions with the articles a legal team marked
// relevant, ../shared/stard) on the national part of the LawRefBook
// corpus (every folder but DLC, local rules, and 案例, cases). It prints
// MRR@10, recall@10 and success@1 of tiaoli's search and of a BM25
// baseline computed in the same run: BM25 (k1 1.2, b 0.75) over the
// articles' words as jieba's dictionary cuts them, without STARD's
// stopwords; then the same on the questions of even and of odd index
// (the halves the weights of the relaxed reading are checked on: fitted
// on one half, they should do as well on the other). It runs only when TIAOLI_STARD is set (scripts/stard.sh,
// make bench): it builds an index of some 70,000 articles.
//
//	TIAOLI_STARD_INDEX  an index folder to keep between runs (built when absent)
//	TIAOLI_STARD_OUT    a file to write each question's outcome to
//	TIAOLI_STARD_FEATURES  a file to write the features of every candidate to
//	                    (dumpFeatures; TestSTARDFit fits the weights on it)
func TestSTARD(t *testing.T) {
	if os.Getenv("TIAOLI_STARD") == "" {
		t.Skip("the STARD relevance run: set TIAOLI_STARD=1 (scripts/stard.sh does)")
	}
	root := filepath.Join(testdir.Root(t), "..", "shared")
	corpusDir := filepath.Join(root, "corpus", "lawrefbook-laws")
	qs, err := readSTARD(filepath.Join(root, "stard", "train.json"))
	if err != nil {
		t.Skipf("STARD questions not readable: %v: skipping", err)
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found at %s: skipping", corpusDir)
	}
	stop, err := readLines(filepath.Join(root, "stard", "cn_stopwords.txt"))
	if err != nil {
		t.Skipf("stopwords: %v: skipping", err)
	}
	start := time.Now()
	c := generator.Parse(nationalFS{os.DirFS(corpusDir)})
	t.Logf("parsed %d documents in %.1f s", len(c.Documents), time.Since(start).Seconds())
	ix := stardIndex(t, c)
	defer ix.Close()

	if p := os.Getenv("TIAOLI_STARD_FEATURES"); p != "" {
		dumpFeatures(t, ix, c, qs, p)
	}
	base := newBM25(c, words.Default(), stop)
	t.Logf("baseline: %d articles", len(base.units))
	var tiaoli, bm25 stardScore
	var out *bufio.Writer
	if p := os.Getenv("TIAOLI_STARD_OUT"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out = bufio.NewWriter(f)
		defer out.Flush()
	}
	for _, cfg := range strings.Split(os.Getenv("TIAOLI_STARD_CONFIGS"), ";") {
		if cfg == "" {
			continue
		}
		restore := setWeights(t, cfg)
		var s stardScore
		for _, q := range qs {
			resp, err := ix.Search(context.Background(), Request{Query: truncateRunes(q.Q, MaxQueryRunes), Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			var got []stardUnit
			for _, h := range resp.Hits {
				got = append(got, stardUnit{law: h.Title, article: h.Article})
			}
			s.add(q, got)
		}
		s.print(cfg)
		restore()
	}
	var lat []time.Duration
	var halves [2][2]stardScore // tiaoli and baseline, on the questions of even and odd index
	for i, q := range qs {
		text := truncateRunes(q.Q, MaxQueryRunes)
		t0 := time.Now()
		resp, err := ix.Search(context.Background(), Request{Query: text, Size: 10})
		lat = append(lat, time.Since(t0))
		if err != nil {
			t.Fatalf("%d %q: %v", q.ID, text, err)
		}
		var got []stardUnit
		for _, h := range resp.Hits {
			got = append(got, stardUnit{law: h.Title, article: h.Article})
		}
		rt := tiaoli.add(q, got)
		bhits := base.search(text, 10)
		rb := bm25.add(q, bhits)
		halves[i%2][0].add(q, got)
		halves[i%2][1].add(q, bhits)
		if out != nil {
			writeOutcome(out, q, resp, rt, rb)
		}
	}
	p50, p99 := percentiles(lat)
	fmt.Printf("STARD train split, %d questions, national LawRefBook (%d articles); figures on the train split\n", len(qs), len(base.units))
	fmt.Printf("%-22s %8s %10s %10s %10s\n", "", "MRR@10", "recall@10", "success@1", "answered")
	tiaoli.print("tiaoli")
	bm25.print("BM25 baseline")
	for h, name := range []string{"even", "odd"} {
		halves[h][0].print("tiaoli, " + name + " half")
		halves[h][1].print("baseline, " + name + " half")
	}
	fmt.Printf("tiaoli/baseline: recall@10 %.2f×, MRR@10 %.2f×; tiaoli query p50 %.1f ms, p99 %.1f ms\n",
		tiaoli.recall/nonZero(bm25.recall), tiaoli.mrr/nonZero(bm25.mrr), ms(p50), ms(p99))
}

// nationalFS hides the folders of local rules (DLC) and cases (案例).
type nationalFS struct{ fs.FS }

func (n nationalFS) skip(name string) bool {
	top, _, _ := strings.Cut(name, "/")
	return top == "DLC" || top == "案例"
}

func (n nationalFS) Open(name string) (fs.File, error) {
	if n.skip(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return n.FS.Open(name)
}

func (n nationalFS) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(n.FS, name)
	out := list[:0]
	for _, e := range list {
		if !n.skip(filepath.ToSlash(filepath.Join(name, e.Name()))) {
			out = append(out, e)
		}
	}
	return out, err
}

// stardIndex opens the index of c, built in TIAOLI_STARD_INDEX (kept) or
// a temporary folder.
func stardIndex(t *testing.T, c *model.Corpus) *Index {
	dir := os.Getenv("TIAOLI_STARD_INDEX")
	if dir == "" {
		root := ""
		if _, err := os.Stat("/dev/shm"); err == nil {
			root = "/dev/shm"
		}
		tmp, err := os.MkdirTemp(root, "tiaoli-stard-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(tmp) })
		dir = filepath.Join(tmp, IndexDir)
	}
	if _, err := os.Stat(dir); err != nil {
		start := time.Now()
		if err := BuildIndex(c, dir); err != nil {
			t.Fatal(err)
		}
		t.Logf("indexed in %.1f s", time.Since(start).Seconds())
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

type stardQuestion struct {
	ID      int    `json:"id"`
	Q       string `json:"q"`
	Targets []struct {
		Law     string `json:"law"`
		Article string `json:"article"`
	} `json:"targets"`
}

func readSTARD(path string) ([]stardQuestion, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var qs []stardQuestion
	return qs, json.Unmarshal(b, &qs)
}

func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// stardUnit is a hit: the title of its document and its article label.
type stardUnit struct{ law, article string }

// stardLaw is a title as STARD names laws: without 中华人民共和国 and a
// closing note in brackets.
func stardLaw(title string) string {
	return strings.TrimPrefix(trimVersion(title), "中华人民共和国")
}

// matches reports whether a hit is the target: the same law (民法典 is any
// book of the Civil Code) and article.
func (u stardUnit) matches(law, article string) bool {
	if u.article != article {
		return false
	}
	l := stardLaw(u.law)
	return l == law || (law == "民法典" && strings.Contains(l, "民法典"))
}

// stardScore sums the measures over questions.
type stardScore struct {
	n, answered        int
	mrr, recall, first float64
}

// add scores one question's hits and returns the rank of the first
// relevant hit (0 for none).
func (s *stardScore) add(q stardQuestion, hits []stardUnit) int {
	s.n++
	if len(hits) > 0 {
		s.answered++
	}
	rank := 0
	found := map[int]bool{}
	for i, h := range hits {
		for j, tg := range q.Targets {
			if h.matches(tg.Law, tg.Article) {
				found[j] = true
				if rank == 0 {
					rank = i + 1
				}
			}
		}
	}
	if rank > 0 {
		s.mrr += 1 / float64(rank)
	}
	if rank == 1 {
		s.first++
	}
	s.recall += float64(len(found)) / float64(len(q.Targets))
	return rank
}

func (s *stardScore) print(name string) {
	n := float64(max(s.n, 1))
	fmt.Printf("%-22s %8.3f %10.3f %10.3f %10d\n", name, s.mrr/n, s.recall/n, s.first/n, s.answered)
	s.mrr, s.recall, s.first = s.mrr/n, s.recall/n, s.first/n
}

func writeOutcome(w *bufio.Writer, q stardQuestion, resp *Response, rt, rb int) {
	fmt.Fprintf(w, "## %d tiaoli=%d bm25=%d relaxed=%v words=%q\n%s\n", q.ID, rt, rb, resp.Relaxed, resp.Words, q.Q)
	for _, tg := range q.Targets {
		fmt.Fprintf(w, "  want %s %s\n", tg.Law, tg.Article)
	}
	for i, h := range resp.Hits {
		if i < 5 {
			fmt.Fprintf(w, "  %d %s %s %.2f\n", i+1, stardLaw(h.Title), h.Article, h.Score)
		}
	}
}

// bm25 is the baseline: BM25 over the words of every article.
type bm25 struct {
	dict   *words.Dict
	stop   map[string]bool
	units  []stardUnit
	post   map[string][]bm25Posting
	length []float64
	avg    float64
}

type bm25Posting struct {
	unit int32
	tf   float32
}

func newBM25(c *model.Corpus, d *words.Dict, stop []string) *bm25 {
	b := &bm25{dict: d, stop: map[string]bool{}, post: map[string][]bm25Posting{}}
	for _, s := range stop {
		b.stop[s] = true
	}
	total := 0.0
	for _, doc := range c.Documents {
		for _, a := range doc.Articles {
			text := strings.Join(articleDoc(doc, a).Lines, "\n")
			tf := map[string]float32{}
			n := 0
			for _, w := range b.terms(text) {
				tf[w]++
				n++
			}
			u := int32(len(b.units))
			b.units = append(b.units, stardUnit{law: doc.Title, article: a.Label})
			b.length = append(b.length, float64(n))
			total += float64(n)
			for w, f := range tf {
				b.post[w] = append(b.post[w], bm25Posting{unit: u, tf: f})
			}
		}
	}
	b.avg = total / float64(max(len(b.units), 1))
	return b
}

// terms are the words of s less the stopwords.
func (b *bm25) terms(s string) []string {
	var out []string
	for _, w := range b.dict.Cut(s) {
		if !b.stop[w] {
			out = append(out, w)
		}
	}
	return out
}

// search returns the k best articles for a query.
func (b *bm25) search(q string, k int) []stardUnit {
	const k1, bb = 1.2, 0.75
	score := map[int32]float64{}
	n := float64(len(b.units))
	for _, w := range b.terms(q) {
		post := b.post[w]
		df := float64(len(post))
		if df == 0 {
			continue
		}
		idf := math.Log((n-df+0.5)/(df+0.5) + 1)
		for _, p := range post {
			tf := float64(p.tf)
			score[p.unit] += idf * tf * (k1 + 1) / (tf + k1*(1-bb+bb*b.length[p.unit]/b.avg))
		}
	}
	ids := make([]int32, 0, len(score))
	for u := range score {
		ids = append(ids, u)
	}
	slices.SortFunc(ids, func(a, b int32) int {
		return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(a, b))
	})
	var out []stardUnit
	for _, u := range ids[:min(k, len(ids))] {
		out = append(out, b.units[u])
	}
	return out
}

// setWeights sets weights of the relaxed reading from "name=value,…" and
// returns a function that restores them.
func setWeights(t *testing.T, cfg string) func() {
	vars := map[string]*float64{"wSynonym": &wSynonym, "wPart": &wPart, "wHeadWord": &wHeadWord,
		"wAll": &wAll, "wRelaxedClose": &wRelaxedClose, "superseded": &superseded, "joinLone": &joinLone,
		"rankInterpretation": &rankInterpretation, "rankOther": &rankOther,
		"bm25K1": &bm25K1, "bm25B": &bm25B, "minPartLen": &minPartLen,
		"scanBudget": &scanBudget, "relaxedWindow": &relaxedWindow,
		"keepWords": &keepWords, "wWhole": &wWhole, "wTextBM25": &wTextBM25, "wBestWord": &wBestWord,
		"wCover": &wCover, "wTitleShare": &wTitleShare, "wCitedArticle": &wCitedArticle, "wCitedDoc": &wCitedDoc}
	old := map[string]float64{}
	for _, kv := range strings.Split(cfg, ",") {
		k, v, _ := strings.Cut(kv, "=")
		p, ok := vars[k]
		if !ok {
			t.Fatalf("no weight %q", k)
		}
		old[k] = *p
		fmt.Sscan(v, p)
	}
	return func() {
		for k, v := range old {
			*vars[k] = v
		}
	}
}
