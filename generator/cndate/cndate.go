// Package cndate reads the dates Chinese texts print, once for every stage
// that needs them: 2026年1月30日, ２０07年9月１日, 二〇一八年十二月二十九日 in
// running text; 2025-01-02, 2025/1/2 and 2025.1.2 in metadata and file
// names; 2月12日 with no year in a dateline. Every date comes out as
// YYYY-MM-DD, and only when it names a real day.
//
// The patterns are exported as regular-expression sources so that a rule
// about a line that holds a date (an approval line, a dateline) is built
// around the one date rule rather than spelling its own.
package cndate

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/numeral"
)

// Character classes of the parts of a printed date: ASCII and full-width
// digits, and Chinese numerals (〇 and its look-alikes for the year's
// zero, the Latin letter O among them, as typed or read by OCR).
const (
	yearDigit = `0-9０-９〇零○ＯO一二三四五六七八九`
	dayDigit  = `0-9０-９一二三四五六七八九十`
)

// Pattern is the source of a regular expression for a full printed date,
// with the year, month and day as its three groups.
const Pattern = `([` + yearDigit + `]{4})\s*年\s*([` + dayDigit + `]{1,3})\s*月\s*([` + dayDigit + `]{1,3})\s*日`

// YearPattern is the source of a year as printed before 年 (no group).
const YearPattern = `[` + yearDigit + `]{4}`

// PartialPattern is the source of a date a dateline prints: an optional
// year, then month and day, both optional as a whole (groups: year,
// month, day; 2月12日, 2026年2月12日, or nothing).
const PartialPattern = `(?:([` + yearDigit + `]{4})\s*年\s*)?(?:([` + dayDigit + `]{1,3})\s*月\s*([` + dayDigit + `]{1,3})\s*日)?`

// NumericPattern is the source of a date written with digits, as metadata
// and web pages write it: 2025-01-02, 2025/1/2, 2025.1.2, 2025年1月2日
// (groups: year, month, day).
const NumericPattern = `([0-9０-９]{4})\s*[-/.年]\s*([0-9０-９]{1,2})\s*[-/.月]\s*([0-9０-９]{1,2})\s*日?`

// TimePattern is the source of a time of day that may follow a date:
// 05:58, 05:58:30 (no group).
const TimePattern = `[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?`

var (
	fullRE    = regexp.MustCompile(Pattern)
	yearRE    = regexp.MustCompile(`(` + YearPattern + `)\s*年`)
	numericRE = regexp.MustCompile(`^` + NumericPattern)
	nameRE    = regexp.MustCompile(`([0-9]{4})[-_.]?([0-9]{2})[-_.]?([0-9]{2})`)
	// onlyRE is a line that holds a date and nothing else, maybe in
	// brackets or followed by the day of the week, as printed under a
	// signature or at the head of a newspaper page.
	onlyRE = regexp.MustCompile(`^[（(]?\s*` + Pattern + `\s*[）)]?\s*(?:(?:星期|周)[一二三四五六日天])?$`)
)

// Date is a full date found in a text: its byte span and its value.
type Date struct {
	Start, End int
	ISO        string // YYYY-MM-DD
}

// Find returns every full date printed in s that names a real day, in
// order.
func Find(s string) []Date {
	if !printsFull(s) {
		return nil // most texts: no expression to run
	}
	var out []Date
	for _, m := range fullRE.FindAllStringSubmatchIndex(s, -1) {
		if iso, ok := Make(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]); ok {
			out = append(out, Date{Start: m[0], End: m[1], ISO: iso})
		}
	}
	return out
}

// printsFull reports whether s holds the marks every full date prints,
// 年 and a 日 after it: a text without them has none, and the expression
// costs far more than looking for them (the status tables look through
// every article of a document for the day it prints).
func printsFull(s string) bool {
	i := strings.Index(s, "年")
	return i >= 0 && strings.Contains(s[i:], "日")
}

// First returns the first full date printed in s.
func First(s string) (string, bool) {
	if ds := Find(s); len(ds) > 0 {
		return ds[0].ISO, true
	}
	return "", false
}

// Latest returns the latest full date printed in s, "" when none is.
func Latest(s string) string {
	latest := ""
	for _, d := range Find(s) {
		latest = max(latest, d.ISO)
	}
	return latest
}

// LatestYear returns the latest year printed before 年 in s (2019年,
// 二〇一九年), as YYYY; "" when none is. Years before 1900 are not read.
func LatestYear(s string) string {
	latest := 0
	for _, m := range yearRE.FindAllStringSubmatch(s, -1) {
		if y, ok := parseYear(m[1]); ok && y >= 1900 && y <= 9999 {
			latest = max(latest, y)
		}
	}
	if latest == 0 {
		return ""
	}
	return fmt.Sprintf("%04d", latest)
}

