package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"tiaoli/server"
	"tiaoli/templates"
)

// serveOptions are the flags of tiaoli serve.
type serveOptions struct {
	site, addr, base, logPath, templates string
	maxSearches, queue                   int
	searchTimeout, watch, idle           time.Duration
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("serve", "--site DIR --addr HOST:PORT [--base PATH] [--log FILE]", stderr)
	var o serveOptions
	fl.StringVar(&o.site, "site", "public", "the built site to serve")
	fl.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the address to listen on")
	fl.StringVar(&o.base, "base", "/", "the URL path the site was built for, e.g. /fagui/")
	fl.StringVar(&o.logPath, "log", "-", "the access log: a file (reopened on SIGHUP), - for standard error, none for no log")
	fl.StringVar(&o.templates, "templates", "", "the templates folder the site was built with, if not the built-in one")
	fl.IntVar(&o.maxSearches, "max-searches", 0, "searches run at once (default twice the CPUs); more wait briefly, then get 503")
	fl.IntVar(&o.queue, "queue", server.DefaultQueue, "searches that wait for a free slot (up to 5 s); more get 503 at once")
	fl.DurationVar(&o.searchTimeout, "search-timeout", server.DefaultSearchTimeout, "the deadline of each search")
	fl.DurationVar(&o.idle, "idle-timeout", server.DefaultTimeouts.Idle, "how long an idle keep-alive connection is kept open")
	fl.DurationVar(&o.watch, "watch", time.Second, "how often to check the site folder for a new build (0 to not watch)")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	if o.maxSearches < 0 || o.queue < 1 || o.idle <= 0 || o.searchTimeout <= 0 {
		return usageError(fl, "--max-searches must be 0 (the default) or more, --queue 1 or more, the timeouts above 0")
	}
	if st, err := os.Stat(o.site); err != nil || !st.IsDir() {
		return missingFolder(fl, "site folder", o.site, "build it with tiaoli build, or give it with --site")
	}
	if err := serve(o, stderr); err != nil {
		fmt.Fprintf(stderr, "tiaoli serve: %v\n", err)
		return 1
	}
	return 0
}

// serve runs the server until SIGTERM or SIGINT; SIGHUP reopens the site,
// its index and the access log.
func serve(o serveOptions, stderr io.Writer) error {
	logs := log.New(stderr, "tiaoli serve: ", log.LstdFlags)
	access, err := openAccessLog(o.logPath, stderr)
	if err != nil {
		return err
	}
	defer access.Close()
	if o.watch == 0 {
		o.watch = -1
	}
	srv, err := server.New(server.Config{
		Site: o.site, Base: o.base, MaxSearches: o.maxSearches, MaxWaiting: o.queue, Watch: o.watch,
		Timeouts:  server.Timeouts{Idle: o.idle},
		Search:    server.SearchOptions{Timeout: o.searchTimeout, Templates: templates.FS(o.templates)},
		AccessLog: access, ErrorLog: logs,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		srv.Close()
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	go reloadOnHangup(ctx, srv, access, logs)
	logs.Printf("serving %s at http://%s%s", o.site, ln.Addr(), srv.Base())
	err = srv.Serve(ctx, ln)
	logs.Printf("stopped")
	return err
}

// reloadOnHangup reopens the site and the access log on each SIGHUP.
func reloadOnHangup(ctx context.Context, srv *server.Server, access *accessLog, logs *log.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			if err := access.reopen(); err != nil {
				logs.Printf("access log: %v", err)
			}
			if err := srv.Reload(); err != nil {
				logs.Printf("reload: %v (still serving the previous build)", err)
			}
		}
	}
}

// accessLog is the access log writer; a file is reopened by reopen, so
// that log rotation works.
type accessLog struct {
	mu   sync.Mutex
	path string
	w    io.Writer
	f    *os.File
}

func openAccessLog(p string, stderr io.Writer) (*accessLog, error) {
	switch p {
	case "none", "":
		return &accessLog{w: io.Discard}, nil
	case "-":
		return &accessLog{w: stderr}, nil
	}
	a := &accessLog{path: p}
	return a, a.reopen()
}

func (a *accessLog) reopen() error {
	if a.path == "" {
		return nil
	}
	f, err := os.OpenFile(a.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	a.mu.Lock()
	old := a.f
	a.f, a.w = f, f
	a.mu.Unlock()
	if old != nil {
		old.Close()
	}
	return nil
}

func (a *accessLog) Write(b []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.w.Write(b)
}

func (a *accessLog) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.f != nil {
		return a.f.Close()
	}
	return nil
}
