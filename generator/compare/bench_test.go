package compare_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/compare"
	"tiaoli/internal/testdir"
)

// largestPair is the pair of versions in the shared corpus with the most
// articles (655 in the newer).
var largestPair = []string{
	"lawrefbook-laws/司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2012-12-20).md",
	"lawrefbook-laws/司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md",
}

// BenchmarkAlignLargest aligns the largest version pair of the shared
// corpus (skipped without it).
func BenchmarkAlignLargest(b *testing.B) {
	root := testdir.Corpus(b)
	fsys := fstest.MapFS{}
	for _, p := range largestPair {
		data, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			b.Skipf("no shared corpus (%v): skipping", err)
		}
		fsys[p] = &fstest.MapFile{Data: data}
	}
	c := generator.Parse(fsys)
	if len(c.Works) != 1 {
		b.Fatalf("%d works", len(c.Works))
	}
	v := c.Works[0].Versions
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compare.Align(v[1].Doc, v[0].Doc)
	}
}
