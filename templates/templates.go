// Package templates holds the HTML templates and static assets of the
// site, embedded in the binary. A folder on disk can override any of them:
// a file there with the same name wins.
package templates

import (
	"embed"
	"errors"
	"io/fs"
	"os"
)

//go:embed *.html assets
var embedded embed.FS

// FS returns the templates and assets. When dir is not empty, its files
// take the place of embedded files of the same name.
func FS(dir string) fs.FS {
	if dir == "" {
		return embedded
	}
	return overlay{top: os.DirFS(dir), bottom: embedded}
}

// overlay serves a file from top when it has it, else from bottom.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.bottom.Open(name)
}

// ReadDir lists the union of both folders, so fs.Glob sees every file.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, fsys := range []fs.FS{o.top, o.bottom} {
		list, err := fs.ReadDir(fsys, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range list {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}
