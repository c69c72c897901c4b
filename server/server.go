// Package server serves a built site and its search over HTTP, the way an
// IT department can run it in front of many readers.
//
// Routes, under the site's base path B ("/" or e.g. "/fagui/"):
//
//	B…              the site's files (index.html for a folder), with ETag,
//	                Last-Modified, the prebuilt NAME.gz for clients that
//	                accept gzip, and cache headers: assets/ kept by browsers,
//	                pages revalidated. Unknown paths get the site's 404.html
//	                with status 404. Never served: folder listings, hidden
//	                names, the search index folder, anything a path or a
//	                symbolic link would reach outside the site.
//	B search        the server-rendered results page (search.go, results.go)
//	B api/search    the same results as JSON
//	/healthz, B healthz   200 when the server can answer
//
// Every response carries security headers (a Content-Security-Policy that
// allows only the site itself, nosniff, a referrer policy, no framing by
// other sites). Searches run at most Config.MaxSearches at a time; a
// bounded number wait briefly for a slot, the rest get 503 with
// Retry-After.
//
// A site may also be held in memory (NewInMemory, Use: tiaoli preview's
// pages rendered on request): its files have no .gz variants, and their
// ETag is a digest of their bytes. A page that fails to render answers
// 500 with the error.
//
// The site folder is watched: when it is replaced (a new build swapped in
// by package publish, or a symbolic link pointed elsewhere), and on Reload,
// the server opens the new folder and index, switches to them at once, and
// closes the old ones when the requests using them are done. Each request
// sees one build from start to end.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"tiaoli/generator/address"
	"tiaoli/search"
)

// Config configures a Server. Only Site is required, but for a site in
// memory (NewInMemory), which has none.
type Config struct {
	// Site is the folder of a built site.
	Site string
	// Base is the URL path the site is published under; "/" by default.
	Base string
	// Search configures the search routes; its Base is set from Base.
	Search SearchOptions
	// MaxSearches bounds searches running at once; 2×GOMAXPROCS by default.
	MaxSearches int
	// MaxWaiting bounds searches waiting for a slot; DefaultQueue by
	// default. Over it a search gets 503 at once.
	MaxWaiting int
	// QueueWait bounds how long a search waits for a slot; 5 s by default
	// (a burst of readers waits a moment rather than fails).
	QueueWait time.Duration
	// Watch is how often the site folder is checked for a new build; 1 s
	// by default, negative to not watch.
	Watch time.Duration
	// AccessLog receives one line per request; nil logs nothing.
	AccessLog io.Writer
	// ErrorLog receives errors and reloads; nil means standard error.
	ErrorLog *log.Logger
	// Timeouts of the HTTP server; zero fields take DefaultTimeouts.
	Timeouts Timeouts
	// MaxHeaderBytes caps request headers; 32 KiB by default.
	MaxHeaderBytes int
}

// Timeouts bound every phase of a connection.
type Timeouts struct {
	ReadHeader, Read, Write, Idle time.Duration
	// Shutdown bounds the wait for requests in flight on shutdown.
	Shutdown time.Duration
}

// DefaultTimeouts are generous for an intranet and short enough that slow
// or stuck clients cannot hold connections. An idle keep-alive connection
// is closed after 30 s: a reader's next click within that reuses it, and
// idle connections do not pile up (a browser keeps up to six per site).
var DefaultTimeouts = Timeouts{
	ReadHeader: 5 * time.Second, Read: 10 * time.Second, Write: 30 * time.Second,
	Idle: 30 * time.Second, Shutdown: 15 * time.Second,
}

// DefaultQueue is how many searches wait for a slot by default: with the
// default wait of 5 s, a burst of that many readers is answered rather
// than refused.
const DefaultQueue = 128

// maxRawQuery caps a request's query string in bytes (414 above).
const maxRawQuery = 8 << 10

// Server serves one site: a folder, or a build held in memory.
type Server struct {
	cfg   Config
	base  string
	log   *log.Logger
	gen   atomic.Pointer[generation]
	limit *limiter

	reloadMu sync.Mutex
	failed   os.FileInfo // identity of a folder that failed to open
	refused  atomic.Pointer[refusal]
	closed   atomic.Bool
}

