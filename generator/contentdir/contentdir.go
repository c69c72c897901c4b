// Package contentdir opens a content folder on disk as an fs.FS that
// reads only what is inside it, so that no input can make a build publish
// a file from elsewhere or wait forever:
//
//   - symbolic links are followed only while they stay inside the folder;
//     a link that leaves it is an error naming the link and its target;
//   - only regular files and folders are opened: a named pipe, device or
//     socket is an error naming it and is never read (a pipe would block
//     the reader until something writes to it);
//   - a file name that is not UTF-8 is read as GB18030, the encoding of
//     archives made on Chinese Windows machines; a name that is neither is
//     an error naming the file by its bytes.
//
// Names given to and returned by the FS are the decoded ones.
package contentdir

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// FS is a content folder opened by Open. It implements fs.FS,
// fs.ReadDirFS and fs.StatFS and is safe for concurrent use.
type FS struct {
	dir  string
	root *os.Root

	mu  sync.RWMutex
	raw map[string]string // decoded name → name on disk, where they differ
	bad map[string]string // decoded name → bytes of a name that does not decode
}

// Open opens the folder dir. Close releases it.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{dir: dir, root: root, raw: map[string]string{}, bad: map[string]string{}}, nil
}

// Close releases the folder.
func (f *FS) Close() error { return f.root.Close() }

// Open opens a regular file or a folder for reading.
func (f *FS) Open(name string) (fs.File, error) {
	_, raw, err := f.stat("open", name)
	if err != nil {
		return nil, err
	}
	file, err := f.root.OpenFile(raw, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	// The file may have been replaced since it was looked at: check what
	// was opened. A pipe opened without blocking is closed unread.
	if fi, err := file.Stat(); err != nil || !readable(fi.Mode()) {
		file.Close()
		if err == nil {
			err = &fs.PathError{Op: "open", Path: name, Err: KindError(fi.Mode())}
		}
		return nil, err
	}
	return file, nil
}

// Stat describes a file, following a link that stays inside the folder.
// A named pipe, device or socket is described, not refused.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	fi, _, err := f.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return renamed{fi, path.Base(name)}, nil
}

// stat is Stat for a file about to be opened: it refuses what is not a
// regular file or a folder.
func (f *FS) stat(op, name string) (fs.FileInfo, string, error) {
	fi, raw, err := f.lookup(op, name)
	if err != nil {
		return nil, "", err
	}
	if !readable(fi.Mode()) {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: KindError(fi.Mode())}
	}
	return fi, raw, nil
}

// lookup finds name on disk and describes it, following links inside the
// folder and refusing those that leave it.
func (f *FS) lookup(op, name string) (fs.FileInfo, string, error) {
	if !fs.ValidPath(name) {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	raw, err := f.rawName(name)
	if err != nil {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: err}
	}
	fi, err := f.root.Lstat(raw)
	if err != nil {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return fi, raw, nil
	}
	fi, err = f.root.Stat(raw)
	if err != nil {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: f.linkError(raw, err)}
	}
	return fi, raw, nil
}

// ErrOutside says a link leads out of the content folder.
var ErrOutside = errors.New("指向内容文件夹之外，只读取文件夹内的文件")

// linkError explains why the link raw cannot be followed.
func (f *FS) linkError(raw string, err error) error {
	target, lerr := f.root.Readlink(raw)
	if lerr != nil {
		return unwrapPath(err)
	}
	if _, serr := os.Stat(filepath.Join(f.dir, filepath.FromSlash(raw))); serr == nil {
		return fmt.Errorf("是指向%s的链接，%w", target, ErrOutside)
	}
	return fmt.Errorf("是指向%s的链接，无法打开：「%w」", target, unwrapPath(err))
}

// ReadDir lists a folder, sorted by (decoded) name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(*os.File)
	fi, serr := dir.Stat()
	if !ok || serr != nil || !fi.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("不是文件夹")}
	}
	entries, err := dir.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrapPath(err)}
	}
	rawDir, _ := f.rawName(name)
	out := make([]fs.DirEntry, len(entries))
	for i, e := range entries {
		out[i] = f.entry(name, rawDir, e)
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return cmp.Compare(a.Name(), b.Name()) })
	return out, nil
}

// entry gives an entry of the folder dir (on disk rawDir) its decoded
// name and remembers where it is on disk.
func (f *FS) entry(dir, rawDir string, e fs.DirEntry) fs.DirEntry {
	name, ok := decodeName(e.Name())
	full, rawFull := path.Join(dir, name), path.Join(rawDir, e.Name())
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case !ok:
		f.bad[full] = e.Name()
	case full != rawFull:
		f.raw[full] = rawFull
	}
	if name == e.Name() {
		return e
	}
	return renamedEntry{e, name}
}

// rawName is the name on disk of a decoded name.
func (f *FS) rawName(name string) (string, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if b, ok := f.bad[name]; ok {
		return "", fmt.Errorf("文件名「%s」既不是UTF-8也不是GB18030编码，请改名", strings.ToValidUTF8(b, "\uFFFD"))
	}
	if raw, ok := f.raw[name]; ok {
		return raw, nil
	}
	// A file under a folder whose name was decoded.
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if raw, ok := f.raw[dir]; ok {
			return raw + strings.TrimPrefix(name, dir), nil
		}
	}
	return name, nil
}

// decodeName decodes a file name: UTF-8 as it is, else GB18030. It reports
// false, with a name made valid, when the name is neither.
func decodeName(n string) (string, bool) {
	if utf8.ValidString(n) {
		return n, true
	}
	d, err := simplifiedchinese.GB18030.NewDecoder().String(n)
	if err != nil || strings.ContainsRune(d, utf8.RuneError) || strings.ContainsAny(d, "/\x00") {
		return strings.ToValidUTF8(n, "\uFFFD"), false
	}
	return d, true
}

// readable reports whether a file of this mode may be opened: a regular
// file or a folder.
func readable(m fs.FileMode) bool { return m.IsRegular() || m.IsDir() }

// KindError says what a file that is not read is.
func KindError(m fs.FileMode) error {
	return fmt.Errorf("是%s，不是普通文件，只读取普通文件", Kind(m))
}

// Kind names the type of a file that is neither a regular file nor a
// folder.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "命名管道"
	case m&fs.ModeSocket != 0:
		return "套接字"
	case m&fs.ModeCharDevice != 0:
		return "字符设备"
	case m&fs.ModeDevice != 0:
		return "设备文件"
	case m&fs.ModeSymlink != 0:
		return "符号链接"
	case m&fs.ModeIrregular != 0:
		return "非常规文件"
	}
	return "特殊文件（" + m.Type().String() + "）"
}

// unwrapPath drops the path of an error from os.Root, which names the
// file by its name on disk; the FS names it again, decoded.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// renamed is a FileInfo under its decoded name.
type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

// renamedEntry is a DirEntry under its decoded name.
type renamedEntry struct {
	fs.DirEntry
	name string
}

func (r renamedEntry) Name() string { return r.name }
func (r renamedEntry) Info() (fs.FileInfo, error) {
	fi, err := r.DirEntry.Info()
	if err != nil {
		return nil, err
	}
	return renamed{fi, r.name}, nil
}
