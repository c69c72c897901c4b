// Package preview serves a site while an editor changes its content: it
// watches the content folder (and a templates folder) by polling, builds
// the site again after every change, and tells the pages open in a browser
// to reload themselves. A build that fails leaves the last good build
// served, and its error is shown over every page until a build succeeds.
//
// Routes, under the site's base path B, besides the site's own:
//
//	B _preview/reload.js   the script every HTML page gets in preview
//	B _preview/events      Server-Sent Events: the build's number and error
//
// The script is added to pages as they are served; the built files never
// hold it. It loads from the site itself, so the site's
// Content-Security-Policy (default-src 'self') allows it.
package preview

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Config configures a Preview.
type Config struct {
	// Watch are the folders whose changes start a build.
	Watch []string
	// Interval is how often they are polled; DefaultInterval when 0.
	Interval time.Duration
	// Build builds the site and makes the site handler serve it; on
	// failure it returns the error the editor should see, and the last
	// good build must still be served.
	Build func() error
	// Tidy, when not nil, runs after each build has been told to the
	// pages and before the next poll: work that the next page need not
	// wait for.
	Tidy func()
	// Served says the site handler serves a build already (one an
	// earlier run left), to be shown until the first build is done.
	Served bool
	// Base is the URL path the site is served under, with slashes at both
	// ends.
	Base string
	// Log receives a line per build; nil logs nothing.
	Log *log.Logger
}

// DefaultInterval is how often the watched folders are polled when the
// operating system does not tell changes (and a tenth as often when it
// does). A poll of the LawRefBook corpus (3,456 files) stats every file in
// 15–30 ms.
const DefaultInterval = 200 * time.Millisecond

// Routes under the base path.
const (
	scriptPath = "_preview/reload.js"
	eventsPath = "_preview/events"
)

//go:embed reload.js
var reloadScript []byte

// State is what the pages are told after each build.
type State struct {
	// Build counts the good builds; a page loaded from an earlier one
	// reloads.
	Build int `json:"build"`
	// Error is the last build's error, "" when it succeeded.
	Error string `json:"error"`
}

// Preview rebuilds a site on changes and serves it with the reload script.
type Preview struct {
	cfg  Config
	site http.Handler

	mu      sync.Mutex
	state   State
	changed chan struct{} // closed and replaced at each new state
	built   bool          // a build has succeeded: site can serve
	closed  chan struct{} // closed by Close: event streams end
	once    sync.Once
}

// New returns a Preview serving site, the handler of the built folder.
func New(cfg Config, site http.Handler) *Preview {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	return &Preview{cfg: cfg, site: site, built: cfg.Served, changed: make(chan struct{}), closed: make(chan struct{})}
}

// Close ends the event streams, so that an HTTP server's shutdown need not
// wait for the pages to go.
func (p *Preview) Close() {
	p.once.Do(func() { close(p.closed) })
}

// State returns the state the pages were last told.
func (p *Preview) State() State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state
}

// next returns the state and a channel closed when it changes.
func (p *Preview) next() (State, <-chan struct{}) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state, p.changed
}

// Rebuild runs a build now and tells the pages how it went.
func (p *Preview) Rebuild() {
	start := time.Now()
	err := p.cfg.Build()
	p.mu.Lock()
	if err == nil {
		p.state = State{Build: p.state.Build + 1}
		p.built = true
		p.cfg.Log.Printf("built in %.2fs", time.Since(start).Seconds())
	} else {
		p.state.Error = err.Error()
		p.cfg.Log.Printf("build failed in %.2fs; still serving the last good build, the pages show the error", time.Since(start).Seconds())
	}
	close(p.changed)
	p.changed = make(chan struct{})
	p.mu.Unlock()
}

