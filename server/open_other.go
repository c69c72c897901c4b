//go:build !unix

package server

import "os"

// openFlags open a site's file for reading.
const openFlags = os.O_RDONLY
