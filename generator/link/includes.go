package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// findIncludes finds "X包括A和B" / "X包括A、B和C": A, B and C become terms
// defined there, as kinds of X. The caller keeps them only when X is a
// term already (Needs).
func findIncludes(s string) []found {
	var fs []found
	for off := 0; ; {
		j := strings.Index(s[off:], "包括")
		if j < 0 {
			return fs
		}
		at := off + j
		off = at + len("包括")
		fs = append(fs, includes(s, at)...)
	}
}

func includes(s string, at int) []found {
	head, end := sentence(s, at, at)
	subject := s[skipItemLabel(s, head):at]
	if i := strings.Index(subject, "所称"); i >= 0 {
		subject = strings.TrimPrefix(subject[i+len("所称"):], "的")
	}
	subject = strings.TrimRight(strings.TrimSpace(subject), "，,")
	if runeCount(subject) < 2 || runeCount(subject) > 15 || strings.ContainsAny(subject, "，,：:、（(") {
		return nil
	}
	from := at + len("包括")
	list := strings.TrimRight(s[from:end], "。；;！？!?\n ")
	if strings.HasSuffix(list, "：") || strings.HasSuffix(list, ":") {
		return nil
	}
	list = strings.TrimSuffix(list, "等")
	names := splitIncluded(list)
	if len(names) < 2 {
		return nil
	}
	var fs []found
	for _, n := range names {
		i := strings.Index(s[from:], n)
		if i < 0 {
			return nil
		}
		start := from + i
		f := found{Start: start, End: start + len(n), SentStart: head, SentEnd: end, Needs: subject}
		f.Term = model.Term{
			Term: n, Kind: model.TermIntroduced, KindOf: subject, Scope: scopeRest,
			Definition: strings.TrimRight(strings.TrimSpace(s[head:end]), "。；;！？!?\n"),
		}
		fs = append(fs, f)
		from = start + len(n)
	}
	return fs
}

// joiners join the last two names of a list.
var joiners = []string{"以及", "或者", "和", "及", "与"}

// splitIncluded splits "A、B和C" into plain names; nil when any part is
// not one (too long, 的, a comma).
func splitIncluded(list string) []string {
	if list == "" || strings.ContainsAny(list, "，,；;：:“”\"（）()《》") {
		return nil
	}
	parts := strings.Split(list, "、")
	last := parts[len(parts)-1]
	for _, j := range joiners {
		if i := strings.Index(last, j); i > 0 {
			parts = append(parts[:len(parts)-1], last[:i], last[i+len(j):])
			break
		}
	}
	var names []string
	for _, p := range parts {
		n := runeCount(p)
		if n < 2 || n > 10 || strings.Contains(p, "的") || !validTerm(p) {
			return nil
		}
		if !vagueName(p) {
			names = append(names, p)
		}
	}
	return names
}

// vagueName reports a member that names no kind of its own: 其他绿地.
func vagueName(p string) bool {
	for _, w := range []string{"其他", "其它", "有关", "相关", "另外", "各类", "各种", "各项"} {
		if strings.HasPrefix(p, w) {
			return true
		}
	}
	return false
}

// findSameBelow finds 下同 glosses: 用户（包括居民用户、非居民用户，下同）
// makes 用户 a term for the rest of the document, meaning what the
// gloss says.
func findSameBelow(s string) []found {
	var fs []found
	for off := 0; ; {
		j := strings.Index(s[off:], "下同")
		if j < 0 {
			return fs
		}
		at := off + j
		off = at + len("下同")
		rest := strings.TrimLeft(s[off:], " 　")
		if rest == "" || !isClose(firstRune(rest)) {
			continue
		}
		if f, ok := sameBelow(s, at, len(s)-len(rest)); ok {
			fs = append(fs, f)
		}
	}
}

func sameBelow(s string, at, close int) (found, bool) {
	open := openOf(s, close)
	if open < 0 {
		return found{}, false
	}
	gloss := strings.TrimSpace(s[open+runeLen(s, open) : at])
	gloss = strings.TrimRight(gloss, "，,、 　")
	for _, k := range abbreviationKeys {
		if strings.HasPrefix(gloss, k.key) {
			return found{}, false // an abbreviation: findAbbreviations reads it
		}
	}
	before := s[:open]
	head := clauseStart(before, len(before))
	start := glossedTerm(before, head, gloss)
	if start < 0 || gloss == "" {
		return found{}, false
	}
	f := found{Start: start, End: open}
	f.SentStart, f.SentEnd = sentence(s, open, close)
	f.Term = model.Term{Term: s[start:open], Kind: model.TermDefined, Definition: gloss, Scope: scopeRest}
	return f, true
}

// glossedTerm returns where the term glossed by a 下同 bracket starts in
// before (the clause ends at len(before)): the longest ending of the
// clause that the gloss repeats, else the last word after a function
// word. -1 when neither gives a term of 2 to 12 runes.
func glossedTerm(before string, head int, gloss string) int {
	if i := strings.LastIndex(before[head:], "下同"); i >= 0 {
		head += i + len("下同") // not across another gloss: 乡(含镇，下同)村
		if head < len(before) && isClose(firstRune(before[head:])) {
			head += runeLen(before, head)
		}
	}
	fg := foldString(gloss)
	for i := range before[head:] {
		start := head + i
		cand := before[start:]
		if len(cand) > 12*utf8.UTFMax {
			continue
		}
		n := runeCount(cand)
		if n < 2 || n > 12 || !validTerm(cand) {
			continue
		}
		if strings.Contains(fg, foldString(cand)) {
			return start
		}
	}
	start := head
	for i, r := range before[head:] {
		if strings.ContainsRune("的与和或及向对在以由将把从为给、", r) {
			start = head + i + runeLen(before, head+i)
		}
	}
	cand := before[start:]
	if n := runeCount(cand); n < 2 || n > 12 || !validTerm(cand) || !isHan(firstRune(cand)) {
		return -1
	}
	return start
}
