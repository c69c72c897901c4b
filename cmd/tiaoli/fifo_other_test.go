//go:build !unix

package main

import "errors"

// mkfifo fails: there are no named pipes here.
func mkfifo(p string) error { return errors.New("no named pipes on this system") }
