// Package sitecheck builds a whole site and its search index from a few
// content files in one test, the way tiaoli build does, and checks that
// every place a reader can be sent to exists:
//
//   - every href, src and #fragment of every page (package linkcheck);
//   - every anchor the model gives (package address): each 款, 项 and 目 on
//     its article page and on its document page, each heading and section;
//   - every URL a hit of the search index can have (search.Index.URLs),
//     and every URL the searches return, anchors included.
//
// Content comes as a txtar archive, as in Hugo's integration tests:
//
//	-- regs/rule.md --
//	# 某某办法
//
//	第一条 …
//	-- glossary.yaml --
//	…
//
// or as any fs.FS (the sample content folder, part of the shared corpus).
package sitecheck

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"tiaoli/generator"
	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/linkcheck"
	"tiaoli/publish"
	"tiaoli/search"
)

// Site is a site built for a test.
type Site struct {
	Dir    string // the published folder; the search index is inside it
	Corpus *model.Corpus
	Index  *search.Index
}

// Build builds the site of the content files in a txtar archive.
func Build(t testing.TB, archive string) *Site {
	t.Helper()
	return BuildFS(t, Parse(archive))
}

// BuildFS builds the site of a content folder, with its search index, into
// a temporary folder.
func BuildFS(t testing.TB, content fs.FS) *Site {
	t.Helper()
	c := generator.Parse(content)
	for _, e := range c.Errors {
		t.Logf("content: %s:%d: %s", e.Path, e.Line, e.Message)
	}
	dir := filepath.Join(t.TempDir(), "public")
	st, err := publish.Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := site.Render(c, site.Options{Base: "/"}, st); err != nil {
		st.Abort()
		t.Fatalf("render: %v", err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := search.BuildIndex(c, filepath.Join(dir, search.IndexDir)); err != nil {
		t.Fatalf("search index: %v", err)
	}
	ix, err := search.Open(filepath.Join(dir, search.IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return &Site{Dir: dir, Corpus: c, Index: ix}
}

// Parse reads a txtar archive into a folder of files: each "-- name --"
// line starts a file holding the lines after it. Text before the first
// file is a comment.
func Parse(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(body.String())}
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(archive, "\n") {
		l := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") && len(l) > 6 {
			flush()
			name = strings.TrimSpace(l[3 : len(l)-3])
			continue
		}
		body.WriteString(line)
	}
	flush()
	return fsys
}

// Search runs a query on the site's index and returns the URLs of its
// hits (up to MaxPageSize).
func (s *Site) Search(t testing.TB, query string) []string {
	t.Helper()
	resp, err := s.Index.Search(context.Background(), search.Request{Query: query, Size: search.MaxPageSize})
	if err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	var urls []string
	for _, h := range resp.Hits {
		urls = append(urls, h.URL)
	}
	return urls
}

// Check checks every link of the site, every anchor of the model, every
// URL a hit of the search index can have, and every URL returned by the
// queries given and by a query for the start of each 款 and 项 (up to
// maxQueries). It returns how many places it checked.
func (s *Site) Check(t testing.TB, queries ...string) int {
	t.Helper()
	targets := map[string]string{} // URL → why it must exist
	for _, u := range modelAnchors(s.Corpus) {
		targets[u] = "an anchor of the model"
	}
	n, err := s.Index.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	urls, err := s.Index.URLs(int(n))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range urls {
		targets[u] = "a URL of the search index"
	}
	for _, q := range append(queries, unitQueries(s.Corpus, maxQueries)...) {
		for _, u := range s.Search(t, q) {
			targets[u] = fmt.Sprintf("a hit of the search %q", q)
		}
	}
	problems, stats, err := linkcheck.Check(withTargets(os.DirFS(s.Dir), targets), linkcheck.Options{Base: "/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if p.Page == targetsPage {
			t.Errorf("%s (%s) does not resolve: %s", p.Link, targets[strings.TrimPrefix(p.Link, "/")], p.Message)
			continue
		}
		t.Error(p)
	}
	if stats.Links == 0 {
		t.Error("no links checked")
	}
	return stats.Links
}

// maxQueries bounds the queries Check makes from the text of the corpus.
const maxQueries = 300

// targetsPage is the page, added to the site for the check, that links to
// every place that must exist.
const targetsPage = "sitecheck-targets.html"

// withTargets is the site with a page linking to every target.
func withTargets(site fs.FS, targets map[string]string) fs.FS {
	urls := slices.Sorted(maps.Keys(targets))
	var b strings.Builder
	b.WriteString("<!doctype html>\n<title>targets</title>\n")
	for _, u := range urls {
		fmt.Fprintf(&b, "<a href=\"/%s\">%s</a>\n", html.EscapeString(u), html.EscapeString(targets[u]))
	}
	return overlay{site, targetsPage, []byte(b.String())}
}

// overlay is a folder with one more file at its root.
type overlay struct {
	fs.FS
	name string
	data []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if name == o.name {
		return fstest.MapFS{name: {Data: o.data}}.Open(name)
	}
	return o.FS.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(o.FS, name)
	if err != nil || name != "." {
		return list, err
	}
	extra, err := fs.ReadDir(fstest.MapFS{o.name: {Data: o.data}}, ".")
	if err != nil {
		return nil, err
	}
	list = append(list, extra...)
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return cmp.Compare(a.Name(), b.Name()) })
	return list, nil
}

