//go:build unix

package publish

import (
	"errors"
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// openDir opens the folder p to make and link files relative to it.
func openDir(p string) (int, error) {
	fd, err := unix.Open(p, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	for errors.Is(err, unix.EINTR) {
		fd, err = unix.Open(p, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	}
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	return fd, nil
}

func closeDir(fd int) { unix.Close(fd) }

// mkdirAt makes the folder name of the folder d. A folder already there
// is no error.
func mkdirAt(d *dirRef, name string) error {
	err := unix.Mkdirat(d.fd, name, 0o755)
	for errors.Is(err, unix.EINTR) {
		err = unix.Mkdirat(d.fd, name, 0o755)
	}
	if err != nil && !errors.Is(err, unix.EEXIST) {
		return &fs.PathError{Op: "mkdir", Path: filepath.Join(d.path, name), Err: err}
	}
	return nil
}

// writeNewAt is writeNew of the file name of the folder d.
func writeNewAt(d *dirRef, name string, data []byte) error {
	err := createAt(d, name, data)
	if errors.Is(err, fs.ErrExist) {
		unix.Unlinkat(d.fd, name, 0)
		err = createAt(d, name, data)
	}
	return err
}

// createAt is createFile of the file name of the folder d.
func createAt(d *dirRef, name string, data []byte) error { return createIn(d.fd, d.path, name, data) }

// linkAt links the file name of the folder from as the same name of the
// folder to, replacing a file there (a name written twice).
func linkAt(from, to *dirRef, name string) error {
	err := unix.Linkat(from.fd, name, to.fd, name, 0)
	if errors.Is(err, unix.EEXIST) {
		unix.Unlinkat(to.fd, name, 0)
		err = unix.Linkat(from.fd, name, to.fd, name, 0)
	}
	if err != nil {
		return &fs.PathError{Op: "link", Path: filepath.Join(to.path, name), Err: err}
	}
	return nil
}
