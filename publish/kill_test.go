package publish

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// helperBuild is the helper's build, kept reachable.
var helperBuild *Staging

// TestHelperHalfBuild is not a test: TestKilledBuild runs the test binary
// again with it as a build that writes half a site and waits to be killed.
func TestHelperHalfBuild(t *testing.T) {
	out := os.Getenv("PUBLISH_HALF_BUILD")
	if out == "" {
		t.Skip("helper process")
	}
	st, err := Begin(out)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	for name := range v2() {
		st.WriteFile(name, []byte("half-written "+name))
	}
	helperBuild = st // keeps the lock file from being collected and closed
	fmt.Println("ready")
	time.Sleep(time.Hour) // until killed (a bare select{} would be a deadlock the runtime ends)
}

func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a subprocess")
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, out, v1)
	before := snapshot(t, out)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHalfBuild$")
	cmd.Env = append(os.Environ(), "PUBLISH_HALF_BUILD="+out)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q", line)
	}
	// While it runs, it holds the lock.
	if st, err := Begin(out); err == nil {
		t.Errorf("a second build started while one runs")
		st.Abort()
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	if got := snapshot(t, out); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Fatalf("killed build changed the published site")
	}
	if _, err := os.Stat(out + StagingSuffix); err != nil {
		t.Fatalf("expected the killed build's debris: %v", err)
	}
	build(t, out, v2()) // the next build cleans up and publishes
	if got := snapshot(t, out); got["index.html"] != "<p>home v2</p>" {
		t.Errorf("next build: index.html = %q", got["index.html"])
	}
	if _, err := os.Stat(out + StagingSuffix); err == nil {
		t.Errorf("debris left after the next build")
	}
}

// TestHelperCrashedFirstBuild is not a test: TestCrashedFirstBuild runs
// the test binary again with it as a first build that recycles, writes
// files and the state a later build reads, and exits without Commit, as
// a killed or crashed build does.
func TestHelperCrashedFirstBuild(t *testing.T) {
	out := os.Getenv("PUBLISH_CRASHED_BUILD")
	if out == "" {
		t.Skip("helper process")
	}
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	for _, name := range []string{"d/x/index.html", "d/x/a1/index.html", legacyMarker} {
		if err := st.WriteFile(name, []byte("never published")); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	}
	os.Exit(0)
}

// TestCrashedFirstBuild checks that the next build keeps nothing of a
// first build that ended without Commit: it recycles nothing, and
// publishes only what it writes.
func TestCrashedFirstBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a subprocess")
	}
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCrashedFirstBuild$")
	cmd.Env = append(os.Environ(), "PUBLISH_CRASHED_BUILD="+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helper: %v %s", err, msg)
	}
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	if st.Recycled() {
		t.Error("the build recycled the crashed build's files")
	}
	if err := st.Retain([]string{"d/x"}); err != nil {
		t.Fatal(err)
	}
	if kept, _ := st.KeepTree("d/x"); kept {
		t.Error("KeepTree(d/x) kept the crashed build's folder")
	}
	if err := st.WriteFile("d/y/index.html", []byte("y")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"d/y/index.html": "y"}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Errorf("published %v, want %v", keys(got), keys(want))
	}
	if st.Stats().Reused != 0 {
		t.Errorf("stats %+v, want no folder reused", st.Stats())
	}
}
