package regulation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/numeral"
)

// articleLabel is a 第X条 label found at the start of a line.
type articleLabel struct {
	number, suffix int
	// rest is the text after the label and its separator.
	rest string
	// separated is true when a space, U+3000, a line end or a heading made
	// the label stand apart; false when text follows it directly.
	separated bool
}

// maxNumeralRunes bounds the numeral of a label: 第一千二百六十条 has six.
const maxNumeralRunes = 10

// parseArticleLabel reads 第X条 or 第X条之Y at the start of s. It accepts a
// space inside the label (第十五 条) and a full-width hyphen standing for 一
// (第三十－条). It rejects a label whose text goes on as a reference does
// (第六十六条第一款规定了…, 第三十一条的决定…).
func parseArticleLabel(s string) (articleLabel, bool) {
	num, rest, ok := parseNumbered(s, "条")
	if !ok {
		return articleLabel{}, false
	}
	l := articleLabel{number: num}
	if after, ok := strings.CutPrefix(rest, "之"); ok {
		if n, r, ok := leadingNumeral(after); ok && n > 0 {
			l.suffix, rest = n, r
		}
	}
	trimmed := trimSpace(rest)
	l.separated = trimmed == "" || len(trimmed) < len(rest)
	l.rest = trimmed
	if !l.separated && continuesAsReference(trimmed) {
		return articleLabel{}, false
	}
	if l.separated && startsAsReference(trimmed) {
		return articleLabel{}, false
	}
	return l, true
}

// parseNumbered reads 第<numeral><unit> at the start of s, allowing spaces
// around the numeral, and returns the number and the text after the unit.
func parseNumbered(s, unit string) (int, string, bool) {
	rest, ok := strings.CutPrefix(s, "第")
	if !ok {
		return 0, "", false
	}
	rest = trimSpace(rest)
	n, rest, ok := leadingNumeral(rest)
	if !ok || n <= 0 {
		return 0, "", false
	}
	rest = trimSpace(rest)
	rest, ok = strings.CutPrefix(rest, unit)
	return n, rest, ok
}

// leadingNumeral reads the longest numeral at the start of s (Chinese or
// digits, with U+FF0D standing for 一 inside a Chinese numeral).
func leadingNumeral(s string) (int, string, bool) {
	var b strings.Builder
	end, count := 0, 0
	for i, r := range s {
		if count == maxNumeralRunes {
			break
		}
		switch {
		case numeral.IsDigit(r) || r >= '0' && r <= '9' || r >= '０' && r <= '９':
			b.WriteRune(r)
		case (r == '－' || r == '—') && b.Len() > 0:
			b.WriteRune('一')
		default:
			return finishNumeral(b.String(), s[end:])
		}
		end = i + utf8.RuneLen(r)
		count++
	}
	return finishNumeral(b.String(), s[end:])
}

func finishNumeral(text, rest string) (int, string, bool) {
	if text == "" {
		return 0, rest, false
	}
	n, ok := numeral.Parse(text)
	return n, rest, ok
}

// referenceStarts are what follows 第X条 when a line cites an article
// instead of opening one.
var referenceStarts = []string{
	"的", "第", "、", "，", ",", "。", "和", "及", "与", "或", "至", "到", "规定",
	"所", "中规定", "中的", "中所", "款", "项", "》", "《", "”", "\"", "修改", "增加",
	"删除", "之规定", "以及", "—", "-", "～", "~", "（", "(",
}