// modelAnchors lists the URL of every anchored place in the corpus.
func modelAnchors(c *model.Corpus) []string {
	var out []string
	for _, d := range c.Documents {
		for _, h := range d.Headings {
			out = append(out, d.URL+"#"+h.Anchor)
		}
		out = appendSections(out, d.URL, d.Sections)
		for _, a := range d.Articles {
			if a == nil {
				continue
			}
			out = append(out, a.URL, d.URL+"#"+address.DocumentAnchor(a, ""))
			for _, cl := range a.Clauses {
				if cl != nil {
					out = appendPlace(out, d, a, cl.Anchor)
					out = appendItems(out, d, a, cl.Items)
				}
			}
		}
	}
	for _, t := range c.Terms {
		out = append(out, t.URL)
	}
	return out
}

// appendPlace adds a place of article a: on the article's page and on
// its document's.
func appendPlace(out []string, d *model.Document, a *model.Article, anchor string) []string {
	return append(out, a.URL+"#"+anchor, d.URL+"#"+address.DocumentAnchor(a, anchor))
}

func appendItems(out []string, d *model.Document, a *model.Article, items []*model.Item) []string {
	for _, it := range items {
		if it != nil {
			out = appendPlace(out, d, a, it.Anchor)
			out = appendItems(out, d, a, it.Items)
		}
	}
	return out
}

func appendSections(out []string, page string, secs []*model.Section) []string {
	for _, s := range secs {
		if s != nil {
			out = append(out, page+"#"+s.Anchor)
			out = appendSections(out, page, s.Sections)
		}
	}
	return out
}

// unitQueries are queries for the first words of 项 and 款, items first
// (their anchors are the ones that depend on what the text prints), at
// most max of them.
func unitQueries(c *model.Corpus, max int) []string {
	var items, clauses []string
	for _, d := range c.Documents {
		for _, a := range d.Articles {
			if a == nil {
				continue
			}
			for _, cl := range a.Clauses {
				if cl == nil {
					continue
				}
				clauses = appendQuery(clauses, cl.Text)
				for _, it := range cl.Items {
					if it != nil {
						items = appendQuery(items, it.Text)
					}
				}
			}
		}
	}
	out := append(items, clauses...)
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// appendQuery adds a phrase of the first Han characters of text, when it
// has enough of them to find something particular.
func appendQuery(list []string, text string) []string {
	var b strings.Builder
	n := 0
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			if n > 0 {
				break
			}
			continue
		}
		b.WriteRune(r)
		if n++; n == 6 {
			break
		}
	}
	if n < 4 {
		return list
	}
	return append(list, `"`+b.String()+`"`)
}
