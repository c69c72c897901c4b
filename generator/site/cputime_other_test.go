//go:build !unix

package site_test

import "time"

// cpuTimes is zero where the process's CPU time is not read.
func cpuTimes() (user, sys time.Duration) { return 0, 0 }
