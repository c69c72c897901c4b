package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
)

// A build that recycles (Options.Recycle) and finds nothing published at
// OUT leaves, beside the site it publishes, OUT.spare: a second name for
// each file it writes into the folders a later build may keep
// (Options.Reuse) and into the hidden folder of MarkerFile (the state the
// next build reads), linked as the file is written. The next build, with
// no OUT.prev to recycle, recycles OUT.spare instead, so that the first
// rebuild after a first build keeps its unchanged folders where they are
// as every later one does, instead of linking each of their files from
// OUT (on the LawRefBook corpus 160k links and 110k folders, 3.2 CPU-s).
// OUT.spare is no build to roll back to, and a build that does not
// recycle it removes it. When a link fails the spare is given up and
// removed; the build goes on.

// spare is the second tree of links a first build makes.
type spare struct {
	dir   string
	reuse []string // top-level names it holds
	dirs  sync.Map // its folders known to exist
	ok    atomic.Bool
}

// newSpare makes the empty spare folder dir of the site out, marked as a
// site; nil when it cannot.
func newSpare(dir, out string, reuse []string) *spare {
	if os.Mkdir(dir, 0o755) != nil || writeMarker(dir, out) != nil {
		os.RemoveAll(dir)
		return nil
	}
	sp := &spare{dir: dir, reuse: slices.Concat(reuse, []string{topName(MarkerFile)})}
	sp.ok.Store(true)
	return sp
}

// add links the file at dst, just written as name, into the spare when
// it is in one of its folders, and returns its path there ("" for none).
func (sp *spare) add(name, dst string) string {
	if sp == nil || !sp.ok.Load() || !slices.Contains(sp.reuse, topName(name)) || name == MarkerFile {
		return ""
	}
	rel := filepath.FromSlash(name)
	if mkdirs(sp.dir, filepath.Dir(rel), &sp.dirs) != nil {
		sp.ok.Store(false)
		return ""
	}
	p := filepath.Join(sp.dir, rel)
	sp.link(dst, p)
	return p
}

// link links dst as p, giving the spare up when it cannot.
func (sp *spare) link(dst, p string) {
	err := os.Link(dst, p)
	if errors.Is(err, fs.ErrExist) { // a name written twice
		os.Remove(p)
		err = os.Link(dst, p)
	}
	if err != nil {
		sp.ok.Store(false)
	}
}

// end removes the spare when it was given up or the build failed.
func (sp *spare) end(failed bool) {
	if sp != nil && (failed || !sp.ok.Load()) {
		os.RemoveAll(sp.dir)
	}
}
