package search

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkSynthSmall(b *testing.B) {
	corpusOnce.Do(func() { corpusModel = synthCorpus(b) })
	c := *corpusModel
	c.Documents = c.Documents[:1000]
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "x")
		if err := BuildIndex(&c, dir); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(dir)
	}
	b.ReportMetric((cpuTime()-c0).Seconds()/float64(b.N), "cpu-s")
	b.ReportMetric(float64(countDocs(&c)), "docs")
}
