//go:build unix

package publish

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lockFile is an advisory lock on a file, released by the system when the
// process ends, however it ends.
type lockFile struct{ f *os.File }

// acquire takes the lock at p or fails at once when someone holds it.
func acquire(p string) (*lockFile, error) {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		f.Close()
		return nil, fmt.Errorf("publish: another build or rollback holds %s", p)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("publish: locking %s: %w", p, err)
	}
	return &lockFile{f}, nil
}

func (l *lockFile) release() {
	if l != nil && l.f != nil {
		l.f.Close() // closing drops the lock
		l.f = nil
	}
}
