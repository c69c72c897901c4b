package label

import "strings"

// Parts are the numbers of a chain 第…条…款…项…目, 0 where not given.
type Parts struct{ Article, Suffix, Para, Item, Sub int }

// set records the number of a label of unit u.
func (p *Parts) set(l Numbered) {
	switch l.Unit {
	case Article:
		p.Article, p.Suffix = l.N, l.Suffix
	case Paragraph:
		p.Para = l.N
	case Item:
		p.Item = l.N
	case Subitem:
		p.Sub = l.N
	}
}

// Ref is a reference to a unit as printed inside a text: a chain of
// numbered units (第五条第二款第（三）项) or a unit counted from where the
// text stands (前款, 前两款, 前款第一项, 本条, 本条第二款).
type Ref struct {
	// Unit is the unit the reference starts with: Article for
	// 第五条第二款, Paragraph for 前款第一项 and for 本款.
	Unit Unit
	// Back is how many units 前N款 goes back: 1 for 前款, 2 for 前两款; 0
	// for a chain or a 本 reference.
	Back int
	// P holds the numbers the reference prints; for 前款第一项 only Item.
	P Parts
	// End is the byte offset in the text where the reference ends.
	End int
}

// ChainAt reads a chain 第五条第二款第（三）项 at byte i of s: it starts
// with a 条, 款 or 项 and goes on with strictly deeper units.
func ChainAt(s string, i int) (Ref, bool) {
	l, ok := Read(s[i:])
	if !ok || l.Unit < Article || l.Unit == Subitem {
		return Ref{}, false
	}
	ref := Ref{Unit: l.Unit}
	ref.P.set(l)
	ref.End = chainAt(s, i+l.End, l.Unit, &ref.P)
	return ref, true
}

// chainAt reads the labels of units deeper than after from j into p and
// returns where they end.
func chainAt(s string, j int, after Unit, p *Parts) int {
	for {
		l, ok := Read(s[j:])
		if !ok || l.Unit <= after {
			return j
		}
		p.set(l)
		after, j = l.Unit, j+l.End
	}
}

// prevWords end in 前 without being a reference (目前, 提前).
const prevWords = "目当提向之此以事空面跟眼超史支"

// PreviousAt reads 前条, 前款, 前项 or 前N款 at byte i of s, and after a
// single unit back the chain that goes on from it (前款第一项).
func PreviousAt(s string, i int) (Ref, bool) {
	if !strings.HasPrefix(s[i:], "前") || strings.ContainsRune(prevWords, Simplify(lastRune(s[:i]))) {
		return Ref{}, false
	}
	rest := s[i+len("前"):]
	back := 1
	if text, n, r, ok := leadingNumeral(rest); text != "" {
		if !ok || n < 1 || n > 20 {
			return Ref{}, false
		}
		back, rest = n, r
	}
	unit, rest := unitAt(rest, false)
	if unit < Article || unit > Item {
		return Ref{}, false
	}
	ref := Ref{Unit: unit, Back: back, End: len(s) - len(rest)}
	if back == 1 {
		ref.End = chainAt(s, ref.End, unit, &ref.P)
	}
	return ref, true
}

// thisWords end in 本 without it being a word of its own (基本, 成本).
const thisWords = "基根成资样版文副正原课账剧脚范标日读书蓝老工血善母股底稿话胶绘拓珍孤抄刻印译单秘一两几"

// IsThis reports whether the 本 at byte i of s can start a reference (本条,
// 本法), not end another word (基本, 成本).
func IsThis(s string, i int) bool {
	return strings.HasPrefix(s[i:], "本") && !strings.ContainsRune(thisWords, Simplify(lastRune(s[:i])))
}

// ThisAt reads 本条, 本款 or 本项 at byte i of s and the chain that goes on
// from it (本条第二款). 本条例 is not 本条.
func ThisAt(s string, i int) (Ref, bool) {
	if !IsThis(s, i) {
		return Ref{}, false
	}
	rest := s[i+len("本"):]
	if HasWord(rest, "条例") {
		return Ref{}, false
	}
	unit, rest := unitAt(rest, false)
	if unit < Article || unit > Item {
		return Ref{}, false
	}
	ref := Ref{Unit: unit}
	ref.End = chainAt(s, len(s)-len(rest), unit, &ref.P)
	return ref, true
}

// joins are the words that join references into one enumeration
// (第五条、第六条, 第五条的第二款); ranges make a range of them
// (第五条至第七条, 第五条～第七条, 第5条-第7条).
var (
	joins  = []string{"的", "、", "和", "或者", "以及", "及", "或", "与"}
	ranges = []string{"至", "到", "～", "~", "—", "－", "-"}
)

// JoinsOf reports whether between, the words between two references (with
// no space around them), joins them, and whether into a range.
func JoinsOf(between string) (join, through bool) {
	for _, w := range ranges {
		if between == w {
			return true, true
		}
	}
	for _, w := range joins {
		if between == w {
			return true, false
		}
	}
	return false, false
}

// startsJoin reports whether s starts with a join or a range word.
func startsJoin(s string) bool {
	for _, w := range append(ranges[:len(ranges):len(ranges)], joins...) {
		if HasWord(s, w) {
			return true
		}
	}
	return false
}
