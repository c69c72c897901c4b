// Package layout repairs what the printed layout did to the lines of a
// page, and records every change it makes.
//
// A line cut by a column or page break (a blank line in the middle of a
// sentence, a word split across the break such as 世界海 / 关组织) is joined
// to the line it continues. Lines are joined only when a rule shows the
// first one is cut:
//
//   - the next line starts with punctuation no line may start with
//     (、，。；：）》” …); or
//   - the first line does not end a sentence (it ends with a Chinese
//     character, 、 or ，, or leaves a bracket or quote open; in an article
//     or after a sentence end, a closing bracket or quote) and it is body
//     text: it starts with an item label inside a list, it is a full column
//     line (36 characters or more), it holds a sentence mark and is 20
//     characters or more, a new sentence starts after a sentence end in
//     it (a narrow column: 保障机制。各 / 级人力资源…), or it stands between
//     two articles and is no label (the articles of a regulation print
//     only 款 and items); a bracket or quote left open counts whatever the
//     length. A line that starts with 第X条 is body text, but when only a
//     few words follow the label (they may be the article's title) it is
//     joined only if the page prints the words across the break together
//     elsewhere; and the next line, when short, must end a sentence.
//
// Never joined to what comes before: headings, bold lines, indented lines
// (a paragraph indent starts a paragraph), table rows, lines that start
// with an article, chapter or item label, a date (a history line, a
// signature), an approval line, a dateline, a photo credit or a
// continuation mark. Never joined to what follows: a line that ends a
// sentence (also when a quotation running over several paragraphs leaves
// its quote open), a label alone on its line, a dated line, a document
// number (…1号), a first line that reads as a regulation's title however
// long it is (page.RegulationTitle). A list marker on a line that continues the item before it,
// or on an unlabelled line inside a labelled list, belongs to no list and
// is dropped.
//
// When a join puts the same character on both sides of the break (全面从严治
// / 治党), one copy is removed only if the source shows it was repeated by
// OCR: the doubled pair occurs nowhere else on the page and the reading
// without it (严治党) does. Otherwise the text is kept as printed. Text is
// never rewritten on a guess.
package layout

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/docnumber"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/ingest/page"
	"tiaoli/generator/ingest/page/dateline"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// Repair kinds recorded by this package.
const (
	KindJoin       = "join"
	KindDuplicate  = "duplicate-char"
	KindListMarker = "list-marker"
)

// approvalStart opens an approval line: (2026年1月30日…批准 …).
var approvalStart = regexp.MustCompile(`^[（(〔]\s*` + cndate.YearPattern + `\s*年`)

// Thresholds, in characters, for a line to count as body text.
const (
	columnLine   = 36
	sentenceLine = 20
)

// Repair returns the lines with cut lines joined and stray list markers
// dropped, and the repairs made. Repairs have no path; the caller sets it.
func Repair(lines []block.Line) ([]block.Line, []model.Repair) {
	page := &pageEvidence{text: pageText(lines)}
	first, last := articleSpan(lines)
	var out []block.Line
	if len(lines) > 0 {
		out = make([]block.Line, 0, len(lines)) // joins only shorten the list
	}
	var reps []model.Repair
	for i, l := range lines {
		if l.ListItem && strayMarker(lines, i) {
			reps = append(reps, markerRepair(l))
			l.ListItem = false
		}
		if i == 1 && titleFirst(lines) {
			out = append(out, l) // the title a regulation opens with is whole
			continue
		}
		if n := len(out); n > 0 && joinable(out[n-1], l, page, i > first && i <= last) {
			if l.ListItem {
				reps = append(reps, markerRepair(l))
				l.ListItem = false
			}
			var r []model.Repair
			out[n-1], r = join(out[n-1], l, page.text)
			reps = append(reps, r...)
			continue
		}
		out = append(out, l)
	}
	return out, reps
}

// titleFirst reports whether the page opens with a plain line that reads
// as a regulation's title (page.RegulationTitle): a line of its own,
// however long, never joined to the text under it.
func titleFirst(lines []block.Line) bool {
	return len(lines) > 0 && !lines[0].ListItem && page.RegulationTitle(lines[0].Text)
}

func markerRepair(l block.Line) model.Repair {
	return model.Repair{
		Position: model.Position{Line: l.Line}, Kind: KindListMarker,
		Before: "- " + l.Text, After: l.Text,
		Message: "删去列表符号：此行接续上一项，不属于任何列表",
	}
}

