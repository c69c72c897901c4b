package golden

import (
	"path/filepath"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nc\n", "line 2:\nwant: b\ngot:  c"},
		{"a\n", "a\nb\n", "line 2:\nwant: \ngot:  b"},
	}
	for _, tt := range tests {
		if got := Diff(tt.want, tt.got); got != tt.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", tt.want, tt.got, got, tt.diff)
		}
	}
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "testdata", "x.golden")
	Write(t, path, []byte("same\n"))
	Check(t, path, []byte("same\n")) // fails the test if it differs
}