// Run builds the site, then builds it again after every change of the
// watched folders, until ctx is done. A change is seen as soon as the
// operating system tells it (then only the paths it told are looked at,
// and the folders are polled whole only every notifiedPolls Intervals,
// for what it fails to tell), else at the next poll; a change made during
// a build is seen right after it.
func (p *Preview) Run(ctx context.Context) {
	seen := take(p.cfg.Watch)
	interval, told := p.cfg.Interval, (<-chan struct{})(nil)
	n, err := newNotifier(p.cfg.Watch)
	if err == nil {
		defer n.close()
		interval, told = notifiedPolls*interval, n.C
	} else {
		p.cfg.Log.Printf("polling every %v: the system does not tell changes (%v)", interval, err)
	}
	p.rebuildAndTidy()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		var changed bool
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			changed = p.poll(&seen)
		case <-told:
			time.Sleep(settle)
			changed = p.look(n, &seen)
		}
		if changed {
			p.rebuildAndTidy()
		}
	}
}

// poll stamps every watched file again and reports whether any changed.
func (p *Preview) poll(seen *snapshot) bool {
	now := take(p.cfg.Watch)
	if now.equal(*seen) {
		return false
	}
	*seen = now
	return true
}

// look stamps again the paths n told changed, or every watched file when
// those cannot tell (snapshot.update), and reports whether any changed.
func (p *Preview) look(n *notifier, seen *snapshot) bool {
	paths, whole := n.drain()
	if !whole {
		if changed, ok := seen.update(p.cfg.Watch, paths); ok {
			return changed
		}
	}
	return p.poll(seen)
}

func (p *Preview) rebuildAndTidy() {
	p.Rebuild()
	if p.cfg.Tidy != nil {
		p.cfg.Tidy()
	}
}

// ServeHTTP serves the reload script, the events and the site, adding the
// script to its HTML pages.
func (p *Preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case p.cfg.Base + scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(reloadScript)
		return
	case p.cfg.Base + eventsPath:
		p.events(w, r)
		return
	}
	p.mu.Lock()
	built := p.built
	p.mu.Unlock()
	if !built {
		p.noBuild(w)
		return
	}
	// The script goes into the page's own bytes: no compressed variant,
	// no range of them.
	r.Header.Del("Accept-Encoding")
	r.Header.Del("Range")
	r.Header.Del("If-None-Match")
	r.Header.Del("If-Modified-Since")
	iw := &injector{ResponseWriter: w, tag: p.scriptTag()}
	p.site.ServeHTTP(iw, r)
	iw.finish()
}

func (p *Preview) scriptTag() string {
	return `<script src="` + p.cfg.Base + scriptPath + `"></script>`
}

// noBuild answers while no build has succeeded yet: the error, and the
// script that reloads the page when one does.
func (p *Preview) noBuild(w http.ResponseWriter) {
	st := p.State()
	msg := "正在构建，请稍候……"
	if st.Error != "" {
		msg = "构建失败：\n" + st.Error
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>预览</title>%s</head>"+
		"<body><pre>%s</pre></body></html>\n", p.scriptTag(), html.EscapeString(msg))
}

// events streams the state to a page: at once, then at every change,
// until the page goes away.
func (p *Preview) events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // the stream outlives the server's write timeout
	for {
		st, changed := p.next()
		data, _ := json.Marshal(st)
		if _, err := fmt.Fprintf(w, "data: %s\n\n", data); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-p.closed:
			return
		case <-changed:
		}
	}
}

// injector adds the script tag to an HTML response, before </body>.
type injector struct {
	http.ResponseWriter
	tag    string
	html   bool
	status int
	buf    []byte
}

func (w *injector) WriteHeader(code int) {
	if w.status != 0 {
		return
	}
	w.status = code
	h := w.Header()
	w.html = strings.HasPrefix(h.Get("Content-Type"), "text/html") && h.Get("Content-Encoding") == ""
	if !w.html {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	h.Del("Content-Length")
	h.Del("ETag") // the bytes served are not the file's
	h.Del("Last-Modified")
	h.Set("Cache-Control", "no-store")
}

func (w *injector) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if !w.html {
		return w.ResponseWriter.Write(b)
	}
	w.buf = append(w.buf, b...)
	return len(b), nil
}

// finish writes the buffered page with the tag in it.
func (w *injector) finish() {
	if !w.html {
		return
	}
	page := string(w.buf)
	if i := strings.LastIndex(page, "</body>"); i >= 0 {
		page = page[:i] + w.tag + page[i:]
	} else if len(page) > 0 {
		page += w.tag
	}
	w.ResponseWriter.WriteHeader(w.status)
	w.ResponseWriter.Write([]byte(page))
}
