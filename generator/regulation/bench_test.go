package regulation

import (
	"os"
	"path/filepath"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
)

// BenchmarkStructureCorpus parses the structure of every regulation file
// of ../shared/corpus (bodies split into lines beforehand); it reports
// files per second.
func BenchmarkStructureCorpus(b *testing.B) {
	root := testdir.Corpus(b)
	var bodies [][]model.Paragraph
	for _, dir := range regulationFolders {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
				data, _ := os.ReadFile(p)
				bodies = append(bodies, linesOf(p, data))
			}
			return nil
		})
	}
	if len(bodies) == 0 {
		b.Skip("no corpus at ../shared/corpus")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, body := range bodies {
			d := &model.Document{Kind: model.KindRegulation, Body: append([]model.Paragraph(nil), body...)}
			Structure(d)
		}
	}
	b.ReportMetric(float64(len(bodies)*b.N)/b.Elapsed().Seconds(), "files/s")
}
