package server

import (
	"encoding/json"
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
		s.fail(lw, r, http.StatusMethodNotAllowed, "只接受GET和HEAD请求")
		return
	}
	if len(r.URL.RawQuery) > maxRawQuery {
		s.fail(lw, r, http.StatusRequestURITooLong, "请求太长")
		return
	}
	g := s.acquire()
	if g == nil {
		h.Set("Retry-After", "5")
		s.fail(lw, r, http.StatusServiceUnavailable, "服务正在停止")
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
		writeJSONError(w, http.StatusNotFound, "没有这个接口")
	default:
		s.serveFile(w, r, g, rel)
	}
}

// health says the server is up, whether search is, and, as "degraded",
// that the last new build of the site was refused (the server still
// serves the build before it).
func (s *Server) health(w http.ResponseWriter, g *generation) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	h := struct {
		Status    string `json:"status"`
		Search    bool   `json:"search"`
		Refused   string `json:"refused,omitempty"`
		RefusedAt string `json:"refused_at,omitempty"`
	}{Status: "ok", Search: g.index != nil}
	if r := s.refused.Load(); r != nil {
		h.Status, h.Refused, h.RefusedAt = "degraded", r.err, r.at.UTC().Format(time.RFC3339)
	}
	json.NewEncoder(w).Encode(h)
}

// searchLimited runs a search when a slot is free within the wait, and
// answers 503 with Retry-After otherwise.
func (s *Server) searchLimited(w http.ResponseWriter, r *http.Request, g *generation) {
	if !s.limit.acquire(r.Context()) {
		w.Header().Set("Retry-After", "1")
		s.fail(w, r, http.StatusServiceUnavailable, "同时进行的搜索太多，请稍后再试")
		return
	}
	defer s.limit.release()
	g.search.ServeHTTP(w, r)
}

// fail answers a refused request: in JSON under the API, in text
// elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if s.isAPI(r.URL.Path) {
		writeJSONError(w, status, msg)
		return
	}
	http.Error(w, msg, status)
}

// isAPI reports whether a request path is under the API (B api/), whose
// answers, errors included, are JSON.
func (s *Server) isAPI(p string) bool {
	return strings.HasPrefix(p, s.base+"api/") || p == s.base+"api"
}

// writeJSONError answers with the JSON error body of the search API.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(jsonError(status, msg))
}

// jsonError is the JSON error body of the search API.
func jsonError(status int, msg string) []byte {
	b, _ := json.Marshal(apiError{Error: msg, Status: status})
	return append(b, '\n')
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
