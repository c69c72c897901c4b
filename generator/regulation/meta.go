package regulation

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/docnumber"
	"tiaoli/generator/model"
)

// parseDate returns the first full date in s as YYYY-MM-DD.
func parseDate(s string) (string, bool) { return cndate.First(s) }

// startsWithDate reports whether s opens with a date: a LawRefBook history
// line (1997年3月14日 第八届…修订).
func startsWithDate(s string) bool { return cndate.Starts(s) }

// bracketed returns the text inside (…) or （…） when the whole of s is
// one bracketed group.
func bracketed(s string) (string, bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"（", ")"}, {"(", "）"}, {"〔", "〕"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
			inner := s[len(p[0]) : len(s)-len(p[1])]
			if !strings.ContainsAny(inner, "()（）") || balanced(inner) {
				return trimSpace(inner), true
			}
		}
	}
	return "", false
}

// isMetaLine reports whether a header line is an approval or history
// line: a bracketed line with a date and a verb, or a line opening with a
// date.
func isMetaLine(s string) bool {
	if _, _, ok := issuedOn(s); ok {
		return true
	}
	if inner, ok := bracketed(s); ok {
		_, dated := cndate.First(inner)
		return dated && hasEventVerb(inner)
	}
	return startsWithDate(s) && len([]rune(s)) < 200 && !datedSentence(s)
}

// datedSentence reports whether s is a sentence that opens with its date
// and a comma (1998年9月17日，我院以…通知印发了《…》，现…规定：): a preamble's
// or a story's, not a history event, which names its body or verb right
// after the date. A line that after the comma holds no other clause and
// ends in an event's verb (2005年3月1日，某省…会议通过) is an event.
func datedSentence(s string) bool {
	ds := cndate.Find(s)
	if len(ds) == 0 {
		return false
	}
	rest := strings.TrimLeftFunc(s[ds[0].End:], isSpace)
	clause, ok := strings.CutPrefix(rest, "，")
	if !ok {
		if clause, ok = strings.CutPrefix(rest, ","); !ok {
			return false
		}
	}
	return strings.ContainsAny(clause, "，,。；") || !EndsWithAny(trimSpace(clause), eventVerbs)
}

// EndsWithAny reports whether s ends with one of words.
func EndsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// amendedBy reports whether s, among the history lines at the top, is an
// amendment another text made, printed as a line of its own
// (cndate.AmendedBy).
func amendedBy(s string) bool { return cndate.AmendedBy(s) }

var eventVerbs = append(cndate.EventVerbs(), "决定")

func hasEventVerb(s string) bool { return containsAny(s, eventVerbs) }

// splitEvents cuts a history line into events: each starts with a date or
// with 根据 (根据2017年…修正), where the line runs them together too
// (cndate.SeparateEvents). A 根据 standing alone opens the event after it
// (…修订 根据 2012年…修正); with no event after it on the line it was cut
// from its event and is dropped.
func splitEvents(s string) []string {
	fields := strings.FieldsFunc(cndate.SeparateEvents(s), isSpace)
	var events []string
	according := false
	for _, f := range fields {
		if f == "根据" {
			according = true
			continue
		}
		if according {
			f, according = "根据"+f, false
		}
		if len(events) > 0 && !startsWithDate(f) && !strings.HasPrefix(f, "根据") {
			events[len(events)-1] += " " + f
			continue
		}
		events = append(events, f)
	}
	for i, e := range events {
		events[i] = trimStrayBrackets(e)
	}
	return events
}

// trimStrayBrackets removes a bracket at either end of an event that pairs
// with none in it: a history printed in brackets over several lines, or
// copied with its opening bracket lost, leaves 2022年3月29日…修订）.
func trimStrayBrackets(e string) string {
	open := strings.Count(e, "（") + strings.Count(e, "(")
	shut := strings.Count(e, "）") + strings.Count(e, ")")
	if shut > open {
		if t, ok := strings.CutSuffix(e, "）"); ok {
			e = t
		} else if t, ok := strings.CutSuffix(e, ")"); ok {
			e = t
		}
	}
	if open > shut {
		if t, ok := strings.CutPrefix(e, "（"); ok {
			e = t
		} else if t, ok := strings.CutPrefix(e, "("); ok {
			e = t
		}
	}
	return trimSpace(e)
}

