//go:build !unix

package publish

// lockFile does nothing on systems without flock: two builds of one folder
// at once are the caller's to avoid there.
type lockFile struct{}

func acquire(p string) (*lockFile, error) { return &lockFile{}, nil }

func (l *lockFile) release() {}
