package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchangeAtomic swaps a and b with renamex_np RENAME_SWAP.
func exchangeAtomic(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.EINVAL) {
		return errNoExchange
	}
	if err != nil {
		return &os.LinkError{Op: "renamex_np", Old: a, New: b, Err: err}
	}
	return nil
}

// syncFS flushes everything written: macOS has no per-file-system sync.
func syncFS(dir string) error {
	unix.Sync()
	return nil
}
