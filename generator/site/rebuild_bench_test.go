package site

import (
	"encoding/json"
	"os"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/generator/site/report"
)

// BenchmarkRebuildStages times, on the corpus TIAOLI_BENCH_CORPUS names
// (the output of `tiaoli parse --json`), what a rebuild that keeps every
// document does besides rendering pages: summing up the corpus
// (newState), listing the jobs and building the editor's report.
func BenchmarkRebuildStages(b *testing.B) {
	p := os.Getenv("TIAOLI_BENCH_CORPUS")
	if p == "" {
		b.Skip("TIAOLI_BENCH_CORPUS not set")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	var c model.Corpus
	if err := json.Unmarshal(data, &c); err != nil {
		b.Fatal(err)
	}
	r, err := newRenderer(&c, Options{Build: "bench"}.withDefaults())
	if err != nil {
		b.Fatal(err)
	}
	if r.state, err = newState(r); err != nil {
		b.Fatal(err)
	}
	r.opts.Previous = r.state
	b.Run("newState", func(b *testing.B) {
		for range b.N {
			if _, err := newState(r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("jobs", func(b *testing.B) {
		for range b.N {
			r.jobs()
		}
	})
	b.Run("report", func(b *testing.B) {
		for range b.N {
			report.BuildKept(r.c, r.x, nil)
		}
	})
}
