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

// FuzzIndex compares Index with the first rune of the set a range loop
// meets.
func FuzzIndex(f *testing.F) {
	f.Add("第前本《上该該", "依照本法第五条")
	f.Add("-|/·｜—", "甲\xe4\xb8|乙")
	f.Add("根依", "\xe6\xa0\xb9\xe4\xbe依")
	f.Fuzz(func(t *testing.T, set, text string) {
		if strings.ContainsRune(set, utf8.RuneError) || !utf8.ValidString(set) {
			return
		}
		s := Of(set)
		want := -1
		for i, r := range text {
			if strings.ContainsRune(set, r) {
				want = i
				break
			}
		}
		if got := s.Index(text); got != want {
			t.Fatalf("Of(%q).Index(%q) = %d, want %d", set, text, got, want)
		}
	})
}

// BenchmarkIndex finds the first rune of a set of Han characters in a
// paragraph that holds none of them.
func BenchmarkIndex(b *testing.B) {
	set := Of("第前本《上该該")
	text := strings.Repeat("国务院有关部门应当依照职责分工，做好相关的管理工作。", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if set.Index(text) >= 0 {
			b.Fatal("found a rune the text does not hold")
		}
	}
}

// TestMidHan: MidHan holds exactly for the 3-byte starts that decode to a
// valid rune of U+4000 to U+CFFF, over every lead byte and every pair of
// next bytes, and for no string shorter than a rune.
func TestMidHan(t *testing.T) {
	for b0 := 0xC0; b0 < 0x100; b0++ {
		for b1 := 0; b1 < 0x100; b1++ {
			for _, b2 := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF} {
				s := string([]byte{byte(b0), byte(b1), b2, 'x'})
				r, size := utf8.DecodeRuneInString(s)
				want := size == 3 && r >= 0x4000 && r <= 0xCFFF
				if got := MidHan(s); got != want {
					t.Fatalf("MidHan(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
	for _, s := range []string{"", "\xe4", "\xe4\xb8", "中"[:2]} {
		if MidHan(s) {
			t.Errorf("MidHan(%q) = true on a string shorter than a rune", s)
		}
	}
	if !MidHan("中") || MidHan("，") || MidHan("a中") {
		t.Error("MidHan misreads 中, ， or a中")
	}
}
