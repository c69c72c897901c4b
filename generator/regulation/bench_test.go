package regulation

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/ingest/markdown"
	"tiaoli/generator/model"
	"tiaoli/internal/cputime"
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

// BenchmarkOCRCorpus reads the OCR printing (layout cut24-halfpunct, see
// TestCorpusOCR) of every regulation file of ../shared/corpus as a plain
// text source: ingest.File, then Structure. The printings are made
// beforehand; it reports the CPU seconds of one reading of them all.
func BenchmarkOCRCorpus(b *testing.B) {
	root := testdir.Corpus(b)
	lay := ocrLayouts[1]
	var names []string
	var texts [][]byte
	for _, rel := range corpusFiles(b, root) {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			b.Fatal(err)
		}
		pg, _ := markdown.Read(strings.ReplaceAll(string(data), "\r\n", "\n"))
		names = append(names, strings.TrimSuffix(rel, path.Ext(rel))+".txt")
		texts = append(texts, []byte(ocrText(pg.Lines, lay, itemLines(ocrRegulations(rel, data)))))
	}
	b.ResetTimer()
	cpu := cputime.Used()
	for range b.N {
		for i, txt := range texts {
			ocrRegulations(names[i], txt)
		}
	}
	b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
