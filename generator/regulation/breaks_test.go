package regulation

import (
	"slices"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/label"
)

// TestSpacesAreIsSpace: nextSpace searches for exactly the runes
// label.IsSpace calls spaces.
func TestSpacesAreIsSpace(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if got, want := slices.Contains(spaces, string(r)), label.IsSpace(r); got != want {
			t.Errorf("%U: in spaces %v, label.IsSpace %v", r, got, want)
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
