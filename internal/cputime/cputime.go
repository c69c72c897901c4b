// Package cputime tells how much CPU time the process has used, for
// benchmarks on shared machines, where the wall clock mixes the work with
// the waiting for a core.
package cputime

import "time"

// Used is the CPU time (user and system) the process has used so far;
// 0 where the system does not say.
func Used() time.Duration { return used() }
