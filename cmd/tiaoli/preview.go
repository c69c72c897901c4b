package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"tiaoli/generator"
	"tiaoli/generator/address"
	"tiaoli/generator/contentdir"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/preview"
	"tiaoli/publish"
	"tiaoli/search"
	"tiaoli/server"
	"tiaoli/templates"
)

// previewOptions are the flags of tiaoli preview.
type previewOptions struct {
	build    buildOptions
	addr     string
	interval time.Duration
	// scratch is the folder the preview makes its own folder for search
	// indexes in; the system's temporary folder when "".
	scratch string
}

func runPreview(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("preview", "[--content DIR] [--addr HOST:PORT]   (serves the site from memory, rendering pages on request; writes no site folder)", stderr)
	var o previewOptions
	o.build.siteFlags(fl, "a site an earlier tiaoli build wrote, served until the preview's first build is ready; the preview never writes it")
	fl.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the address to listen on")
	fl.DurationVar(&o.interval, "interval", preview.DefaultInterval, "how often to poll the content and templates folders for changes where the system does not tell them (a tenth as often where it does)")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	if o.interval <= 0 {
		return usageError(fl, "--interval must be above 0")
	}
	if st := o.build.checkContent(fl); st >= 0 {
		return st
	}
	previewPace.set()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	go func() { <-ctx.Done(); stop() }() // a second signal ends a build under way
	if err := runPreviewServer(ctx, o, stderr, nil); err != nil {
		fmt.Fprintf(stderr, "tiaoli preview: %v\n", err)
		return 1
	}
	return 0
}

