package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"tiaoli/generator/address"
	"tiaoli/search"
	"tiaoli/templates"
)

// SearchOptions configure the search routes.
type SearchOptions struct {
	// Base is the URL path the site is published under ("/", "/fagui/");
	// result links and the form's action start with it. A Server sets it
	// from Config.Base.
	Base string
	// Timeout bounds each search; 0 means DefaultSearchTimeout.
	Timeout time.Duration
	// Templates holds the site's layout, its assets and
	// search_results.html; nil means the built-in templates.
	Templates fs.FS
}

// DefaultSearchTimeout bounds a search when SearchOptions.Timeout is 0.
const DefaultSearchTimeout = 3 * time.Second

// maxSearchQuery bounds the raw query string of a search, in bytes: far
// more than a query of search.MaxQueryRunes needs, even percent-encoded.
const maxSearchQuery = 4096

// searchHandler serves /search and /api/search.
type searchHandler struct {
	current func() *search.Index
	opts    SearchOptions
	page    *pageRenderer
}

// newSearchHandler serves /search (an HTML results page that works
// without JavaScript) and /api/search (JSON, the same as `tiaoli search
// --json`): any request path ending in /api/search gets JSON, any other
// the page. Parameters: q (the query), page (from 1), size (hits per page,
// capped at search.MaxPageSize). current returns the index to use for each
// request; nil means search is unavailable (503).
func newSearchHandler(current func() *search.Index, opts SearchOptions) http.Handler {
	opts.Base = address.Base(opts.Base)
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultSearchTimeout
	}
	if opts.Templates == nil {
		opts.Templates = templates.FS("")
	}
	return &searchHandler{current: current, opts: opts, page: newPageRenderer(opts.Templates, opts.Base)}
}

// apiError is the JSON body of a refused request.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func (h *searchHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	api := strings.HasSuffix(r.URL.Path, "/api/search")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		h.fail(w, api, http.StatusMethodNotAllowed, "method not allowed", "")
		return
	}
	q := r.URL.Query().Get("q")
	req, err := readSearchRequest(r)
	if err != nil {
		h.fail(w, api, http.StatusBadRequest, err.Error(), q)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		h.answer(w, api, &search.Response{Hits: []search.Hit{}, Facets: search.EmptyFacets(), Page: 1, Size: req.Size})
		return
	}
	ix := h.current()
	if ix == nil {
		h.fail(w, api, http.StatusServiceUnavailable, "搜索暂不可用：站点没有搜索索引", q)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	resp, err := ix.Search(ctx, req)
	if err != nil {
		status, msg := searchErrorStatus(err)
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "1")
		}
		h.fail(w, api, status, msg, q)
		return
	}
	h.answer(w, api, resp)
}

// readSearchRequest reads q, page and size. A bad page or size, or a raw
// query string beyond maxSearchQuery, is an error whose text a reader
// sees; a query over the limits is refused later by the parser.
func readSearchRequest(r *http.Request) (search.Request, error) {
	if len(r.URL.RawQuery) > maxSearchQuery {
		return search.Request{}, fmt.Errorf("请求太长：%d字节，上限%d字节", len(r.URL.RawQuery), maxSearchQuery)
	}
	v := r.URL.Query()
	req := search.Request{Query: v.Get("q"), Size: search.DefaultPageSize}
	if s := v.Get("size"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return req, errors.New("每页条数应为正整数")
		}
		req.Size = min(n, search.MaxPageSize)
	}
	page := 1
	if s := v.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return req, errors.New("页码应为正整数")
		}
		if n > search.MaxResults/req.Size {
			return req, fmt.Errorf("页码太大：结果只列到第%d条", search.MaxResults)
		}
		page = n
	}
	req.From = (page - 1) * req.Size
	return req, nil
}

// searchErrorStatus maps a search error to an HTTP status and a message a
// reader can act on.
func searchErrorStatus(err error) (int, string) {
	var qe *search.QueryError
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

func (h *searchHandler) answer(w http.ResponseWriter, api bool, resp *search.Response) {
	if api {
		writeJSON(w, http.StatusOK, resp)
		return
	}
	h.page.render(w, http.StatusOK, h.view(resp, ""))
}

func (h *searchHandler) fail(w http.ResponseWriter, api bool, status int, msg, q string) {
	if api {
		writeJSON(w, status, apiError{Error: msg, Status: status})
		return
	}
	resp := &search.Response{Query: q, Hits: []search.Hit{}, Facets: search.EmptyFacets()}
	h.page.render(w, status, h.view(resp, msg))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
