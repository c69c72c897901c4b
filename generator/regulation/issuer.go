package regulation

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/cndate"
)

// ordinal is a number as a body's term, meeting or order prints it
// (第十三届, 第1823次, 第8号).
const ordinal = `[0-9０-９零〇一二三四五六七八九十百千]+`

// term matches a body's term of office inside its name (浙江省第十届人民代表大会
// 常务委员会, 宁波市十五届人大常委会): the body is the same from term to term.
var term = regexp.MustCompile(`第?` + ordinal + `届`)

// meeting matches a body's meeting that adopts or amends a text: 某某人民代表大会
// 常务委员会第三十四次会议, 最高人民法院审判委员会第1246次会议, 国务院第177次常务会议,
// and 某市人民代表大会常务委员会第四会议, whose 次 the source lost.
var meeting = regexp.MustCompile(`([^\s、，,《》]+?)(?:` + cndate.YearPattern + `年)?第` + ordinal + `(?:次[^\s、，,会]{0,3})?会议`)

// organs are the committees through which a court or procuratorate adopts
// its texts (最高人民法院审判委员会): the text is the court's.
var organs = []string{"审判委员会", "检察委员会"}

// issuerName is the name of a body as its issuer, without its term of
// office (第十二届), which changes while the body stays; "" when what is left
// holds what no name holds (punctuation, digits, 《》), names only a level
// without its place (市人民代表大会常务委员会, from 市十四届人民代表大会常务委员会:
// the source abbreviated the name), or names who promulgates a text another
// body adopted: the head of state by order (主席令), a session's presidium by
// notice (主席团公告), whose adopting body is the issuer.
func issuerName(s string) string {
	if levelOnly(s) {
		return ""
	}
	s = trimSpace(term.ReplaceAllString(s, ""))
	for _, o := range organs {
		if court, ok := strings.CutSuffix(s, o); ok && organisation.MatchString(court) {
			s = court
		}
	}
	n := len([]rune(s))
	if n < 2 || n > 40 || strings.ContainsAny(s, "。；，：:,;《》“”0123456789") ||
		strings.HasSuffix(s, "主席") || strings.HasSuffix(s, "主席团") {
		return ""
	}
	return s
}

// LevelMarks are the characters that name the level or the place of a
// body (省, 市, 县, 乡, 全国 …), where bodies of one kind differ: 市人民代表大会
// and 区人民代表大会 are two bodies.
const LevelMarks = "省市县区乡镇国州村"

// levelOnly reports whether a body's name opens with a level and no place:
// 市人民代表大会常务委员会, 区政府, 市委, 市十四届人大常委会, 镇人民政府; not
// 市场监管总局, whose first character names no level.
func levelOnly(s string) bool {
	s = trimSpace(s)
	first, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(LevelMarks, first) {
		return false
	}
	rest := s[size:]
	if loc := term.FindStringIndex(rest); loc != nil && loc[0] == 0 {
		return true
	}
	for _, b := range []string{"人民", "人大", "政府", "政协", "委", "纪委", "监察"} {
		if strings.HasPrefix(rest, b) {
			return true
		}
	}
	return false
}

// bodyName is issuerName of a name that ends as a body's does (isOrganisation:
// 人民代表大会常务委员会, 最高人民法院; or a people's congress as sources
// print it with a character lost, 某市人民代表大会常务委员: congress), ""
// otherwise: what a meeting or a title names before its text may be any
// words.
func bodyName(s string) string {
	if s = issuerName(s); !isOrganisation(s) && !congress.MatchString(s) {
		return ""
	}
	return s
}

// meetingBodies returns the bodies whose meetings adopt or amend a text in
// an event (最高人民法院审判委员会第1237次会议、最高人民检察院第九届检察委员会第109次会议通过
// → 最高人民法院、最高人民检察院), joined by 、; "" when the event names no meeting
// before a verb, or names one that is no body.
func meetingBodies(e string) string {
	var names []string
	rest := e
	for {
		loc := meeting.FindStringSubmatchIndex(rest)
		if loc == nil {
			break
		}
		name := bodyName(strings.TrimPrefix(strings.TrimPrefix(rest[loc[2]:loc[3]], "由"), "经"))
		if name == "" {
			return ""
		}
		names = append(names, name)
		next, joined := strings.CutPrefix(rest[loc[1]:], "、")
		if !joined {
			break
		}
		if ds := cndate.Find(next); len(ds) > 0 && ds[0].Start == 0 {
			next = next[ds[0].End:] // …第1878次会议、2023年3月2日最高人民检察院…
		}
		rest = strings.TrimPrefix(trimSpace(next), "由")
	}
	return strings.Join(names, "、")
}

