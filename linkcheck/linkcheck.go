// Package linkcheck finds broken internal links and missing anchors in a
// built site: every href, src and action of every HTML page must lead to
// a file of the site, and every #fragment to an id (or <a name>) on the
// page it names.
//
// Links leaving the site (http:, mailto:, //host/…) are not followed. A
// root-absolute link (/fagui/t/) is checked when it starts with the
// site's base path and reported when it does not. The search index folder
// and dot folders are skipped.
package linkcheck

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Options configure a check.
type Options struct {
	// Base is the URL path the site is published under ("/" by default),
	// for the links that start with "/".
	Base string
	// Skip lists top-level folders that are not part of the site's pages.
	// "_index" when nil.
	Skip []string
}

// Problem is one broken link.
type Problem struct {
	Page    string // the page holding the link, relative to the site
	Line    int    // the line of the link in the page
	Link    string // the link as written
	Message string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.Page, p.Line, p.Link, p.Message)
}

// Stats counts what a check saw.
type Stats struct {
	Pages, Links int
}

// Check checks every page of the site in fsys.
func Check(fsys fs.FS, opts Options) ([]Problem, Stats, error) {
	if opts.Base == "" {
		opts.Base = "/"
	}
	if !strings.HasSuffix(opts.Base, "/") {
		opts.Base += "/"
	}
	if opts.Skip == nil {
		opts.Skip = []string{"_index"}
	}
	files, pages, err := list(fsys, opts.Skip)
	if err != nil {
		return nil, Stats{}, err
	}
	c := &checker{fsys: fsys, opts: opts, files: files, ids: make(map[string][]string, len(pages))}
	c.parseAll(pages)
	c.checkFragments()
	slices.SortFunc(c.problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Link, b.Link))
	})
	return c.problems, Stats{Pages: len(pages), Links: c.links}, c.err
}

// list finds every file of the site and the HTML pages among them.
func list(fsys fs.FS, skip []string) (map[string]bool, []string, error) {
	files := map[string]bool{}
	var pages []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || (!strings.Contains(p, "/") && contains(skip, p))) {
				return fs.SkipDir
			}
			return nil
		}
		files[p] = true
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	slices.Sort(pages)
	return files, pages, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checker holds the state of one check.
type checker struct {
	fsys  fs.FS
	opts  Options
	files map[string]bool

	mu       sync.Mutex
	ids      map[string][]string // sorted ids of each page
	pending  []pending           // fragments on other pages, checked last
	problems []Problem
	links    int
	err      error
}

// pending is a link to a fragment of another page.
type pending struct {
	from   Problem // the page, line and link, for the report
	target string
	frag   string
}

// parseAll parses the pages on GOMAXPROCS goroutines.
func (c *checker) parseAll(pages []string) {
	next := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			intern := map[string]string{}
			for p := range next {
				c.checkPage(p, intern)
			}
		}()
	}
	for _, p := range pages {
		next <- p
	}
	close(next)
	wg.Wait()
}

// checkPage reads one page, records its ids and checks its links; links
// to fragments of other pages wait until every page is read.
func (c *checker) checkPage(name string, intern map[string]string) {
	data, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		return
	}
	ids, links := scan(data, intern)
	own := map[string]bool{}
	for _, id := range ids {
		own[id] = true
	}
	var problems []Problem
	var later []pending
	for _, l := range links {
		p := Problem{Page: name, Line: l.line, Link: l.href}
		target, frag, msg := c.resolve(name, l.href)
		switch {
		case msg != "":
			p.Message = msg
			problems = append(problems, p)
		case frag == "" || target == "":
		case target == name:
			if !own[frag] {
				p.Message = "no anchor #" + frag + " on this page"
				problems = append(problems, p)
			}
		default:
			later = append(later, pending{from: p, target: target, frag: frag})
		}
	}
	slices.Sort(ids)
	c.mu.Lock()
	c.ids[name] = ids
	c.links += len(links)
	c.problems = append(c.problems, problems...)
	c.pending = append(c.pending, later...)
	c.mu.Unlock()
}

// resolve finds the file a link leads to and its fragment. target is ""
// for a link that leaves the site; msg says what is wrong.
func (c *checker) resolve(page, href string) (target, frag, msg string) {
	href = strings.TrimSpace(href)
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href, frag = href[:i], href[i+1:]
	}
	if i := strings.IndexByte(href, '?'); i >= 0 {
		href = href[:i]
	}
	if external(href) {
		return "", "", ""
	}
	if href == "" {
		return page, unescape(frag), ""
	}
	p := unescape(href)
	if strings.HasPrefix(p, "/") {
		rest, ok := strings.CutPrefix(p, c.opts.Base)
		if !ok && p+"/" != c.opts.Base {
			return "", "", "outside the site's base " + c.opts.Base
		}
		p = rest
	} else {
		p = path.Join(path.Dir(page), p)
		if p == ".." || strings.HasPrefix(p, "../") {
			return "", "", "leads above the site's root"
		}
		if strings.HasSuffix(href, "/") || href == "." || strings.HasSuffix(href, "/.") {
			p += "/"
		}
	}
	p = strings.TrimPrefix(p, "./")
	if p == "." || p == "" {
		p = "/"
	}
	return c.file(p, unescape(frag))
}

// file finds the file for a site path: a folder's index.html.
func (c *checker) file(p, frag string) (target, fragment, msg string) {
	if strings.HasSuffix(p, "/") {
		index := strings.TrimPrefix(p+"index.html", "/")
		if c.files[index] {
			return index, frag, ""
		}
		return "", "", "no page " + index
	}
	if c.files[p] {
		return p, frag, ""
	}
	if c.files[p+"/index.html"] {
		return p + "/index.html", frag, ""
	}
	return "", "", "no file " + p
}

// external reports whether a link leaves the site.
func external(href string) bool {
	if strings.HasPrefix(href, "//") {
		return true
	}
	colon := strings.IndexByte(href, ':')
	slash := strings.IndexByte(href, '/')
	return colon > 0 && (slash < 0 || colon < slash)
}

// checkFragments checks the links to fragments of other pages.
func (c *checker) checkFragments() {
	for _, p := range c.pending {
		ids := c.ids[p.target]
		if _, found := slices.BinarySearch(ids, p.frag); found {
			continue
		}
		p.from.Message = "no anchor #" + p.frag + " on " + p.target
		c.problems = append(c.problems, p.from)
	}
}
