//go:build !unix

package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// openDir checks that p is a folder: without the calls of unix relative
// to a folder, files are made by path.
func openDir(p string) (int, error) {
	fi, err := os.Stat(p)
	if err == nil && !fi.IsDir() {
		err = &fs.PathError{Op: "open", Path: p, Err: errors.New("not a folder")}
	}
	return -1, err
}

func closeDir(int) {}

// mkdirAt makes the folder name of the folder d. A folder already there
// is no error.
func mkdirAt(d *dirRef, name string) error {
	if err := os.Mkdir(filepath.Join(d.path, name), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// writeNewAt is writeNew of the file name (slash-separated) of the folder d.
func writeNewAt(d *dirRef, name string, data []byte) error {
	return writeNew(filepath.Join(d.path, filepath.FromSlash(name)), data)
}

// linkAt links the file name of the folder from as the same name of the
// folder to, replacing a file there (a name written twice).
func linkAt(from, to *dirRef, name string) error {
	src, dst := filepath.Join(from.path, filepath.FromSlash(name)), filepath.Join(to.path, filepath.FromSlash(name))
	err := os.Link(src, dst)
	if errors.Is(err, fs.ErrExist) {
		os.Remove(dst)
		err = os.Link(src, dst)
	}
	return err
}
