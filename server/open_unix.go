//go:build unix

package server

import (
	"os"
	"syscall"
)

// openFlags open a site's file without waiting: a named pipe, which would
// block the request (and hold a thread) until something writes to it,
// opens at once and is then refused as not a regular file.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
