package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tiaoli/internal/testdir"
	"tiaoli/preview"
)

// BenchmarkPreviewEdit measures tiaoli preview on the LawRefBook corpus:
// the time from an edit of one source (a line appended) until the search
// of the preview finds it, its pages being of the same build. The first
// build is not counted. Run it with -benchtime 5x: each edit takes
// seconds.
func BenchmarkPreviewEdit(b *testing.B) {
	corpus := filepath.Join(testdir.Corpus(b), "lawrefbook-laws")
	dir := pubTempDir(b)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := os.CopyFS(content, os.DirFS(corpus)); err != nil {
		b.Fatal(err)
	}
	var sources []string
	filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err == nil && filepath.Ext(p) == ".md" {
			sources = append(sources, p)
		}
		return nil
	})
	slices.Sort(sources)
	base := startPreview(b, content, out, preview.DefaultInterval)
	within(b, "built", 10*time.Minute, func() bool { return fetchRaw(b, base).status == 200 })
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		word := fmt.Sprintf("qzxpreview%dbench", i) // in no source
		f, err := os.OpenFile(sources[i*97%len(sources)], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		fmt.Fprintf(f, "\n%s。\n", word)
		f.Close()
		within(b, "showing the edit", 10*time.Minute, func() bool { return len(previewHits(b, base, word)) > 0 })
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(took[len(took)/2].Seconds(), "s-median")
	b.Logf("edit to page: %v", took)
}
