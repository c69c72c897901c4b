package publish

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// umaskReadable reports whether the process's umask leaves files made
// with mode 0644 and folders made with 0755 readable by all. It reads the
// umask from /proc (Linux 4.7 and later) without changing it; where that
// is not possible it reports false, and Commit checks every file.
func umaskReadable() bool {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(sc.Text(), "Umask:")
		if !ok {
			continue
		}
		mask, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32)
		return err == nil && mask&0o055 == 0
	}
	return false
}
