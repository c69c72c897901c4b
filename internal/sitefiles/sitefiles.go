// Package sitefiles is the site.Writer of tests and benchmarks: it keeps
// the files a render writes in memory (or only counts them), and can pass
// them on to another writer, such as a publish.Staging, recording their
// names.
package sitefiles

import (
	"slices"
	"sync"
)

// Writer receives the files of a site. It is safe for concurrent use.
type Writer struct {
	// Discard only counts the files, keeping neither their names nor
	// their data (for benchmarks).
	Discard bool
	// Next, when set, receives every file after the Writer has seen it.
	Next interface {
		WriteFile(name string, data []byte) error
	}

	mu    sync.Mutex
	files map[string][]byte
	names []string
	count int
	bytes int64
}

// WriteFile records a file and passes it on to Next.
func (w *Writer) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	w.count++
	w.bytes += int64(len(data))
	if !w.Discard {
		if w.files == nil {
			w.files = map[string][]byte{}
		}
		w.names = append(w.names, name)
		w.files[name] = append([]byte(nil), data...)
	}
	w.mu.Unlock()
	if w.Next != nil {
		return w.Next.WriteFile(name, data)
	}
	return nil
}

// KeepTree asks Next to keep a folder of the published build as it is,
// when Next can (site.TreeKeeper); it reports false otherwise, so that
// every page is rendered.
func (w *Writer) KeepTree(dir string) (bool, error) {
	if k, ok := w.Next.(interface{ KeepTree(string) (bool, error) }); ok {
		return k.KeepTree(dir)
	}
	return false, nil
}

// Files returns the files kept, by name (slash-separated, relative to the
// site's root). The map is the Writer's own: do not change it.
func (w *Writer) Files() map[string][]byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files
}

// Names lists the names written, sorted (none with Discard).
func (w *Writer) Names() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := append([]string(nil), w.names...)
	slices.Sort(out)
	return out
}

// Count is the number of files written and their total size in bytes.
func (w *Writer) Count() (files int, bytes int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count, w.bytes
}