func continuesAsReference(rest string) bool {
	if rest == "" {
		return false
	}
	for _, p := range referenceStarts {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// startsAsReference rejects labels that stand apart but still read as a
// citation: "第五条 第二款规定…", "第五条 、第六条".
func startsAsReference(rest string) bool {
	for _, p := range []string{"、", "，", ",", "至"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	if _, _, ok := parseNumbered(rest, "款"); ok {
		return true
	}
	_, _, ok := parseNumbered(rest, "项")
	return ok
}

// division is a 编, 分编, 章 or 节 line.
type division struct {
	level  string // 编, 分编, 章, 节
	number int    // 0 when unnumbered
	label  string // 第一章
	title  string // 总则
}

// levelRank orders the division levels from the outermost.
var levelRank = map[string]int{"编": 0, "分编": 1, "章": 2, "节": 3}

// parseDivision reads 第一编 总则, 第一章总则, 第二节 一般规定 and the like.
func parseDivision(s string) (division, bool) {
	for _, unit := range []string{"分编", "编", "章", "节"} {
		n, rest, ok := parseNumbered(s, unit)
		if !ok {
			continue
		}
		title := normaliseTitle(rest)
		if namesUnit(title) {
			return division{}, false
		}
		if !isTitle(title) && !(standsApart(rest) && isSpacedTitle(title)) {
			short := strings.TrimSuffix(title, "。")
			if !standsApart(rest) || short == title || utf8.RuneCountInString(short) > 15 || !isSpacedTitle(short) {
				return division{}, false
			}
			title = short // a stray full stop after a short title: 第五节 生活、卫生。
		}
		return division{level: unit, number: n, label: "第" + numeralText(s, unit) + unit, title: title}, true
	}
	return division{}, false
}

// numeralText returns the numeral of a 第X<unit> label as printed, without
// spaces and with U+FF0D read as 一.
func numeralText(s, unit string) string {
	s = strings.TrimPrefix(s, "第")
	i := strings.Index(s, unit)
	if i < 0 {
		return ""
	}
	s = strings.NewReplacer("－", "一", "—", "一").Replace(s[:i])
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// isTitle reports whether s can be the title of a division: short, with no
// sentence in it.
func isTitle(s string) bool {
	if utf8.RuneCountInString(s) > 40 || strings.ContainsAny(s, "。；;，,：:") {
		return false
	}
	for _, p := range []string{"的", "、", "规定", "所", "中", "和", "至", "》", "”"} {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	for _, unit := range []string{"条", "款", "项", "章", "节", "编"} {
		if _, _, ok := parseNumbered(s, unit); ok {
			return false // 第二章第三节 cites, 第一审普通程序 is a title
		}
	}
	return true
}

// unitLabel matches the label of an article or division anywhere in a
// text.
var unitLabel = regexp.MustCompile(`第[零〇一二三四五六七八九十百千两0-9]+(条|编|章|节)`)

// namesUnit reports whether s names an article or division: a division's
// title never does, a sentence about one does (第七节 相应改为第八节).
func namesUnit(s string) bool { return unitLabel.MatchString(s) }

// standsApart reports whether the text after a label starts with a space:
// the label stands apart from a title (第二十六章 中介合同), where a
// citation runs on (第二章中规定的).
func standsApart(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return isSpace(r)
}

// isSpacedTitle reports whether s can be a title set apart from its label
// by a space. It may start with a character a citation goes on with (中介
// 合同, 和解, 所有权) and list with commas (主席团，主席、副主席), but holds
// no sentence and starts no reference.
func isSpacedTitle(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 60 || strings.ContainsAny(s, "。；;：:") || startsAsReference(s) {
		return false
	}
	for _, p := range []string{"的", "、", "，", ",", "规定", "》", "”"} {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	for _, unit := range []string{"条", "款", "项", "章", "节", "编"} {
		if _, _, ok := parseNumbered(s, unit); ok {
			return false
		}
	}
	return !namesUnit(s)
}

// normaliseTitle trims a title and removes spaces between Han characters:
// 总 则 and 总　　则 become 总则.
func normaliseTitle(s string) string {
	s = trimSpace(s)
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if isSpace(rs[i]) {
			j := i
			for j < len(rs) && isSpace(rs[j]) {
				j++
			}
			if i > 0 && j < len(rs) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[j]) {
				i = j - 1
				continue
			}
			b.WriteRune(' ')
			i = j - 1
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// isSpace reports the spaces printed between a label and its text.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }
