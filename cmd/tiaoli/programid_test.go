package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestGoBuildID checks that the program is named by the build ID the go
// command wrote into its executable, and that a file without one, or
// with one set by hand, gives none (the digest of the bytes is used).
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable to read")
	}
	id := goBuildID(exe)
	if id == "" && runtime.GOOS != "linux" {
		t.Skip("the test binary has no ELF build ID (not ELF)")
	}
	if !hashedBuildID(id) {
		t.Errorf("goBuildID(test binary) = %q, not four hashes", id)
	}
	if want := toolBuildID(t, exe); id != want {
		t.Errorf("goBuildID(test binary) = %q, go tool buildid says %q", id, want)
	}
	if got := programDigest(); got != "go:"+id {
		t.Errorf("programDigest() = %q, want the build ID %q", got, "go:"+id)
	}
	text := filepath.Join(t.TempDir(), "text")
	os.WriteFile(text, []byte("not an executable"), 0o644)
	if got := goBuildID(text); got != "" {
		t.Errorf("goBuildID(a text file) = %q, want none", got)
	}
}

// toolBuildID is the build ID go tool buildid reads from exe.
func toolBuildID(t *testing.T, exe string) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to read the build ID with")
	}
	out, err := exec.Command(goCmd, "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func TestHashedBuildID(t *testing.T) {
	h := strings.Repeat("aB3-_", 4)
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{h + "/" + h + "/" + h + "/" + h, true},
		{"redacted", false},
		{"", false},
		{h + "/" + h + "/" + h, false},
		{h + "/" + h + "/" + h + "/" + h + "/" + h, false},
		{h + "/" + h + "/" + h + "/" + h[:19], false},
		{h + "/" + h + "/" + h + "/" + h[:19] + "=", false},
	} {
		if got := hashedBuildID(tc.id); got != tc.want {
			t.Errorf("hashedBuildID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}
