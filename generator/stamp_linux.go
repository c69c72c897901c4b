package generator

import (
	"io/fs"
	"syscall"
	"time"
)

// sysStamp is the inode and the inode's change time of fi: a file
// replaced by another (an editor's save by rename) has another inode, and
// the change time moves on any write, also one that sets the
// modification time back.
func sysStamp(fi fs.FileInfo) (uint64, time.Time) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, time.Time{}
	}
	return st.Ino, time.Unix(st.Ctim.Sec, st.Ctim.Nsec)
}