// Starts reports whether s opens with a full date (after spaces): a
// history line, 1997年3月14日 第八届…修订.
func Starts(s string) bool {
	_, ok := opening(s)
	return ok
}

// opening is the full date s opens with (after spaces).
func opening(s string) (Date, bool) {
	start := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	if r, _ := utf8.DecodeRuneInString(s[start:]); !yearDigits.has(r) {
		return Date{}, false // most lines: no expression to run
	}
	// The first date found must open the line: a later one never does,
	// and a first match that names no real day leaves none that does.
	m := fullRE.FindStringSubmatchIndex(s)
	if m == nil || m[0] != start {
		return Date{}, false
	}
	iso, ok := Make(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]])
	if !ok {
		return Date{}, false
	}
	return Date{Start: m[0], End: m[1], ISO: iso}, true
}

// charClass is the ranges of runes of a bracketed class of a pattern.
type charClass []rune

// classOf reads the class [chars] as the regexp package does.
func classOf(chars string) charClass {
	re, err := syntax.Parse("["+chars+"]", syntax.Perl)
	if err != nil || re.Op != syntax.OpCharClass {
		panic("cndate: not a character class: " + chars)
	}
	return re.Rune
}

// has reports whether r is in the class.
func (c charClass) has(r rune) bool {
	for i := 0; i+1 < len(c); i += 2 {
		if c[i] <= r && r <= c[i+1] {
			return true
		}
	}
	return false
}

// yearDigits are the runes a year, and so a full date, opens with.
var yearDigits = classOf(yearDigit)

// Only reports whether the line s is a date and nothing else (in brackets,
// or followed by the day of the week).
func Only(s string) bool {
	m := onlyRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return false
	}
	_, ok := Make(m[1], m[2], m[3])
	return ok
}

// OnlyDate reads a line that is a date and nothing else, printed (Only:
// 2022年3月15日, （2022年3月15日）) or written with digits (2022-03-15,
// 2022/3/15, 2022.3.15).
func OnlyDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if Only(s) {
		return First(s)
	}
	if m := numericRE.FindStringSubmatch(s); m != nil && len(m[0]) == len(s) {
		return Make(m[1], m[2], m[3])
	}
	return "", false
}

// Numeric reads a date written with digits at the start of s, as metadata
// writes it: 2025-02-12, 2025/2/12, 2025.2.12 or 2025年2月12日, maybe
// followed by a time.
func Numeric(s string) (string, bool) {
	m := numericRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	return Make(m[1], m[2], m[3])
}

// InName reads a date from a file's name: 2026-02-13-page.txt,
// 20260213.txt, 立法法(2023-03-13).md; "" when it holds none.
func InName(name string) string {
	m := nameRE.FindStringSubmatch(name)
	if m == nil {
		return ""
	}
	d, _ := Make(m[1], m[2], m[3])
	return d
}

// Make turns a printed year, month and day (in any of the numerals
// Pattern accepts) into YYYY-MM-DD, when they name a real day.
func Make(year, month, day string) (string, bool) {
	y, ok1 := parseYear(year)
	m, ok2 := numeral.Parse(month)
	d, ok3 := numeral.Parse(day)
	if !ok1 || !ok2 || !ok3 {
		return "", false
	}
	return FromNumbers(y, m, d)
}

// parseYear reads a year as printed before 年. A year is four digits, so
// when it is not one numeral (二0一0, 二OO八 mix digit sets) each
// character is read as a digit of its own.
func parseYear(s string) (int, bool) {
	if y, ok := numeral.Parse(s); ok {
		return y, true
	}
	y, n := 0, 0
	for _, r := range strings.TrimSpace(s) {
		d, ok := yearDigitValue(r)
		if !ok {
			return 0, false
		}
		y, n = y*10+d, n+1
	}
	return y, n == 4
}

// yearDigitValue is the value of one character of a printed year.
func yearDigitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	case r == 'O':
		return 0, true
	}
	if !numeral.IsDigit(r) {
		return 0, false
	}
	d, ok := numeral.Parse(string(r))
	return d, ok && d < 10
}