// strayMarker reports whether list item i has no label of its own inside a
// list whose items around it do.
func strayMarker(lines []block.Line, i int) bool {
	if label.ItemLine(lines[i].Text) {
		return false
	}
	labelled := func(j int) bool {
		return j >= 0 && j < len(lines) && lines[j].ListItem && label.ItemLine(lines[j].Text)
	}
	return labelled(i-1) && labelled(i+1)
}

// articleSpan returns the indexes of the first and the last line that
// open an article (第X条), or -1, -1.
func articleSpan(lines []block.Line) (first, last int) {
	first, last = -1, -1
	for i, l := range lines {
		if _, ok := label.ArticleLine(l.Text); ok {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// joinable reports whether next continues prev across a layout break;
// inArticles says next stands between two article labels.
func joinable(prev, next block.Line, page *pageEvidence, inArticles bool) bool {
	if prev.Marked() || next.Marked() || prev.Quote != next.Quote || next.Indent {
		return false
	}
	if strings.Contains(prev.Text, tableCell) || strings.Contains(next.Text, tableCell) {
		return false
	}
	if startsClosing(next.Text) {
		return true
	}
	if opensUnit(next.Text) || !cut(prev, next, page, inArticles) {
		return false
	}
	// A short line that does not end a sentence is a line of its own (a
	// heading, a name in a list) unless the line before left a bracket,
	// quote or clause open.
	return utf8.RuneCountInString(next.Text) >= sentenceLine || endsSentence(next.Text) || openEnd(prev.Text)
}

// openEnd reports whether s ends inside a clause: after a comma or 、, or
// with a bracket or quote open.
func openEnd(s string) bool {
	last := lastRune(s)
	return last == '，' || last == ',' || last == '、' || normalize.Unbalanced(s)
}

// opensUnit reports whether s starts something of its own: a label, a
// dateline, a photo credit or a continuation mark.
func opensUnit(s string) bool {
	if label.Structural(s) || strings.HasPrefix(s, "▲") || strings.HasPrefix(s, "■") ||
		cndate.Starts(s) || approvalStart.MatchString(s) {
		return true
	}
	if _, _, ok := dateline.Opening(s); ok {
		return true
	}
	if _, ok := dateline.Closing(s); ok {
		return true
	}
	return strings.HasSuffix(s, "摄") || strings.HasSuffix(s, "摄)") || strings.HasSuffix(s, "摄）") ||
		strings.Contains(s, "上接第") || strings.Contains(s, "下转第")
}

// cut reports whether a line ends in the middle of a sentence. An item
// label starts body text only in a list item or a full line: a short
// labelled line standing alone is a section head. Between two articles a
// line that is no label, heading or item and stops inside a sentence is
// cut however short it is: the articles of a regulation print nothing but
// their 款 and items, and a narrow column cuts them anywhere (see
// narrowCandidate for the lines these rules leave alone).
func cut(l, next block.Line, page *pageEvidence, inArticles bool) bool {
	s := l.Text
	if endsSentence(s) || strings.Contains(s, tableCell) {
		return false
	}
	if normalize.Unbalanced(s) {
		return true
	}
	n := utf8.RuneCountInString(s)
	if lab, ok := label.ArticleLine(s); ok {
		// A label alone is left for the regulation stage; a few words after
		// it may be the article's title (第十四条 处理恰当), so they are joined
		// only when the page prints the words across the break elsewhere.
		short := utf8.RuneCountInString(lab.Rest) < sentenceLine && !strings.ContainsAny(lab.Rest, "，,、；;")
		return lab.Rest != "" && (!short || junctionElsewhere(s, next.Text, page))
	}
	if label.ItemLine(s) && onlyLabel(s) {
		return false
	}
	last := lastRune(s)
	switch {
	case last == '，' || last == ',' || last == '、':
		return true
	case inArticles && unicode.IsDigit(last):
		// a number cut by the column: the line goes on below
	case !unicode.Is(unicode.Han, last) && !(closes(last) && (inArticles || reopens(s)) && narrowCandidate(s, next.Text)):
		return false
	case cndate.Starts(s) || docnumber.Ends(s):
		return false // a history, signature or document number line: a unit of its own
	}
	if label.ItemLine(s) {
		return l.ListItem || n >= columnLine
	}
	narrow := narrowCandidate(s, next.Text) && (reopens(s) || (inArticles && !label.Structural(s)))
	return n >= columnLine || (n >= sentenceLine && strings.ContainsAny(s, "，,。；;")) || narrow
}

// reopens reports whether a sentence ends inside s and another starts
// after it, as in a narrow column cut in the middle of a 款 (保障机制。各 /
// 级人力资源…): the line stops inside that sentence, however short it is.
// Headings and names print no sentence end before more text; a bracket
// after the sentence end (…列示。（第五条）) is a note on it, not a new
// sentence.
func reopens(s string) bool {
	i := strings.LastIndexAny(s, sentenceEnds)
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	tail := s[i+size:]
	return !label.IsOpen(firstRune(tail)) && strings.ContainsFunc(tail, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// narrowCandidate reports whether the narrow-column rules may take s as cut: it is not
// a formula (应纳税额＝…, …÷…), a bracketed note, or the line before a
// letter item (b.财政部门…), which are lines of their own.
func narrowCandidate(s, next string) bool {
	return !strings.ContainsAny(s, "=＝÷") && !note(s) && !letterItem(next)
}

// letterItem reports whether s opens with a letter item label (a. b.)
// before Chinese text: an item of a list of its own.
func letterItem(s string) bool {
	r := []rune(s)
	return len(r) > 2 && r[0] < utf8.RuneSelf && unicode.IsLetter(r[0]) && strings.ContainsRune(".．、", r[1]) && unicode.Is(unicode.Han, r[2])
}

// note reports whether s ends with a bracket it opens with, or whose
// bracket opens right after a sentence end: a note of its own (（2011年1月8日
// 删除）, …施行。（第八条）).
func note(s string) bool {
	if !closes(lastRune(s)) {
		return false
	}
	if label.IsOpen(firstRune(s)) {
		return true
	}
	i := strings.LastIndexFunc(s, label.IsOpen)
	return i > 0 && strings.ContainsRune(sentenceEnds, lastRune(strings.TrimRight(s[:i], " ")))
}

// closes reports whether r closes a bracket or quote: a line of an
// article, or one that starts a new sentence, may be cut right after one
// (市交通委员会（管理局） / 应当…) as after a character. Elsewhere a line
// ending so is a unit of its own as often (a title with its version mark,
// a document number, a history note).
func closes(r rune) bool { return strings.ContainsRune(closers, r) }

// closers are the closing quotes and brackets.
const closers = "”’」』）)》〕】"

// sentenceEnds end a sentence or a clause of one: more text after one on
// a line is a new sentence, a bracket after one a note on it.
const sentenceEnds = "。；;！？!?"

// onlyLabel reports whether s is an item label with no text after it.
func onlyLabel(s string) bool {
	return utf8.RuneCountInString(strings.TrimSpace(s)) <= 5 && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.Is(unicode.Han, r) && !strings.ContainsRune("一二三四五六七八九十百零〇", r)
	})
}

// junctionElsewhere reports whether the three characters on each side of
// the break between a and b are printed together somewhere on the page.
func junctionElsewhere(a, b string, page *pageEvidence) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < junctionSide || len(rb) < junctionSide {
		return false
	}
	return page.prints(string(ra[len(ra)-junctionSide:]) + string(rb[:junctionSide]))
}

// junctionSide is how many characters of each side of a break
// junctionElsewhere looks for.
const junctionSide = 3

// pageEvidence is the text of a page (pageText), asked whether it prints
// the characters around a break elsewhere. A page asked more than
// searchesBeforeIndex times is indexed once: the set of its runs of
// 2*junctionSide characters answers the next questions without reading
// it whole again (the articles of a code cut by a narrow column ask as
// many times as the page has articles).
type pageEvidence struct {
	text     string
	searches int
	runs     map[string]bool
}

const searchesBeforeIndex = 16

// prints reports whether the page holds s, a string of 2*junctionSide
// characters (valid UTF-8: its first byte starts a character of the page
// wherever it stands there, so a match is one of the page's runs).
func (p *pageEvidence) prints(s string) bool {
	if p.runs == nil && p.searches < searchesBeforeIndex {
		p.searches++
		return strings.Contains(p.text, s)
	}
	if p.runs == nil {
		p.runs = runsOf(p.text, 2*junctionSide)
	}
	return p.runs[s]
}

// runsOf is the set of the runs of n characters of s, as substrings of s.
func runsOf(s string, n int) map[string]bool {
	runs := make(map[string]bool, len(s)/3)
	starts := make([]int, n) // of the last n characters, the oldest at k%n
	k := 0
	for i := range s {
		starts[k%n] = i
		if k++; k >= n {
			_, size := utf8.DecodeRuneInString(s[i:])
			runs[s[starts[k%n]:i+size]] = true
		}
	}
	return runs
}

// tableCell separates the cells of a table row, which is a unit of its own.
const tableCell = " | "

// endsSentence reports whether s ends with sentence punctuation, perhaps
// followed by closing quotes or brackets (…。” …。）). A quotation that
// runs over several paragraphs leaves its quote open at the end of each.
func endsSentence(s string) bool {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !closes(r) {
			return strings.ContainsRune("。！？!?；;：:…—", r)
		}
		s = s[:len(s)-size]
	}
	return false
}

// startsClosing reports whether s starts with punctuation that cannot open
// a line.
func startsClosing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("、，。；：？！）》」』”’〕】,;:?!)", r)
}

