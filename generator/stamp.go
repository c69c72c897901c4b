package generator

import (
	"io/fs"
	"time"
)

// settle is how long before a file was looked at its last change must be
// for its stamp to be trusted. File systems keep times to a second or
// coarser on some systems, and an editor may write a file twice within
// one tick: a file changed within the last settle is read again, whatever
// its stamp says.
const settle = 2 * time.Second

// stamp is what the file system says of a file without reading it.
type stamp struct {
	size   int64
	mod    time.Time
	ino    uint64    // 0 where the system gives none
	change time.Time // of the inode (ctime); zero where the system gives none
	looked time.Time // when the file was looked at
}

// stampOf is the stamp of fi, looked at when looked.
func stampOf(fi fs.FileInfo, looked time.Time) stamp {
	s := stamp{size: fi.Size(), mod: fi.ModTime(), looked: looked}
	s.ino, s.change = sysStamp(fi)
	return s
}

// settled reports whether the stamp can tell a change: it has a
// modification time (an in-memory file system may give none), and
// neither that time nor the change time falls within settle before the
// file was looked at, so a later write gives a later time.
func (s stamp) settled() bool {
	if s.mod.IsZero() || s.looked.IsZero() {
		return false
	}
	limit := s.looked.Add(-settle)
	return s.mod.Before(limit) && (s.change.IsZero() || s.change.Before(limit))
}

// same reports whether two stamps describe the file unwritten: equal
// size, times and inode. The time each was looked at does not count.
func (s stamp) same(t stamp) bool {
	return s.size == t.size && s.mod.Equal(t.mod) && s.ino == t.ino && s.change.Equal(t.change)
}