// FromNumbers is YYYY-MM-DD of a year, month and day, when they name a
// real day.
func FromNumbers(y, m, d int) (string, bool) {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// Year returns the year of a YYYY-MM-DD date, "" when it has none.
func Year(iso string) string {
	if len(iso) < 4 {
		return ""
	}
	return iso[:4]
}

// Day is s when it is a date to the day (YYYY-MM-DD), else "": a year
// alone, a month or anything else gives no day.
func Day(s string) string {
	if len(s) == len(time.DateOnly) && s[4] == '-' && s[7] == '-' {
		return s
	}
	return ""
}

// DayBefore is the ISO date before a date: an ISO date, or a year alone
// (the last day of the year before); the date itself when it is neither.
func DayBefore(date string) string {
	if y, err := strconv.Atoi(date); err == nil && len(date) == 4 {
		return strconv.Itoa(y-1) + "-12-31"
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, -1).Format(time.DateOnly)
}

// DaysBetween is the number of days from one ISO date to another,
// negative when to comes first; false when either is no ISO date.
func DaysBetween(from, to string) (int, bool) {
	f, err1 := time.Parse(time.DateOnly, from)
	t, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return int(t.Sub(f).Hours() / 24), true
}

// AdoptingVerb is the verb of a body's adopting a text at its meeting
// (…会议通过).
const AdoptingVerb = "通过"

// ApprovingVerb is the adopting verb of a higher body's approval of a
// text another adopted (a 地方性法规 批准 by the province's congress).
const ApprovingVerb = "批准"

// The verbs of the events in the life of a text, as its history lines and
// the texts that cite it print them: the one list every stage takes them
// from (a history line's events, a year before a citation, a title that
// reports another).
var (
	adoptingVerbs = []string{AdoptingVerb, ApprovingVerb}
	amendingVerbs = []string{"修正", "修订", "修改"}
	issuingVerbs  = []string{"公布", "发布", "印发", "颁布"}
	// enactingVerbs say that a text was adopted or changed on a date.
	enactingVerbs = concat(adoptingVerbs, amendingVerbs, issuingVerbs)
	eventVerbs    = concat(enactingVerbs, []string{"施行", "废止"})
)

// IssuingVerbs are the verbs that make a text public: 公布, 发布, 印发,
// 颁布.
func IssuingVerbs() []string { return concat(issuingVerbs) }

// AmendingVerbs are the verbs that change a text: 修正, 修订, 修改.
func AmendingVerbs() []string { return concat(amendingVerbs) }

// EnactingVerbs are the verbs that adopt, amend or issue a text (通过,
// 批准, 修正, 修订, 修改, and IssuingVerbs).
func EnactingVerbs() []string { return concat(enactingVerbs) }

// EventVerbs are EnactingVerbs and the events that date a text without
// making it: 施行 and 废止.
func EventVerbs() []string { return concat(eventVerbs) }

// concat is a new slice of the lists in order, so that no caller writes
// into another's.
func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Enacts reports whether the event a dated line records (2000年4月20日 …
// 会议通过) adopts or changes a text, as opposed to one that only records
// the day it takes effect (2000年9月14日 施行).
func Enacts(event string) bool {
	for _, v := range enactingVerbs {
		if strings.Contains(event, v) {
			return true
		}
	}
	return false
}

// AmendedBy reports whether the line s is an event of a text's history
// made under another text, as the history lines at the top of a
// regulation print it on a line of its own: 根据, a date, then a verb
// that enacts (Enacts), and no sentence punctuation (根据1998年12月29日
// …《…决定》修正). A preamble's sentence (根据2010年4月29日修正的《某法》，
// 制定本规定。) is not one.
func AmendedBy(s string) bool {
	rest, ok := strings.CutPrefix(s, "根据")
	if !ok || strings.ContainsAny(rest, "，。；") {
		return false
	}
	d, ok := opening(rest)
	return ok && Enacts(rest[d.End:])
}

// eventRunRE is the verb closing one event of a history line and the
// year opening the next, maybe after 根据, printed with nothing between
// them (…通过2003年8月15日…, …修订根据2017年…) or with a comma or
// semicolon (…批准；2019年2月23日…修改，2019年3月28日…批准).
var eventRunRE = regexp.MustCompile(`(` + strings.Join(eventVerbs, "|") + `)(?:[；;，,]\s*)?(根据)?(` + YearPattern + `\s*年)`)

// SeparateEvents puts a space between the verb that closes an event of a
// history line (EventVerbs) and the date, or 根据 and the date, that opens
// the next when the line runs them together or sets them apart with only a
// comma or semicolon (which the space replaces), so that the events split
// at spaces.
func SeparateEvents(s string) string { return eventRunRE.ReplaceAllString(s, "$1 $2$3") }

// yearEndRE is a year that ends a text (…2003年).
var yearEndRE = regexp.MustCompile(`(` + YearPattern + `)\s*年$`)

// EndYear returns the year s ends with (…2003年, …二〇〇三年) as YYYY, and
// the text before it; "" when s does not end with a year.
func EndYear(s string) (year, before string) {
	m := yearEndRE.FindStringSubmatchIndex(s)
	if m == nil {
		return "", s
	}
	y, ok := parseYear(s[m[2]:m[3]])
	r, _ := utf8.DecodeLastRuneInString(s[:m[0]])
	if _, digit := yearDigitValue(r); !ok || digit || y < 1900 || y > 9999 {
		return "", s // not a year, or the end of a longer number
	}
	return fmt.Sprintf("%04d", y), s[:m[0]]
}
