// Package runeset holds sets of runes that a parser tests every rune of a
// text against. The rules name their sets as strings of characters
// ("、和及与"); strings.ContainsRune searches such a string for every rune
// it is asked about, which on every rune of a corpus adds up, while a Set
// answers from a bitmap (ASCII) or a short list (the rest).
package runeset

import "unicode/utf8"

// Set is a set of runes, built once by Of.
type Set struct {
	ascii [2]uint64 // bit r of the 128 ASCII runes
	other []rune    // the runes beyond ASCII, in the order given
}

// Of returns the set of the runes of s.
func Of(s string) Set {
	var set Set
	for _, r := range s {
		if r < utf8.RuneSelf {
			set.ascii[r/64] |= 1 << (r % 64)
		} else {
			set.other = append(set.other, r)
		}
	}
	return set
}

// Has reports whether r is in the set.
func (s *Set) Has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && s.ascii[r/64]&(1<<(r%64)) != 0
	}
	for _, o := range s.other {
		if o == r {
			return true
		}
	}
	return false
}
