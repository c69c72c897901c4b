package main

import (
	"bytes"
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
		{"build missing content", []string{"build", "--content", "does-not-exist"}, 2},
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
