package site_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/internal/sitefiles"
	"tiaoli/publish"
)

// corpus parses the LawRefBook corpus once, or skips. With
// TIAOLI_BENCH_CORPUS set to the output of `tiaoli parse --json` it reads
// that instead, to time rendering apart from parsing; with
// TIAOLI_BENCH_CONTENT set to a content folder it parses that folder.
var corpus = sync.OnceValues(func() (*model.Corpus, time.Duration) {
	start := time.Now()
	if dir := os.Getenv("TIAOLI_BENCH_CONTENT"); dir != "" {
		return generator.Parse(os.DirFS(dir)), time.Since(start)
	}
	if p := os.Getenv("TIAOLI_BENCH_CORPUS"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, 0
		}
		var c model.Corpus
		if err := json.Unmarshal(data, &c); err != nil {
			return nil, 0
		}
		return &c, time.Since(start)
	}
	dir, _ := os.Getwd()
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
	}
	laws := filepath.Join(dir, "..", "shared", "corpus", "lawrefbook-laws")
	if _, err := os.Stat(laws); err != nil {
		return nil, 0
	}
	c := generator.Parse(os.DirFS(laws))
	return c, time.Since(start)
})

// lawCorpus is the corpus, cut to its first TIAOLI_BENCH_DOCS documents
// when that is set.
func lawCorpus(b *testing.B) *model.Corpus {
	c, took := corpus()
	if c == nil {
		b.Skip("../shared/corpus/lawrefbook-laws not found: skipping")
	}
	if n, err := strconv.Atoi(os.Getenv("TIAOLI_BENCH_DOCS")); err == nil && n < len(c.Documents) {
		cut := *c
		cut.Documents = c.Documents[:n]
		c = &cut
	}
	b.Logf("parsed %d documents in %.1fs", len(c.Documents), took.Seconds())
	return c
}

// BenchmarkRenderCorpus renders the whole LawRefBook corpus into memory
// (nothing written) and reports pages per second.
func BenchmarkRenderCorpus(b *testing.B) {
	c := lawCorpus(b)
	benchRender(b, c, func() site.Writer { return &sitefiles.Writer{Discard: true} })
}

// BenchmarkRenderCorpusPublish renders the corpus through the publishing
// writer (compressed variants, the swap) into tmpfs, as tiaoli build does.
func BenchmarkRenderCorpusPublish(b *testing.B) {
	c := lawCorpus(b)
	dir, err := os.MkdirTemp("/dev/shm", "tiaoli-bench-")
	if err != nil {
		b.Skip("no /dev/shm")
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	var pages int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := publish.Begin(filepath.Join(dir, "public"))
		if err != nil {
			b.Fatal(err)
		}
		if err := site.Render(c, site.Options{Base: "/"}, st); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := st.Commit(); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "commit-s")
		pages = countPages(c)
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkRenderCorpusFirstBuild renders the corpus as a first tiaoli
// build does: into a new folder of tmpfs each time, with the compressed
// variants and the spare tree of links for the next build.
func BenchmarkRenderCorpusFirstBuild(b *testing.B) {
	c := lawCorpus(b)
	dir, err := os.MkdirTemp("/dev/shm", "tiaoli-bench-")
	if err != nil {
		b.Skip("no /dev/shm")
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	opts := publish.DefaultOptions
	opts.Recycle, opts.Reuse = true, site.TreeRoots(c)
	var user, sys time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u0, s0 := cpuTimes()
		out := filepath.Join(dir, "public"+strconv.Itoa(i))
		st, err := publish.BeginOptions(out, opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := site.Render(c, site.Options{Base: "/"}, st); err != nil {
			b.Fatal(err)
		}
		if err := st.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		u1, s1 := cpuTimes()
		user, sys = user+u1-u0, sys+s1-s0
		for _, p := range []string{out, out + publish.SpareSuffix, out + publish.LockSuffix} {
			os.RemoveAll(p)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(countPages(c))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(user.Seconds()/float64(b.N), "user-s/op")
	b.ReportMetric(sys.Seconds()/float64(b.N), "sys-s/op")
}

func benchRender(b *testing.B, c *model.Corpus, writer func() site.Writer) {
	var pages int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := writer()
		if err := site.Render(c, site.Options{Base: "/"}, w); err != nil {
			b.Fatal(err)
		}
		if cw, ok := w.(*sitefiles.Writer); ok {
			pages, _ = cw.Count()
		}
	}
	b.StopTimer()
	if pages == 0 {
		pages = countPages(c)
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heapMB")
}

func countPages(c *model.Corpus) int {
	n := len(c.Terms) + len(c.Sources)
	for _, d := range c.Documents {
		n += 1 + len(d.Articles) + len(d.Sections)
	}
	return n
}

// BenchmarkLazyCorpus prepares the lazy site of the LawRefBook corpus and
// asks it for the first time for a page of each kind that costs the most
// to render (an article, a document, a term, the editor's report). It
// reports the setup and each page in milliseconds.
func BenchmarkLazyCorpus(b *testing.B) {
	c := lawCorpus(b)
	d := c.Documents[0]
	for _, x := range c.Documents {
		if len(x.Articles) > len(d.Articles) {
			d = x
		}
	}
	pages := []struct{ name, file string }{
		{"article", d.Articles[len(d.Articles)/2].URL + "index.html"},
		{"document", d.URL + "index.html"},
		{"term", c.Terms[len(c.Terms)/2].URL + "index.html"},
		{"report", "report/index.html"},
		{"home", "index.html"},
	}
	took := make([]time.Duration, len(pages)+1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		p, err := site.Lazy(c, site.Options{Base: "/"})
		if err != nil {
			b.Fatal(err)
		}
		took[0] += time.Since(start)
		for k, pg := range pages {
			start := time.Now()
			if _, err := p.ReadFile(pg.file); err != nil {
				b.Fatal(err)
			}
			took[k+1] += time.Since(start)
		}
	}
	b.ReportMetric(took[0].Seconds()*1000/float64(b.N), "setup-ms")
	for k, pg := range pages {
		b.ReportMetric(took[k+1].Seconds()*1000/float64(b.N), pg.name+"-ms")
	}
}
