package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"testing"
	"time"

	"tiaoli/generator"
	"tiaoli/internal/cputime"
	"tiaoli/internal/testdir"
)

// BenchmarkParseStoredEdited parses a copy of the LawRefBook corpus
// through a Store that holds every file already, opened anew for every
// parse as tiaoli build run again opens it, after a line is appended to
// one file: the parse stage of a rebuild after an edit. The collector is
// paced as a build paces it. The copy is in the temporary folder (TMPDIR;
// put it in tmpfs). In a CPU profile, the parses timed carry the label
// parse=edited (go tool pprof -tagfocus parse=edited).
func BenchmarkParseStoredEdited(b *testing.B) {
	dir := filepath.Join(testdir.Corpus(b), "lawrefbook-laws")
	copyDir, storeDir := b.TempDir(), b.TempDir()
	if err := os.CopyFS(copyDir, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	copied := time.Now()
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 30))
	parse := func() {
		s, err := generator.OpenStore(storeDir, "bench", false)
		if err != nil {
			b.Fatal(err)
		}
		percent := debug.SetGCPercent(-1) // as tiaoli build paces a rebuild's parse
		if !s.Rebuilding() {
			debug.SetGCPercent(percent)
		}
		generator.ParseStored(os.DirFS(copyDir), s)
		debug.SetGCPercent(percent)
		if err := s.Prune(); err != nil {
			b.Fatal(err)
		}
	}
	parse()
	time.Sleep(time.Until(copied.Add(3 * time.Second))) // the copies' stamps settle
	parse()                                             // keeps the settled stamps
	files := editable(b, copyDir, appendLine)
	var cpu time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		f := files[i%len(files)]
		data, _ := appendLine(f.data, i)
		if err := os.WriteFile(f.path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		runtime.GC() // what the parse before left is not this one's to collect
		start := cputime.Used()
		b.StartTimer()
		pprof.Do(context.Background(), pprof.Labels("parse", "edited"), func(context.Context) { parse() })
		b.StopTimer()
		cpu += cputime.Used() - start
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
