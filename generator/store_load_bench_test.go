package generator

import (
	"os"
	"path/filepath"
	"testing"

	"tiaoli/internal/testdir"
)

// BenchmarkStoreLoad reads back the entries of 300 files of the
// LawRefBook corpus (its 行政法规): what a rebuild does for every file
// that did not change.
func BenchmarkStoreLoad(b *testing.B) {
	dir := filepath.Join(testdir.Corpus(b), "lawrefbook-laws", "行政法规")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	s, err := OpenStore(b.TempDir(), "bench", false)
	if err != nil {
		b.Fatal(err)
	}
	type file struct{ p, sum string }
	var files []file
	size := int64(0)
	for _, e := range entries[:min(300, len(entries))] {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		sum := digest(data)
		s.save(e.Name(), ingestData(e.Name(), data, sum))
		files = append(files, file{e.Name(), sum})
		if fi, err := os.Stat(filepath.Join(s.dir, s.name(e.Name(), sum))); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for range b.N {
		for _, f := range files {
			if _, ok := s.load(f.p, f.sum); !ok {
				b.Fatal("an entry was not read")
			}
		}
	}
}
