package search

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Scorch persists and merges segments in the background and, when writing
// fails (a full disk, a quota, a read-only file system), reports the error
// to a callback and tries again, forever: a build waiting for a batch to
// be persisted or for a merge would wait with it. So a build registers a
// failure for its index, scorch's callback records the first error there,
// and every wait of the build also waits for that.

// asyncErrorCallback is the name of the callback in scorch's registry.
const asyncErrorCallback = "tiaoli-build"

// failures are the failures of the indexes being built, by scorch path.
var failures sync.Map

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
		if f, ok := failures.Load(filepath.Clean(path)); ok {
			f.(*failure).set(err)
		}
	}
}

// failure is the first background error of one index; done is closed when
// there is one.
type failure struct {
	once sync.Once
	err  error
	done chan struct{}
}

// watchFailures records the background errors of the index in dir, opened
// with buildConfig, until stop; when they are already recorded, it
// returns that failure and a stop that does nothing.
func watchFailures(dir string) (f *failure, stop func()) {
	key := filepath.Clean(filepath.Join(dir, "store"))
	v, loaded := failures.LoadOrStore(key, &failure{done: make(chan struct{})})
	f = v.(*failure)
	if loaded {
		return f, func() {}
	}
	return f, func() { failures.CompareAndDelete(key, f) }
}

func (f *failure) set(err error) {
	f.once.Do(func() {
		f.err = fmt.Errorf("writing the index: %w", err)
		close(f.done)
	})
}

// failed is closed when the index has failed; nil (never ready) for a nil
// failure.
func (f *failure) failed() <-chan struct{} {
	if f == nil {
		return nil
	}
	return f.done
}