// join appends next to prev, removing a character OCR repeated across the
// break when the page shows it was repeated.
func join(prev, next block.Line, page string) (block.Line, []model.Repair) {
	a, b := prev.Text, next.Text
	sep := ""
	if l, f := lastRune(a), firstRune(b); l < utf8.RuneSelf && f < utf8.RuneSelf && !unicode.IsSpace(l) && !unicode.IsSpace(f) && !cutNumber(a, b) {
		sep = " " // Latin text: the break was a space
	}
	joined := a + sep + b
	reps := []model.Repair{{
		Position: model.Position{Line: next.Line}, Kind: KindJoin,
		Before: tail(a) + "\n" + head(b), After: tail(a) + sep + head(b),
		Message: fmt.Sprintf("第%d行接续第%d行末尾断开的句子，已接上", next.Line, prev.Line),
	}}
	if d, ok := duplicate(a, b, page); ok {
		joined = a + b[len(string(firstRune(b))):]
		reps = append(reps, model.Repair{
			Position: model.Position{Line: next.Line}, Kind: KindDuplicate,
			Before: d.before, After: d.after,
			Message: fmt.Sprintf("「%s」在换行两侧重复印出；本版别处有「%s」而没有「%s」，删去一个",
				d.char, d.after, d.char+d.char),
		})
	}
	prev.Text = joined
	return prev, reps
}

