// Package publish writes a built site beside the published one and swaps it
// in whole, so that the published folder is replaced whole or not at all.
//
// For a published folder OUT, the package keeps these siblings:
//
//	OUT.staging   the build in progress (debris of a failed or killed build
//	              until the next build removes it)
//	OUT.prev      the build that was published before OUT, for Rollback
//	OUT.trash     a build on its way out, or what of a recycled build
//	              the new one does not keep (removed while the build
//	              runs; debris until then)
//	OUT.lock      held while a build or a rollback runs
//	OUT.spare     after a first build, a second set of links to its files
//	              for the next build to start from (spare.go); built as
//	              OUT.spare.new, debris until the build is in
//	OUT.cache     what a build keeps for the next one that is no part of
//	              the site (the parsed sources: generator.Store); never
//	              published, and removable at any time
//
// Commit swaps OUT.staging and OUT in one step: on Linux with renameat2
// RENAME_EXCHANGE, on macOS with renamex_np RENAME_SWAP. Elsewhere, and on
// file systems without an exchange, it falls back to two renames (OUT to
// OUT.prev, then OUT.staging to OUT), between which OUT is briefly missing.
// A web server reading OUT by path sees the old site or the new one, never
// a mix.
//
// WriteFile compares each file with the one of the same name in the
// published build and, when the bytes are equal, hard-links the published
// file instead of writing a new one, so unchanged files keep their bytes,
// inode and modification time and a sync to a web server copies only what
// changed. Text files of at least MinCompressSize bytes get a gzip variant
// NAME.gz beside them, made by a pool of workers while the build goes on.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// Suffixes of the folders kept beside the published one.
const (
	StagingSuffix = ".staging"
	PrevSuffix    = ".prev"
	TrashSuffix   = ".trash"
	LockSuffix    = ".lock"
	CacheSuffix   = ".cache"
	SpareSuffix   = ".spare"
)

// folderSuffixes name every folder a build keeps or leaves beside the
// published one.
var folderSuffixes = []string{StagingSuffix, PrevSuffix, TrashSuffix, CacheSuffix, SpareSuffix, spareNewSuffix}

// CacheDir is the folder beside the published folder out (followed when
// it is a symbolic link, as BeginOptions follows it) where builds keep
// what they reuse and do not publish. It fails, as BeginOptions does, when
// out overlaps one of apart.
func CacheDir(out string, apart []string) (string, error) {
	out, err := resolve(out)
	if err != nil {
		return "", err
	}
	if err := checkApart(out, apart); err != nil {
		return "", err
	}
	return out + CacheSuffix, nil
}

// Options tune a build. The zero value compresses nothing; DefaultOptions
// is what Begin uses.
type Options struct {
	// Compress writes NAME.gz beside text files (see Compressible).
	Compress bool
	// MinCompressSize is the smallest file that gets a .gz variant.
	MinCompressSize int
	// Workers compress in parallel; 0 means GOMAXPROCS.
	Workers int
	// Sync flushes the new build to disk before it is swapped in, so that
	// a power cut right after cannot publish files that were never
	// written.
	Sync bool
	// Force replaces an out folder that is not a site (see MarkerFile)
	// and holds files; those files are removed, not kept as OUT.prev.
	Force bool
	// Recycle starts the build from OUT.prev instead of an empty folder
	// (recycle.go); Reuse names the top-level folders of it that may be
	// kept (Staging.Retain), the rest goes at once.
	Recycle bool
	Reuse   []string
	// Apart are folders that out, OUT.prev, OUT.staging, OUT.trash and
	// OUT.cache must not be, hold or be inside: the content folder of a
	// build.
	Apart []string
}

// DefaultOptions compress text files of 8 KiB and more. On the LawRefBook
// corpus that is 10,481 of 160,030 pages but 272 of 969 MB of HTML: the
// document, term and list pages where gzip saves a reader real time. The
// typical article page (4–8 KiB, 1.9 KiB gzipped) is left to the web
// server's on-the-fly compression: precompressing all of them cost a
// quarter of the build's CPU and doubled its files.
var DefaultOptions = Options{Compress: true, MinCompressSize: 8 << 10, Sync: true}

// Stats count what a build did with its files.
type Stats struct {
	Written    int64 // files written anew
	Kept       int64 // unchanged files linked from the published build
	Compressed int64 // .gz variants written or kept
	Reused     int64 // folders of a recycled build kept where they were
}

