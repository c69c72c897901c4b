//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBuildDiskFull fills small tmpfs file systems with builds: each ends
// promptly with a message naming the output path, leaves the published
// site as it was and releases the lock, whether the disk fills while the
// search index or the pages are written. It needs root, to mount them.
func TestBuildDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs; skipped (a full disk is not simulated otherwise)")
	}
	dir := pubTempDir(t)
	small, big := filepath.Join(dir, "small"), filepath.Join(dir, "big")
	writeRegulations(t, small, 0, 1, 2)
	writeRegulations(t, big, 0, 60, 12)
	phases := map[string]bool{}
	for _, size := range []string{"1m", "2m", "3m", "4m", "6m", "8m+fill"} {
		mnt := filepath.Join(dir, "mnt-"+size)
		os.MkdirAll(mnt, 0o755)
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size="+strings.TrimSuffix(size, "+fill")); err != nil {
			t.Skipf("cannot mount a tmpfs (%v); skipped", err)
		}
		t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
		out := filepath.Join(mnt, "site")
		if st, msg := buildWithin(t, time.Minute, "--content", small, "--out", out); st != 0 {
			t.Fatalf("%s: a small site does not fit: %s", size, msg)
		}
		if strings.HasSuffix(size, "+fill") {
			fill(t, mnt, 64<<10) // the disk fills while the index is written, before any page
		}
		before := siteSnapshot(t, out)
		start := time.Now()
		st, msg := buildWithin(t, 2*time.Minute, "--content", big, "--out", out)
		t.Logf("%s: exit %d after %.1fs: %s", size, st, time.Since(start).Seconds(), strings.TrimSpace(msg))
		if st == 0 {
			continue // it fitted
		}
		if !strings.Contains(msg, "no space left on device") || !strings.Contains(msg, out+".staging/") {
			t.Errorf("%s: the message does not say what failed where:\n%s", size, msg)
		}
		if strings.Contains(msg, "render d/") && !strings.Contains(msg, "read from "+big) {
			t.Errorf("%s: a document's page failed without naming its source:\n%s", size, msg)
		}
		if strings.Contains(msg, "/_index/") {
			phases["index"] = true
		} else {
			phases["pages"] = true
		}
		if !sameSnapshot(before, siteSnapshot(t, out)) {
			t.Errorf("%s: the failed build changed the published site", size)
		}
		if _, err := os.Stat(out + ".staging"); err == nil {
			t.Errorf("%s: the failed build left its staging folder", size)
		}
		os.Remove(filepath.Join(mnt, "filler"))
		if st, msg := buildWithin(t, time.Minute, "--content", small, "--out", out); st != 0 {
			t.Errorf("%s: the next build fails (lock held?): %s", size, msg)
		}
	}
	if !phases["index"] || !phases["pages"] {
		t.Errorf("the disk filled in these phases only: %v", phases)
	}
}

// fill writes a file into the file system of dir that leaves it free
// bytes.
func fill(t *testing.T, dir string, free uint64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	avail := st.Bavail * uint64(st.Bsize)
	if avail <= free {
		return
	}
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Write(make([]byte, avail-free))
}
