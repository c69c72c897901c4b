// Package normalize cleans one line of decoded text without changing what
// it says:
//
//   - full-width ASCII letters and digits (Ａ, １) become half-width (A, 1);
//     full-width punctuation (，。（）：；“”) is kept as printed;
//   - zero-width characters (U+200B…U+200D, U+2060, U+FEFF, soft hyphen,
//     direction marks) and other control characters are removed;
//   - a run of white space (space, tab, U+3000, NBSP and the other Unicode
//     spaces) becomes one ASCII space, between Chinese characters too: a
//     no-break space there separates fields (作者 and 单位 of a byline, a name
//     and its post, 第一条 and its text) as a U+3000 or a plain space does;
//     the line is trimmed;
//   - a private-use character between two digits, which some sources use for
//     a decimal point, becomes "."; any other private-use character is
//     removed.
//
// 〔〕 and the other bracket pairs are kept as printed; Opening and Closing
// say which characters open and close a bracket for anyone balancing them.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/runeset"
)

// Line returns s cleaned as the package doc describes.
func Line(s string) string {
	if isClean(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next character written
	put := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isSpace(r):
			j := i
			for j < len(rs) && (isSpace(rs[j]) || IsZeroWidth(rs[j])) {
				j++
			}
			space = true
			i = j - 1
		case IsZeroWidth(r) || unicode.IsControl(r):
		case isPrivate(r):
			if i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]) {
				put('.')
			}
		default:
			put(Fold(r))
		}
	}
	return b.String()
}

// isClean reports whether s needs no change: printable ASCII other than
// leading, trailing or doubled spaces, and runes outside every class Line
// changes.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	prevSpace := false
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b < 0x20 || b == 0x7F || (b == ' ' && prevSpace) {
				return false
			}
			prevSpace = b == ' '
			i++
			continue
		}
		prevSpace = false
		if runeset.MidHan(s[i:]) {
			i += 3 // most of a text: decoding it would only confirm the range
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x3400 && r < 0xE000 {
			continue // CJK ideographs and the rest up to private use: in no class
		}
		if isSpace(r) || IsZeroWidth(r) || unicode.IsControl(r) || isPrivate(r) || Fold(r) != r || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// Fold maps a full-width ASCII letter or digit to its half-width form and
// returns every other rune unchanged.
func Fold(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	}
	return r
}

// FoldString applies Fold to every rune of s.
func FoldString(s string) string {
	return strings.Map(Fold, s)
}

// IsZeroWidth reports whether r is an invisible formatting character that
// carries no text: zero-width space, joiners, word joiner, byte order mark,
// soft hyphen, direction marks and embeddings.
func IsZeroWidth(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064,
		r >= 0x2066 && r <= 0x2069, r == 0xFEFF, r == 0x00AD, r == 0x180E, r == 0x034F:
		return true
	}
	return false
}

// isSpace reports white space: ASCII space and tab, NBSP, U+3000 and the
// Unicode space separators.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\f' || r == '\v' || unicode.Is(unicode.Zs, r)
}

func isNBSP(r rune) bool { return r == 0x00A0 || r == 0x2007 || r == 0x202F }

func isPrivate(r rune) bool {
	return (r >= 0xE000 && r <= 0xF8FF) || (r >= 0xF0000 && r <= 0x10FFFD) || (r >= 0xFDD0 && r <= 0xFDEF)
}

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

// HasInvisible reports whether s holds a character Line removes or
// replaces: a zero-width, control or private-use character, or a no-break
// space.
func HasInvisible(s string) bool {
	for _, r := range s {
		if IsZeroWidth(r) || (unicode.IsControl(r) && r != '\n') || isPrivate(r) || isNBSP(r) {
			return true
		}
	}
	return false
}

// Opening and Closing list the bracket and quote pairs of printed Chinese
// and ASCII text: Closing[i] closes Opening[i]. 〔〕 are brackets like ().
var (
	Opening = []rune{'(', '（', '〔', '[', '【', '《', '〈', '「', '『', '“', '‘', '{', '［', '｛', '〖'}
	Closing = []rune{')', '）', '〕', ']', '】', '》', '〉', '」', '』', '”', '’', '}', '］', '｝', '〗'}
)

// Unbalanced reports whether s opens a bracket or quote it does not close.
// Round brackets of either width count as one kind, since sources mix them.
func Unbalanced(s string) bool {
	depth := map[rune]int{}
	for _, r := range s {
		if k, ok := bracketKind(r, Opening); ok {
			depth[k]++
		} else if k, ok := bracketKind(r, Closing); ok && depth[k] > 0 {
			depth[k]--
		}
	}
	for _, d := range depth {
		if d > 0 {
			return true
		}
	}
	return false
}

// bracketKind returns the opening rune that names the pair r belongs to,
// with (（〔 all counted as round brackets.
func bracketKind(r rune, set []rune) (rune, bool) {
	for i, c := range set {
		if c == r {
			k := Opening[i]
			if k == '（' || k == '〔' {
				k = '('
			}
			return k, true
		}
	}
	return 0, false
}
