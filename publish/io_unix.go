//go:build unix

package publish

import (
	"bytes"
	"errors"
	"io/fs"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// createFile writes data to a new file at dst and fails when dst exists.
// It calls open, write and close itself: an os.File would also register
// the descriptor with the poller and set a finalizer, which on a build of
// 160,000 pages cost a tenth of the writing.
func createFile(dst string, data []byte) error { return createIn(unix.AT_FDCWD, "", dst, data) }

// createIn writes data to the new file name of the folder open as dirfd,
// the folder dir (for errors), and fails when the file exists.
func createIn(dirfd int, dir, name string, data []byte) error {
	fd, err := unix.Openat(dirfd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
	for errors.Is(err, unix.EINTR) {
		fd, err = unix.Openat(dirfd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: filepath.Join(dir, name), Err: err}
	}
	return writeAll(fd, dir, name, data)
}

// writeAll writes data to the file fd, the file name of the folder dir
// (for errors), and closes it.
func writeAll(fd int, dir, name string, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: filepath.Join(dir, name), Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: filepath.Join(dir, name), Err: err}
	}
	return nil
}

// holds reports whether the regular file at p holds exactly data. Like
// createFile it makes no os.File, and it reads into a pooled buffer: a
// rebuild compares every page of the site with the published one.
func holds(p string, data []byte) bool {
	fd, err := unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	for errors.Is(err, unix.EINTR) {
		fd, err = unix.Open(p, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	}
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(len(data)) {
		return false
	}
	bp := buffers.Get().(*[]byte)
	defer buffers.Put(bp)
	for len(data) > 0 {
		buf := (*bp)[:min(len(*bp), len(data))]
		n, err := unix.Read(fd, buf)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil || n == 0 || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	return true
}