// New opens the site folder and its index (when it has one).
func New(cfg Config) (*Server, error) {
	if cfg.Site == "" {
		return nil, errors.New("server: no site folder")
	}
	s := newServer(cfg)
	g, err := s.open()
	if err != nil {
		return nil, err
	}
	s.gen.Store(g)
	return s, nil
}

// NewInMemory serves the files of fsys, a build held in memory, and its
// search index ix (nil for none), as Use does; cfg.Site must be "", and
// there is no folder to watch or reload. Use switches to the next build.
func NewInMemory(cfg Config, fsys fs.FS, ix *search.Index) (*Server, error) {
	if cfg.Site != "" {
		if ix != nil {
			ix.Close()
		}
		return nil, errors.New("server: a site in memory has no folder")
	}
	s := newServer(cfg)
	g, err := s.inMemory(fsys, ix)
	if err != nil {
		return nil, err
	}
	s.gen.Store(g)
	return s, nil
}

func newServer(cfg Config) *Server {
	fillDefaults(&cfg)
	s := &Server{cfg: cfg, base: address.Base(cfg.Base), log: cfg.ErrorLog}
	s.cfg.Search.Base = s.base
	s.limit = newLimiter(cfg.MaxSearches, cfg.MaxWaiting, cfg.QueueWait)
	return s
}

func fillDefaults(c *Config) {
	if c.MaxSearches <= 0 {
		c.MaxSearches = 2 * runtime.GOMAXPROCS(0)
	}
	if c.MaxWaiting <= 0 {
		c.MaxWaiting = DefaultQueue
	}
	if c.QueueWait <= 0 {
		c.QueueWait = 5 * time.Second
	}
	if c.Watch == 0 {
		c.Watch = time.Second
	}
	if c.ErrorLog == nil {
		c.ErrorLog = log.New(os.Stderr, "tiaoli serve: ", log.LstdFlags)
	}
	if c.MaxHeaderBytes <= 0 {
		c.MaxHeaderBytes = 32 << 10
	}
	d := DefaultTimeouts
	t := &c.Timeouts
	for _, f := range []struct {
		v   *time.Duration
		def time.Duration
	}{
		{&t.ReadHeader, d.ReadHeader}, {&t.Read, d.Read}, {&t.Write, d.Write},
		{&t.Idle, d.Idle}, {&t.Shutdown, d.Shutdown},
	} {
		if *f.v <= 0 {
			*f.v = f.def
		}
	}
}

// Base is the URL path the site is served under, with slashes at both ends.
func (s *Server) Base() string { return s.base }

// HTTPServer returns an http.Server for the handler with every timeout and
// the header cap set.
func (s *Server) HTTPServer() *http.Server {
	t := s.cfg.Timeouts
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      t.Write,
		IdleTimeout:       t.Idle,
		MaxHeaderBytes:    s.cfg.MaxHeaderBytes,
		ErrorLog:          s.log,
	}
}

// Listener wraps ln so that the answers net/http makes itself (431 for
// headers over the cap, 400 for a malformed request) carry the security
// headers too, and are JSON on the API. Serve uses it; a caller serving
// HTTPServer itself should too.
func (s *Server) Listener(ln net.Listener) net.Listener { return errorListener{ln, s} }

// Serve answers requests on ln until ctx is done, watching the site folder
// for new builds, then shuts down gracefully: it stops accepting, waits for
// requests in flight (up to Timeouts.Shutdown) and closes the site.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(s.Listener(ln)) }()
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	if s.cfg.Watch > 0 && s.cfg.Site != "" {
		go s.watch(watchCtx, s.cfg.Watch)
	}
	select {
	case err := <-errc:
		s.Close()
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.Timeouts.Shutdown)
	defer cancel()
	err := hs.Shutdown(sctx)
	<-errc
	s.Close()
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// Close releases the site and its index once the requests using them are
// done. The Server must not serve after Close.
func (s *Server) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if g := s.gen.Swap(nil); g != nil {
		g.release()
	}
	return nil
}
