package link

import (
	"strings"

	"tiaoli/generator/model"
)

// acronymKeys say that a Latin acronym stands for a Chinese expansion.
var acronymKeys = []string{"英文首字母缩写", "英文名称缩写", "英文缩写", "英文简称", "英文名称简称"}

// findAcronyms finds an acronym and its expansion, both ways:
// WTO是“世界贸易组织”的英文缩写, and 世界贸易组织（英文缩写为WTO）.
// Each side becomes a term that names the other.
func findAcronyms(s string) []found {
	var fs []found
	for _, key := range acronymKeys {
		for off := 0; ; {
			j := strings.Index(s[off:], key)
			if j < 0 {
				break
			}
			at := off + j
			off = at + len(key)
			if f := acronymBefore(s, at); f != nil {
				fs = append(fs, f...)
			} else if f := acronymInside(s, at, off); f != nil {
				fs = append(fs, f...)
			}
		}
	}
	return fs
}

// acronymBefore reads "X是“Y”的<key>" ending at key.
func acronymBefore(s string, key int) []found {
	before := s[:key]
	if !strings.HasSuffix(before, "的") {
		return nil
	}
	before = strings.TrimSuffix(before, "的")
	yEnd := len(before)
	var yStart int
	if q := lastRune(before); isQuoteClose(q) {
		yEnd -= len(string(q))
		qi := strings.LastIndexAny(before[:yEnd], "“\"「‘")
		if qi < 0 {
			return nil
		}
		yStart = qi + runeLen(before, qi)
		before = before[:qi]
	} else {
		yStart = strings.LastIndex(before, "是")
		if yStart < 0 {
			return nil
		}
		yStart += len("是")
		before = before[:yStart]
	}
	before = strings.TrimRight(before, " 　")
	var ok bool
	if before, ok = cutSuffixAny(before, "是", "为"); !ok {
		return nil
	}
	before = strings.TrimRight(before, " 　")
	xStart := len(before)
	for xStart > 0 && isAcronymByte(before[xStart-1]) {
		xStart--
	}
	return acronymPair(s, xStart, len(before), yStart, yEnd, key)
}

// acronymInside reads "Y（<key>为X）" with the key just inside a bracket.
func acronymInside(s string, key, after int) []found {
	open := strings.TrimRight(s[:key], " 　")
	if !isOpen(lastRune(open)) {
		return nil
	}
	o := len(open) - len(string(lastRune(open)))
	c := closeOf(s, o)
	if c < 0 {
		return nil
	}
	body := s[after:c]
	xStart := after
	for _, p := range []string{"为", "是", "：", ":", " "} {
		if strings.HasPrefix(body, p) {
			body, xStart = body[len(p):], xStart+len(p)
		}
	}
	xEnd := xStart
	for xEnd < c && isAcronymByte(s[xEnd]) {
		xEnd++
	}
	yEnd := len(strings.TrimRight(s[:o], " 　"))
	yStart := clauseStart(s, yEnd)
	y := trimLead(s[yStart:yEnd])
	yStart = yEnd - len(y)
	return acronymPair(s, xStart, xEnd, yStart, yEnd, c)
}

// acronymPair makes the two terms: X an acronym expanding to Y, and Y
// with X as its acronym.
func acronymPair(s string, xStart, xEnd, yStart, yEnd, at int) []found {
	if xStart >= xEnd || yStart >= yEnd {
		return nil
	}
	x, y := s[xStart:xEnd], s[yStart:yEnd]
	if !isAcronym(x) || !validTerm(y) || runeCount(y) > 30 {
		return nil
	}
	head, end := sentence(s, xStart, at)
	if yStart < head {
		head, _ = sentence(s, yStart, yStart)
	}
	def := strings.TrimRight(strings.TrimSpace(s[head:end]), "。；;！？!?\n")
	a := found{Start: xStart, End: xEnd, SentStart: head, SentEnd: end}
	a.Term = model.Term{Term: x, Kind: model.TermAcronym, Expansion: y, Definition: def, Scope: scopeCorpus}
	e := found{Start: yStart, End: yEnd, SentStart: head, SentEnd: end}
	e.Term = model.Term{Term: y, Kind: model.TermDefined, Acronym: x, Definition: def, Scope: scopeCorpus}
	return []found{a, e}
}

func isAcronymByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '&' || b == '-'
}

func cutSuffixAny(s string, suffixes ...string) (string, bool) {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return strings.TrimSuffix(s, x), true
		}
	}
	return s, false
}
