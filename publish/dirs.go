package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A page's file is made, and linked into the spare, relative to the
// folder above its own (the folder of its document), held open: a path
// from the root is walked again by the kernel at each call, which on
// the LawRefBook corpus (ten names deep in tmpfs, four calls a page) cost
// a third of the time of those calls.

// spot is where WriteFile puts the file name: in the folder folder of
// the tree, which is leaf of the folder base ("" when folder is base, the
// root), as within, relative to base. All are slash-separated.
type spot struct{ base, folder, leaf, within string }

func spotOf(name string) spot {
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return spot{base: ".", folder: ".", within: name}
	}
	folder := name[:i]
	j := strings.LastIndexByte(folder, '/')
	if j < 0 {
		return spot{base: ".", folder: folder, leaf: folder, within: name}
	}
	return spot{base: folder[:j], folder: folder, leaf: folder[j+1:], within: name[j+1:]}
}

// tree is a folder being filled: the folders of it known to exist, and
// those open to make files in.
type tree struct {
	root string
	dirs folders
	open dirCache
}

func newTree(root string) *tree { return &tree{root: root, open: dirCache{root: root}} }

// mkdirs makes the folder rel of the tree (OS-separated), and its parents.
func (t *tree) mkdirs(rel string) error { return mkdirs(t.root, rel, &t.dirs) }

// folderOf opens the base of sp, made when missing, and makes the folder
// of sp in it unless it is there. The caller releases what it returns.
func (t *tree) folderOf(sp spot) (*dirRef, error) {
	d, err := t.open.get(sp.base)
	if errors.Is(err, fs.ErrNotExist) {
		if err := t.mkdirs(filepath.FromSlash(sp.base)); err != nil {
			return nil, err
		}
		d, err = t.open.get(sp.base)
	}
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	if sp.leaf == "" {
		return d, nil
	}
	// The folder is made without looking it up first: most are new (the
	// folder of one page), and a mkdir that finds the folder there costs
	// less than the two lookups of a map under a lock that spared it.
	if err := mkdirAt(d, sp.leaf); err != nil {
		t.open.release(d)
		return nil, fmt.Errorf("publish: %w", err)
	}
	return d, nil
}

// mkdirs makes the folder rel of root, and its parents, unless known
// holds it, and adds it to known. It makes rel first and its parent only
// when that fails for want of it: the parent of a new folder is most
// often there already.
func mkdirs(root, rel string, known *folders) error {
	if rel == "." || known.has(rel) {
		return nil
	}
	p := filepath.Join(root, rel)
	err := os.Mkdir(p, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdirs(root, filepath.Dir(rel), known); err != nil {
			return err
		}
		err = os.Mkdir(p, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("publish: %w", err)
	}
	known.add(rel)
	return nil
}

// folders are the folders of a tree known to exist. A build looks up the
// folder of each file it writes: a map under a lock costs a tenth of what
// a sync.Map did, which boxed each name in an interface to hash it.
type folders struct {
	mu    sync.Mutex
	known map[string]bool
}

func (f *folders) has(rel string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.known[rel]
}

func (f *folders) add(rel string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.known == nil {
		f.known = map[string]bool{}
	}
	f.known[rel] = true
}

// dirRef is a folder of a tree open to make files in.
type dirRef struct {
	fd    int
	path  string // the folder, for errors
	users int    // callers between get and release
	gone  bool   // out of the cache: closed when its last user is done
}

// dirCache holds open the folders of a tree written into lately. Pages
// come document by document, so a few are enough; when it is full it
// lets all go.
type dirCache struct {
	root string
	mu   sync.Mutex
	open map[string]*dirRef
}

// openDirs is how many folders a dirCache holds open at most.
const openDirs = 32

// get returns the folder rel (slash-separated) of the tree, opening it
// when it is not open.
func (c *dirCache) get(rel string) (*dirRef, error) {
	if d := c.use(rel); d != nil {
		return d, nil
	}
	p := filepath.Join(c.root, filepath.FromSlash(rel))
	fd, err := openDir(p)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if d := c.open[rel]; d != nil { // opened meanwhile
		closeDir(fd)
		d.users++
		return d, nil
	}
	if len(c.open) >= openDirs {
		c.dropLocked()
	}
	if c.open == nil {
		c.open = map[string]*dirRef{}
	}
	d := &dirRef{fd: fd, path: p, users: 1}
	c.open[rel] = d
	return d, nil
}

// use returns the folder rel when it is open, nil when not.
func (c *dirCache) use(rel string) *dirRef {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.open[rel]
	if d != nil {
		d.users++
	}
	return d
}

// release ends a use of d that get began.
func (c *dirCache) release(d *dirRef) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d.users--
	if d.gone && d.users == 0 {
		closeDir(d.fd)
	}
}

// drop closes every folder once its users are done.
func (c *dirCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLocked()
}

func (c *dirCache) dropLocked() {
	for rel, d := range c.open {
		d.gone = true
		if d.users == 0 {
			closeDir(d.fd)
		}
		delete(c.open, rel)
	}
}
