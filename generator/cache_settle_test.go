package generator_test

import (
	"testing"
	"testing/fstest"
	"time"

	"tiaoli/generator"
)

// TestCacheSettle parses through one Cache, on a clock the test sets,
// files read within the tick they were written in, then settles them an
// hour later: the next parse opens none of them but one edited in that
// tick after the parse, which Settle leaves unsettled, and still gives
// what a fresh parse gives.
func TestCacheSettle(t *testing.T) {
	fsys, law, written := writtenTogether(t)
	counting := &countingFS{FS: fsys, opened: map[string]int{}}
	k := generator.NewCache()
	at := func(d time.Duration) { generator.SetClock(t, func() time.Time { return written.Add(d) }) }
	at(500 * time.Millisecond)
	k.Parse(counting)
	sameSize(t, fsys, law, '各') // an edit in the same tick: size and time kept
	at(time.Hour)
	k.Settle(counting)
	at(2 * time.Hour)
	counting.opened = map[string]int{}
	if diff := corpusDiff(k.Parse(counting), generator.Parse(fsys)); diff != "" {
		t.Errorf("the parse after Settle differs from a fresh one: %s", diff)
	}
	if counting.opened[law] == 0 {
		t.Errorf("the file edited in the tick of its reading was settled: not read again")
	}
	for p := range counting.opened {
		if _, ok := fsys[p]; ok && p != law && sources(fstest.MapFS{p: fsys[p]}) == 1 {
			t.Errorf("settled, unchanged: %s opened", p)
		}
	}
}

// writtenTogether is a content folder of a few laws all written at the
// time it returns, and the name of a law with a 第三条 to edit.
func writtenTogether(t *testing.T) (fsys fstest.MapFS, law string, written time.Time) {
	written = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	fsys = content()
	addCorpus(t, fsys, 5)
	for _, f := range fsys {
		f.ModTime = written
	}
	law, _ = lawWith(t, fsys, "第三条 ")
	return fsys, law, written
}
