package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/numeral"
)

// Ranges printed without the 第 of their end: 第一项至四项, 第二十八条至四十条
// (the end's unit printed, its 第 left out), and 第一至三项, 第一至三条 (the
// unit printed once, after the end). Both name every unit from the first to
// the last, as 第一项至第四项 does; the label grammar reads each end once
// its 第 is restored.

// rangeUnit is the unit a reference names last: the deepest its chain
// prints, else the unit its kind starts with (前款 a 款, 本条 a 条).
func rangeUnit(ref rawRef) label.Unit {
	switch {
	case ref.P.Item > 0:
		return label.Item
	case ref.P.Para > 0:
		return label.Paragraph
	case ref.P.Article > 0:
		return label.Article
	}
	switch ref.Kind {
	case refParagraph, refPrevParagraph, refThisParagraph:
		return label.Paragraph
	case refItem, refPrevItem, refThisItem:
		return label.Item
	}
	return label.Article
}

// withRange extends ref, read at its start in s, over a range printed
// without the 第 of its end, when one follows it: 第一项 before 至四项, and
// 第十八条 before 第一至十项 (which adds the range's first item to its chain).
func withRange(s string, ref rawRef) rawRef {
	if !isContext(ref.Kind) || ref.Through != nil || ref.Back > 1 {
		return ref
	}
	unit := rangeUnit(ref)
	if first, last, end, ok := numeralRangeAt(s, ref.End); ok && first.Unit > unit && first.Unit <= label.Item {
		setPart(&ref.P, first.Unit, first.N)
		through := ref.P
		setPart(&through, last.Unit, last.N)
		ref.Through, ref.End = &through, end
		if label.IsThis(s, ref.Start) {
			ref.Kind = deepest(ref)
		}
		return ref
	}
	if last, end, ok := unlabelledEndAt(s, ref.End); ok && last.Unit == unit && partOf(ref.P, unit) > 0 && last.N > partOf(ref.P, unit) {
		through := ref.P
		setPart(&through, last.Unit, last.N)
		ref.Through, ref.End = &through, end
	}
	return ref
}

// scanNumeralRange reads 第一至三项 at i, with no chain before it: a
// reference to the first unit, ranging to the last.
func scanNumeralRange(s string, i int) (rawRef, bool) {
	first, last, end, ok := numeralRangeAt(s, i)
	if !ok {
		return rawRef{}, false
	}
	ref := rawRef{Kind: chainKinds[first.Unit], Start: i, End: end}
	setPart(&ref.P, first.Unit, first.N)
	through := ref.P
	setPart(&through, last.Unit, last.N)
	ref.Through = &through
	return ref, true
}

// unlabelledEndAt reads, at byte at of s, a range word and the end of a
// range printed without its 第 (至四项): the end as a label, and where it
// ends in s. An end printed with its 第 is the enumeration's own business.
func unlabelledEndAt(s string, at int) (label.Numbered, int, bool) {
	r, size := utf8.DecodeRuneInString(s[at:])
	if _, through := label.JoinsOf(string(r)); !through {
		return label.Numbered{}, 0, false
	}
	rest := s[at+size:]
	if !numeral.IsDigit(firstRune(rest)) && !isASCIIDigit(firstRune(rest)) {
		return label.Numbered{}, 0, false
	}
	l, ok := label.Read("第" + rest)
	if !ok || l.Unit < label.Article || l.Unit > label.Item {
		return label.Numbered{}, 0, false
	}
	return l, at + size + l.End - len("第"), true
}

// numeralRangeAt reads 第一至三项 at byte i of s: a numeral, a range word
// and the end read as a label (三项). The first unit is the end's, and
// the range runs forward.
func numeralRangeAt(s string, i int) (first, last label.Numbered, end int, ok bool) {
	rest, found := strings.CutPrefix(s[i:], "第")
	if !found {
		return first, last, 0, false
	}
	for j, r := range rest {
		if j > label.MaxNumeralRunes*utf8.UTFMax {
			break
		}
		if numeral.IsDigit(r) || isASCIIDigit(r) {
			continue
		}
		n, isNum := numeral.Parse(rest[:j])
		if !isNum || n <= 0 {
			break
		}
		l, e, isEnd := unlabelledEndAt(s, i+len("第")+j)
		if !isEnd || l.N <= n {
			break
		}
		return label.Numbered{Unit: l.Unit, N: n}, l, e, true
	}
	return first, last, 0, false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// setPart and partOf write and read the number of unit u in p.
func setPart(p *label.Parts, u label.Unit, n int) {
	switch u {
	case label.Article:
		p.Article, p.Suffix = n, 0
	case label.Paragraph:
		p.Para = n
	case label.Item:
		p.Item = n
	}
}

func partOf(p label.Parts, u label.Unit) int {
	switch u {
	case label.Article:
		return p.Article
	case label.Paragraph:
		return p.Para
	case label.Item:
		return p.Item
	}
	return 0
}
