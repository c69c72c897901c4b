package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"tiaoli/generator"
	"tiaoli/internal/testdir"
)

// BenchmarkParseCorpus parses the LawRefBook corpus whole (fresh) and
// through a Cache that holds every file already (cached: what tiaoli
// preview does after an edit, less the one file it parses again).
func BenchmarkParseCorpus(b *testing.B) {
	fsys := os.DirFS(filepath.Join(testdir.Corpus(b), "lawrefbook-laws"))
	b.Run("fresh", func(b *testing.B) {
		for range b.N {
			generator.Parse(fsys)
		}
	})
	b.Run("cached", func(b *testing.B) {
		k := generator.NewCache()
		k.Parse(fsys)
		b.ResetTimer()
		for range b.N {
			k.Parse(fsys)
		}
	})
}
