package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchangeAtomic swaps a and b with renameat2 RENAME_EXCHANGE.
func exchangeAtomic(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	if err != nil {
		return &os.LinkError{Op: "renameat2", Old: a, New: b, Err: err}
	}
	return nil
}

// syncFS flushes the file system holding dir (one syncfs call instead of
// an fsync per file), so that the swap never publishes unwritten files.
func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
