package markdown

import (
	"testing"
	"unicode"
)

// TestHanRangeHoldsNoSeparator keeps the range add counts without asking
// free of spaces and link separators.
func TestHanRangeHoldsNoSeparator(t *testing.T) {
	for r := hanFrom + 1; r < hanTo; r++ {
		if unicode.IsSpace(r) || linkSeparators.Has(r) {
			t.Fatalf("%U is a space or a link separator inside (hanFrom, hanTo)", r)
		}
	}
}
