// Package search builds the bleve index of a site, runs queries on it and
// serves them over HTTP.
package search

import (
	"context"
	"net/http"

	"tiaoli/generator/model"
)

// IndexDir is the folder of the index inside a built site. It is never
// served as files.
const IndexDir = "_index"

// BuildIndex writes the search index of c into dir, which must not exist.
func BuildIndex(c *model.Corpus, dir string) error { return nil }

// Index is an open search index.
type Index struct{}

// Open opens the index in dir.
func Open(dir string) (*Index, error) { return &Index{}, nil }

// Close releases the index.
func (ix *Index) Close() error { return nil }

// Request is a parsed search request.
type Request struct {
	Query string
	From  int
	Size  int
}

// Response is the answer to a Request.
type Response struct{}

// Search runs a request.
func (ix *Index) Search(ctx context.Context, req Request) (*Response, error) { return &Response{}, nil }

// HandlerOptions configure the HTTP handler.
type HandlerOptions struct{}

// NewHandler serves /search (an HTML results page) and /api/search (JSON).
// current returns the index to use for each request, so that a server can
// swap in a new one.
func NewHandler(current func() *Index, opts HandlerOptions) http.Handler {
	return http.NotFoundHandler()
}
