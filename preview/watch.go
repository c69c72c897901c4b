package preview

import (
	"io/fs"
	"path/filepath"

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
