package reconcile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/ingest"
	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
	"tiaoli/internal/testdir"
)

// corpusDocs reads every file of ../shared/corpus through ingest and the
// regulation stage, as generator.Parse does before Merge.
func corpusDocs(b *testing.B) []*model.Document {
	root := testdir.Corpus(b)
	var docs []*model.Document
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		_, ds, _ := ingest.File(filepath.ToSlash(rel), data)
		for _, d := range ds {
			if d.Kind == model.KindRegulation {
				regulation.Structure(d)
			}
		}
		docs = append(docs, ds...)
		return nil
	})
	if len(docs) == 0 {
		b.Skip("no corpus at ../shared/corpus")
	}
	return docs
}

// BenchmarkMergeCorpus merges the whole corpus (grouping, alignment of the
// witnesses, the corpus table when a variant needs it). Run it with
// -benchtime=1x: each iteration reads the corpus again, untimed.
func BenchmarkMergeCorpus(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		docs := corpusDocs(b)
		b.StartTimer()
		out := Merge(docs, Pins{})
		b.ReportMetric(float64(len(docs)), "docs")
		b.ReportMetric(float64(len(docs)-len(out)), "merged")
	}
}