// cutNumber reports whether the break cuts a number printed in Chinese
// text (最多不超过1 / 0人): digits on both sides, and Chinese text or a
// quote right before the digits ending a or right after those starting b.
// Numbers printed apart (03 04 07) keep their space.
func cutNumber(a, b string) bool {
	if !unicode.IsDigit(lastRune(a)) || !unicode.IsDigit(firstRune(b)) {
		return false
	}
	before := lastRune(strings.TrimRightFunc(a, unicode.IsDigit))
	after := firstRune(strings.TrimLeftFunc(b, unicode.IsDigit))
	chinese := func(r rune) bool {
		return unicode.Is(unicode.Han, r) || strings.ContainsRune("“”‘’《》（）、，。；：", r)
	}
	return chinese(before) || chinese(after)
}

type dup struct{ char, before, after string }

// duplicate decides whether the character ending a and starting b was
// repeated by OCR.
func duplicate(a, b, page string) (dup, bool) {
	c := lastRune(a)
	if c != firstRune(b) || !unicode.Is(unicode.Han, c) {
		return dup{}, false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 2 || len(rb) < 2 {
		return dup{}, false
	}
	before, after := ra[len(ra)-2], rb[1]
	single := string([]rune{before, c, after})
	double := string([]rune{c, c})
	if strings.Contains(page, double) || !strings.Contains(page, single) {
		return dup{}, false
	}
	return dup{char: string(c), before: string([]rune{before, c, c, after}), after: single}, true
}

// pageText is the text of every line, one per line, for evidence.
func pageText(lines []block.Line) string {
	n := 0
	for _, l := range lines {
		n += len(l.Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// tail and head give a few characters around a break for repair records.
func tail(s string) string {
	return string([]rune(s[runeOffset(s, utf8.RuneCountInString(s)-contextRunes):]))
}

func head(s string) string {
	return string([]rune(s[:runeOffset(s, contextRunes)]))
}

// contextRunes is how many characters tail and head give.
const contextRunes = 12

// runeOffset is the byte offset of character n of s (from 0), 0 when n is
// below 0 and len(s) when s holds no more: only the characters given are
// converted, as a conversion of the whole string would give them.
func runeOffset(s string, n int) int {
	k := 0
	for i := range s {
		if k >= n {
			return i
		}
		k++
	}
	return len(s)
}
