package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"strings"
	"time"

	"tiaoli/search"
)

// searchTimeout bounds a search from the command line.
const searchTimeout = 10 * time.Second

func runSearch(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("search", "--site DIR [--json] [--page N] [--size N] QUERY", stderr)
	site := fl.String("site", "public", "the built site whose index to search")
	asJSON := fl.Bool("json", false, "print the answer as JSON (the same as /api/search)")
	page := fl.Int("page", 1, "the page of results to print")
	size := fl.Int("size", search.DefaultPageSize, fmt.Sprintf("hits per page (at most %d)", search.MaxPageSize))
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	query := strings.Join(fl.Args(), " ")
	if strings.TrimSpace(query) == "" {
		return usageError(fl, "no QUERY given")
	}
	if *page < 1 || *size < 1 {
		return usageError(fl, "--page and --size must be positive")
	}
	req := search.Request{Query: query, Size: min(*size, search.MaxPageSize)}
	req.From = (*page - 1) * req.Size
	resp, err := searchSite(*site, req)
	var qe *search.QueryError
	switch {
	case errors.As(err, &qe):
		return usageError(fl, "%v", err)
	case err != nil:
		fmt.Fprintf(stderr, "tiaoli search: %v\n", err)
		return 1
	}
	if !*asJSON {
		printHits(stdout, resp)
		return 0
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(resp); err != nil {
		fmt.Fprintf(stderr, "tiaoli search: %v\n", err)
		return 1
	}
	return 0
}

// searchSite runs a request on the index of a built site.
func searchSite(site string, req search.Request) (*search.Response, error) {
	ix, err := search.Open(filepath.Join(site, search.IndexDir))
	if err != nil {
		return nil, fmt.Errorf("%w (build the site with tiaoli build first)", err)
	}
	defer ix.Close()
	ctx, cancel := context.WithTimeout(context.Background(), searchTimeout)
	defer cancel()
	return ix.Search(ctx, req)
}

// printHits writes the answer for a reader: one block per hit with its
// URL and fragments, matches in 【】.
func printHits(w io.Writer, resp *search.Response) {
	fmt.Fprint(w, plural(int64(resp.Total), "result"))
	if resp.Pages > 1 {
		fmt.Fprintf(w, ", page %d of %d", resp.Page, resp.Pages)
	}
	fmt.Fprintln(w)
	if resp.Relaxed {
		words := "“" + strings.Join(resp.Words, "”、“") + "”"
		if resp.Strict > 0 {
			fmt.Fprintf(w, "只有前 %d 条结果含有原样的词句，其后的结果分开查找%s。\n", resp.Strict, words)
		} else if resp.Partial {
			fmt.Fprintf(w, "没有同时包含%s的条文，以下结果包含其中部分词语。\n", words)
		} else {
			fmt.Fprintf(w, "没有找到原样的词句，以下结果分开查找%s。\n", words)
		}
	}
	for i, h := range resp.Hits {
		title := h.Title
		if h.Article != "" {
			title += " " + h.Article
		}
		if h.Status != "" {
			title += " (" + h.Status + ")"
		}
		fmt.Fprintf(w, "\n%d. %s [%s]\n   %s\n", (resp.Page-1)*resp.Size+i+1, title, h.Kind, h.URL)
		for _, f := range h.Fragments {
			fmt.Fprintf(w, "   %s\n", plainFragment(f))
		}
	}
}

// plainFragment turns an HTML fragment into text with 【】 for <mark>.
func plainFragment(f string) string {
	f = strings.ReplaceAll(f, "<mark>", "【")
	f = strings.ReplaceAll(f, "</mark>", "】")
	return html.UnescapeString(f)
}
