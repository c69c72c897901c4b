package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tiaoli/internal/testdir"
)

// BenchmarkSamples reads both sample pages; bytes/s is the input rate.
func BenchmarkSamples(b *testing.B) {
	var data [][]byte
	size := 0
	for _, name := range samples {
		d := readSample(b, name)
		data = append(data, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range data {
			File(samples[i], d)
		}
	}
}

// BenchmarkCorpus reads every file of ../shared/corpus once per iteration.
func BenchmarkCorpus(b *testing.B) {
	root := testdir.Corpus(b)
	var files [][]byte
	size := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			data, _ := os.ReadFile(p)
			files = append(files, data)
			size += len(data)
		}
		return nil
	})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range files {
			File("corpus.md", d)
		}
	}
}
