package search

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"tiaoli/templates"
)

// HandlerOptions configure the HTTP handler.
type HandlerOptions struct {
	// Base is the URL path the site is published under ("/", "/fagui/");
	// result links and the form's action start with it.
	Base string
	// Timeout bounds each search; 0 means DefaultTimeout.
	Timeout time.Duration
	// Templates holds the site's layout, its assets and
	// search_results.html; nil means the built-in templates.
	Templates fs.FS
}

// DefaultTimeout bounds a search when HandlerOptions.Timeout is 0.
const DefaultTimeout = 3 * time.Second

// maxRawQuery bounds the raw query string of a request, in bytes: far
// more than a query of MaxQueryRunes needs, even percent-encoded.
const maxRawQuery = 4096

// handler serves /search and /api/search.
type handler struct {
	current func() *Index
	opts    HandlerOptions
	page    *pageRenderer
}

// NewHandler serves /search (an HTML results page that works without
// JavaScript) and /api/search (JSON, the same as `tiaoli search --json`):
// any request path ending in /api/search gets JSON, any other the page.
// Parameters: q (the query), page (from 1), size (hits per page, capped
// at MaxPageSize). current returns the index to use for each request, so
// that a server can swap in a new one; nil means search is unavailable
// (503).
func NewHandler(current func() *Index, opts HandlerOptions) http.Handler {
	opts.Base = normalBase(opts.Base)
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Templates == nil {
		opts.Templates = templates.FS("")
	}
	return &handler{current: current, opts: opts, page: newPageRenderer(opts.Templates, opts.Base)}
}

// normalBase makes a base path start and end with "/".
func normalBase(b string) string {
	b = "/" + strings.Trim(b, "/") + "/"
	if b == "//" {
		return "/"
	}
	return b
}

// apiError is the JSON body of a refused request.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	api := strings.HasSuffix(r.URL.Path, "/api/search")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		h.fail(w, r, api, http.StatusMethodNotAllowed, "method not allowed", "")
		return
	}
	q := r.URL.Query().Get("q")
	req, err := readRequest(r)
	if err != nil {
		h.fail(w, r, api, http.StatusBadRequest, err.Error(), q)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		h.answer(w, r, api, &Response{Hits: []Hit{}, Facets: emptyFacets(), Page: 1, Size: req.Size})
		return
	}
	ix := h.current()
	if ix == nil {
		h.fail(w, r, api, http.StatusServiceUnavailable, "搜索暂不可用：站点没有搜索索引", q)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	resp, err := ix.Search(ctx, req)
	if err != nil {
		status, msg := errorStatus(err)
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "1")
		}
		h.fail(w, r, api, status, msg, q)
		return
	}
	h.answer(w, r, api, resp)
}

// readRequest reads q, page and size. A bad page or size, or a raw query
// string beyond maxRawQuery, is an error; a query over the limits is
// refused later by the parser.
func readRequest(r *http.Request) (Request, error) {
	if len(r.URL.RawQuery) > maxRawQuery {
		return Request{}, queryErrorf("请求太长：%d字节，上限%d字节", len(r.URL.RawQuery), maxRawQuery)
	}
	v := r.URL.Query()
	req := Request{Query: v.Get("q"), Size: DefaultPageSize}
	if s := v.Get("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return req, queryErrorf("每页条数应为正整数")
		}
		req.Size = min(n, MaxPageSize)
	}
	page := 1
	if s := v.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return req, queryErrorf("页码应为正整数")
		}
		if n > MaxResults/req.Size {
			return req, queryErrorf("页码太大：结果只列到第%d条", MaxResults)
		}
		page = n
	}
	req.From = (page - 1) * req.Size
	return req, nil
}

// errorStatus maps a search error to an HTTP status and a message a
// reader can act on.
func errorStatus(err error) (int, string) {
	var qe *QueryError
	switch {
	case errors.As(err, &qe):
		return http.StatusBadRequest, qe.Msg
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "搜索用时过长，请换用更确切的词再试"
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "搜索已取消"
	}
	return http.StatusInternalServerError, "搜索出错"
}

func (h *handler) answer(w http.ResponseWriter, r *http.Request, api bool, resp *Response) {
	if api {
		writeJSON(w, http.StatusOK, resp)
		return
	}
	h.page.render(w, http.StatusOK, h.view(resp, ""))
}

func (h *handler) fail(w http.ResponseWriter, r *http.Request, api bool, status int, msg, q string) {
	if api {
		writeJSON(w, status, apiError{Error: msg, Status: status})
		return
	}
	resp := &Response{Query: q, Hits: []Hit{}, Facets: emptyFacets()}
	v := h.view(resp, msg)
	h.page.render(w, status, v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