// Staging is a site being built beside the published folder.
type Staging struct {
	out, dir string
	opts     Options
	lock     *lockFile
	foreign  bool  // out is not a site and goes when the build is in (Force)
	tree     *tree // the staging folder
	// none is true when no build is published at out: there is no file
	// to keep, and WriteFile does not look for one (a failed open per
	// file, a hundredth of a first build's time).
	none bool
	// readable is true when the umask leaves the files and folders this
	// package makes readable by all, so Commit need not walk them.
	readable bool
	// own are the top-level names WriteFile made; Commit makes the
	// others (written by other writers into Dir) readable.
	own sync.Map
	gz  *compressor
	// recycled is the folder the build started from (OUT.prev or
	// OUT.spare), "" for none; retained are the folders of it that
	// Retain kept.
	recycled string
	retained map[string]bool
	// spare, when not nil, gets a link to each file written (spare.go).
	spare *spare
	// discarded gives the error of removing what recycle moved aside,
	// once it is gone; nil when nothing was.
	discarded <-chan error

	mu     sync.Mutex
	closed bool

	written, kept, compressed, reused atomic.Int64
}

// Begin starts a new build of the folder out with DefaultOptions.
func Begin(out string) (*Staging, error) { return BeginOptions(out, DefaultOptions) }

// BeginOptions starts a new build of the folder out. It takes the build
// lock (failing when another build of out runs), removes the debris of
// builds that failed or were killed, and makes an empty staging folder
// with MarkerFile in it. When out is a symbolic link, the folder it points
// to is the one replaced. It refuses an out folder that overlaps one of
// opts.Apart, and one that is not a site and holds files unless
// opts.Force. It is Prepare, then Pending.Begin with opts.Reuse.
func BeginOptions(out string, opts Options) (*Staging, error) {
	p, err := Prepare(out, opts)
	if err != nil {
		return nil, err
	}
	return p.Begin(opts.Reuse)
}

// A Pending build holds the build lock of a published folder and has
// checked the folders beside it, but has changed nothing yet: a build
// takes it before it knows what it will write (while it parses) and
// begins once it does, or releases it, leaving every folder as it was.
// Nothing else builds, installs or rolls back that folder meanwhile, so
// the published build and the one Begin would recycle can be read.
type Pending struct {
	out     string
	opts    Options
	lock    *lockFile
	foreign bool // out is not a site (Options.Force)
	done    bool
}

// Prepare takes the build lock of out and checks out and OUT.prev as
// BeginOptions does, changing nothing.
func Prepare(out string, opts Options) (p *Pending, err error) {
	out, err = resolve(out)
	if err != nil {
		return nil, err
	}
	if err := checkApart(out, opts.Apart); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	lk, err := acquire(out + LockSuffix)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lk.release()
		}
	}()
	foreign, err := owned(out, opts.Force)
	if err != nil {
		return nil, err
	}
	if _, err := owned(out+PrevSuffix, opts.Force); err != nil {
		return nil, err // a commit would remove it
	}
	return &Pending{out: out, opts: opts, lock: lk, foreign: foreign}, nil
}

// Published is the folder the build replaces.
func (p *Pending) Published() string { return p.out }

// Recyclable is the folder Begin will start from (OUT.prev or OUT.spare,
// see recycle), "" when it will start from an empty one.
func (p *Pending) Recyclable() string {
	if !p.opts.Recycle {
		return ""
	}
	for _, from := range []string{p.out + PrevSuffix, p.out + SpareSuffix} {
		if IsSite(from) {
			return from
		}
	}
	return ""
}

// Release gives the lock up without building: every folder stays as it
// was. Release after Begin, or twice, does nothing.
func (p *Pending) Release() {
	if !p.done {
		p.done = true
		p.lock.release()
	}
}

