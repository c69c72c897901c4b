// Package dateline reads the 电头 of a news item: the agency, place and
// date that open it (新华社北京2月12日电, 本报北京1月2日电 （记者王浩）,
// 据新华社北京1月1日电, 本报讯) or close it ((新华社北京2月12日电)), and the
// reporters named with it. It also splits a run of reporters' names
// (记者 李子越 陈泽安, 韩  鑫  张腾扬) into names.
//
// A dateline seldom prints the year; Resolve takes it from the date of
// the page that carries the item.
package dateline

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/generator/runeset"
)

// agencies are the agencies named in full; any other name ending in 社,
// 报, 网 or 台 is read as an agency too.
const (
	knownAgencies = `新华社|本报|本台|本刊|人民网|新华网|中新社|中新网|中国新闻网|央视网|央视新闻|光明网|` +
		`中国日报网|中国日报|人民日报|经济日报|光明日报|法治日报|解放军报|中国青年报|工人日报|环球网|澎湃新闻|` +
		`中国网|国际在线`
	agencies = knownAgencies + `|\p{Han}{1,6}?(?:社|报|网|台)`
)

const (
	agencyPart = `(据)?(` + agencies + `)`
	placePart  = `([\p{Han}·]{0,12}?)`
	datePart   = cndate.PartialPattern
	endPart    = `(专电|电|讯)`
	roles      = `本报记者|新华社记者|特约记者|见习记者|实习记者|记者|通讯员|实习生|本报通讯员`
)

var (
	openRE     = regexp.MustCompile(`^` + agencyPart + placePart + datePart + endPart)
	closeRE    = regexp.MustCompile(`^[（(]\s*` + agencyPart + placePart + datePart + endPart + `\s*(?:[（(][^（()）]*[)）])?\s*[）)]$`)
	reportRE   = regexp.MustCompile(`^\s*[（(]\s*((?:` + roles + `)[^（()）]{1,60})[）)]`)
	roleWordRE = regexp.MustCompile(`^(?:` + roles + `)`)
	knownRE    = regexp.MustCompile(`^(?:` + knownAgencies + `)$`)
	nameSepRE  = regexp.MustCompile(`[\s、，,；;]+`)
)

// maxHead is the most characters a dateline takes, reporters included.
const maxHead = 80

// dispatchMarks are 电 and 讯, one of which every dateline holds.
var dispatchMarks = runeset.Of("电讯")

// inHead reports whether a character of set is among the first n
// characters of s.
func inHead(s string, set *runeset.Set, n int) bool {
	if len(s) > utf8.UTFMax*n {
		s = s[:utf8.UTFMax*n] // holds the first n characters whole
	}
	i := set.Index(s)
	return i >= 0 && utf8.RuneCountInString(s[:i]) < n
}

// Match is a dateline as read, before its year is resolved.
type Match struct {
	Agency, Place    string
	Year, Month, Day int // Year 0 when not printed; Month and Day 0 when no date
	Reporters        []string
	Text             string // as printed
}

// Opening reads a dateline at the start of s. It returns the dateline and
// the text after it.
func Opening(s string) (Match, string, bool) {
	if !inHead(s, &dispatchMarks, maxHead) { // one pass for both
		return Match{}, s, false
	}
	m := openRE.FindStringSubmatchIndex(s)
	if m == nil || !plausible(s, m) {
		return Match{}, s, false
	}
	d := fromGroups(s, m)
	end := m[1]
	if r := reportRE.FindStringSubmatchIndex(s[end:]); r != nil {
		d.Reporters = Names(s[end+r[2] : end+r[3]])
		end += r[1]
	}
	d.Text = strings.TrimSpace(s[:end])
	return d, strings.TrimSpace(s[end:]), true
}

// Closing reads a line that is only a dateline in brackets, as printed at
// the end of an item: (新华社北京2月12日电).
func Closing(s string) (Match, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 4*maxHead || (!strings.Contains(s, "电") && !strings.Contains(s, "讯")) {
		return Match{}, false
	}
	m := closeRE.FindStringSubmatchIndex(s)
	if m == nil || !plausible(s, m) {
		return Match{}, false
	}
	d := fromGroups(s, m)
	d.Text = s
	return d, true
}

// plausible rejects matches that only look like datelines: an agency the
// list does not name (any word ending in 社, 报, 网 or 台) without a date
// (本报讯 and 新华社北京电 are named agencies), or a place that is really a
// phrase. Without the date such a match is a phrase about a telephone or
// a network as often as a dateline: 公布举报投诉电话, 电网企业应当按照节能发电,
// 在互联网上建立电子…, cut at the end of a line.
func plausible(s string, m []int) bool {
	place := group(s, m, 3)
	if strings.ContainsAny(place, "的了在是和与记者从") {
		return false
	}
	agency := group(s, m, 2)
	return knownRE.MatchString(agency) || group(s, m, 5) != ""
}

func fromGroups(s string, m []int) Match {
	d := Match{Agency: group(s, m, 1) + group(s, m, 2), Place: group(s, m, 3)}
	d.Year, _ = numeral.Parse(group(s, m, 4))
	d.Month, _ = numeral.Parse(group(s, m, 5))
	d.Day, _ = numeral.Parse(group(s, m, 6))
	return d
}

func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// Names splits a run of names, dropping role words (记者, 通讯员): "记者 李子越
// 陈泽安" gives [李子越 陈泽安]. Single characters padded apart, as 韩  鑫
// is printed for a two-character name, are joined.
func Names(s string) []string {
	var tokens []string
	for _, t := range nameSepRE.Split(strings.TrimSpace(s), -1) {
		t = roleWordRE.ReplaceAllString(t, "")
		if t = strings.Trim(t, "()（）:："); t != "" {
			tokens = append(tokens, t)
		}
	}
	var names []string
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if utf8.RuneCountInString(t) == 1 && i+1 < len(tokens) && utf8.RuneCountInString(tokens[i+1]) == 1 {
			t += tokens[i+1]
			i++
		}
		names = append(names, t)
	}
	return names
}

// Resolve returns the model form of the dateline, its date completed with
// the year of pageDate (YYYY-MM-DD, may be "") when the dateline prints
// none. A date more than six months after the page's month belongs to the
// year before (a January page reporting 12月31日).
func (d Match) Resolve(pageDate string) *model.Dateline {
	out := &model.Dateline{Agency: d.Agency, Place: d.Place, Reporters: d.Reporters, Text: d.Text}
	if out.Reporters == nil {
		out.Reporters = []string{}
	}
	out.Date = d.date(pageDate)
	return out
}

func (d Match) date(pageDate string) string {
	if d.Month == 0 {
		return ""
	}
	year := d.Year
	if year == 0 {
		page, err := time.Parse("2006-01-02", pageDate)
		if err != nil {
			return ""
		}
		year = page.Year()
		if d.Month-int(page.Month()) > 6 {
			year--
		}
	}
	date, _ := cndate.FromNumbers(year, d.Month, d.Day)
	return date
}
