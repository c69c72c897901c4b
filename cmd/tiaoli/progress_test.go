package main

import (
	"bytes"
	"math"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestProgressOffTerminal(t *testing.T) {
	var buf bytes.Buffer
	s := newProgressLine(&buf)
	s.phase("parse")
	s.phase("pages")
	s.progress(10, 20)
	got := s.end()
	if buf.Len() != 0 {
		t.Errorf("drew %q on a writer that is no terminal", buf.String())
	}
	if !regexp.MustCompile(`^parse \d+\.\ds, pages \d+\.\ds$`).MatchString(got) {
		t.Errorf("phases %q", got)
	}
}

func TestProgressOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	s := newProgressLine(&buf)
	s.live = true
	s.phase("pages")
	s.progress(20, 20)
	s.end()
	out := buf.String()
	for _, want := range []string{"pages…", "pages: 20/20 pages"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress line %q lacks %q", out, want)
		}
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("progress line not cleared at the end: %q", out)
	}
}

// TestDrawWaiting: what a phase waits for is drawn only while it is not
// over.
func TestDrawWaiting(t *testing.T) {
	for _, over := range []bool{false, true} {
		var buf bytes.Buffer
		s := newProgressLine(&buf)
		s.live = true
		s.phase("pages")
		done := make(chan struct{})
		if over {
			close(done)
		}
		s.drawWaiting(done, "merging")
		if got := strings.Contains(buf.String(), "pages: merging"); got == over {
			t.Errorf("over %v: drew %q", over, buf.String())
		}
	}
}

func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	buildPace.set()
	if got := debug.SetMemoryLimit(-1); got != buildPace.memoryLimit {
		t.Errorf("limit %d, want %d", got, buildPace.memoryLimit)
	}
	t.Setenv("GOMEMLIMIT", "4GiB")
	debug.SetMemoryLimit(math.MaxInt64)
	buildPace.set()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d set over GOMEMLIMIT", got)
	}
}

// TestCollectAtLimit: with a memory limit the collector's pace is off
// until restored, then as it was; without one it is left alone.
func TestCollectAtLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	for _, tc := range []struct {
		limit  int64
		during int
	}{
		{math.MaxInt64, 150},
		{1 << 40, -1},
	} {
		debug.SetMemoryLimit(tc.limit)
		restore := collectAtLimit()
		during := debug.SetGCPercent(-1)
		debug.SetGCPercent(during)
		restore()
		if after := debug.SetGCPercent(150); during != tc.during || after != 150 {
			t.Errorf("limit %d: pace %d while collecting at the limit and %d after, want %d and 150", tc.limit, during, after, tc.during)
		}
	}
}
