package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"tiaoli/search"
)

// generation is one build of the site as the server sees it: the folder
// (opened as a root, so files come from this build even after the folder
// is swapped out) or the files in memory, its index and a search handler
// over that index. It is closed when the server has moved on and no
// request uses it.
type generation struct {
	info   os.FileInfo   // identity of the site folder when opened; nil in memory
	root   *os.Root      // nil in memory
	fsys   fs.FS         // the files of a build in memory; nil for a folder
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
	if err := checkSite(root.Stat, g.index); err != nil {
		g.close()
		return nil, false, fmt.Errorf("server: %s: %w", s.cfg.Site, err)
	}
	s.ready(g)
	return g, true, nil
}

// inMemory makes a generation of the files of fsys and the index ix
// (nil for none), which it owns: it is closed with the generation, or
// at once when fsys has no home page. The index is not checked against
// the pages as a folder's is: the caller built both from one corpus, and
// every check would render a page.
func (s *Server) inMemory(fsys fs.FS, ix *search.Index) (*generation, error) {
	g := &generation{fsys: fsys, index: ix}
	if err := checkPage(func(name string) (fs.FileInfo, error) { return fs.Stat(fsys, name) }, ""); err != nil {
		g.close()
		return nil, fmt.Errorf("server: the site has no home page: %w", err)
	}
	s.ready(g)
	return g, nil
}

// ready gives an opened generation its search handler and its reference
// for being current.
func (s *Server) ready(g *generation) {
	ix := g.index
	g.search = newSearchHandler(func() *search.Index { return ix }, s.cfg.Search)
	g.refs.Store(1)
}

func (g *generation) close() {
	if g.index != nil {
		g.index.Close()
	}
	if g.root != nil {
		g.root.Close()
	}
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
	if s.cfg.Site == "" {
		return errors.New("server: no site folder to open again")
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

// Use switches to the files of fsys, a build held in memory (package
// site's Pages, say), and its search index ix (nil for none), which the
// server closes once it has moved on and no request uses them, or at
// once when it refuses them: when fsys has no home page. On failure the
// server keeps serving the build it has. A server given a site folder
// stops watching it: Reload opens the folder again.
func (s *Server) Use(fsys fs.FS, ix *search.Index) error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	if s.closed.Load() {
		if ix != nil {
			ix.Close()
		}
		return errors.New("server: closed")
	}
	g, err := s.inMemory(fsys, ix)
	if err != nil {
		s.refused.Store(&refusal{err: err.Error(), at: time.Now()})
		return err
	}
	s.refused.Store(nil)
	if old := s.gen.Swap(g); old != nil {
		old.release()
	}
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
	if cur == nil || cur.info == nil || os.SameFile(fi, cur.info) || (s.failed != nil && os.SameFile(fi, s.failed)) {
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
