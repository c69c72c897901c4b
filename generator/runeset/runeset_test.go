package runeset

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHasAgreesWithContainsRune: a Set answers as strings.ContainsRune on
// the string it was built from, for ASCII, CJK, invalid and negative runes.
func TestHasAgreesWithContainsRune(t *testing.T) {
	sets := []string{"", "-|/·｜—", "根依按违适参", "a\x7f\x00", "，、；,;"}
	probes := []rune{-1, 0, 'a', 'z', '-', '|', 0x7f, 0x80, '·', '｜', '—', '根', '参', '，', ';', utf8.RuneError, utf8.MaxRune, utf8.MaxRune + 1}
	for _, s := range sets {
		set := Of(s)
		for _, r := range probes {
			if got, want := set.Has(r), strings.ContainsRune(s, r); got != want {
				t.Errorf("Of(%q).Has(%q) = %v, want %v", s, r, got, want)
			}
		}
	}
}

// FuzzHas compares Has with strings.ContainsRune on any set and rune.
func FuzzHas(f *testing.F) {
	f.Add("-|/·｜—", int32('｜'))
	f.Add("abc", int32(-5))
	f.Fuzz(func(t *testing.T, s string, r int32) {
		if !utf8.ValidString(s) {
			return // ContainsRune then matches U+FFFD against the bad bytes
		}
		set := Of(s)
		if got, want := set.Has(r), strings.ContainsRune(s, r); got != want {
			t.Errorf("Of(%q).Has(%q) = %v, want %v", s, r, got, want)
		}
	})
}
