package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"tiaoli/search"
)

// generation is one build of the site as the server sees it: the folder
// (opened as a root, so files come from this build even after the folder
// is swapped out), its index and a search handler over that index. It is
// closed when the server has moved on and no request uses it.
type generation struct {
	info   os.FileInfo // identity of the site folder when opened
	root   *os.Root
	index  *search.Index // nil when the site has no index
	search http.Handler
	refs   atomic.Int64 // requests using it, plus one while it is current
}

// open opens the site folder and its index as a new generation. It
// checks that both come from the same build: a swap between the two opens
// is retried.
func (s *Server) open() (*generation, error) {
	for range 5 {
		g, same, err := s.openOnce()
		if err != nil || same {
			return g, err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil, fmt.Errorf("server: %s keeps changing while it is opened", s.cfg.Site)
}

func (s *Server) openOnce() (g *generation, same bool, err error) {
	before, err := os.Stat(s.cfg.Site)
	if err != nil {
		return nil, false, fmt.Errorf("server: %w", err)
	}
	if !before.IsDir() {
		return nil, false, fmt.Errorf("server: %s is not a folder", s.cfg.Site)
	}
	root, err := os.OpenRoot(s.cfg.Site)
	if err != nil {
		return nil, false, fmt.Errorf("server: %w", err)
	}
	g = &generation{info: before, root: root}
	if fi, err := root.Stat("."); err != nil || !os.SameFile(fi, before) {
		g.close()
		return nil, false, nil
	}
	if fi, err := root.Lstat(search.IndexDir); err == nil && fi.IsDir() {
		g.index, err = search.Open(filepath.Join(s.cfg.Site, search.IndexDir))
		if err != nil {
			g.close()
			return nil, false, fmt.Errorf("server: %w", err)
		}
	}
	if after, err := os.Stat(s.cfg.Site); err != nil || !os.SameFile(after, before) {
		g.close()
		return nil, false, nil
	}
	if err := checkSite(root, g.index); err != nil {
		g.close()
		return nil, false, fmt.Errorf("server: %s: %w", s.cfg.Site, err)
	}
	ix := g.index
	g.search = newSearchHandler(func() *search.Index { return ix }, s.cfg.Search)
	g.refs.Store(1)
	return g, true, nil
}

func (g *generation) close() {
	if g.index != nil {
		g.index.Close()
	}
	g.root.Close()
}

// release drops one reference; the last one closes the generation.
func (g *generation) release() {
	if g.refs.Add(-1) == 0 {
		g.close()
	}
}

// acquire returns the current generation with a reference taken, or nil
// after Close.
func (s *Server) acquire() *generation {
	for {
		g := s.gen.Load()
		if g == nil {
			return nil
		}
		n := g.refs.Load()
		if n > 0 && g.refs.CompareAndSwap(n, n+1) {
			return g
		}
		// g was retired between the load and the count: the next load
		// sees its successor.
	}
}

// Reload opens the site folder again and switches to it, whether or not
// it changed (for SIGHUP). On failure the server keeps serving the build
// it has.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	return s.reloadLocked()
}

func (s *Server) reloadLocked() error {
	if s.closed.Load() {
		return errors.New("server: closed")
	}
	g, err := s.open()
	if err != nil {
		if fi, serr := os.Stat(s.cfg.Site); serr == nil {
			s.failed = fi
		}
		s.refused.Store(&refusal{err: err.Error(), at: time.Now()})
		return err
	}
	s.failed = nil
	s.refused.Store(nil)
	if old := s.gen.Swap(g); old != nil {
		old.release()
	}
	s.log.Printf("serving %s (search index: %v)", s.cfg.Site, g.index != nil)
	return nil
}

// refusal is a build the server would not switch to, for /healthz.
type refusal struct {
	err string
	at  time.Time
}

// reloadIfChanged reloads when the site folder is another folder than the
// one served (and not one that already failed to open).
func (s *Server) reloadIfChanged() {
	fi, err := os.Stat(s.cfg.Site)
	if err != nil {
		return // missing for a moment during a swap without exchange
	}
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	cur := s.gen.Load()
	if cur == nil || os.SameFile(fi, cur.info) || (s.failed != nil && os.SameFile(fi, s.failed)) {
		return
	}
	if err := s.reloadLocked(); err != nil {
		s.log.Printf("new build not served: %v", err)
	}
}

// watch checks the site folder every interval until ctx is done.
func (s *Server) watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.reloadIfChanged()
		}
	}
}