// runPreviewServer builds the site, serves it on o.addr and builds it
// again after every change until ctx is done. ready, when not nil,
// receives the address listened on.
func runPreviewServer(ctx context.Context, o previewOptions, stderr io.Writer, ready chan<- net.Addr) error {
	logs := log.New(stderr, "tiaoli preview: ", log.LstdFlags)
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	scratch, err := os.MkdirTemp(o.scratch, "tiaoli-preview-")
	if err != nil {
		ln.Close()
		return err
	}
	defer os.RemoveAll(scratch)
	o.build.cache = generator.NewCache()
	sb := &previewSite{o: o.build, stderr: stderr, logs: logs, scratch: scratch, gc: newIdleCollector()}
	defer sb.close()
	watch := []string{o.build.content}
	if o.build.templates != "" {
		watch = append(watch, o.build.templates)
	}
	p := preview.New(preview.Config{Watch: watch, Interval: o.interval, Build: sb.build, Tidy: sb.tidy,
		Served: publish.IsSite(o.build.out) && sb.openEarlier() == nil, Base: address.Base(o.build.base), Log: logs}, sb)
	hs := &http.Server{Handler: p, ReadHeaderTimeout: server.DefaultTimeouts.ReadHeader, ErrorLog: logs}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	logs.Printf("watching %s, serving at http://%s%s", strings.Join(watch, " and "), ln.Addr(), address.Base(o.build.base))
	if ready != nil {
		ready <- ln.Addr()
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { p.Run(runCtx); close(done) }()
	select {
	case err = <-errc:
	case <-ctx.Done():
		p.Close() // ends the event streams
		sctx, scancel := context.WithTimeout(context.Background(), server.DefaultTimeouts.Shutdown)
		hs.Shutdown(sctx)
		scancel()
		<-errc
	}
	cancel()
	<-done
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// previewSite builds the site of a preview and serves the last good build:
// its pages from memory, each rendered when first asked for (package
// site's Pages), and its search index from a folder of scratch. Nothing is
// written to the --out folder.
type previewSite struct {
	o       buildOptions
	stderr  io.Writer
	logs    *log.Logger
	srv     atomic.Pointer[server.Server]
	scratch string
	// live is the search index, kept open and updated after each parse;
	// synonyms is the editors' table it was built with.
	live     *search.Live
	synonyms []byte
	retired  []*search.Live // replaced, to close once no longer served
	// pages are the pages of the build served, which the next build's
	// may share their list of files with (site.LazyAfter); docs is how
	// many documents it has.
	pages *site.Pages
	docs  int
	// gc collects the garbage of the builds between them.
	gc *idleCollector
}

// build builds the site and has the server serve it. Its error is what
// the build said of the content (files and lines, in the site's
// language), or, when it said nothing, why it stopped. The first good
// build settles the stamps of the files it read (settleCache) and collects
// its garbage before it returns (idleCollector.settle).
func (s *previewSite) build() error {
	first := s.pages == nil
	var said bytes.Buffer
	if err := s.buildSite(io.MultiWriter(s.stderr, &said)); err != nil {
		if text := strings.TrimSpace(said.String()); text != "" {
			return errors.New(text)
		}
		return err
	}
	if first { // before the pages are told: the first edit may follow at once
		s.settleCache()
		s.gc.settle()
	}
	return nil
}

// settleCache looks again at the files the first build read within the
// tick they were written in (a corpus just copied or checked out), whose
// stamps the cache could not trust (generator.Cache.Settle): else the
// first edit would read and digest every one of them again, a tenth of a
// second on the LawRefBook corpus.
func (s *previewSite) settleCache() {
	fsys, err := contentdir.Open(s.o.content)
	if err != nil {
		return // the next build says why
	}
	defer fsys.Close()
	s.o.cache.Settle(fsys)
}

// buildSite parses the content (through the cache), brings the search
// index up to date, prepares the pages and switches the server to them,
// saying what it found and how long each phase took on stderr.
func (s *previewSite) buildSite(stderr io.Writer) error {
	o := s.o
	stat := newProgressLine(stderr)
	stat.digits = 2 // an edit's phases take tenths of a second
	defer stat.end()
	stat.phase("parse")
	c, err := parseContent(o.content, o.cache, nil)
	if err != nil {
		return err
	}
	if err := checkParsed(c, o, stderr); err != nil {
		return err
	}
	if len(c.Documents) == 0 && s.docs > 0 && !o.allowEmpty {
		return fmt.Errorf("%s has no documents: still showing the last build, which has %d", o.content, s.docs)
	}
	// The pages are prepared while the index is built, as tiaoli build
	// renders while it indexes: both only read the corpus.
	type prepared struct {
		pages *site.Pages
		err   error
	}
	lazy := make(chan prepared, 1)
	go func() {
		pages, err := site.LazyAfter(s.pages, c, site.Options{Base: o.base, Templates: templates.FS(o.templates)})
		lazy <- prepared{pages, err}
	}()
	stat.phase("search index")
	ix, err := s.searchIndex(c)
	stat.phase("pages") // what is left of preparing them
	p := <-lazy
	if err != nil {
		return err
	}
	if p.err != nil {
		return withSource(p.err, c, o.content)
	}
	stat.phase("serve")
	if err := s.serve(p.pages, ix); err != nil {
		return err
	}
	s.pages, s.docs = p.pages, len(c.Documents)
	fmt.Fprintf(stderr, "built %d documents from %d sources in %.2fs (%s); pages render when asked for\n",
		len(c.Documents), len(c.Sources), time.Since(stat.start).Seconds(), stat.end())
	return nil
}

// searchIndex brings the search index to c and returns its latest
// version: the first build, or a change of the editors' synonyms, builds
// it whole in a folder of scratch; every other build updates it in place,
// at a cost that follows what changed (search.Live).
func (s *previewSite) searchIndex(c *model.Corpus) (*search.Index, error) {
	synonyms := readEditorial(s.o.content, search.SynonymsFile)
	if s.live != nil && bytes.Equal(synonyms, s.synonyms) {
		if err := s.live.Update(c); err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		return s.live.Index(), nil
	}
	live, err := search.BuildLive(c, filepath.Join(s.scratch, fmt.Sprintf("index-%d", time.Now().UnixNano())), search.Options{Synonyms: synonyms})
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	if s.live != nil {
		s.retired = append(s.retired, s.live)
	}
	s.live, s.synonyms = live, synonyms
	return live.Index(), nil
}

// serve has the server serve pages and ix, which it then owns.
func (s *previewSite) serve(pages *site.Pages, ix *search.Index) error {
	if srv := s.srv.Load(); srv != nil {
		return srv.Use(pages, ix)
	}
	srv, err := server.NewInMemory(s.config(), pages, ix)
	if err != nil {
		return err
	}
	s.srv.Store(srv)
	return nil
}

// config is the configuration of the preview's server.
func (s *previewSite) config() server.Config {
	return server.Config{Base: s.o.base, Watch: -1, ErrorLog: s.logs,
		Search: server.SearchOptions{Templates: templates.FS(s.o.templates)}}
}

// openEarlier serves the site an earlier tiaoli build left in --out until
// the first build is ready.
func (s *previewSite) openEarlier() error {
	cfg := s.config()
	cfg.Site = s.o.out
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	s.srv.Store(srv)
	return nil
}

// tidy collects the garbage of the builds before the last, while the
// editor reads, when the next build would need it (idleCollector), then
// makes the copies of the cached documents the next build's parse takes
// (generator.Cache.Preparer), and closes the search indexes a change of
// synonyms replaced, once the new one is served.
func (s *previewSite) tidy() {
	s.gc.ended(s.o.cache.Preparer())
	s.closeRetired()
}

// closeRetired closes the search indexes a change of synonyms replaced.
func (s *previewSite) closeRetired() {
	for _, l := range s.retired {
		if err := l.Close(); err != nil {
			s.logs.Printf("%v", err)
		}
	}
	s.retired = nil
}

// ServeHTTP serves the last good build; the preview asks only after one.
func (s *previewSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.srv.Load().ServeHTTP(w, r)
}

func (s *previewSite) close() {
	if srv := s.srv.Load(); srv != nil {
		srv.Close()
	}
	s.closeRetired()
	if s.live != nil {
		s.live.Close()
	}
	s.gc.close()
}
