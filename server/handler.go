package server

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// Security headers sent with every response. The policy allows the site's
// own files only: scripts and styles must be files, not inline.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; " +
		"base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "same-origin",
	"X-Frame-Options":        "SAMEORIGIN",
}

// ServeHTTP answers one request (see the package documentation).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	lw := &logWriter{ResponseWriter: w}
	defer s.logAccess(lw, r, start)
	defer s.recoverPanic(lw, r)
	h := lw.Header()
	for k, v := range securityHeaders {
		h.Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(lw, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(r.URL.RawQuery) > maxRawQuery {
		http.Error(lw, "request URI too long", http.StatusRequestURITooLong)
		return
	}
	g := s.acquire()
	if g == nil {
		h.Set("Retry-After", "5")
		http.Error(lw, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer g.release()
	s.route(lw, r, g)
}

// route sends a request to the handler for its path.
func (s *Server) route(w http.ResponseWriter, r *http.Request, g *generation) {
	p := r.URL.Path
	if p == "/healthz" || p == s.base+"healthz" {
		s.health(w, g)
		return
	}
	rel, ok := strings.CutPrefix(p, s.base)
	if !ok {
		if p == "/" || p+"/" == s.base {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		s.notFound(w, r, g)
		return
	}
	switch {
	case rel == "search" || rel == "search/" || rel == "api/search":
		s.searchLimited(w, r, g)
	case strings.HasPrefix(rel, "api/"):
		writeJSONError(w, http.StatusNotFound, "no such API")
	default:
		s.serveFile(w, r, g, rel)
	}
}

// health says the server is up and whether search is.
func (s *Server) health(w http.ResponseWriter, g *generation) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "{\"status\":\"ok\",\"search\":%v}\n", g.index != nil)
}

// searchLimited runs a search when a slot is free within the wait, and
// answers 503 with Retry-After otherwise.
func (s *Server) searchLimited(w http.ResponseWriter, r *http.Request, g *generation) {
	if !s.limit.acquire(r.Context()) {
		w.Header().Set("Retry-After", "1")
		msg := "同时进行的搜索太多，请稍后再试"
		if strings.HasSuffix(r.URL.Path, "/api/search") {
			writeJSONError(w, http.StatusServiceUnavailable, msg)
		} else {
			http.Error(w, msg, http.StatusServiceUnavailable)
		}
		return
	}
	defer s.limit.release()
	g.search.ServeHTTP(w, r)
}

// writeJSONError answers with the JSON error body of the search API.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "{\"error\":%q,\"status\":%d}\n", msg, status)
}

// redirectToFolder sends a request for a folder without its final slash
// to the folder, relative to the request so that it works behind any
// proxy.
func redirectToFolder(w http.ResponseWriter, r *http.Request) {
	target := url.PathEscape(path.Base(r.URL.Path)) + "/"
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}
