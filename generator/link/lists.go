package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
)

// Named numbered lists: a quoted name that starts with a count (“四个意识”,
// “八项规定”) followed, in the same sentence, by 即 or a colon
// and the members.

// measureWords may follow the count of a list's name: 四个意识, 八项规定.
var measureWords = []string{"方面", "个", "项", "条", "大", "种", "类", "道", "张", "件", "句"}

func findLists(s string) []found {
	var fs []found
	for i, r := range s {
		if !isQuoteOpen(r) {
			continue
		}
		start := i + utf8.RuneLen(r)
		end := strings.IndexFunc(s[start:min(len(s), start+31*utf8.UTFMax)], isQuoteClose)
		if end < 0 || end > 30*utf8.UTFMax {
			continue
		}
		end += start
		count, stem, ok := listName(s[start:end])
		if !ok {
			continue
		}
		if f, ok := listAfter(s, start, end, count, stem); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// listName splits a name into its count and stem: 八项规定 → 8, 规定;
// 四个意识 → 4, 意识. The count is 2 to 100 and the stem 1 to 6 Han runes.
func listName(name string) (int, string, bool) {
	prefix := 0
	for i, r := range name {
		if !numeral.IsDigit(r) && !(r >= '0' && r <= '9') {
			break
		}
		prefix = i + utf8.RuneLen(r)
	}
	count, ok := numeral.Parse(name[:prefix])
	if !ok || count < 2 || count > 100 {
		return 0, "", false
	}
	stem := name[prefix:]
	for _, m := range measureWords {
		if strings.HasPrefix(stem, m) && len(stem) > len(m) {
			stem = stem[len(m):]
			break
		}
	}
	n := runeCount(stem)
	if n < 1 || n > 6 {
		return 0, "", false
	}
	for _, r := range stem {
		if !isHan(r) || numeral.IsDigit(r) {
			return 0, "", false
		}
	}
	return count, stem, true
}

// listAfter reads the members after a list's name closed at end: 即 within
// the sentence, or a colon right after the name.
func listAfter(s string, start, end, count int, stem string) (found, bool) {
	after := end + runeLen(s, end)
	from := membersStart(s, after)
	if from < 0 {
		return found{}, false
	}
	to := len(s)
	if i := strings.IndexAny(s[from:min(len(s), from+maxSpan)], "。\n"); i >= 0 {
		to = from + i
	} else if to-from > maxSpan {
		return found{}, false // no end in sight: not a list
	}
	text := strings.TrimSpace(s[from:to])
	f := found{Start: start, End: end, SentStart: sentStart(s, start), SentEnd: to}
	f.Term = model.Term{Term: s[start:end], Kind: model.TermList, Count: count, Scope: scopeCorpus, Definition: text}
	if text == "" {
		f.MembersFollow = true
		return f, true
	}
	f.Members = splitMembers(text, stem, count)
	return f, len(f.Members) > 0
}

func sentStart(s string, i int) int {
	from, _ := sentence(s, i, i)
	return from
}

// membersStart returns where the members begin after a name: after a
// colon right after the name, or after "，即" or "即：" that ends the
// clause of the name within 30 runes (“七何”要素，即…), when what 即
// introduces does not start with a verb and the clause is not one of time
// (进入“三资”中心账户后，即成为…: 即 means "then", not "namely"); -1
// otherwise. The 即 of a word such as 接诉即办 does not count.
func membersStart(s string, after int) int {
	rest := s[after:]
	for _, p := range []string{"：", ":"} {
		if strings.HasPrefix(rest, p) {
			return after + len(p)
		}
	}
	n := 0
	for i, r := range rest {
		if n > 30 {
			return -1
		}
		n++
		namely := ""
		switch {
		case r == '即' && (strings.HasPrefix(rest[i+len("即"):], "：") || strings.HasPrefix(rest[i+len("即"):], ":")):
			namely = rest[:i]
		case r == '，' || r == ',':
			if !strings.HasPrefix(rest[i+utf8.RuneLen(r):], "即") {
				return -1 // the name's clause ends without 即
			}
			namely = rest[:i]
		case isClauseBreak(r):
			return -1
		default:
			continue
		}
		if strings.HasSuffix(namely, "后") || strings.HasSuffix(namely, "时") {
			return -1
		}
		j := after + i + len("即")
		if r != '即' {
			j += utf8.RuneLen(r)
		}
		for _, p := range []string{"：", ":", "，", ","} {
			if strings.HasPrefix(s[j:], p) {
				j += len(p)
				break
			}
		}
		for _, v := range verbsAfterNamely {
			if strings.HasPrefix(s[j:], v) {
				return -1
			}
		}
		return j
	}
	return -1
}

// verbsAfterNamely start a predicate, not a list of members: after them
// 即 means "then" or "is" (即成为…, 即可…, 即应…).
var verbsAfterNamely = []string{"成为", "是", "为", "可", "应", "将", "被", "已", "就", "便", "予以", "视为", "构成", "认定"}

// splitMembers splits a list's text into its members, trying the splits a
// list is printed with (each member starting with the name's stem, then
// semicolons, commas, enumeration commas) and keeping the first that gives
// count members; failing that, the split closest to count.
func splitMembers(text, stem string, count int) []string {
	var cands [][]string
	if strings.HasPrefix(text, stem) && strings.Count(text, stem) >= 2 {
		cands = append(cands, splitAtStem(text, stem))
	}
	for _, sep := range []string{"；", "，", "、"} {
		parts := cleanMembers(strings.Split(text, sep))
		cands = append(cands, parts, splitLastJoin(parts))
	}
	best := cands[0]
	for _, c := range cands {
		if len(c) == count {
			return lastEndsAtComma(c)
		}
		if abs(len(c)-count) < abs(len(best)-count) {
			best = c
		}
	}
	if strings.HasPrefix(text, stem) && strings.Count(text, stem) >= 2 {
		return lastEndsAtComma(cands[0])
	}
	return lastEndsAtComma(best)
}

// lastEndsAtComma cuts the last member at its first comma when no other
// member holds one: members that are phrases end where the sentence goes
// on (何时、何地…何经过，只有把这七个方面都弄清楚了… ends at 何经过).
func lastEndsAtComma(members []string) []string {
	if len(members) < 2 {
		return members
	}
	for _, m := range members[:len(members)-1] {
		if strings.ContainsAny(m, "，,") {
			return members
		}
	}
	last := members[len(members)-1]
	i := strings.IndexAny(last, "，,")
	if i <= 0 {
		return members
	}
	out := append([]string(nil), members[:len(members)-1]...)
	return cleanMembers(append(out, last[:i]))
}

// splitAtStem splits before every occurrence of stem that follows a
// separator: 严禁A，严禁B → 严禁A, 严禁B.
func splitAtStem(text, stem string) []string {
	var parts []string
	last := 0
	for off := len(stem); ; {
		j := strings.Index(text[off:], stem)
		if j < 0 {
			break
		}
		at := off + j
		off = at + len(stem)
		if strings.ContainsRune("，、；,;", lastRune(text[:at])) {
			parts = append(parts, text[last:at])
			last = at
		}
	}
	return cleanMembers(append(parts, text[last:]))
}

// splitLastJoin splits the last member at 和 or 及 (A、B、C和D).
func splitLastJoin(parts []string) []string {
	if len(parts) == 0 {
		return parts
	}
	last := parts[len(parts)-1]
	for _, j := range joiners {
		if i := strings.Index(last, j); i > 0 && i+len(j) < len(last) {
			out := append(append([]string(nil), parts[:len(parts)-1]...), last[:i], last[i+len(j):])
			return cleanMembers(out)
		}
	}
	return parts
}

func cleanMembers(parts []string) []string {
	var out []string
	for _, p := range parts {
		p = strings.Trim(p, " 　，、；,;。")
		p = strings.TrimSuffix(p, "等")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// allNumeral reports whether s is a non-empty numeral: 一, 十二, 3.
func allNumeral(s string) bool {
	_, ok := numeral.Parse(strings.TrimSpace(s))
	return ok
}
