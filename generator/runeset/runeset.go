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
	last  [4]uint64 // bit b of the last byte of the UTF-8 of each of other
	// ends lists, by the low six bits of their last byte, the UTF-8 of
	// the runes of other that have one: Index compares the bytes before a
	// last byte with those alone, without decoding.
	ends [64][]string
}

// Of returns the set of the runes of s.
func Of(s string) Set {
	var set Set
	for _, r := range s {
		if r < utf8.RuneSelf {
			set.ascii[r/64] |= 1 << (r % 64)
		} else {
			set.other = append(set.other, r)
			var buf [utf8.UTFMax]byte
			b := buf[utf8.EncodeRune(buf[:], r)-1]
			set.last[b/64] |= 1 << (b % 64)
			if utf8.ValidRune(r) {
				set.ends[b%64] = append(set.ends[b%64], string(r))
			}
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

// Index returns the byte offset in text of the first rune of the set, as
// a range loop over text reads its runes, or -1 when there is none. It
// looks at the bytes: the bytes before a byte that ends the UTF-8 of one
// of the set are compared with the UTF-8 of those runes of the set that
// end in it, and nothing is decoded; a byte that is not UTF-8, which a
// range loop reads as utf8.RuneError, is never one of the set (Index is
// not for a set that holds utf8.RuneError).
func (s *Set) Index(text string) int {
	for j := 0; j < len(text); j++ {
		b := text[j]
		if b < utf8.RuneSelf {
			if s.ascii[b/64]&(1<<(b%64)) != 0 {
				return j
			}
			continue
		}
		if s.last[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		for _, e := range s.ends[b%64] {
			if start := j + 1 - len(e); start >= 0 && text[start:j+1] == e {
				return start // a first byte, so a rune start of the range loop
			}
		}
	}
	return -1
}

// MidHan reports whether s opens with a rune of U+4000 to U+CFFF, the
// common CJK ideographs among them: a lead byte of 0xE4 to 0xEC and two
// continuation bytes, which always encode a valid rune of that range. A
// loop over a Chinese text steps over such a rune, 3 bytes, without
// decoding it.
func MidHan(s string) bool {
	return len(s) >= 3 && s[0] >= 0xE4 && s[0] <= 0xEC && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80
}
