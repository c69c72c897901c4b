package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tiaoli/internal/testdir"
	"tiaoli/preview"
)

// editProfile names a file for a CPU profile of the edits alone, without
// the first build (go test's -cpuprofile has it too).
var editProfile = flag.String("editprofile", "", "write a CPU profile of BenchmarkPreviewEdit's edits to this file")

// editPause is how long BenchmarkPreviewEdit waits after an edit shows
// before it makes the next, as an editor reads what they changed (the
// preview collects the garbage of a build then); not timed.
var editPause = flag.Duration("editpause", 0, "how long BenchmarkPreviewEdit waits, untimed, between an edit showing and the next edit")

// editHeap names a file for a heap profile taken after the edits (what is
// live then, and allocated since the start), and, with ".before" added,
// one taken before them: go tool pprof -diff_base gives what the edits
// allocated.
var editHeap = flag.String("editheap", "", "write heap profiles before and after BenchmarkPreviewEdit's edits to this file (.before) and this file")

// editContent names another content folder for BenchmarkPreviewEdit than
// the LawRefBook corpus (the repository's content/, say).
var editContent = flag.String("editcontent", "", "the content folder BenchmarkPreviewEdit edits a copy of (default: the LawRefBook corpus)")

// editCount is how many edits one run of BenchmarkPreviewEdit makes.
var editCount = flag.Int("edits", 3, "how many edits each run of BenchmarkPreviewEdit makes after its first build")

// BenchmarkPreviewEdit measures tiaoli preview on the LawRefBook corpus:
// the time from an edit of one source (a line appended) until the search
// of the preview finds it and the page it finds shows it. The first
// build is not counted. Run it with -benchtime 1x: each run makes -edits
// edits, and a run starts with a whole first build (go test makes one run
// before the -benchtime count, so 3x builds twice).
func BenchmarkPreviewEdit(b *testing.B) {
	corpus := *editContent
	if corpus == "" {
		corpus = filepath.Join(testdir.Corpus(b), "lawrefbook-laws")
	}
	dir := pubTempDir(b)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := os.CopyFS(content, os.DirFS(corpus)); err != nil {
		b.Fatal(err)
	}
	var sources []string
	filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if ext := filepath.Ext(p); err == nil && (ext == ".md" || ext == ".txt") {
			sources = append(sources, p)
		}
		return nil
	})
	slices.Sort(sources)
	var said lockedBuffer
	base := startPreviewTo(b, content, out, preview.DefaultInterval, &said)
	within(b, "built", 10*time.Minute, func() bool { return fetchRaw(b, base).status == 200 })
	var took []time.Duration
	if *editProfile != "" {
		f, err := os.Create(*editProfile)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	writeHeap(b, *editHeap, ".before")
	resetPeakRSS()
	cpu, cycles, allocs := processCPU(), gcCycles(), heapAllocs()
	b.ResetTimer()
	for i := range b.N * max(*editCount, 1) {
		word := fmt.Sprintf("qzxpreview%dbench", i) // in no source
		f, err := os.OpenFile(sources[i*97%len(sources)], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		fmt.Fprintf(f, "\n%s。\n", word)
		f.Close()
		within(b, "showing the edit", 10*time.Minute, func() bool { return showsEdit(b, base, word) })
		took = append(took, time.Since(start))
		b.Logf("edit %d: %s; %d collections so far", i, said.lastBuilt(), gcCycles()-cycles)
		if *editPause > 0 {
			b.StopTimer()
			time.Sleep(*editPause)
			b.StartTimer()
		}
	}
	b.StopTimer()
	if cpu >= 0 {
		b.ReportMetric((processCPU()-cpu)/float64(len(took)), "cpu-s/edit")
	}
	b.ReportMetric(float64(gcCycles()-cycles)/float64(len(took)), "gc/edit")
	b.ReportMetric(float64(heapAllocs()-allocs)/float64(len(took))/(1<<20), "MB-alloc/edit")
	if mb := peakRSS(); mb > 0 {
		b.ReportMetric(mb, "MB-peak")
	}
	writeHeap(b, *editHeap, "")
	slices.Sort(took)
	b.ReportMetric(took[len(took)/2].Seconds(), "s-median")
	b.Logf("edit to page: %v", took)
}

// writeHeap writes a heap profile to name+suffix, after a collection,
// when name is not "".
func writeHeap(b *testing.B, name, suffix string) {
	if name == "" {
		return
	}
	f, err := os.Create(name + suffix)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// processCPU is the CPU time the process has used, user and system, in
// seconds, from /proc (-1 where there is none). It counts the pauses
// between edits: the preview collects its garbage then.
func processCPU() float64 {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return -1
	}
	// The fields after the command's name, which is in parentheses:
	// utime and stime are the 12th and 13th, in clock ticks (100 a second).
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(f) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseFloat(f[11], 64)
	stime, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return (utime + stime) / 100
}

// heapAllocs is how many bytes the process has allocated on the heap.
func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// gcCycles is how many collections the process has made.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// resetPeakRSS starts the process's peak resident memory again from what
// it holds now, where the system allows it: the edits' peak is then not
// the first build's.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident memory in MB since the last
// resetPeakRSS, 0 where the system does not tell it.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// showsEdit reports whether the search of the preview finds word and the
// first page it finds shows it.
func showsEdit(b *testing.B, base, word string) bool {
	hits := previewHits(b, base, word)
	if len(hits) == 0 {
		return false
	}
	page := fetchRaw(b, base+strings.TrimPrefix(hits[0], "/fagui/"))
	return page.status == 200 && strings.Contains(page.body, word)
}

// lockedBuffer collects what a preview says, from its goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// lastBuilt is the last line saying what a build took, phase by phase.
func (l *lockedBuffer) lastBuilt() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	lines := strings.Split(l.buf.String(), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "built ") {
			return lines[i]
		}
	}
	return "(no build said what it took)"
}
