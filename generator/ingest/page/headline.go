package page

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/label"
)

// maxTitle is the longest line, in characters, read as a title in plain
// text.
const maxTitle = 60

// maxGroup is the most lines a headline group holds: kicker, title,
// subtitle, and one more line of either.
const maxGroup = 4

// Strength of a line as a title, for choosing the title of a group: a
// heading is as strong as its level, a bold line weaker, a plain line
// weakest.
const (
	strongLevel = 7
	plainLevel  = 8
)

// weatherRE opens a weather report: 气 象, 天气预报, 今日 7℃~17℃.
var (
	weatherLabelRE = regexp.MustCompile(`^(气\s*象|天\s*气(?:\s*预\s*报)?|天气预报)(?:\s|$|[:：])`)
	temperatureRE  = regexp.MustCompile(`-?\d+\s*℃?\s*[~～至\-—]\s*-?\d+\s*℃`)
)

// titleLike reports whether an unmarked line can be a title in plain
// text: short (a regulation's title may run longer, see RegulationTitle),
// Chinese, ending without sentence punctuation, and not
// something else the page prints (a label, dateline, credit, byline,
// continuation mark, approval line or date).
func titleLike(l block.Line) bool {
	s := l.Text
	n := utf8.RuneCountInString(s)
	if l.ListItem || l.Quote || n < 2 || n > maxTitle && !RegulationTitle(s) || !hasHan(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("。，、；：,;:…—-", last) || strings.Contains(s, "。") || normalize.Unbalanced(s) {
		return false
	}
	return !isOther(s)
}

// isOther reports whether s is a line of a kind the page prints besides
// titles and text.
func isOther(s string) bool {
	if label.Structural(s) || isCredit(s) || isApproval(s) || isHistory(s) || isSignature(s) {
		return true
	}
	if _, _, ok := dateline.Opening(s); ok {
		return true
	}
	if _, ok := dateline.Closing(s); ok {
		return true
	}
	if _, _, ok := byline(s); ok {
		return true
	}
	if _, _, ok := AuthorLine(s); ok {
		return true
	}
	if _, _, ok := continuedFrom(s); ok {
		return true
	}
	if _, _, ok := continuedTo(s); ok {
		return true
	}
	_, _, ok := sourceLine(s)
	return ok || isEditor(s) || weatherStart(s)
}

// weatherStart reports whether s opens a weather report.
func weatherStart(s string) bool {
	if !strings.Contains(head(s, 12), "气") && !strings.Contains(s, "℃") {
		return false
	}
	if weatherLabelRE.MatchString(s) {
		return true
	}
	return len(temperatureRE.FindAllString(s, 2)) >= 1 && strings.Contains(s, "℃") &&
		(strings.HasPrefix(s, "今日") || strings.HasPrefix(s, "今天") || strings.HasPrefix(s, "今明"))
}

// weatherLabel reads the label that opens a weather report: the label,
// spaces removed, and the text printed after it on its line. A report that
// prints no label (今日 7℃~17℃ …) is titled 天气 and keeps all its text.
func weatherLabel(s string) (title, rest string) {
	if m := weatherLabelRE.FindStringSubmatchIndex(s); m != nil {
		return strings.Join(strings.Fields(s[m[2]:m[3]]), ""), strings.TrimLeft(s[m[3]:], " :：")
	}
	return "天气", s
}

// markedHeadline reports whether a marked line can head a document: it
// has text and is not a structural heading (第一章, 一、, 附件).
func markedHeadline(l block.Line) bool {
	return l.Marked() && !label.Structural(l.Text) && !isApproval(l.Text) && hasHan(l.Text) &&
		utf8.RuneCountInString(l.Text) <= 2*maxTitle
}

// level is the strength of a line as a title.
func level(l block.Line) int {
	switch {
	case l.Heading > 0:
		return l.Heading
	case l.Strong:
		return strongLevel
	}
	return plainLevel
}

// headline is a headline group: kicker lines, the title, subtitle lines.
type headline struct {
	lines []block.Line
	title int // index of the title in lines
}

func (h headline) kicker() string { return joinTexts(h.lines[:h.title]) }
func (h headline) text() string   { return h.lines[h.title].Text }

// subtitle is the lines under the title, "" when they print the title
// again (# 某某批复（2000） / **某某批复**): a page shows no title twice.
func (h headline) subtitle() string {
	if sameTitle(h.text(), h.lines[h.title+1:]) {
		return ""
	}
	return joinTexts(h.lines[h.title+1:])
}

// newHeadline chooses the title of a group: the strongest line, the first
// of equals. Lines before it are the kicker, lines after the subtitle.
func newHeadline(lines []block.Line) headline {
	h := headline{lines: lines}
	for i, l := range lines {
		if level(l) < level(lines[h.title]) {
			h.title = i
		}
	}
	return h
}

func joinTexts(lines []block.Line) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.Text
	}
	return strings.Join(parts, " ")
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// sectionsFrom returns the index in h.lines of the first line after the
// title that heads a section of the body rather than continuing the
// headline, else len(h.lines). Such a line is marked, has text under it
// (the line after it is not of its level or stronger, as a subtitle is
// that a heading follows at once) and has a line of its level later in
// the body: 基本案情 above 裁判结果. A line opening with a dash (——访某某)
// is a subtitle by its form.
func (h headline) sectionsFrom(body []block.Line) int {
	for j := h.title + 1; j < len(h.lines); j++ {
		l := h.lines[j]
		if !l.Marked() || dashLed(l.Text) {
			continue
		}
		next := append(h.lines[j+1:len(h.lines):len(h.lines)], body...)
		if len(next) == 0 || level(next[0]) <= level(l) {
			continue
		}
		for _, b := range next[1:] {
			if b.Marked() && level(b) == level(l) {
				return j
			}
		}
	}
	return len(h.lines)
}