// maker returns who made the text in a history event that adopts, revises
// or issues it: the body whose meeting adopted it (…会议通过), or the one that
// issued it (…令第8号发布, …发布). An approval another body gives (…批准),
// and an amendment made by another instrument (…《关于修改…的决定》修正, …通过的
// 《某法修正案》修正), name no maker of the text itself: "".
func maker(e string) string {
	rest, ok := afterDate(e)
	if !ok || strings.Contains(rest, "《") || approvalOnly(rest) {
		return ""
	}
	if names := meetingBodies(rest); names != "" {
		return names
	}
	if isPublishing(rest) {
		return issuerName(agent(e))
	}
	if cndate.Enacts(rest) { // 国务院修订, 某院通过: no meeting, the words before the verb
		name, _, _ := strings.Cut(agent(e), cndate.AdoptingVerb)
		return bodyName(name)
	}
	if m := orderOnly.FindStringSubmatch(rest); m != nil {
		return issuerName(m[1])
	}
	return ""
}

// orderOnly matches an event that names only the order a text was issued
// by (中华人民共和国国务院令第692号): its body issued it.
var orderOnly = regexp.MustCompile(`^(\S+?)令\s*第` + ordinal + `号$`)

// titleIssuer returns the bodies a title names as its issuer, before 关于
// (最高人民法院关于…的解释, 国务院、中央军委关于…的规定: 国务院、中央军委), joined
// by 、; "" when the title does not open with bodies' names, or when it
// forwards, approves or issues another body's text (某省人民政府办公厅转发省
// 财政厅关于…的办法), whose maker the title does not say alone.
func titleIssuer(title string) string {
	head, _, ok := strings.Cut(title, "关于")
	if !ok || containsAny(head, forwardingVerbs) {
		return ""
	}
	var names []string
	for _, f := range strings.FieldsFunc(head, func(r rune) bool { return r == '、' || isSpace(r) }) {
		name := bodyName(f)
		if name == "" {
			return ""
		}
		names = append(names, name)
	}
	return strings.Join(names, "、")
}

// forwardingVerbs are the verbs of a title whose body passes on another's
// text: 转发, 批转, 印发.
var forwardingVerbs = []string{"转发", "批转", "印发"}

// afterDate returns what an event says after its date and a 根据, 由 or 经
// (根据2018年…, 2016年3月28日由…); false when it holds no date.
func afterDate(e string) (string, bool) {
	ds := cndate.Find(e)
	if len(ds) == 0 {
		return "", false
	}
	rest := trimSpace(e[ds[0].End:])
	for _, p := range []string{"根据", "由", "经"} {
		rest = trimSpace(strings.TrimPrefix(rest, p))
	}
	return rest, true
}

// approvalOnly reports whether an event is a body's approval of a text
// another adopted (…会议批准), and nothing more.
func approvalOnly(e string) bool {
	if !strings.Contains(e, cndate.ApprovingVerb) {
		return false
	}
	for _, v := range cndate.EnactingVerbs() {
		if v != cndate.ApprovingVerb && strings.Contains(e, v) {
			return false
		}
	}
	return true
}

// madeBy returns the maker (see maker) of the latest event of a history
// that names one: who adopted, revised or issued the text, when no event
// after its last amendment published it under a name. Bodies that adopt a
// joint text each on a line of its own (…法院审判委员会…通过, then …检察院…检察
// 委员会…通过) made it together: the makers of adopting events just before
// it, with no amendment between, join it by 、. A history of nothing but
// amendments by decision (…会议《关于修改…的决定》修正) and approvals names the
// body that amended it by its meeting.
func madeBy(events []string) string {
	for i := len(events) - 1; i >= 0; i-- {
		if m := maker(events[i]); m != "" {
			return jointMakers(events, i, m)
		}
	}
	for i := len(events) - 1; i >= 0; i-- {
		if rest, ok := afterDate(events[i]); ok && !approvalOnly(rest) {
			if names := meetingBodies(rest); names != "" {
				return names
			}
		}
	}
	return ""
}

