package publish

import (
	"bytes"
	stdgzip "compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
)

// benchPage is an article page of about 12 KB: markup around Chinese text,
// as the site renders them.
func benchPage(i int) []byte {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>第五条</title>` +
		`<link rel="stylesheet" href="../../../assets/site.css?v=033b0686"></head><body><nav class="crumbs">`)
	for p := 0; p < 12; p++ {
		fmt.Fprintf(&b, `<p id="p%d" class="clause">第%d款 党委（党组）对下级党组织“一把手”开展监督谈话，`+
			`应当坚持问题导向，紧扣<a class="term" href="../../../t/t%d/">监督谈话</a>的职责任务，`+
			`聚焦政治建设、廉洁自律等方面存在的突出问题，做到有的放矢。</p>`, p+1, i+p, p)
	}
	b.WriteString(`</main><script src="../../../assets/site.js?v=691103ac" defer></script></body></html>`)
	return []byte(b.String())
}

// BenchmarkGzip compresses article pages at several levels with the
// package's gzip and the standard library's; it reports the compressed
// size in percent of the page.
func BenchmarkGzip(b *testing.B) {
	page := benchPage(1)
	type writer interface {
		Reset(io.Writer)
		Write([]byte) (int, error)
		Close() error
	}
	for _, level := range []int{1, 2, 4, 6, 9} {
		for _, lib := range []string{"klauspost", "std"} {
			b.Run(fmt.Sprintf("%s-level%d", lib, level), func(b *testing.B) {
				var buf bytes.Buffer
				var zw writer
				if lib == "std" {
					zw, _ = stdgzip.NewWriterLevel(&buf, level)
				} else {
					zw, _ = gzip.NewWriterLevel(&buf, level)
				}
				b.SetBytes(int64(len(page)))
				for b.Loop() {
					buf.Reset()
					zw.Reset(&buf)
					zw.Write(page)
					zw.Close()
				}
				b.ReportMetric(100*float64(buf.Len())/float64(len(page)), "%size")
			})
		}
	}
}

// BenchmarkWriteFile writes pages through a Staging, with their .gz
// variants: first into an empty folder, then over an identical published
// build (every file kept). Set TMPDIR to a tmpfs to leave the disk out.
func BenchmarkWriteFile(b *testing.B) {
	const n = 2000
	pages := make([][]byte, n)
	for i := range pages {
		pages[i] = benchPage(i)
	}
	for _, mode := range []string{"new", "unchanged"} {
		b.Run(mode, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			opts := DefaultOptions
			opts.Sync = false
			write := func() {
				st, err := BeginOptions(out, opts)
				if err != nil {
					b.Fatal(err)
				}
				for i, p := range pages {
					if err := st.WriteFile(fmt.Sprintf("d/doc%d/a%d/index.html", i/50, i), p); err != nil {
						b.Fatal(err)
					}
				}
				if err := st.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			if mode == "unchanged" {
				write()
			}
			for b.Loop() {
				if mode == "new" {
					os.RemoveAll(out)
					os.RemoveAll(out + PrevSuffix)
				}
				write()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
