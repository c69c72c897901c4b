package link

import (
	"testing"

	"tiaoli/internal/cputime"
)

// BenchmarkLinkSamples links the documents of the two sample pages.
func BenchmarkLinkSamples(b *testing.B) {
	c := sampleCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Link(c, []byte(talkGlossary))
	}
}

// BenchmarkLinkCorpus links every regulation of the shared corpus (the
// whole LawRefBook collection and the 党内法规 notes) and reports documents,
// articles and texts linked per second, and the CPU seconds it takes (a
// figure the load of the machine does not change). Linking again the same corpus
// redoes all the work: Link replaces what it filled.
func BenchmarkLinkCorpus(b *testing.B) {
	c := loadCorpus(b, 0)
	articles, texts := 0, 0
	for _, d := range c.Documents {
		articles += len(d.Articles)
		texts += len(textsOf(d))
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		Link(c, nil)
	}
	b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	s := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(len(c.Documents))/s, "docs/s")
	b.ReportMetric(float64(articles)/s, "articles/s")
	b.ReportMetric(float64(texts), "texts")
}