// dashLed reports whether s opens with a dash, as a subtitle does.
func dashLed(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "─") || strings.HasPrefix(s, "－－")
}

// splitSections moves the lines of d's headline that head sections of its
// body (see sectionsFrom) to the front of the body.
func splitSections(d *pageDoc) {
	if d.head == nil {
		return
	}
	n := d.head.sectionsFrom(d.body)
	if n == len(d.head.lines) {
		return
	}
	d.body = append(append([]block.Line{}, d.head.lines[n:]...), d.body...)
	d.head = &headline{lines: d.head.lines[:n], title: d.head.title}
}

// maxColumn is the longest name of a column a headline may start with.
const maxColumn = 10

// column splits a headline that starts with the name of its column,
// joined by a bar (漫说党纪 | 工作失职行为, 两会声音丨…): the column is its
// kicker, the rest its title. ok is false for any other headline.
func column(headline string) (kicker, title string, ok bool) {
	i := strings.IndexAny(headline, "|｜丨")
	if i <= 0 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(headline[i:])
	kicker, title = strings.TrimSpace(headline[:i]), strings.TrimSpace(headline[i+size:])
	if n := utf8.RuneCountInString(kicker); n == 0 || n > maxColumn || !hasHan(kicker) ||
		utf8.RuneCountInString(title) < 2 || !hasHan(title) || strings.ContainsAny(title, "|｜丨") {
		return "", "", false
	}
	return kicker, title, true
}

// siteSeparators join a saved web page's title to the name of its site.
var siteSeparators = []string{"_", " - ", " — ", " – "}

// withoutSiteName is a headline without the name of the web site a saved
// page's title ends in (关于…的解释_某某律师, 关于…的通知 - 中国政府网); the
// headline itself when it ends in none.
func withoutSiteName(headline string) string {
	for _, sep := range siteSeparators {
		i := strings.LastIndex(headline, sep)
		if i <= 0 {
			continue
		}
		title, site := strings.TrimSpace(headline[:i]), strings.TrimSpace(headline[i+len(sep):])
		if n := utf8.RuneCountInString(site); n > 0 && n <= maxColumn && hasHan(site) &&
			utf8.RuneCountInString(title) >= 4 && hasHan(title) {
			return title
		}
	}
	return headline
}
