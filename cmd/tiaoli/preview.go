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
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"tiaoli/generator"
	"tiaoli/generator/address"
	"tiaoli/preview"
	"tiaoli/publish"
	"tiaoli/server"
	"tiaoli/templates"
)

// previewOptions are the flags of tiaoli preview.
type previewOptions struct {
	build    buildOptions
	addr     string
	interval time.Duration
}

func runPreview(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("preview", "[--content DIR] [--out DIR] [--addr HOST:PORT]", stderr)
	var o previewOptions
	o.build.siteFlags(fl)
	fl.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the address to listen on")
	fl.DurationVar(&o.interval, "interval", preview.DefaultInterval, "how often to check the content and templates folders for changes")
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
	limitMemory()
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
	o.build.leaveTrash = true
	o.build.cache = generator.NewCache()
	sb := &previewSite{o: o.build, stderr: stderr, logs: logs}
	defer sb.close()
	watch := []string{o.build.content}
	if o.build.templates != "" {
		watch = append(watch, o.build.templates)
	}
	p := preview.New(preview.Config{Watch: watch, Interval: o.interval, Build: sb.build, Tidy: sb.tidy,
		Served: publish.IsSite(o.build.out) && sb.open() == nil, Base: address.Base(o.build.base), Log: logs}, sb)
	hs := &http.Server{Handler: p, ReadHeaderTimeout: server.DefaultTimeouts.ReadHeader, ErrorLog: logs}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	logs.Printf("watching %s, serving %s at http://%s%s", strings.Join(watch, " and "), o.build.out, ln.Addr(), address.Base(o.build.base))
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

// previewSite builds the site of a preview and serves the last good build.
type previewSite struct {
	o      buildOptions
	stderr io.Writer
	logs   *log.Logger
	srv    atomic.Pointer[server.Server]
}

// build builds the site into its folder and has the server serve it. Its
// error is what the build said of the content (files and lines, in the
// site's language), or, when it said nothing, why it stopped.
func (s *previewSite) build() error {
	var said bytes.Buffer
	if err := build(s.o, io.MultiWriter(s.stderr, &said)); err != nil {
		if text := strings.TrimSpace(said.String()); text != "" {
			return errors.New(text)
		}
		return err
	}
	if srv := s.srv.Load(); srv != nil {
		return srv.Reload()
	}
	return s.open()
}

// open opens the server on the site folder.
func (s *previewSite) open() error {
	srv, err := server.New(server.Config{
		Site: s.o.out, Base: s.o.base, Watch: -1, ErrorLog: s.logs,
		Search: server.SearchOptions{Templates: templates.FS(s.o.templates)},
	})
	if err != nil {
		return err
	}
	s.srv.Store(srv)
	return nil
}

// tidy removes the build before the previous one, once the new one is
// served.
func (s *previewSite) tidy() {
	if err := publish.RemoveTrash(s.o.out); err != nil {
		s.logs.Printf("%v", err)
	}
}

// ServeHTTP serves the last good build; the preview asks only after one.
func (s *previewSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.srv.Load().ServeHTTP(w, r)
}

func (s *previewSite) close() {
	if srv := s.srv.Load(); srv != nil {
		srv.Close()
	}
}