// Begin starts the build: it removes the debris of builds that failed or
// were killed and makes the staging folder, with MarkerFile in it, from
// the folder Recyclable names (the folders reuse names of it may be kept,
// Staging.Retain) or else empty. The Pending is then spent; when Begin
// fails, the lock is released.
func (p *Pending) Begin(reuse []string) (s *Staging, err error) {
	if p.done {
		return nil, errors.New("publish: build already begun or released")
	}
	p.done = true
	defer func() {
		if err != nil {
			p.lock.release()
		}
	}()
	out, opts := p.out, p.opts
	opts.Reuse = reuse
	if err := clean(out, opts.Force); err != nil {
		return nil, err
	}
	dir := out + StagingSuffix
	recycled, err := recycle(out, dir, opts)
	var discarded <-chan error
	if recycled != "" {
		discarded = discard(out + TrashSuffix)
	}
	defer func() {
		if err != nil && discarded != nil {
			<-discarded // before the lock goes
		}
	}()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("publish: %w", err)
	}
	if err := removeDebris(out+SpareSuffix, opts.Force); err != nil { // unless recycled
		os.RemoveAll(dir)
		return nil, err
	}
	if recycled == "" {
		if err := os.Mkdir(dir, 0o755); err != nil {
			return nil, err
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil { // whatever the umask
		return nil, err
	}
	if err := writeMarker(dir, out); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("publish: %w", err)
	}
	_, statErr := os.Stat(out)
	s = &Staging{out: out, dir: dir, tree: newTree(dir), opts: opts, lock: p.lock, readable: umaskReadable(), foreign: p.foreign, recycled: recycled,
		none: errors.Is(statErr, fs.ErrNotExist), discarded: discarded}
	if s.none && opts.Recycle {
		s.spare = newSpare(out, opts.Reuse)
	}
	s.own.Store(topName(MarkerFile), true)
	if opts.Compress {
		s.gz = newCompressor(opts.Workers, &s.compressed)
	}
	return s, nil
}

// resolve cleans out and follows it when it is a symbolic link.
func resolve(out string) (string, error) {
	out = filepath.Clean(out)
	if out == "." || out == string(filepath.Separator) {
		return "", fmt.Errorf("publish: refusing to replace %q", out)
	}
	fi, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return out, nil
	case err != nil:
		return "", err
	case fi.Mode()&fs.ModeSymlink != 0:
		return filepath.EvalSymlinks(out)
	case !fi.IsDir():
		return "", fmt.Errorf("publish: %s exists and is not a folder", out)
	}
	return out, nil
}

// clean removes what failed or killed builds left beside out: folders
// that are sites, or empty, or anything with force.
func clean(out string, force bool) error {
	for _, suffix := range []string{StagingSuffix, TrashSuffix, spareNewSuffix} {
		if err := removeDebris(out+suffix, force); err != nil {
			return err
		}
	}
	return nil
}

// removeDebris removes the folder p beside out that an earlier build left,
// when it is a site, or empty, or anything with force.
func removeDebris(p string, force bool) error {
	if _, err := owned(p, force); err != nil {
		return err
	}
	if err := os.RemoveAll(p); err != nil {
		return fmt.Errorf("publish: removing debris of an earlier build: %w", err)
	}
	return nil
}

// Dir is the folder the new build is written to.
func (s *Staging) Dir() string { return s.dir }

// Published is the folder the build replaces.
func (s *Staging) Published() string { return s.out }

// Stats reports what the build has done with its files so far.
func (s *Staging) Stats() Stats {
	return Stats{Written: s.written.Load(), Kept: s.kept.Load(), Compressed: s.compressed.Load(), Reused: s.reused.Load()}
}

// WriteFile writes one file of the new build. name is slash-separated and
// relative to the site root. When the published build has a file of that
// name with the same bytes, that file is linked instead. It is safe to call
// from several goroutines at once.
func (s *Staging) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if s.isClosed() {
		return fmt.Errorf("publish: write of %s after the build ended", name)
	}
	s.markOwn(name)
	if !s.none {
		rel := filepath.FromSlash(name)
		old, dst := filepath.Join(s.out, rel), filepath.Join(s.dir, rel)
		if err := s.mkdirs(filepath.Dir(rel)); err != nil {
			return err
		}
		if holds(old, data) && link(old, dst) == nil {
			s.kept.Add(1)
			return s.variant(name, old, data, true, false)
		}
	}
	sp := spotOf(name)
	d, err := s.tree.folderOf(sp)
	if err != nil {
		return err
	}
	defer s.tree.open.release(d)
	if err := writeNewAt(d, sp.within, data); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	s.written.Add(1)
	return s.variant(name, "", data, false, s.spare.add(name, sp, d))
}

// variant makes or keeps the .gz variant of the file name just written,
// of the published file old when unchanged; spared is true when the
// spare has the file, and gets the variant too.
func (s *Staging) variant(name, old string, data []byte, unchanged, spared bool) error {
	if s.gz == nil || len(data) < s.opts.MinCompressSize || !Compressible(name) {
		return nil
	}
	rel := filepath.FromSlash(name)
	dst := filepath.Join(s.dir, rel)
	if unchanged && keep(old+".gz", dst+".gz") == nil {
		s.compressed.Add(1)
		return nil
	}
	j := gzJob{dst: dst, data: data}
	if spared {
		j.spare, j.also = s.spare, filepath.Join(s.spare.tree.root, rel)
	}
	return s.gz.add(j)
}

