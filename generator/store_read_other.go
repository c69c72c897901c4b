//go:build !unix

package generator

import "os"

// readEntry gives the bytes of the entry at p.
func readEntry(p string) ([]byte, error) { return os.ReadFile(p) }
