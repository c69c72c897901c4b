package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
)

// A build that recycles (Options.Recycle) starts from OUT.prev, the build
// before the published one, instead of an empty folder: its folders that
// the new build would write again with the same bytes stay where they
// are (Retain), which on a large site costs nothing, where linking every
// file of them from the published build costs a link and a folder per
// page. Everything else of it is removed before the new build writes: at
// the top of the folder, but for the folders Options.Reuse names, it is
// moved aside at once and removed while the build goes on (discard);
// inside those folders, when Retain says what stays. Rollback then goes
// back to the build the new one replaced, as without recycling; a build
// that fails after it began leaves no OUT.prev. A build that fails
// before it began (Prepare, while it parses) leaves it as it was.

// recycle makes OUT.prev the staging folder dir, when it is a site, or
// else OUT.spare (spare.go) when that is one, and moves what of it the
// options do not let the build reuse into OUT.trash, marked as a site, for
// discard to remove beside the build: renaming a dozen entries costs
// nothing, removing them (the search index, the lists) a twentieth of a
// second on a large site. It returns the folder it made dir, "" for none.
// OUT.trash must not exist (clean).
func recycle(out, dir string, opts Options) (string, error) {
	if !opts.Recycle {
		return "", nil
	}
	from := out + PrevSuffix
	if !IsSite(from) {
		from = out + SpareSuffix
	}
	if !IsSite(from) {
		return "", nil
	}
	if err := os.Rename(from, dir); err != nil {
		return "", nil // start from an empty folder
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return from, err
	}
	trash := out + TrashSuffix
	if err := markTrash(trash, dir); err != nil {
		return from, err
	}
	for _, e := range entries {
		if e.Name() != topName(MarkerFile) && !slices.Contains(opts.Reuse, e.Name()) {
			if err := os.Rename(filepath.Join(dir, e.Name()), filepath.Join(trash, e.Name())); err != nil {
				return from, err
			}
		}
	}
	return from, nil
}

// markTrash makes the folder trash and moves the marker of the recycled
// build in dir into it (never written through: it may be a link to a
// published file), so that trash is debris the next build may remove:
// renames, which need no room on a full disk. A recycled build with only
// the legacy marker gives trash a marker of its own.
func markTrash(trash, dir string) error {
	marker := filepath.FromSlash(MarkerFile)
	if err := os.MkdirAll(filepath.Join(trash, filepath.Dir(marker)), 0o755); err != nil {
		return err
	}
	err := os.Rename(filepath.Join(dir, marker), filepath.Join(trash, marker))
	if errors.Is(err, fs.ErrNotExist) {
		return markSite(trash)
	}
	return err
}

// discard removes the folder trash in the background; the channel gives
// the error once it is gone.
func discard(trash string) <-chan error {
	done := make(chan error, 1)
	go func() { done <- os.RemoveAll(trash) }()
	return done
}

// waitDiscarded waits for the removal of what recycle moved aside, once,
// and returns its error.
func (s *Staging) waitDiscarded() error {
	if s.discarded == nil {
		return nil
	}
	err := <-s.discarded
	s.discarded = nil
	if err != nil {
		return fmt.Errorf("publish: removing what the recycled build does not keep: %w", err)
	}
	return nil
}

// Recycled reports whether the build started from OUT.prev or OUT.spare:
// its folders of Options.Reuse hold the files of that build until Retain.
func (s *Staging) Recycled() bool { return s.recycled != "" }

// Retain keeps, of the files of the recycled build in the folders of
// Options.Reuse, those under the folders keep (slash-separated, relative
// to the site root) that it holds and removes the others; a later
// KeepTree of one of them keeps it where it is. MarkerFile stays. It must be called once,
// before anything is written into those folders; a recycled build that
// never called it cannot be committed. Without recycling it does nothing.
func (s *Staging) Retain(keep []string) error {
	if s.recycled == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.retained != nil {
		return errors.New("publish: Retain called twice")
	}
	s.retained = map[string]bool{}
	within := map[string]bool{} // folders holding a kept one
	for _, k := range keep {
		if err := checkName(k); err != nil {
			return err
		}
		if fi, err := os.Lstat(filepath.Join(s.dir, filepath.FromSlash(k))); err != nil || !fi.IsDir() {
			continue // not in the recycled build: KeepTree links it from the published one
		}
		s.retained[k] = true
		for d := path.Dir(k); d != "."; d = path.Dir(d) {
			within[d] = true
		}
	}
	for _, top := range slices.Concat(s.opts.Reuse, []string{topName(MarkerFile)}) {
		if err := s.prune(top, within); err != nil {
			return fmt.Errorf("publish: clearing the recycled build: %w", err)
		}
	}
	return nil
}

// prune removes the folder rel of the staging folder (slash-separated)
// but the retained folders under it and MarkerFile.
func (s *Staging) prune(rel string, within map[string]bool) error {
	switch {
	case s.retained[rel] || rel == MarkerFile:
		return nil
	case !within[rel] && rel != topName(MarkerFile):
		return os.RemoveAll(filepath.Join(s.dir, filepath.FromSlash(rel)))
	}
	entries, err := os.ReadDir(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := s.prune(rel+"/"+e.Name(), within); err != nil {
			return err
		}
	}
	return nil
}

// keptInPlace reports whether dir is a folder Retain kept, and marks it
// part of the build.
func (s *Staging) keptInPlace(dir string) bool {
	s.mu.Lock()
	ok := s.retained[dir]
	s.mu.Unlock()
	if ok {
		s.own.Store(topName(dir), true)
		s.reused.Add(1)
	}
	return ok
}

// checkRetained refuses to commit a recycled build whose old files were
// never sorted out.
func (s *Staging) checkRetained() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.recycled != "" && s.retained == nil {
		return errors.New("publish: the build recycled " + s.recycled + " and never said what of it to keep (Retain)")
	}
	return nil
}
