//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadEntryPastCap: once maxMapped entries are mapped, an entry is
// read instead, with the same bytes.
func TestReadEntryPastCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "entry")
	if err := os.WriteFile(p, []byte("条理"), 0o644); err != nil {
		t.Fatal(err)
	}
	was := mapped.Load()
	defer mapped.Store(was)
	for _, n := range []int64{0, maxMapped} {
		mapped.Store(n)
		data, err := readEntry(p)
		if err != nil || string(data) != "条理" {
			t.Fatalf("with %d mapped: %q, %v", n, data, err)
		}
		if got := mapped.Load(); got != n+1 {
			t.Errorf("with %d mapped: count %d after, want %d", n, got, n+1)
		}
	}
}
