//go:build unix

package contentdir

import "syscall"

// nonBlock opens without waiting: a named pipe with no writer opens at
// once (and is then refused) instead of blocking.
const nonBlock = syscall.O_NONBLOCK
