// Package publish writes a built site next to the published one and swaps
// it in whole, so that the published folder is replaced whole or not at
// all.
package publish

import (
	"os"
	"path/filepath"
)

// Staging is a site being built beside the published folder.
type Staging struct {
	out, dir string
}

// Begin starts a new build of the folder out.
func Begin(out string) (*Staging, error) {
	dir := out + ".staging"
	os.RemoveAll(dir)
	return &Staging{out: out, dir: dir}, os.MkdirAll(dir, 0o755)
}

// Dir is the folder the new build is written to.
func (s *Staging) Dir() string { return s.dir }

// WriteFile writes one file of the new build.
func (s *Staging) WriteFile(name string, data []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit swaps the new build in.
func (s *Staging) Commit() error {
	os.RemoveAll(s.out)
	return os.Rename(s.dir, s.out)
}

// Abort throws the new build away.
func (s *Staging) Abort() error { return os.RemoveAll(s.dir) }
