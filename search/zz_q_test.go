package search

import (
	"context"
	"fmt"
	"os"
	"sort"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(0, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
func synthIndexDir(b *testing.B) string {
	dir := "/dev/shm/synth-index"
	if d := os.Getenv("IDX"); d != "" {
		dir = d
	}
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	corpusOnce.Do(func() { corpusModel = synthCorpus(b) })
	if err := BuildIndex(corpusModel, dir); err != nil {
		b.Fatal(err)
	}
	return dir
}
func BenchmarkSynthPerQuery(b *testing.B) {
	ix, err := Open(synthIndexDir(b))
	if err != nil {
		b.Fatal(err)
	}
	runMix(ix, 1)
	var sum float64
	c0 := cpuNow()
	for _, q := range corpusQueries {
		var d []time.Duration
		var tot uint64
		for r := 0; r < 11; r++ {
			s := time.Now()
			resp, _ := ix.Search(context.Background(), Request{Query: q})
			d = append(d, time.Since(s))
			tot = resp.Total
		}
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		sum += ms(d[5])
		if os.Getenv("V") != "" {
			fmt.Printf("%-20s total %7d  med %6.1fms max %6.1fms\n", q, tot, ms(d[5]), ms(d[10]))
		}
	}
	fmt.Printf("SUM of medians %.1fms  CPU per query %.2fms\n", sum, ms(cpuNow()-c0)/float64(11*len(corpusQueries)))
}

func BenchmarkRealBuild(b *testing.B) {
	dir := "/dev/shm/real-index"
	os.RemoveAll(dir)
	c := lawCorpus(b)
	if err := BuildIndex(c, dir); err != nil {
		b.Fatal(err)
	}
}
