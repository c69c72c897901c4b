package report

import (
	"fmt"
	"slices"

	"tiaoli/generator/model"
	"tiaoli/generator/site/lookup"
)

// undefined lists abbreviations and acronyms that are used but defined
// nowhere: terms of those kinds without a definition site, and runs of
// Latin capitals in the text that no term, expansion or glossary entry
// explains.
func undefined(c *model.Corpus, x *lookup.Index) []Entry {
	var out []Entry
	known := map[string]bool{}
	for _, t := range c.Terms {
		known[t.Term] = true
		known[t.Expansion] = true
		if (t.Kind == model.TermAbbreviation || t.Kind == model.TermAcronym) && t.DefinedIn == nil && t.Definition == "" && t.Expansion == "" {
			e := Entry{URL: t.URL, Message: fmt.Sprintf("「%s」没有定义", t.Term)}
			if len(t.Occurrences) > 0 {
				e = fromEntry(x, t.Occurrences[0])
				e.Message = fmt.Sprintf("「%s」使用%d次，没有定义", t.Term, len(t.Occurrences))
			}
			out = append(out, e)
		}
	}
	return append(out, strayAcronyms(c, known)...)
}

// acronymUse is where an undefined acronym is first seen and how often.
type acronymUse struct {
	first Entry
	count int
}

// strayAcronyms finds runs of two or more Latin capitals that no term
// explains, one entry per acronym at its first use.
func strayAcronyms(c *model.Corpus, known map[string]bool) []Entry {
	uses := map[string]*acronymUse{}
	var order []string
	see := func(d *model.Document, where, url string, p model.Paragraph) {
		for _, a := range acronyms(p.Text) {
			if known[a] {
				continue
			}
			u := uses[a]
			if u == nil {
				e := docEntry(d, p.Position)
				e.Where, e.URL = where, url
				u = &acronymUse{first: e}
				uses[a] = u
				order = append(order, a)
			}
			u.count++
		}
	}
	for _, d := range c.Documents {
		walkText(d, see)
	}
	slices.Sort(order)
	out := make([]Entry, 0, len(order))
	for _, a := range order {
		e := uses[a].first
		e.Message = fmt.Sprintf("缩写「%s」使用%d次，没有定义", a, uses[a].count)
		out = append(out, e)
	}
	return out
}

// walkText calls fn for every paragraph and item of a document with the
// name and URL of where it is.
func walkText(d *model.Document, fn func(d *model.Document, where, url string, p model.Paragraph)) {
	for _, p := range d.Body {
		if len(d.Articles) == 0 {
			fn(d, "", d.URL, p)
		}
	}
	for _, p := range d.Preamble {
		fn(d, "序言", d.URL, p)
	}
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for _, cl := range a.Clauses {
			if cl == nil {
				continue
			}
			fn(d, a.Label, a.URL, cl.Paragraph)
			for _, it := range cl.Items {
				if it != nil {
					fn(d, a.Label, a.URL, it.Paragraph)
				}
			}
		}
	}
	for _, p := range d.Appendix {
		fn(d, "附件", d.URL, p)
	}
}

// acronyms returns the runs of 2 to 10 ASCII capitals (digits allowed
// after the first letter) in s, leaving out Roman numerals.
func acronyms(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		// Eight bytes at a time past text without capitals (most of it).
		for i+8 <= len(s) && !hasUpper(load8(s, i)) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if !isUpper(s[i]) || (i > 0 && isWordByte(s[i-1])) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isUpper(s[j]) || (s[j] >= '0' && s[j] <= '9')) {
			j++
		}
		if j < len(s) && isWordByte(s[j]) {
			i = j
			continue
		}
		if w := s[i:j]; len(w) >= 2 && len(w) <= 10 && !roman(w) {
			out = append(out, w)
		}
		i = j
	}
	return out
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// load8 is the 8 bytes of s from i, the first in the lowest byte.
func load8(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// hasUpper reports whether one of the 8 bytes of x is an ASCII capital.
// Of each byte's low 7 bits y, y+0x3f has its high bit set when y >= 'A'
// and y+0x25 when y > 'Z', neither carrying into the next byte; a byte
// whose own high bit is set (UTF-8 beyond ASCII) is no capital.
func hasUpper(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x &^ highs
	ge, gt := y+ones*(0x80-'A'), y+ones*(0x80-'Z'-1)
	return ge&^gt&^x&highs != 0
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func roman(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		default:
			return false
		}
	}
	return true
}
