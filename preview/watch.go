package preview

import (
	"io/fs"
	"path/filepath"
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
// be read is left out: the build says what is wrong with it.
func take(dirs []string) snapshot {
	s := snapshot{}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
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