// readMeta fills Approval, History, Issuer and Published from the header
// lines of a regulation, and returns who made the text by its history
// (madeBy), the issuer when nothing else names one.
func readMeta(r *model.Regulation, header []string) string {
	var events []string
	issued, issuer := "", ""
	for _, s := range joinContinued(header) {
		inner, isBracket := bracketed(s)
		if date, by, ok := issuedOn(s); ok {
			if !isBracket {
				inner = s
			}
			r.History = append(r.History, inner)
			issued, issuer = date, by
			continue
		}
		switch {
		case isBracket && (strings.Contains(inner, "批准") || strings.Contains(inner, "发布")) && r.Approval == "":
			r.Approval = s
			events = append(events, splitEvents(inner)...)
		case isBracket:
			split := splitEvents(inner)
			r.History = append(r.History, split...)
			events = append(events, split...)
		default:
			split := splitEvents(s)
			r.History = append(r.History, split...)
			events = append(events, split...)
		}
	}
	for _, e := range events[lastAmendment(events)+1:] {
		date, ok := parseDate(e)
		if !ok {
			continue
		}
		if isPublishing(e) {
			r.Published = date
			if a := issuerName(agent(e)); a != "" {
				r.Issuer = a
			}
		}
		if strings.Contains(e, "施行") && !strings.Contains(e, "起施行") {
			r.ValidFrom = date
		}
		if from, ok := effectiveFrom(e); ok {
			r.ValidFrom = from
		}
	}
	if r.Published == "" && issued != "" {
		r.Published = issued
		if r.Issuer == "" {
			r.Issuer = issuer
		}
	}
	return madeBy(events)
}

// issuedOn reads a line that says only when and under which document
// number a text was issued, and maybe who issued it: 2000年3月15日
// 高检发释字〔2000〕1号, （中纪发〔2010〕13号 2010年4月1日）, （某某办公厅、某某院办公厅
// 某发[2018]1号 2018年4月16日）. It returns the date and the issuer ("" when
// the line names none).
func issuedOn(s string) (date, issuer string, ok bool) { return issueLine(s, true) }

// signedOn reads the line that signs a notice: who issued it and when,
// maybe with its document number (某某部 某某部 2013年12月20日, the names
// maybe spaced letter by letter: then the issuer is "", the names run
// together once unspaced), or a line issuedOn reads. At the top of a text
// a date and a body's name are an event cut in two (2020年11月9日
// 某法院审判委员会 / 第1815次会议通过), so only a notice is read so.
func signedOn(s string) (date, issuer string, ok bool) { return issueLine(s, false) }

// issueLine reads a line of a date, a document number (unless numbered is
// false) and the issuers' names, and nothing else.
func issueLine(s string, numbered bool) (date, issuer string, ok bool) {
	s = trimSpace(s)
	if inner, isBracket := bracketed(s); isBracket {
		s = inner
	}
	dates := cndate.Find(s)
	if len(dates) != 1 {
		return "", "", false
	}
	rest := trimSpace(s[:dates[0].Start] + " " + s[dates[0].End:])
	switch numbers := docnumber.FindAll(rest); len(numbers) {
	case 0:
		if numbered || rest == "" {
			return "", "", false
		}
	case 1:
		rest = trimSpace(rest[:numbers[0][0]] + " " + rest[numbers[0][1]:])
	default:
		return "", "", false
	}
	if rest == "" || isOrganisations(rest) {
		return dates[0].ISO, rest, true
	}
	if spaced := letterSpaced(rest); spaced != "" && isOrganisation(spaced) {
		return dates[0].ISO, "", true // 财 政 部 外 交 部: names run together once unspaced
	}
	return "", "", false
}

