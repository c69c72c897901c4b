package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progressLine keeps a long build's user informed: on a terminal, one line that
// says which phase runs and how far rendering got; in the end, how long
// each phase took.
type progressLine struct {
	// mu guards what follows: the pages report their progress from
	// goroutines of their own, maybe while a phase ends.
	mu     sync.Mutex
	w      io.Writer
	live   bool // w is a terminal: draw the progress line
	start  time.Time
	name   string // the phase running
	since  time.Time
	phases []string // "parse 4.1s", … of the phases done
	last   time.Time
	// digits are the decimals of a phase's seconds: 1 unless set.
	digits int
}

func newProgressLine(w io.Writer) *progressLine {
	now := time.Now()
	return &progressLine{w: w, live: isTerminal(w), start: now, since: now}
}

// isTerminal reports whether w is a character device.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// phase ends the phase running, if any, and starts the one named.
func (s *progressLine) phase(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if s.name != "" {
		s.phases = append(s.phases, fmt.Sprintf("%s %.*fs", s.name, max(s.digits, 1), now.Sub(s.since).Seconds()))
	}
	s.name, s.since = name, now
	if name != "" {
		s.draw(name + "…")
	}
}

// progress is the site's Progress callback: pages rendered of all,
// drawn at most five times a second.
func (s *progressLine) progress(done, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Since(s.last) < 200*time.Millisecond && done < total {
		return
	}
	s.last = time.Now()
	s.draw(fmt.Sprintf("%s: %d/%d pages", s.name, done, total))
}

// drawWaiting draws the phase running, then what it waits for, unless
// done is closed: what it waits for is over.
func (s *progressLine) drawWaiting(done <-chan struct{}, what string) {
	select {
	case <-done:
		return
	default:
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.draw(s.name + ": " + what)
}

// draw replaces the progress line; s.mu is held.
func (s *progressLine) draw(line string) {
	if s.live {
		fmt.Fprintf(s.w, "\r\x1b[K%s", line)
	}
}

// end clears the progress line and returns how long each phase took.
func (s *progressLine) end() string {
	s.phase("")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.live {
		fmt.Fprint(s.w, "\r\x1b[K")
	}
	return strings.Join(s.phases, ", ")
}
