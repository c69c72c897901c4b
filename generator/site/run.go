package site

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// job renders one page (or a few files) with a worker's buffers.
type job func(w *worker) error

// worker holds the buffers one goroutine reuses from page to page.
type worker struct {
	r   *renderer
	out Writer
	buf bytes.Buffer
	txt textBuilder
}

// page executes a page template into the worker's buffer and writes it.
func (w *worker) page(kind, url string, data any) error {
	w.buf.Reset()
	if err := w.r.tmpl[kind].Execute(&w.buf, data); err != nil {
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

// run renders every job on a bounded number of goroutines, stopping at
// the first error.
func (r *renderer) run(out Writer) error {
	jobs := r.jobs()
	n := r.opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	var (
		next, done atomic.Int64
		failed     atomic.Bool
		firstErr   error
		errOnce    sync.Once
		progress   sync.Mutex
		wg         sync.WaitGroup
	)
	report := func(d int64) {
		if r.opts.Progress == nil || (d%512 != 0 && int(d) != len(jobs)) {
			return
		}
		progress.Lock()
		r.opts.Progress(int(d), len(jobs))
		progress.Unlock()
	}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{r: r, out: out}
			for !failed.Load() {
				j := int(next.Add(1) - 1)
				if j >= len(jobs) {
					return
				}
				if err := jobs[j](w); err != nil {
					errOnce.Do(func() { firstErr = err })
					failed.Store(true)
					return
				}
				report(done.Add(1))
			}
		}()
	}
	wg.Wait()
	if firstErr == nil && r.frameErr != nil {
		firstErr = fmt.Errorf("render the frame of pages: %w", r.frameErr)
	}
	return firstErr
}

// jobs lists every page of the site. Big pages come first so that the
// workers finish together.
func (r *renderer) jobs() []job {
	var jobs []job
	jobs = append(jobs, r.fixedJobs()...)
	seen := map[string]bool{}
	for _, d := range r.c.Documents {
		jobs = append(jobs, r.documentJobs(d, seen)...)
	}
	jobs = append(jobs, r.workJobs(seen)...)
	for i, t := range r.c.Terms {
		i := i
		if claim(seen, t.URL) {
			jobs = append(jobs, func(w *worker) error { return w.termPage(i) })
		}
	}
	for _, s := range r.c.Sources {
		s := s
		if claim(seen, s.URL) {
			jobs = append(jobs, func(w *worker) error { return w.sourcePage(s) })
		}
	}
	return jobs
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
