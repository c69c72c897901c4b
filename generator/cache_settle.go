package generator

import (
	"io/fs"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// Settle looks again at the files whose stamps had not settled when the
// last parse through k read them (written within settle of it: a corpus
// just copied or checked out), reading each once more; one whose text is
// still what was read keeps its new, settled stamp, so the next parse
// need not read it. Run it once the files' changes are settle old, when
// no parse is under way: tiaoli preview runs it after its first build,
// before the first edit, which would otherwise read the whole corpus
// again. A file that cannot be looked at or read, or whose text changed,
// is left to the next parse.
func (k *Cache) Settle(fsys fs.FS) {
	k.mu.Lock()
	paths := make([]string, 0)
	for p, f := range k.files {
		if !f.stamp.settled() {
			paths = append(paths, p)
		}
	}
	k.mu.Unlock()
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range paths {
		g.Go(func() error {
			k.settleFile(fsys, p)
			return nil
		})
	}
	g.Wait()
}

// settleFile gives the file at p the stamp it has now when that stamp has
// settled and its text is the one k holds.
func (k *Cache) settleFile(fsys fs.FS, p string) {
	at := clock()
	fi, err := fs.Stat(fsys, p)
	if err != nil {
		return
	}
	s := stampOf(fi, at)
	if !s.settled() {
		return
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return
	}
	sum := digest(data)
	k.mu.Lock()
	defer k.mu.Unlock()
	if f, ok := k.files[p]; ok && f.digest == sum {
		f.stamp = s
	}
}
