package publish

import (
	"bytes"
	"github.com/klauspost/compress/gzip"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// GzipLevel is the compression level of the .gz variants. Measured on
// the 1,398 pages and files of 8 KiB and more of a build of the first 400
// files of the LawRefBook corpus's 行政法规 (34 MB: document, term and
// list pages, the report, the sitemap), one core, CPU time: level 6 of
// klauspost/compress makes 20.1% of the size in 251 ms, level 4 21.1% in
// 190 ms, level 2 22.1% in 153 ms, level 1 22.7% in 144 ms. Level 2 takes
// two fifths off the compression, which was an eighth of such a build's
// CPU, for variants a tenth bigger (see also BenchmarkGzip; the standard
// library's level 6 runs at less than half the speed of this package's).
// The variants are standard gzip.
var GzipLevel = 2

// compressibleExts are the endings of text files worth compressing.
var compressibleExts = map[string]bool{
	".html": true, ".htm": true, ".css": true, ".js": true, ".mjs": true, ".json": true,
	".xml": true, ".svg": true, ".txt": true, ".atom": true, ".rss": true, ".map": true,
	".csv": true, ".md": true, ".webmanifest": true,
}

// Compressible reports whether a file of that name is text that a .gz
// variant would shrink.
func Compressible(name string) bool {
	return compressibleExts[strings.ToLower(path.Ext(name))]
}

// compressor writes .gz variants with a pool of workers. add blocks when
// the workers are behind, so memory stays bounded.
type compressor struct {
	jobs  chan gzJob
	wg    sync.WaitGroup
	once  sync.Once
	count *atomic.Int64

	mu  sync.Mutex
	err error
}

// gzJob compresses data into dst.gz, and links that as also.gz into
// spare when also is not "". copy, when not nil, holds data and goes back
// to copies once data is compressed.
type gzJob struct {
	dst, also string
	data      []byte
	copy      *[]byte
	spare     *spare
}

// copies are the buffers that hold the data of queued jobs: a build
// queues the bytes of every big page (300 MB on the LawRefBook corpus),
// which fresh copies would give the collector to sweep.
var copies = sync.Pool{New: func() any { return new([]byte) }}

func newCompressor(workers int, count *atomic.Int64) *compressor {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	c := &compressor{jobs: make(chan gzJob, 4*workers), count: count}
	for range workers {
		c.wg.Add(1)
		go c.work()
	}
	return c
}

// add queues j. It keeps a copy of its data: a Writer's caller may reuse
// data as soon as WriteFile returns.
func (c *compressor) add(j gzJob) error {
	if err := c.firstErr(); err != nil {
		return err
	}
	j.copy = copies.Get().(*[]byte)
	*j.copy = append((*j.copy)[:0], j.data...)
	j.data = *j.copy
	c.jobs <- j
	return nil
}

func (c *compressor) work() {
	defer c.wg.Done()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, GzipLevel)
	for j := range c.jobs {
		c.compress(j, &buf, zw)
		if j.copy != nil {
			copies.Put(j.copy)
		}
	}
}

// compress writes the .gz variant of j, compressing with zw into buf.
func (c *compressor) compress(j gzJob, buf *bytes.Buffer, zw *gzip.Writer) {
	if c.firstErr() != nil {
		return // drain
	}
	buf.Reset()
	zw.Reset(buf)
	zw.Write(j.data)
	zw.Close()
	if buf.Len() >= len(j.data)-len(j.data)/10 {
		return // saves less than a tenth: not worth a variant
	}
	if err := writeNew(j.dst+".gz", buf.Bytes()); err != nil {
		c.setErr(err)
		return
	}
	c.count.Add(1)
	if j.also != "" {
		j.spare.link(j.dst+".gz", j.also+".gz")
	}
}

// wait stops the workers once the queue is empty and returns the first
// error.
func (c *compressor) wait() error {
	c.once.Do(func() { close(c.jobs) })
	c.wg.Wait()
	return c.firstErr()
}

func (c *compressor) firstErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *compressor) setErr(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}
