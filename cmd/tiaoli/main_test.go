package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsageErrorsExit2(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"help", []string{"-h"}, 0},
		{"parse without path", []string{"parse"}, 2},
		{"parse unknown flag", []string{"parse", "--nope", "x"}, 2},
		{"build unknown flag", []string{"build", "--nope"}, 2},
		{"build extra argument", []string{"build", "extra"}, 2},
		{"serve unknown flag", []string{"serve", "--nope"}, 2},
		{"search unknown flag", []string{"search", "--nope"}, 2},
		{"check unknown flag", []string{"check", "--nope"}, 2},
		{"audit missing content", []string{"audit", "--content", "does-not-exist"}, 2},
		{"audit unknown class", []string{"audit", "--content", ".", "--class", "nope"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := run(tt.args, &out, &errOut); got != tt.want {
				t.Errorf("run(%q) = %d, want %d; stderr:\n%s", tt.args, got, tt.want, errOut.String())
			}
			if tt.want == 2 && !strings.Contains(errOut.String(), "usage:") {
				t.Errorf("run(%q) printed no usage message; stderr:\n%s", tt.args, errOut.String())
			}
		})
	}
}

// TestMissingFolder checks that a folder that is not there gets one line
// and a hint, not the whole usage.
func TestMissingFolder(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--content", "does-not-exist"},
		{"check", "--content", "does-not-exist"},
		{"serve", "--site", "does-not-exist"},
		{"publish", "--site", "does-not-exist"},
	} {
		var out, errOut bytes.Buffer
		got := run(args, &out, &errOut)
		msg := errOut.String()
		if got != 2 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, `"does-not-exist" not found; `) || strings.Contains(msg, "usage:") {
			t.Errorf("run(%q) = %d, printed %q; want 2 and one line with a hint", args, got, msg)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int64]string{0: "0 results", 1: "1 result", 2: "2 results"} {
		if got := plural(n, "result"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for name := range commands {
		var out, errOut bytes.Buffer
		if got := run([]string{name, "-h"}, &out, &errOut); got != 0 {
			t.Errorf("tiaoli %s -h exited %d; stderr:\n%s", name, got, errOut.String())
		}
		if errOut.Len() > 0 {
			t.Errorf("tiaoli %s -h wrote to stderr: %q", name, errOut.String())
		}
		if !strings.Contains(out.String(), "usage: tiaoli "+name) {
			t.Errorf("tiaoli %s -h printed %q, want a usage line", name, out.String())
		}
	}
}

// TestCheckWarnsOfPrivateFolders checks that tiaoli check --site names the
// folders of a site that a plain static file server would serve.
func TestCheckWarnsOfPrivateFolders(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{".tiaoli", "_index"} {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>x</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if st := run([]string{"check", "--site", dir}, &out, &errOut); st != 0 {
		t.Fatalf("check exited %d: %s%s", st, out.String(), errOut.String())
	}
	for _, p := range []string{".tiaoli/", "_index/"} {
		if !strings.Contains(out.String(), "warning: "+dir+" holds "+p) {
			t.Errorf("check --site does not warn of %s:\n%s", p, out.String())
		}
	}
}
