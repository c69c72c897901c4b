package preview

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"tiaoli/generator"
)

// stamp is what a poll sees of a file: a change of any part is an edit.
type stamp struct {
	size    int64
	modTime int64 // nanoseconds since the epoch
	mode    fs.FileMode
}

// snapshot is the stamp of every file and folder under the watched
// folders, by path.
type snapshot map[string]stamp

// take walks the folders and stamps what they hold. A folder that cannot
// be read is left out: the build says what is wrong with it. Hidden files
// and folders are left out as the build leaves them out, so an editor's
// swap file does not start a build.
func take(dirs []string) snapshot {
	s := snapshot{}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != dir && generator.Hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			if d.IsDir() {
				// A folder's own time moves with any name added to
				// it, hidden ones too; its files tell what changed.
				s[p] = stamp{mode: fi.Mode()}
				return nil
			}
			s[p] = stamp{size: fi.Size(), modTime: fi.ModTime().UnixNano(), mode: fi.Mode()}
			return nil
		})
	}
	return s
}

// equal reports whether two snapshots saw the same files, unchanged.
func (s snapshot) equal(o snapshot) bool {
	if len(s) != len(o) {
		return false
	}
	for p, st := range s {
		if ot, ok := o[p]; !ok || ot != st {
			return false
		}
	}
	return true
}

// update brings s up to date for the paths told changed, as take would
// see them, and reports whether any changed. It reports ok false, leaving
// s as it was, when only a poll of everything can tell: a path that is or
// was a folder (what it holds came or went with it), a watched folder
// itself, or a path outside them.
func (s snapshot) update(dirs []string, paths []string) (changed, ok bool) {
	now := make(map[string]*stamp, len(paths))
	for _, p := range paths {
		p = filepath.Clean(p) // as take's walk names it
		rel, inside := under(dirs, p)
		if !inside {
			return false, false
		}
		if hidden(rel) {
			continue // take leaves it out
		}
		if old, seen := s[p]; seen && old.mode.IsDir() {
			return false, false
		}
		fi, err := os.Lstat(p)
		if err != nil {
			now[p] = nil // gone
			continue
		}
		if fi.IsDir() {
			return false, false
		}
		now[p] = &stamp{size: fi.Size(), modTime: fi.ModTime().UnixNano(), mode: fi.Mode()}
	}
	for p, st := range now {
		old, seen := s[p]
		switch {
		case st == nil && !seen, st != nil && seen && old == *st:
			continue
		case st == nil:
			delete(s, p)
		default:
			s[p] = *st
		}
		changed = true
	}
	return changed, true
}

// under returns p relative to the first of dirs it lies strictly under.
func under(dirs []string, p string) (rel string, ok bool) {
	for _, dir := range dirs {
		rel, err := filepath.Rel(dir, p)
		if err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel, true
		}
	}
	return "", false
}

// hidden reports whether a relative path has a hidden name in it, which
// take passes over.
func hidden(rel string) bool {
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		if generator.Hidden(name) {
			return true
		}
	}
	return false
}