// checkName refuses names that are not clean relative slash paths.
func checkName(name string) error {
	if name == "" || name == "." || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") ||
		strings.ContainsRune(name, 0) || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") {
		return fmt.Errorf("publish: bad file name %q", name)
	}
	return nil
}

// topName is the first element of a slash-separated name.
func topName(name string) string {
	if i := strings.IndexByte(name, '/'); i >= 0 {
		return name[:i]
	}
	return name
}

// mkdirs makes a folder of the staging folder, and its parents, and
// remembers them: one mkdir per new folder, no stat.
func (s *Staging) mkdirs(rel string) error { return s.tree.mkdirs(rel) }

// markOwn notes the top-level name of name as made by WriteFile. It looks
// before it stores: a store replaces the entry, an allocation for each of
// a build's files.
func (s *Staging) markOwn(name string) {
	top := topName(name)
	if _, ok := s.own.Load(top); !ok {
		s.own.Store(top, true)
	}
}

func (s *Staging) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// close marks the build ended and waits for the compressors and for
// the removal of what recycle moved aside. It reports whether the build
// was still open and the first error of either.
func (s *Staging) close() (bool, error) {
	s.mu.Lock()
	was := !s.closed
	s.closed = true
	s.mu.Unlock()
	if !was {
		return false, nil
	}
	s.tree.open.drop()
	var err error
	if s.gz != nil {
		err = s.gz.wait()
	}
	if derr := s.waitDiscarded(); err == nil {
		err = derr
	}
	return true, err
}

// Commit swaps the new build in: the published build becomes OUT.prev and
// the build before it is removed. After Commit the Staging is spent.
func (s *Staging) Commit() error {
	was, err := s.close()
	if !was {
		return errors.New("publish: build already ended")
	}
	defer s.lock.release()
	if err == nil {
		err = s.checkRetained()
	}
	if err == nil {
		if err = s.makeReadable(); err != nil {
			err = fmt.Errorf("publish: %w", err)
		}
	}
	if err == nil {
		if err = s.flush(); err != nil {
			err = fmt.Errorf("publish: flushing the new build: %w", err)
		}
	}
	if err == nil {
		err = swapIn(s.dir, s.out, s.foreign)
	}
	s.spare.end(err != nil)
	if err != nil {
		os.RemoveAll(s.dir)
		return err
	}
	return os.RemoveAll(s.out + TrashSuffix)
}

// lockOut resolves the published folder out and takes its build lock.
func lockOut(out string) (string, *lockFile, error) {
	out, err := resolve(out)
	if err != nil {
		return "", nil, err
	}
	lk, err := acquire(out + LockSuffix)
	if err != nil {
		return "", nil, err
	}
	return out, lk, nil
}

// Abort throws the new build away; the published build stays as it was.
// Abort after Commit or Abort does nothing.
func (s *Staging) Abort() error {
	was, _ := s.close()
	if !was {
		return nil
	}
	defer s.lock.release()
	s.spare.end(true)
	return os.RemoveAll(s.dir)
}

// flush writes the new build to disk when the options ask for it.
func (s *Staging) flush() error {
	if !s.opts.Sync {
		return nil
	}
	return syncFS(s.dir)
}

// KeepTree puts every file of the published build under the folder dir
// (slash-separated, relative to the site root) into the new build as it
// is, linked like an unchanged file; a folder Retain kept stays where it
// is instead. It reports false, having kept nothing, when the published
// build has no such folder. It is safe to
// call from several goroutines at once, for different folders.
func (s *Staging) KeepTree(dir string) (bool, error) {
	if err := checkName(dir); err != nil {
		return false, err
	}
	if s.isClosed() {
		return false, fmt.Errorf("publish: keeping %s after the build ended", dir)
	}
	if s.keptInPlace(dir) {
		return true, nil
	}
	root := filepath.Join(s.out, filepath.FromSlash(dir))
	if fi, err := os.Lstat(root); err != nil || !fi.IsDir() {
		return false, nil
	}
	s.own.Store(topName(dir), true)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(s.out, p)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return s.mkdirs(rel)
		case d.Type().IsRegular():
			if err := link(p, filepath.Join(s.dir, rel)); err != nil {
				return err
			}
			if strings.HasSuffix(rel, ".gz") {
				s.compressed.Add(1)
			} else {
				s.kept.Add(1)
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("publish: keeping %s: %w", dir, err)
	}
	return true, nil
}
