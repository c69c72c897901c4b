package link

import "strings"

// A frame holds what a bracket inside it names between its opener, before
// the bracket, and its closer, after it: an exception (除A（以下简称X）外)
// or a place or a time (储存在A、B（以下统称X）内). The opener and what comes
// before it are no part of what the bracket names.
type frame struct {
	opener string
	closes func(after string) bool // after: the text after the bracket
}

// frames are the exception, whose closer may come later in the clause
// (除国家规定实行A（以下简称X）的商品外), and the place or time adverbial,
// whose closer comes right after the bracket (在A（以下简称X）内).
var frames = []frame{
	{exceptOpener, closesException},
	{"在", func(after string) bool { return startsWithAny(after, adverbials[0].closers) }},
}

// exceptOpener opens an exception, which 外 closes.
const exceptOpener = "除"

// exceptionEnds close an exception wherever they are in the clause after
// the bracket (除A（以下统称X）和B以外依法设立的企业); a bare 外 closes it only
// where the clause ends (外国, 外商 start words).
var exceptionEnds = []string{"以外", "之外"}

// closesException reports whether the clause that after starts closes an
// exception.
func closesException(after string) bool {
	if end := strings.IndexFunc(after, isClauseBreak); end >= 0 {
		after = after[:end]
	}
	if strings.HasSuffix(after, "外") {
		return true
	}
	for _, w := range exceptionEnds {
		if strings.Contains(after, w) {
			return true
		}
	}
	return false
}

// framed is what follows the last opener of a frame in clause, the words
// before a bracket, when the text after that bracket closes the frame, and
// whether one does. An exception drops the ruling that starts what it
// holds (withoutRuling).
func framed(clause, after string) (string, bool) {
	for _, f := range frames {
		at := strings.LastIndex(clause, f.opener)
		if at < 0 || topLevelIndex(clause, func(i int) bool { return i == at }) < 0 || !f.closes(after) {
			continue
		}
		held := clause[at+len(f.opener):]
		if f.opener == exceptOpener {
			held = withoutRuling(held)
		}
		return held, true
	}
	return clause, false
}

// rulingVerb says that an authority rules what follows (国家规定实行…).
const rulingVerb = "规定"

// withoutRuling is s without an authority and rulingVerb that start it and
// the verb after them (国家规定实行包修、包换、包退 → 包修、包换、包退), where no
// 的 follows: the ruling is no part of what it rules. Else s.
func withoutRuling(s string) string {
	i := strings.Index(s, rulingVerb)
	if i < 0 || !startsWithAny(s, agentOpeners) || topLevelIndexAny(s, "的") >= 0 {
		return s
	}
	rest := s[i+len(rulingVerb):]
	if v := trimObjectVerb(rest); v != rest && runeCount(v) >= 2 {
		return v
	}
	return s
}

// afterBracket is what follows the bracket opened at open in s, or "".
func afterBracket(s string, open int) string {
	c := closeOf(s, open)
	if c < 0 {
		return ""
	}
	return s[c+runeLen(s, c):]
}