// letterSpaced returns s without its spaces when a space stands between
// every two of its characters (财 政 部), "" otherwise.
func letterSpaced(s string) string {
	fields := strings.FieldsFunc(s, isSpace)
	if len(fields) < 2 {
		return ""
	}
	for _, f := range fields {
		if utf8.RuneCountInString(f) != 1 {
			return ""
		}
	}
	return strings.Join(fields, "")
}

// isOrganisations reports whether s names one or more bodies, separated by
// 、 or spaces (中央纪委办公厅、国家监委办公厅).
func isOrganisations(s string) bool {
	for _, name := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || isSpace(r) }) {
		if !isOrganisation(name) {
			return false
		}
	}
	return true
}

// joinContinued joins a header line that goes on from the line above it:
// the rest of a date cut inside it (2014年9月26 / 日…批准, …批准的1994年 /
// 9月24日…), a line with no date and no meeting of its own, which names
// more of the event above (国务院 / 中央军委发布 / 发布之日施行), and a
// dateless line after one that stops before its event's verb (2017年7月28日
// 山东省 / 第十二届…会议…修正). A dateless line naming a meeting after a
// whole event (…批准 / …第二十三次会议通过) is an event of its own. A line
// that goes on inside a meeting's name (…会议 / 第二次会议通过, …第二次 /
// 会议通过) joins without a space. A 根据
// that ends a line opens the event on the next (…修订 根据 / 2012年…修正).
func joinContinued(header []string) []string {
	var out []string
	for _, s := range header {
		if len(out) == 0 {
			out = append(out, s)
			continue
		}
		last := out[len(out)-1]
		if t, ok := strings.CutSuffix(last, "根据"); ok && startsWithDate(s) {
			out[len(out)-1] = trimSpace(t)
			out = append(out, "根据"+s)
			continue
		}
		switch {
		case cutDate(last, s):
			out[len(out)-1] = last + s
		case startsWithDate(s) || isBracketed(s):
			out = append(out, s)
		case strings.Contains(s, "会议") && endsEvent(last):
			out = append(out, s)
		case strings.HasPrefix(s, "第") || strings.HasPrefix(s, "会议"):
			out[len(out)-1] = last + s // …会议 / 第二次会议通过, …第二次 / 会议通过
		default:
			out[len(out)-1] = last + " " + s
		}
	}
	return out
}

