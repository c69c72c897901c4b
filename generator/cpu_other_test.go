//go:build !unix

package generator_test

import "time"

// cpuTime is 0 where the test cannot read it.
func cpuTime() time.Duration { return 0 }
