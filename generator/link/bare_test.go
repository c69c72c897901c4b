package link

import (
	"strings"
	"testing"
)

// TestVerbStarts: every verb that cites starts with one of verbStarts,
// the characters scanBareIn stops at.
func TestVerbStarts(t *testing.T) {
	for _, v := range citingVerbs {
		if !strings.ContainsRune(verbStarts, []rune(v)[0]) {
			t.Errorf("%s starts with no character of verbStarts %q", v, verbStarts)
		}
	}
}
