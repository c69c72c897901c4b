package generator_test

import (
	"io/fs"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"tiaoli/generator"
)

// TestStoreStampsReadOnlyChanged parses through a Store, each time opened
// anew as a new process would, a content folder whose files have
// modification times, on a clock the test sets: a source whose stamp is
// the one the Store kept is not opened, and what it gave is still read
// from its entry; one touched is read again and its entry used; and a
// file read within the tick it was written in is read again at the next
// parse even when its stamp did not move, so that a second write in the
// same tick (an edit, or an edit and its undoing) is never missed.
func TestStoreStampsReadOnlyChanged(t *testing.T) {
	written := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	fsys, dir := storeContent(t), t.TempDir()
	for _, f := range fsys {
		f.ModTime = written
	}
	n := sources(fsys)
	law, _ := lawWith(t, fsys, "第三条 ")
	counting := &countingFS{FS: fsys}
	run := func(step string, at time.Time, opened []string, parsed int) {
		t.Helper()
		generator.SetClock(t, func() time.Time { return at })
		s, err := generator.OpenStore(dir, "v1", false)
		if err != nil {
			t.Fatal(err)
		}
		counting.opened = map[string]int{}
		if diff := corpusDiff(generator.ParseStored(counting, s), generator.Parse(fsys)); diff != "" {
			t.Errorf("%s: the stored parse differs from a fresh one: %s", step, diff)
		}
		got := 0
		for p := range counting.opened {
			if _, ok := fsys[p]; ok && sources(fstest.MapFS{p: fsys[p]}) == 1 {
				got++
			}
		}
		if opened == nil && got != n || opened != nil && (got != len(opened) || !allOpened(counting.opened, opened)) {
			t.Errorf("%s: opened %d sources, want %v (nil: all %d)", step, got, opened, n)
		}
		if r, w := int(s.Read.Load()), int(s.Written.Load()); w != parsed || r != n-parsed {
			t.Errorf("%s: %d entries read and %d written, want %d and %d", step, r, w, n-parsed, parsed)
		}
		if err := s.Prune(); err != nil {
			t.Fatal(err)
		}
	}
	// Read in the second the files were written: no stamp is kept.
	run("a parse in the second of the writes", written.Add(500*time.Millisecond), nil, n)
	// Written again in the same second, its stamp unchanged.
	first := sameSize(t, fsys, law, '各')
	run("an edit in that second", written.Add(time.Hour), nil, 1)
	run("nothing changed", written.Add(2*time.Hour), []string{}, 0)
	// Touched: read, its digest finds its entry.
	fsys[law].ModTime = written.Add(3 * time.Hour)
	run("a source touched", written.Add(4*time.Hour), []string{law}, 0)
	run("nothing changed after the touch", written.Add(5*time.Hour), []string{}, 0)
	// Edited and restored within one second, then edited again in that
	// second: each parse reads what the file holds.
	edited := written.Add(6 * time.Hour)
	sameSize(t, fsys, law, '诸')
	fsys[law].ModTime = edited
	sameSize(t, fsys, law, '各')
	run("an edit restored in its second", edited.Add(300*time.Millisecond), []string{law}, 0)
	sameSize(t, fsys, law, first)
	run("an edit in the second of the last parse", edited.Add(time.Hour), []string{law}, 1)
	run("nothing changed after the edits", edited.Add(2*time.Hour), []string{}, 0)
	// Added and deleted files.
	fsys["laws/added.md"] = &fstest.MapFile{Data: fsys[law].Data, ModTime: edited}
	delete(fsys, law)
	run("a file added, one deleted", edited.Add(3*time.Hour), []string{"laws/added.md"}, 1)
}

// sameSize replaces the first character of 第三条 of the file p of fsys
// by r, of the same length in bytes, keeping the file's modification
// time; it returns the character replaced.
func sameSize(t *testing.T, fsys fstest.MapFS, p string, r rune) rune {
	t.Helper()
	const mark = "\n第三条 "
	data := string(fsys[p].Data)
	i := strings.Index(data, mark) + len(mark)
	was, size := utf8.DecodeRuneInString(data[i:])
	if i < len(mark) || size != utf8.RuneLen(r) {
		t.Fatalf("cannot replace the first character of 第三条 in %s by %c", p, r)
	}
	fsys[p].Data = []byte(data[:i] + string(r) + data[i+size:])
	return was
}

// allOpened reports whether every name in want was opened.
func allOpened(opened map[string]int, want []string) bool {
	for _, p := range want {
		if opened[p] == 0 {
			return false
		}
	}
	return true
}

// TestStoreRebuilding: a Store says it rebuilds (Rebuilding) once a parse
// before kept the stamps of the sources, and the parse after it reads them
// back by the stamps Rebuilding read. With a memory limit set, no parse
// changes the collector's pace: that is the command's to set.
func TestStoreRebuilding(t *testing.T) {
	written := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	generator.SetClock(t, func() time.Time { return written.Add(time.Hour) })
	fsys, dir := storeContent(t), t.TempDir()
	for _, f := range fsys {
		f.ModTime = written
	}
	n := sources(fsys)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	paced := &pacedFS{FS: fsys}
	for i, rebuild := range []bool{false, true, true} {
		s, err := generator.OpenStore(dir, "v1", false)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Rebuilding(); got != rebuild {
			t.Errorf("parse %d: Rebuilding() = %v, want %v", i+1, got, rebuild)
		}
		paced.seen = map[int64]bool{}
		generator.ParseStored(paced, s)
		if rebuild && s.Read.Load() != int64(n) {
			t.Errorf("parse %d: %d entries read back, want all %d", i+1, s.Read.Load(), n)
		}
		if len(paced.seen) != 1 || !paced.seen[150] {
			t.Errorf("parse %d: the collector's pace during the parse %v, want 150 alone", i+1, paced.seen)
		}
	}
}

// pacedFS records the pace of the collector (GOGC) each time a file is
// opened.
type pacedFS struct {
	fs.FS
	mu   sync.Mutex
	seen map[int64]bool
}

func (p *pacedFS) Open(name string) (fs.File, error) {
	sample := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(sample)
	p.mu.Lock()
	p.seen[int64(sample[0].Value.Uint64())] = true
	p.mu.Unlock()
	return p.FS.Open(name)
}
