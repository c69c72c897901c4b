package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tiaoli/generator/numeral"
	"tiaoli/publish"
)

// TestHelperTiaoliProcess is not a test: other tests run the test binary
// again with it to get a tiaoli process they can kill.
func TestHelperTiaoliProcess(t *testing.T) {
	args := os.Getenv("TIAOLI_HELPER_ARGS")
	if args == "" {
		t.Skip("helper process")
	}
	os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
}

// tiaoliProcess starts tiaoli with args in a process of its own.
func tiaoliProcess(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperTiaoliProcess$")
	cmd.Env = append(os.Environ(), "TIAOLI_HELPER_ARGS="+strings.Join(args, "\x1f"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// writeRegulations writes n made-up regulations of articles 条 each into
// dir, numbered from first.
func writeRegulations(t testing.TB, dir string, first, n, articles int) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	for i := first; i < first+n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# 第%d号示例管理办法\n\n", i)
		for a := 1; a <= articles; a++ {
			fmt.Fprintf(&b, "第%s条 为了规范第%d号示例工作中的第%d项事务，根据有关规定，制定本条。"+
				"本条所称事务，是指示例单位在日常工作中处理的各类事项。\n\n", numeral.Format(a), i, a)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("reg%04d.md", i)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// siteSnapshot maps every file of a folder to a hash of its bytes.
func siteSnapshot(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	got := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[rel] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameSnapshot(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestKilledBuildLeavesSite kills `tiaoli build` with SIGKILL while it
// writes pages and shows the published site unchanged; the next build
// cleans the debris and publishes.
func TestKilledBuildLeavesSite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a build in a subprocess")
	}
	dir := pubTempDir(t)
	small, big, out := filepath.Join(dir, "small"), filepath.Join(dir, "big"), filepath.Join(dir, "public")
	writeRegulations(t, small, 0, 3, 5)
	writeRegulations(t, big, 0, 60, 30)
	pubBuild(t, small, out, "/")
	before := siteSnapshot(t, out)

	cmd, log := tiaoliProcess(t, "build", "--content", big, "--out", out)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if !waitForHalfBuild(out+publish.StagingSuffix, exited) {
		t.Fatalf("the build ended before it could be killed:\n%s", log)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := <-exited
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("build was not killed: %v", err)
	}
	if !sameSnapshot(before, siteSnapshot(t, out)) {
		t.Fatal("a killed build changed the published site")
	}
	if _, err := os.Stat(out + publish.StagingSuffix); err != nil {
		t.Fatalf("no half-written build to clean up: %v", err)
	}

	pubBuild(t, big, out, "/")
	if _, err := os.Stat(out + publish.StagingSuffix); err == nil {
		t.Error("the next build left the debris")
	}
	if !sameSnapshot(before, siteSnapshot(t, out+publish.PrevSuffix)) {
		t.Error("the previous build is not kept whole")
	}
	if sameSnapshot(before, siteSnapshot(t, out)) {
		t.Error("the next build did not publish")
	}
}

// waitForHalfBuild waits until the staging folder holds pages, or the
// process ends (false).
func waitForHalfBuild(staging string, exited chan error) bool {
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case err := <-exited:
			exited <- err
			return false
		case <-deadline:
			return false
		case <-time.After(time.Millisecond):
		}
		if entries, err := os.ReadDir(filepath.Join(staging, "d")); err == nil && len(entries) >= 5 {
			return true
		}
	}
}

// TestRebuildKeepsUnchangedFiles changes one source and rebuilds: the
// pages of the other documents keep their inode and modification time.
func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 4, 3)
	pubBuild(t, content, out, "/")
	before := map[string]os.FileInfo{}
	filepath.WalkDir(filepath.Join(out, "d"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			before[p], _ = os.Stat(p)
		}
		return nil
	})
	if len(before) < 8 {
		t.Fatalf("only %d document files", len(before))
	}
	time.Sleep(20 * time.Millisecond)
	changed := filepath.Join(content, "reg0002.md")
	data, _ := os.ReadFile(changed)
	os.WriteFile(changed, bytes.Replace(data, []byte("日常工作"), []byte("日常事务"), 1), 0o644)
	pubBuild(t, content, out, "/")
	var kept, rewritten int
	for p, old := range before {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if os.SameFile(old, fi) && fi.ModTime().Equal(old.ModTime()) {
			kept++
		} else {
			rewritten++
		}
	}
	t.Logf("after changing one of four sources: %d document files kept, %d rewritten", kept, rewritten)
	if kept == 0 || rewritten == 0 || kept < 2*rewritten {
		t.Errorf("after changing one of four sources: %d files kept, %d rewritten", kept, rewritten)
	}
}
