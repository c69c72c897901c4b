package generator_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"tiaoli/generator"
	"tiaoli/internal/cputime"
	"tiaoli/internal/testdir"
)

// BenchmarkParseCorpus parses the LawRefBook corpus whole (fresh) and
// through a Cache that holds every file already: with no file changed
// (cached), and after each of two files is edited in turn (edited: a line
// appended, or the text of a definition changed), what tiaoli preview does
// after an edit. The edited cases work on a copy of the corpus in the
// temporary folder (TMPDIR; put it in tmpfs).
func BenchmarkParseCorpus(b *testing.B) {
	dir := filepath.Join(testdir.Corpus(b), "lawrefbook-laws")
	fsys := os.DirFS(dir)
	b.Run("fresh", func(b *testing.B) {
		for range b.N {
			generator.Parse(fsys)
		}
	})
	b.Run("cached", func(b *testing.B) {
		k := generator.NewCache()
		k.Parse(fsys)
		runtime.GC() // what the first parse left is not the next ones' to collect
		b.ResetTimer()
		cpu := cputime.Used()
		for range b.N {
			k.Parse(fsys)
		}
		reportCPU(b, cpu)
	})
	b.Run("edited", func(b *testing.B) {
		copyDir := b.TempDir()
		if err := os.CopyFS(copyDir, fsys); err != nil {
			b.Fatal(err)
		}
		copied := time.Now()
		for _, e := range []struct {
			name string
			edit func(data []byte, n int) ([]byte, bool)
		}{
			{"line", appendLine},
			{"definition", editDefinition},
		} {
			b.Run(e.name, func(b *testing.B) {
				files := editable(b, copyDir, e.edit)
				k := generator.NewCache()
				k.Parse(os.DirFS(copyDir))
				time.Sleep(time.Until(copied.Add(3 * time.Second))) // the copies' stamps settle
				runtime.GC()
				b.ResetTimer()
				cpu := cputime.Used()
				for i := range b.N {
					b.StopTimer()
					f := files[i%len(files)]
					data, _ := e.edit(f.data, i)
					if err := os.WriteFile(f.path, data, 0o644); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					k.Parse(os.DirFS(copyDir))
				}
				b.StopTimer()
				reportCPU(b, cpu)
				for _, f := range files {
					os.WriteFile(f.path, f.data, 0o644)
				}
			})
		}
	})
}

// reportCPU reports the CPU time per parse since start: on a machine
// others use, it varies less than the time on the clock.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cputime.Used()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

type editableFile struct {
	path string
	data []byte
}

// editable picks two files of dir that edit can change, in the middle of
// the corpus.
func editable(b *testing.B, dir string, edit func([]byte, int) ([]byte, bool)) []editableFile {
	all := markdownFiles(dir)
	var out []editableFile
	for _, p := range all[len(all)/2:] {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := edit(data, 0); ok {
			out = append(out, editableFile{p, data})
		}
		if len(out) == 2 {
			return out
		}
	}
	b.Fatal("no two files to edit")
	return nil
}

// markdownFiles lists the Markdown files under dir, in order.
func markdownFiles(dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	slices.Sort(files)
	return files
}

// appendLine appends a line to the text, a different one each time.
func appendLine(data []byte, n int) ([]byte, bool) {
	return fmt.Appendf(bytes.Clone(data), "\n\n（编辑%d）\n", n), true
}

// editDefinition changes the first definition of an article (X，是指…),
// a different way each time.
func editDefinition(data []byte, n int) ([]byte, bool) {
	const mark = "，是指"
	i := bytes.Index(data, []byte(mark))
	if i < 0 || !bytes.Contains(data[:i], []byte("第一条")) {
		return nil, false
	}
	i += len(mark)
	return slices.Concat(data[:i], fmt.Appendf(nil, "（%d）", n), data[i:]), true
}