// state is the country's name that may open a central body's (中华人民共和国
// 国务院): the body is the same with it or without it.
const state = "中华人民共和国"

// congress matches a people's congress or its standing committee at the end
// of a body's name as sources print it, abbreviated (人大常委会, 人民代表大会
// 常委会) or with a character lost (人民代表大会常务员会, 人民代表大会常务委员,
// 人民代表会): group 1 is the place, group 2 the standing committee's part,
// "" for the congress.
var congress = regexp.MustCompile(`^(.*?)人(?:大|民代表大?会)(常务?委?员?会?)?$`)

// abbreviations are the short names of central bodies that sources print
// for the full name (中央军委).
var abbreviations = map[string]string{"中央军委": "中央军事委员会"}

// canonicalIssuer returns an issuer's bodies each under one name, joined by
// 、: a body printed with the country's name before it, abbreviated or with
// a character lost is one body with one name on the site's issuer pages.
// The name chosen is the one without 中华人民共和国 (国务院, 公安部), and a
// people's congress and its standing committee in full (浙江省人民代表大会
// 常务委员会).
func canonicalIssuer(s string) string {
	var names []string
	for _, printed := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || isSpace(r) }) {
		for _, name := range splitBodies(printed) {
			names = append(names, canonicalBody(name))
		}
	}
	return strings.Join(names, "、")
}

// topBodies are the bodies at the head of a hierarchy of their own, whose
// names no other body's name goes on with: a name that goes on with one
// after a whole body's name runs two bodies together, as a joint text's
// heading prints them without a separator (最高人民法院最高人民检察院,
// 中共中央办公厅国务院办公厅, 中华人民共和国某某局中华人民共和国某某委员会).
// A ministry is none: 国务院公安部门 is a department of the State Council.
var topBodies = []string{"最高人民法院", "最高人民检察院", "中共中央", "国务院", "中央军事委员会", "中央军委", state}

// splitBodies cuts a name that runs bodies together (topBodies) into
// their names; a name of one body is returned alone.
func splitBodies(name string) []string {
	for i := range name {
		if i == 0 || !isOrganisation(name[:i]) {
			continue
		}
		for _, t := range topBodies {
			if strings.HasPrefix(name[i:], t) && isOrganisation(name[i:]) {
				return append([]string{name[:i]}, splitBodies(name[i:])...)
			}
		}
	}
	return []string{name}
}

// canonicalBody is canonicalIssuer of one body's name.
func canonicalBody(name string) string {
	if rest, ok := strings.CutPrefix(name, state); ok && isOrganisation(rest) {
		name = rest
	}
	if full, ok := abbreviations[name]; ok {
		return full
	}
	if m := congress.FindStringSubmatch(name); m != nil {
		name = m[1] + "人民代表大会"
		if m[2] != "" {
			name += "常务委员会"
		}
	}
	return name
}

// jointMakers returns m, the maker of event i, joined after the makers of
// the events that adopt the text just before it, each another body's (by
// canonicalIssuer): m alone when event i amends the text or does not adopt
// it (onlyAdopts).
func jointMakers(events []string, i int, m string) string {
	if !onlyAdopts(events[i]) {
		return m
	}
	names, bodies := []string{m}, []string{canonicalIssuer(m)}
	for j := i - 1; j >= 0 && onlyAdopts(events[j]); j-- {
		prev := maker(events[j])
		if prev == "" || slices.Contains(bodies, canonicalIssuer(prev)) {
			break
		}
		names, bodies = append([]string{prev}, names...), append(bodies, canonicalIssuer(prev))
	}
	return strings.Join(names, "、")
}

// onlyAdopts reports whether an event adopts a text and amends nothing.
func onlyAdopts(e string) bool { return adopts(e) && !containsAny(e, amendingVerbs) }
