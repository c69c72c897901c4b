package regulation

import (
	"slices"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/label"
)

// TestSpaceAtKnowsEverySpace: spaceAt looks further only at the first
// bytes of the spaces it knows; every rune label.IsSpace calls a space
// starts with one of them, and spaceAt finds it.
func TestSpaceAtKnowsEverySpace(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if utf8.ValidRune(r) && label.IsSpace(r) && !spaceAt(string(r)+"x", 0) {
			t.Errorf("spaceAt misses the space %U", r)
		}
	}
}

// TestSpaceRuns: the runs inside a line, none at its ends, after
// characters of any length and after bytes that are no UTF-8.
func TestSpaceRuns(t *testing.T) {
	s := " 甲\u3000\u00a0乙 \xe3丙\t丁 "
	var got [][2]int
	spaceRuns(s, func(i, j int) bool {
		got = append(got, [2]int{i, j})
		return true
	})
	want := [][2]int{{4, 9}, {12, 13}, {17, 18}}
	if !slices.Equal(got, want) {
		t.Errorf("spaceRuns(%q) = %v, want %v", s, got, want)
	}
}
