package search

import (
	"bufio"
	"fmt"
	"maps"
	"math/bits"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSTARDFit fits the weights of the relaxed reading's score
// (features.score) by coordinate ascent on MRR@10 + recall@10, over the
// features of the STARD run's candidates (scripts/stard.sh with
// STARD_FEATURES): on the questions of even index, checked on those of
// odd index, then the other way, then on all. Only weights are fitted: no
// law or article enters. It runs only when TIAOLI_STARD_FIT names such a
// file; the weights it prints are to be copied by hand.
func TestSTARDFit(t *testing.T) {
	path := os.Getenv("TIAOLI_STARD_FIT")
	if path == "" {
		t.Skip("fitting the relaxed reading's weights: set TIAOLI_STARD_FIT to a file of features (scripts/stard.sh, STARD_FEATURES)")
	}
	qs, err := readFitQuestions(path)
	if err != nil {
		t.Fatal(err)
	}
	vars := fitVars()
	start := map[string]float64{}
	for k, p := range vars {
		start[k] = *p
	}
	defer func() {
		for k, v := range start {
			*vars[k] = v
		}
	}()
	even := func(i int) bool { return i%2 == 0 }
	odd := func(i int) bool { return i%2 == 1 }
	all := func(int) bool { return true }
	show := func(name string) {
		e, o, a := fitEval(qs, even), fitEval(qs, odd), fitEval(qs, all)
		fmt.Printf("%-10s MRR@10/recall@10: all %.3f/%.3f, even %.3f/%.3f, odd %.3f/%.3f\n", name, a[0], a[1], e[0], e[1], o[0], o[1])
	}
	show("now")
	for _, half := range []struct {
		name string
		on   func(int) bool
	}{{"even", even}, {"odd", odd}, {"all", all}} {
		for k, v := range start {
			*vars[k] = v
		}
		fitAscend(qs, vars, half.on)
		show("fit " + half.name)
		var ws []string
		for _, k := range slices.Sorted(maps.Keys(vars)) {
			ws = append(ws, fmt.Sprintf("%s=%.3g", k, *vars[k]))
		}
		fmt.Println("   ", strings.Join(ws, " "))
	}
}

// fitVars are the weights fitted.
func fitVars() map[string]*float64 {
	return map[string]*float64{"wTextBM25": &wTextBM25, "wBestWord": &wBestWord, "wHeadWord": &wHeadWord,
		"wRelaxedClose": &wRelaxedClose, "wCover": &wCover, "wTitleShare": &wTitleShare,
		"wCitedArticle": &wCitedArticle, "wCitedDoc": &wCitedDoc}
}

// fitQuestion is a question's candidates and how many targets it has.
type fitQuestion struct {
	targets int
	cands   []features
	match   []uint32
}

func readFitQuestions(path string) ([]fitQuestion, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	col := map[string]int{}
	for i, h := range strings.Split(sc.Text(), "\t") {
		col[h] = i
	}
	var qs []fitQuestion
	last := ""
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		v := func(name string) float64 {
			x, _ := strconv.ParseFloat(p[col[name]], 64)
			return x
		}
		if p[col["q"]] != last {
			last = p[col["q"]]
			qs = append(qs, fitQuestion{targets: int(v("targets"))})
		}
		if v("doc") < 0 {
			continue
		}
		q := &qs[len(qs)-1]
		q.cands = append(q.cands, features{held: uint32(v("held")), all: v("all") == 1,
			text: v("text"), textMax: v("textmax"), head: v("head"), close: v("close"), cover: v("cover"),
			title: v("title"), citedArticle: v("cited_article"), citedDoc: v("cited_doc"),
			authority: v("authority"), status: v("status"), kind: v("kind")})
		q.match = append(q.match, uint32(v("match")))
	}
	return qs, sc.Err()
}

// fitEval is MRR@10 and recall@10 over the questions on picks, ranked as
// the relaxed reading ranks them with the weights as they are.
func fitEval(qs []fitQuestion, on func(int) bool) [2]float64 {
	var sum [2]float64
	n := 0
	cands := make([]relaxedCand, 0, int(relaxedWindow))
	for i, q := range qs {
		if !on(i) {
			continue
		}
		n++
		cands = cands[:0]
		for j, f := range q.cands {
			held := uint32(0)
			if f.all {
				held = 1
			}
			cands = append(cands, relaxedCand{doc: uint64(j), score: f.score(), held: held})
		}
		var found uint32
		rank := 0
		for k, c := range topRelaxed(cands, 10, 1, &idOrder{}) {
			if m := q.match[c.doc]; m != 0 {
				found |= m
				if rank == 0 {
					rank = k + 1
				}
			}
		}
		if rank > 0 {
			sum[0] += 1 / float64(rank)
		}
		sum[1] += float64(bits.OnesCount32(found)) / float64(max(q.targets, 1))
	}
	return [2]float64{sum[0] / float64(max(n, 1)), sum[1] / float64(max(n, 1))}
}

// fitAscend moves one weight at a time to the value of a grid, or a
// multiple of its own, that does best, until none does better.
func fitAscend(qs []fitQuestion, vars map[string]*float64, on func(int) bool) {
	goal := func() float64 { r := fitEval(qs, on); return r[0] + r[1] }
	best := goal()
	grid := []float64{0, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16}
	for round := 0; round < 4; round++ {
		better := false
		for _, k := range slices.Sorted(maps.Keys(vars)) {
			p := vars[k]
			old := *p
			for _, v := range append(grid, old*0.5, old*0.7, old*0.85, old*1.2, old*1.4, old*2) {
				*p = v
				if g := goal(); g > best+1e-9 {
					best, old, better = g, v, true
				}
			}
			*p = old
		}
		if !better {
			return
		}
	}
}
