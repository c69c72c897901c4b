//go:build !unix

package contentdir

// nonBlock is 0 where the system has no such flag.
const nonBlock = 0
