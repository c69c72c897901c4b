package link

import (
	"slices"
	"strings"
	"testing"
)

// TestBodyHeadsEndInBodyNouns: the heads that end a body's name after the
// field a term names end with a noun of the one list of bodies, or are
// the end of an institution's name.
func TestBodyHeadsEndInBodyNouns(t *testing.T) {
	for _, h := range bodyHeads {
		if !slices.Contains(institutionEnds, h) && !slices.ContainsFunc(bodyNouns, func(n string) bool { return strings.HasSuffix(h, n) }) {
			t.Errorf("bodyHeads: %s ends with none of bodyNouns %v", h, bodyNouns)
		}
	}
}
