package site

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// job renders the files it names with a worker's buffers: a page, or a
// few files (articles.json, sitemap.xml and its parts). A job that names
// no file writes files it finds itself (the assets), or keeps the pages
// of a document from an earlier build (keptDocumentJob). The names are the one
// map from a site's file to what renders it: Render runs every job, a
// Pages renders the job that owns the file asked for.
type job struct {
	files  []string
	render func(w *worker) error
}

// pageJob renders the page at url (a URL of package address, or a file
// name such as 404.html) into pageFile(url).
func pageJob(url string, render func(w *worker) error) job {
	return job{files: []string{pageFile(url)}, render: render}
}

// worker holds the buffers one goroutine reuses from page to page.
type worker struct {
	r   *renderer
	out Writer
	buf bytes.Buffer
	txt textBuilder
	// shared is what the article pages of the last document share.
	shared *articleDoc
}

// page executes a page template into the worker's buffer and writes it.
// The HTML taken from w.txt for the page is given back after, for the
// next page: data must hold none taken for another page.
func (w *worker) page(kind, url string, data any) error {
	defer w.txt.reset()
	w.buf.Reset()
	pt := w.r.tmpl[kind]
	if _, err := pt.ready(); err != nil {
		return errorf(url, err)
	}
	if err := pt.exec.Execute(&w.buf, data); err != nil {
		return errorf(url, err)
	}
	if err := w.out.WriteFile(pageFile(url), w.buf.Bytes()); err != nil {
		return errorf(url, err)
	}
	return nil
}

// file writes bytes as they are.
func (w *worker) file(name string, data []byte) error {
	return w.out.WriteFile(name, data)
}

// run renders every job on a bounded number of workers, each with its own
// buffers, stopping at the first error.
func (r *renderer) run(out Writer) error {
	jobs := r.jobs()
	n := r.opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	var (
		next, done atomic.Int64
		progress   sync.Mutex
	)
	report := func(d int64) {
		if r.opts.Progress == nil || (d%512 != 0 && int(d) != len(jobs)) {
			return
		}
		progress.Lock()
		r.opts.Progress(int(d), len(jobs))
		progress.Unlock()
	}
	g, ctx := errgroup.WithContext(context.Background())
	for range n {
		g.Go(func() error {
			w := &worker{r: r, out: out} // its buffers serve every page it renders
			for ctx.Err() == nil {
				j := int(next.Add(1) - 1)
				if j >= len(jobs) {
					return nil
				}
				if err := jobs[j].render(w); err != nil {
					return err
				}
				report(done.Add(1))
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return r.frameError()
}

// jobs lists every page of the site. Big pages come first so that the
// workers finish together.
func (r *renderer) jobs() []job {
	fixed, pages := r.fixedJobs(), r.pageCount()
	// A job per page and per document's list of articles: the list is
	// made at its length instead of grown by doubling (161k pages of the
	// LawRefBook corpus, listed again after each edit in preview).
	jobs := make([]job, 0, len(fixed)+pages+len(r.c.Documents))
	jobs = append(jobs, fixed...)
	seen := make(map[string]bool, pages)
	for _, d := range r.c.Documents {
		jobs = r.documentJobs(jobs, d, seen)
	}
	jobs = append(jobs, r.workJobs(seen)...)
	for i, t := range r.c.Terms {
		i := i
		if !claim(seen, t.URL) {
			continue
		}
		jobs = append(jobs, r.keptPage(pageJob(t.URL, func(w *worker) error { return w.termPage(i) }), t.URL))
	}
	for _, s := range r.c.Sources {
		s := s
		if claim(seen, s.URL) {
			jobs = append(jobs, r.keptSource(pageJob(s.URL, func(w *worker) error { return w.sourcePage(s) }), s.URL))
		}
	}
	return jobs
}

// keptSource is the job j of the source page at url, made to keep the
// page from the published build when its digest is unchanged since. Only
// the published build's: a build the Writer starts from (Options.Recycled)
// retains no source pages (TreeRoots).
func (r *renderer) keptSource(j job, url string) job {
	if r.state.keepsPage(r.opts.Previous, url) {
		render := j.render
		j.render = func(w *worker) error { return w.keepTree(url, render) }
	}
	return j
}

// keptPage is the job j of the term or comparison page at url, made to
// keep the page instead when its digest is unchanged (incremental.go).
func (r *renderer) keptPage(j job, url string) job {
	if r.state.keepsPage(r.opts.Previous, url) || r.state.keepsPage(r.opts.Recycled, url) {
		render := j.render
		j.render = func(w *worker) error { return w.keepTree(url, render) }
	}
	return j
}

// claim reports whether url is still free, and takes it. Two things with
// one URL (a label printed twice) get one page, the first's, so that the
// output does not depend on which is written last.
func claim(seen map[string]bool, url string) bool {
	if url == "" || seen[url] {
		return false
	}
	seen[url] = true
	return true
}

// pageCount is about how many pages the site has, to size the maps of
// them.
func (r *renderer) pageCount() int {
	n := len(r.c.Terms) + len(r.c.Sources) + len(r.c.Works) + len(r.c.Comparisons)
	for _, d := range r.c.Documents {
		n += 1 + len(d.Articles) + len(d.Sections)
	}
	return n
}
