package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// buffers are the read buffers of file comparisons.
var buffers = sync.Pool{New: func() any {
	b := make([]byte, 64<<10)
	return &b
}}

// sameFiles reports whether the regular files at a and b hold the same
// bytes, reading them in chunks.
func sameFiles(a, b string) bool {
	fa, err := os.Lstat(a)
	if err != nil || !fa.Mode().IsRegular() {
		return false
	}
	fb, err := os.Lstat(b)
	if err != nil || !fb.Mode().IsRegular() || fa.Size() != fb.Size() {
		return false
	}
	if os.SameFile(fa, fb) {
		return true
	}
	ra, err := os.Open(a)
	if err != nil {
		return false
	}
	defer ra.Close()
	rb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer rb.Close()
	pa, pb := buffers.Get().(*[]byte), buffers.Get().(*[]byte)
	defer buffers.Put(pa)
	defer buffers.Put(pb)
	ba, bb := *pa, *pb
	for {
		na, ea := io.ReadFull(ra, ba)
		nb, eb := io.ReadFull(rb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if ea != nil || eb != nil {
			return ea != nil && eb != nil
		}
	}
}

// link puts the published file old, known to be a regular file, at dst:
// one link call where it works, else what keep does.
func link(old, dst string) error {
	err := os.Link(old, dst)
	if errors.Is(err, fs.ErrExist) { // a name written twice
		os.Remove(dst)
		err = os.Link(old, dst)
	}
	if err != nil {
		return keep(old, dst)
	}
	return nil
}

// keep puts the published file old at dst: a hard link where the file
// system has them, else a copy with the same modification time. It fails
// when old does not exist.
func keep(old, dst string) error {
	fi, err := os.Lstat(old)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "keep", Path: old, Err: fs.ErrInvalid}
	}
	os.Remove(dst) // a name written twice
	if os.Link(old, dst) == nil {
		return nil
	}
	if err := copyFile(old, dst); err != nil {
		return err
	}
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}

// writeNew writes data to a new file at dst. A file already there (a
// name written twice) is removed first, never written through: it may be
// a link to a published file.
func writeNew(dst string, data []byte) error {
	err := createFile(dst, data)
	if errors.Is(err, fs.ErrExist) {
		os.Remove(dst)
		err = createFile(dst, data)
	}
	return err
}

// copyFile copies the regular file src to a new file dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	os.Remove(dst)
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// parentOf is the folder holding p.
func parentOf(p string) string { return filepath.Dir(p) }

// makeReadable lets everyone read the files and enter the folders of the
// build: the web server and tiaoli serve run as users of their own, and
// some writers (the search index) make private files. When the umask lets
// WriteFile make readable files, only what other writers put in the
// staging folder is walked.
func (s *Staging) makeReadable() error {
	if !s.readable {
		return makeReadable(s.dir)
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, ok := s.own.Load(e.Name()); ok {
			continue
		}
		if err := makeReadable(filepath.Join(s.dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// makeReadable lets everyone read the files and enter the folders under
// dir.
func makeReadable(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o444)
		if d.IsDir() {
			want = 0o555
		}
		if mode := fi.Mode(); mode.Type()&fs.ModeSymlink == 0 && mode.Perm()&want != want {
			return os.Chmod(p, mode.Perm()|want)
		}
		return nil
	})
}
