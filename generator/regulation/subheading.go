package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// subheading handles a line between two articles that reads as a heading
// whose 第X章 label is missing: short, with no sentence punctuation, after a
// finished 款, right before an article, a division or another such line.
// It may carry a 一、 label. Right after a division that no article follows
// yet, it is the second line of that division's title when the first line
// is labelled or stops on a joining word (…判处刑罚和 / 特殊假释的核准) or the
// line opens on one (…审查国民经济 / 和社会发展计划…), and
// a division one level down otherwise; elsewhere it opens a division at
// the level of the innermost one open (a 章 whose label the source lost, a
// 准则's subheading). Before the first article only the second line of a
// title is read so. It reports false when the line is not one.
func (b *builder) subheading(lines []line, i int, accepted map[int]label.ArticleStart) bool {
	if b.titleGoesOn(lines, i, accepted) {
		return true
	}
	d, ok := headingParts(lines[i].text)
	if !ok || !beforeArticle(lines, i+1, accepted, true) || b.continuesList(d) {
		return false
	}
	if h := b.pendingHeading(lines, i); h != nil {
		if d.label == "" && (h.Label != "" && isDivisionLine(lines[i-1]) || cutTitle(h.Title) || goesOnTitle(d.title)) {
			h.Title += d.title
			b.headingEnd = lines[i].para.Line
			return true
		}
		d.level = deeper[h.Level]
		b.openDivision(d, lines[i])
		return true
	}
	if b.article == nil || b.last == nil || !finished(b.last.Text) {
		return false
	}
	d.level = "章"
	if len(b.stack) > 0 {
		d.level = b.reg.Headings[b.stack[len(b.stack)-1]].Level
	}
	b.openDivision(d, lines[i])
	return true
}

// continuesList reports whether d, labelled （二）, would be the next item
// of the list the current 款 holds: an item printed without its text's
// punctuation, not a heading.
func (b *builder) continuesList(d division) bool {
	m, ok := label.ReadItem(d.label)
	if !ok || m.Kind != label.HanParenItem || b.clause == nil {
		return false
	}
	n := len(b.clause.Items)
	return n > 0 && b.clause.Items[n-1].Number == m.N-1
}

// deeper is the level a division opened right under another takes.
var deeper = map[string]string{"编": "章", "分编": "章", "章": "节", "节": "节"}

// pendingHeading returns the last heading when it ends on the line before
// line i and no article follows it yet, nil otherwise.
func (b *builder) pendingHeading(lines []line, i int) *model.Heading {
	n := len(b.reg.Headings)
	if n == 0 || i == 0 || b.reg.Headings[n-1].Article != len(b.reg.Articles) || b.headingEnd != lines[i-1].para.Line {
		return nil
	}
	return &b.reg.Headings[n-1]
}

// cutTitle reports whether a title stops on a word or mark that joins it
// to more.
func cutTitle(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(titleJoins+"的、，,", r)
}

// goesOnTitle reports whether a title opens on a word that joins it to the
// line before: 和社会发展计划以及财政预算 is the second line of 审查国民经济 /
// 和社会发展计划…, no division of its own.
func goesOnTitle(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(s, "以"))
	return strings.ContainsRune(titleJoins, r)
}

// titleJoins are the words that join two parts of a title (以及 is 及).
const titleJoins = "和与及或"

// titleGoesOn adds line i to the title of the division right before it
// when that title stops on a joining word or mark (…主席、副主席，乡长、 /
// 副乡长，镇长…的选举) and the line, right before an article or a
// division, reads as the rest of a title: no sentence end, colon or label,
// as short as a title. Commas are allowed: the title is a list already.
func (b *builder) titleGoesOn(lines []line, i int, accepted map[int]label.ArticleStart) bool {
	h := b.pendingHeading(lines, i)
	s := lines[i].text
	if h == nil || !cutTitle(h.Title) || !beforeArticle(lines, i+1, accepted, true) ||
		utf8.RuneCountInString(s) > maxTitle || strings.ContainsAny(s, stopMarks+questionMarks) || label.ItemLine(s) || isStructural(s) {
		return false
	}
	h.Title += strings.ReplaceAll(normaliseTitle(s), " ", "")
	b.headingEnd = lines[i].para.Line
	return true
}

// headingParts reads a line as a heading without a 第X章 label: its 一、
// or （一） label, if any, and its title. A （一） label heads a part of a
// part labelled 一、 (三、关于担保物权 / （一）担保合同的效力).
func headingParts(s string) (division, bool) {
	t := s
	d := division{}
	if m, ok := label.ReadItem(s); ok {
		if m.Kind != label.HanItem && m.Kind != label.HanParenItem {
			return division{}, false
		}
		d.label, t = m.Label, m.Rest
	}
	if !headingText(t) {
		return division{}, false
	}
	d.title = strings.ReplaceAll(normaliseTitle(t), " ", "")
	return d, true
}

// headingText reports whether s reads as a heading: short, no sentence
// punctuation, no quotation, no digits, no label of an item, article or
// division, no date.
func headingText(s string) bool {
	if runesAtLeast(s, minWrapped) {
		return false // and so is t, which keeps every rune but the spaces
	}
	t := strings.ReplaceAll(normaliseTitle(s), " ", "")
	if t == "" || utf8.RuneCountInString(t) >= minWrapped || strings.ContainsAny(t, clauseMarks+questionMarks+"“”\"「」《》＝=×0123456789０１２３４５６７８９") {
		return false
	}
	if _, ok := label.ReadItem(t); ok {
		return false
	}
	return !isStructural(t) && !isAppendixStart(t) && !strings.HasPrefix(t, "第")
}

// runesAtLeast reports whether s holds at least n runes that are not spaces.
func runesAtLeast(s string, n int) bool {
	for _, r := range s {
		if !isSpace(r) {
			if n--; n <= 0 {
				return true
			}
		}
	}
	return false
}

// beforeArticle reports whether line j opens an article or a division, or
// (when run is true) is a heading line right before one.
func beforeArticle(lines []line, j int, accepted map[int]label.ArticleStart, run bool) bool {
	if j >= len(lines) {
		return false
	}
	if hasKey(accepted, j) || isDivisionLine(lines[j]) {
		return true
	}
	_, ok := headingParts(lines[j].text)
	return run && ok && beforeArticle(lines, j+1, accepted, false)
}

func isDivisionLine(l line) bool {
	_, ok := parseDivision(l.text)
	return ok
}

// finished reports whether a text ends a sentence or a list.
func finished(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimSpace(s))
	return strings.ContainsRune("。；;！!？?”」）)", r)
}
