package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/numeral"
)

// Lists of bracketed items under one 项: 第（一）、（三）、（四）项,
// 第（一）至（三）项, 第（一）和（二）项, 第（一）、第（三）项, 第（一）（二）项,
// after a chain (第五条第（一）、（二）项, 前款第（一）、（三）项) or alone.
// The label grammar reads such a list as its first item (label.Read); the
// scanner splits it so that each item is a reference of its own, linked
// and listed among what cites that item, and 至 makes a range.

// listedItem is one item of such a list: its span in the text (the first
// from the 第, the last up to 项) and whether 至 joins it to the one
// before into a range.
type listedItem struct {
	Start, End int
	N          int
	Through    bool
}

// itemListAt reads a list of two or more bracketed items at byte i of s,
// which starts with 第, and returns its items.
func itemListAt(s string, i int) ([]listedItem, bool) {
	if !strings.HasPrefix(s[i:], "第") {
		return nil, false
	}
	j := i + len("第")
	first, end, ok := bracketAt(s, j)
	if !ok {
		return nil, false
	}
	items := []listedItem{{Start: i, End: end, N: first}}
	for {
		k := skipSpace(s, end)
		sepEnd, through, ok := itemSep(s, k)
		if !ok {
			break
		}
		start := skipSpace(s, sepEnd)
		open := start
		if strings.HasPrefix(s[open:], "第") {
			open += len("第")
		}
		n, e, ok := bracketAt(s, skipSpace(s, open))
		if !ok {
			break
		}
		items = append(items, listedItem{Start: start, End: e, N: n, Through: through})
		end = e
	}
	if len(items) < 2 {
		return nil, false
	}
	k := skipSpace(s, end)
	if r, size := utf8.DecodeRuneInString(s[k:]); numeral.IsDigit(r) {
		k += size // 第（一）、（二）两项
	}
	if !strings.HasPrefix(s[k:], "项") || strings.HasPrefix(s[k+len("项"):], "目") {
		return nil, false
	}
	items[len(items)-1].End = k + len("项")
	return items, true
}

// bracketAt reads a bracketed numeral （三） or (3) at byte j of s and
// returns its value and where it ends.
func bracketAt(s string, j int) (int, int, bool) {
	if !label.IsOpen(firstRune(s[j:])) {
		return 0, 0, false
	}
	it, ok := label.ReadItem(s[j:])
	if !ok || (it.Kind != label.HanParenItem && it.Kind != label.DigitParenItem) {
		return 0, 0, false
	}
	rest := s[j:]
	end := len(s) - len(it.Rest)
	return it.N, j + len(strings.TrimRightFunc(rest[:end-j], label.IsSpace)), true
}

// itemSep reads what joins two items of a list at byte k of s: a join or
// a range word (label.JoinsOf), or nothing (第（一）（二）项).
func itemSep(s string, k int) (end int, through, ok bool) {
	if label.IsOpen(firstRune(s[k:])) {
		return k, false, true
	}
	for n := range s[k:] {
		if n >= 3*utf8.UTFMax {
			break
		}
		_, size := utf8.DecodeRuneInString(s[k+n:]) // 1 for a byte that is no UTF-8, where RuneLen(U+FFFD) says 3
		next := k + n + size
		if join, through := label.JoinsOf(s[k:next]); join && (label.IsOpen(firstRune(s[skipSpace(s, next):])) || strings.HasPrefix(s[skipSpace(s, next):], "第")) {
			return next, through, true
		}
	}
	return 0, false, false
}

func skipSpace(s string, i int) int {
	return len(s) - len(strings.TrimLeftFunc(s[i:], label.IsSpace))
}

// scanItemList reads a list of items with no chain before it at i
// (第（一）至（三）项): a reference to its first item, which splitItemList
// then splits.
func scanItemList(s string, i int) (rawRef, bool) {
	items, ok := itemListAt(s, i)
	if !ok {
		return rawRef{}, false
	}
	return rawRef{Kind: refItem, Start: i, End: items[0].End, P: label.Parts{Item: items[0].N}}, true
}

// splitItemList splits the reference ref read at its start in s when its
// items are a list, or when a list follows it right after (第五条第（一）至
// （三）项, which the label grammar stops before): the first reference
// names the first item, the others follow each with its own span. ok is
// false when there is no list.
func splitItemList(s string, ref rawRef) (first rawRef, rest []rawRef, ok bool) {
	at := -1
	switch {
	case ref.P.Item > 0 && ref.P.Sub == 0:
		at = strings.LastIndex(s[ref.Start:ref.End], "第")
		if at >= 0 {
			at += ref.Start
		}
	case ref.P.Item == 0 && isContext(ref.Kind) && ref.Back <= 1 && ref.Through == nil:
		at = ref.End
	}
	if at < 0 {
		return ref, nil, false
	}
	items, ok := itemListAt(s, at)
	if !ok {
		return ref, nil, false
	}
	first = ref
	first.End, first.P.Item = items[0].End, items[0].N
	if label.IsThis(s, ref.Start) {
		first.Kind = deepest(first) // 本条第二款第（一）至（三）项, as scanThis reads it
	}
	for _, it := range items[1:] {
		r := rawRef{Kind: refItem, Start: it.Start, End: it.End, P: label.Parts{Item: it.N}}
		if it.Through {
			r.Through = &label.Parts{} // marks the range; set when it joins
		}
		rest = append(rest, r)
	}
	return first, rest, true
}

// addItems adds the items that follow the first of a list (splitItemList)
// to refs, whose last is that first: each takes its article and paragraph,
// and an item after 至 ends a range.
func addItems(refs []rawRef, rest []rawRef) []rawRef {
	for _, r := range rest {
		p := &refs[len(refs)-1]
		through := r.Through != nil
		r.Through = nil
		item := inherit(*p, r)
		if p.Ctx != nil {
			ctx := inherit(*p.Ctx, r)
			item.Ctx = &ctx
		}
		if through && p.Through == nil {
			end := item.P
			p.Through, p.End = &end, item.End
			continue
		}
		refs = append(refs, item)
	}
	return refs
}
