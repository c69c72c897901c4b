package publish

import (
	"errors"
	"io/fs"
	"os"
	"slices"
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
//
// The spare is built as OUT.spare.new and takes its name only once the
// build it mirrors is swapped in, so that a build killed before that
// leaves debris the next one removes (clean), never a spare it would
// recycle: folders of a build never published, perhaps short of their
// .gz variants.

// spareNewSuffix names the spare while its build runs.
const spareNewSuffix = SpareSuffix + ".new"

// spare is the second tree of links a first build makes.
type spare struct {
	dir   string   // where it is built (OUT.spare.new)
	final string   // its name once the build is in (OUT.spare)
	reuse []string // top-level names it holds
	tree  *tree    // its folders
	ok    atomic.Bool
}

// newSpare makes the empty spare folder of the site out, marked as a
// site, under its temporary name; nil when it cannot.
func newSpare(out string, reuse []string) *spare {
	dir := out + spareNewSuffix
	if os.Mkdir(dir, 0o755) != nil {
		return nil // not ours to remove
	}
	if writeMarker(dir, out) != nil {
		os.RemoveAll(dir)
		return nil
	}
	sp := &spare{dir: dir, tree: newTree(dir), final: out + SpareSuffix, reuse: slices.Concat(reuse, []string{topName(MarkerFile)})}
	sp.ok.Store(true)
	return sp
}

// add links the file name, just written at the spot at of the folder
// from, into the spare when it is in one of its folders, and reports
// whether it did.
func (sp *spare) add(name string, at spot, from *dirRef) bool {
	if sp == nil || !sp.ok.Load() || !slices.Contains(sp.reuse, topName(name)) || name == MarkerFile {
		return false
	}
	to, err := sp.tree.folderOf(at)
	if err == nil {
		err = linkAt(from, to, at.within)
		sp.tree.open.release(to)
	}
	if err != nil {
		sp.ok.Store(false)
		return false
	}
	return true
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

// end removes the spare when it was given up or the build failed, and
// else gives it its name: the build it mirrors is in.
func (sp *spare) end(failed bool) {
	if sp == nil {
		return
	}
	sp.tree.open.drop()
	if failed || !sp.ok.Load() || os.Rename(sp.dir, sp.final) != nil {
		os.RemoveAll(sp.dir)
	}
}