// cutDate reports whether a date was cut between two lines: the first
// ends in its year's or month's digits or words (…2014年9月26, …的1994年)
// and the second goes on with the rest (日…, 9月24日…).
func cutDate(last, s string) bool {
	if startsWithDate(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(last)
	n, _ := utf8.DecodeRuneInString(s)
	return (isDigit(r) || r == '年' || r == '月') && (isDigit(n) || n == '月' || n == '日')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// endsEvent reports whether a header line ends with the verb of its event
// (…通过, …批准, …修正) or with the bracket that closes it.
func endsEvent(s string) bool {
	s = strings.TrimRight(s, "）)")
	for _, v := range eventVerbs {
		if strings.HasSuffix(s, v) {
			return true
		}
	}
	return false
}

func isBracketed(s string) bool {
	_, ok := bracketed(s)
	return ok
}

// lastAmendment returns the index of the last dated event that amends the
// text (修正, 修订, 修改, or readopts: see readopts), or -1. The text is the
// version that event made: it was not published or put in force by the
// events before it, whatever dates they give for the first version.
func lastAmendment(events []string) int {
	last, adopted := -1, -1
	for i, e := range events {
		date, dated := parseDate(e)
		if !dated {
			continue
		}
		if containsAny(e, amendingVerbs) || adopted >= 0 && readopts(events[adopted], e, date) {
			last = i
		}
		if adopts(e) && adopted < 0 {
			adopted = i
		}
	}
	return last
}

var amendingVerbs = cndate.AmendingVerbs()

// adopts reports whether an event adopts a text (…会议通过), not only
// approves what another body adopted (…批准).
func adopts(e string) bool { return strings.Contains(e, cndate.AdoptingVerb) && !approvalOnly(e) }

// readopts reports whether event e, on date, adopts anew a text that event
// first adopted: a body adopts a text once, so its adopting it again on a
// later day is an amendment that history prints with 通过 alone (最高人民法院审判
// 委员会第1823次会议通过, the meeting that amended many interpretations at
// once). Two bodies each adopting a joint text (a court and a procuratorate,
// on their own days) are no amendment, nor are meetings that name no body,
// nor an event that goes on after 通过 to what it adopted (…会议通过关于批准
// 某某的决议): the body adopted another text.
func readopts(first, e, date string) bool {
	if !adopts(e) || !strings.HasSuffix(trimSpace(e), cndate.AdoptingVerb) {
		return false
	}
	if d, _ := parseDate(first); d >= date {
		return false
	}
	a, _ := afterDate(first)
	b, _ := afterDate(e)
	x := meetingBodies(a)
	return x != "" && x == meetingBodies(b)
}

// isPublishing reports whether an event makes the text public
// (cndate.IssuingVerbs).
func isPublishing(e string) bool { return containsAny(e, issuingVerbs) }

var issuingVerbs = cndate.IssuingVerbs()

// agent returns who published in an event: 2026年1月30日中共中央办公厅发布 →
// 中共中央办公厅; 1996年10月3日 中华人民共和国交通部令第8号发布 → 中华人民共和国交通部.
func agent(e string) string {
	ds := cndate.Find(e)
	if len(ds) == 0 {
		return ""
	}
	s := trimSpace(e[ds[0].End:])
	s = strings.TrimPrefix(s, "根据")
	s = strings.TrimPrefix(s, "经")
	for _, cut := range agentEnds {
		if i := strings.Index(s, cut); i >= 0 {
			s = s[:i]
		}
	}
	s = trimSpace(orderNumber.ReplaceAllString(s, ""))
	if s == "" || len([]rune(s)) > 40 {
		return ""
	}
	return s
}

// agentEnds are the words an agent's name stops before: its order or
// notice (令第8号, 公告), the verb of its event (发布, 批准, 修正: 1953年1月2日
// 某院修正公布).
var agentEnds = append([]string{"令第", "令（", "令(", "公告第", "公告（", "公告(", "公告", cndate.ApprovingVerb},
	append(cndate.IssuingVerbs(), cndate.AmendingVerbs()...)...)

// orderNumber matches the number of the order or notice an agent issued
// a text by, printed after its name: 某某总署第4号令, 某常务委员会第25号.
var orderNumber = regexp.MustCompile(`第` + ordinal + `号令?$`)

// takeEffect is the source of the verbs that say a text takes effect
// after 自X起 (施行, 实施, 执行, 实行, 生效, 试行); the 起 may be left out
// (自2018年1月1日施行).
const takeEffect = `起?(?:施行|实施|执行|实行|生效|试行)`

// validFromPattern matches 本办法自2026年3月1日起施行 and 本办法自发布之日起施行;
// X holds no 起, so that 自发布之日起30日后施行 is not read as the day of
// publication.
var validFromPattern = regexp.MustCompile(`本[^，。；、\s]{1,6}自([^，。；起]{2,30}?)` + takeEffect)

// effectiveFrom returns the day an event that closes with 自X起施行 (…会议通过，
// 自1998年5月9日起施行) puts the text in force.
func effectiveFrom(e string) (string, bool) {
	m := sinceDate.FindStringSubmatch(e)
	if m == nil {
		return "", false
	}
	return parseDate(m[1])
}

// sinceDate matches 自X起施行 inside an event, X one date.
var sinceDate = regexp.MustCompile(`自([^，。；、自]{6,20}?)起施行`)

// onIssue lists the days that mean the text takes effect when it is
// published: 自发布之日, 自公布之日, 自印发之日, 自颁布之日 (cndate.IssuingVerbs).
var onIssue = func() []string {
	var out []string
	for _, v := range issuingVerbs {
		out = append(out, v+"之日")
	}
	return out
}()

// readValidFrom sets ValidFrom from the article that says when the
// regulation takes effect: a date; the day it is published (onIssue); or
// 自通过之日, the day of the last event of its history that adopted it. A
// day before the last amendment of its history is the first version's,
// which an amended text keeps printing (本法自1986年10月1日起施行 in a text
// amended in 2009): it is not the day this version took effect, and
// ValidFrom keeps what the history gave, or stays for a metadata table;
// PrintedValidFrom keeps it, so that the page can say what it is.
func readValidFrom(r *model.Regulation) {
	for i := len(r.Articles) - 1; i >= 0; i-- {
		for _, c := range r.Articles[i].Clauses {
			m := validFromPattern.FindStringSubmatch(c.Text)
			if m == nil {
				continue
			}
			date, ok := parseDate(m[1])
			switch {
			case ok:
			case containsAny(m[1], onIssue):
				r.OnPublication = true
				date = r.Published
			case strings.Contains(m[1], "通过之日"):
				date = adoptedOn(r.History)
			}
			switch {
			case date == "":
			case date >= amendedOn(r.History):
				r.ValidFrom, r.ValidFromPrinted = date, ok
			case ok:
				r.PrintedValidFrom = date
			}
			return
		}
	}
}

// amendedOn is the date of the last amendment of history (…修正, …修订),
// or "".
func amendedOn(history []string) string {
	if i := lastAmendment(history); i >= 0 {
		date, _ := parseDate(history[i])
		return date
	}
	return ""
}

// adoptedOn is the date of the last event of history that adopts the text
// (…会议通过), or "".
func adoptedOn(history []string) string {
	for i := len(history) - 1; i >= 0; i-- {
		if date, ok := parseDate(history[i]); ok && strings.Contains(history[i], "通过") {
			return date
		}
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// readNoticeDate reads the date, and the issuer signed above it, of a
// regulation whose header gives none from the notice that issues it: the
// first line of the preamble that holds a date and nothing else
// (（2009年7月1日）, or 2015年2月3日 under the issuer's name), or the line
// that signs it (see signedOn).
func readNoticeDate(r *model.Regulation) {
	if r.Published != "" {
		return
	}
	for i, p := range r.Preamble {
		date, ok := dateOnly(p.Text)
		if d, by, signed := signedOn(p.Text); signed && !ok {
			date, ok = d, true
			if r.Issuer == "" {
				r.Issuer = by
			}
		}
		if !ok {
			continue
		}
		r.Published = date
		if i > 0 && r.Issuer == "" && isOrganisation(trimSpace(r.Preamble[i-1].Text)) {
			r.Issuer = trimSpace(r.Preamble[i-1].Text)
		}
		return
	}
}

// dateOnly returns the date of a line that holds one date and nothing
// else, bracketed or not.
func dateOnly(s string) (string, bool) {
	if !cndate.Only(trimSpace(s)) {
		return "", false
	}
	return parseDate(s)
}

// organisation matches the name of a body that signs a notice: it ends in
// the word for an office, a ministry, a committee, a court, a central bank
// or the like.
var organisation = regexp.MustCompile(`(部|委|局|院|署|厅|办|室|会|组|府|中央|委员会|小组|政府|法院|检察院|总局|办公厅|办公室|银行)$`)

func isOrganisation(s string) bool {
	n := len([]rune(s))
	return n >= 2 && n <= 40 && organisation.MatchString(s) && !strings.ContainsAny(s, "。；，：:,;0123456789《》“”")
}
