package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on a query. A longer query is refused, not truncated.
const (
	MaxQueryRunes = 200 // characters in a query
	MaxQueryItems = 16  // words, phrases and filters
)

// Query is a parsed query:
//
//	定期谈话 全覆盖        both words are required
//	"严禁拉票贿选"         an exact phrase (spaces allowed; no term forms)
//	-诫勉谈话             excludes documents with the word
//	定期谈话 OR 及时谈话    either word
//	kind:news doc:ID year:2026   filters; several values of one filter
//	                     are alternatives, -kind:news excludes
//
// Full-width letters, digits and punctuation count as their ASCII forms;
// “…” quotes like "…".
type Query struct {
	// Clauses are required, each satisfied by any of its atoms.
	Clauses [][]Atom
	// Excludes are atoms no result may match.
	Excludes []Atom
	// Filters and NotFilters map a filter name (kind, doc, year) to its
	// values.
	Filters    map[string][]string
	NotFilters map[string][]string
}

// Atom is a word or an exact phrase.
type Atom struct {
	Text  string
	Exact bool // a quoted phrase: matched as typed, without term forms
}

// Filter names.
const (
	FilterKind = "kind"
	FilterDoc  = "doc"
	FilterYear = "year"
)

// QueryError is a query the index refuses to run: too long, a bad filter.
// Handlers answer it with 400.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

func queryErrorf(format string, args ...any) error {
	return &QueryError{Msg: fmt.Sprintf(format, args...)}
}

// kindNames maps the Chinese names readers type to kinds.
var kindNames = map[string]string{
	"法规": "regulation", "条例": "regulation", "新闻": "news", "通知": "notice",
	"评论": "commentary", "案例": "case", "图片": "photo", "广告": "advertisement", "声明": "announcement",
	"公告": "announcement", "天气": "weather", "彩票": "lottery", "其他": "other", "术语": KindTerm,
}

// validKinds are the kinds a kind: filter accepts.
var validKinds = map[string]bool{
	"regulation": true, "news": true, "notice": true, "commentary": true, "case": true, "photo": true,
	"advertisement": true, "announcement": true, "weather": true, "lottery": true,
	"other": true, KindTerm: true,
}

// ParseQuery parses a query. It never panics; a query over the limits or
// with a bad filter value gives a *QueryError.
func ParseQuery(s string) (*Query, error) {
	if n := utf8.RuneCountInString(s); n > MaxQueryRunes {
		return nil, queryErrorf("搜索词太长：%d个字，上限%d个字", n, MaxQueryRunes)
	}
	s = strings.ToValidUTF8(foldWidth(s), "")
	q := &Query{Filters: map[string][]string{}, NotFilters: map[string][]string{}}
	toks := lexQuery(s)
	if len(toks) > MaxQueryItems {
		return nil, queryErrorf("词数太多：%d个，上限%d个", len(toks), MaxQueryItems)
	}
	join := false
	for _, t := range toks {
		if t.or {
			join = len(q.Clauses) > 0
			continue
		}
		if ok, err := q.addFilter(t); ok || err != nil {
			if err != nil {
				return nil, err
			}
			join = false
			continue
		}
		a := Atom{Text: t.text, Exact: t.quoted}
		switch {
		case t.neg:
			q.Excludes = append(q.Excludes, a)
		case join:
			last := len(q.Clauses) - 1
			q.Clauses[last] = append(q.Clauses[last], a)
		default:
			q.Clauses = append(q.Clauses, []Atom{a})
		}
		join = false
	}
	q.sortFilters()
	return q, nil
}

// Empty reports whether the query asks for nothing.
func (q *Query) Empty() bool {
	return len(q.Clauses) == 0 && len(q.Filters) == 0
}

// addFilter reads a kind:, doc: or year: token. It reports false for
// anything else.
func (q *Query) addFilter(t qtoken) (bool, error) {
	if t.quoted {
		return false, nil
	}
	name, value, ok := strings.Cut(t.text, ":")
	name = strings.ToLower(name)
	if !ok || value == "" || (name != FilterKind && name != FilterDoc && name != FilterYear) {
		return false, nil
	}
	switch name {
	case FilterKind:
		if k, ok := kindNames[value]; ok {
			value = k
		}
		value = strings.ToLower(value)
		if !validKinds[value] {
			return true, queryErrorf("没有「%s」这一类", value)
		}
	case FilterYear:
		if len(value) != 4 || strings.Trim(value, "0123456789") != "" {
			return true, queryErrorf("年份应为四位数字，不是「%s」", value)
		}
	}
	dst := q.Filters
	if t.neg {
		dst = q.NotFilters
	}
	dst[name] = append(dst[name], value)
	return true, nil
}

func (q *Query) sortFilters() {
	for _, m := range []map[string][]string{q.Filters, q.NotFilters} {
		for k, v := range m {
			slices.Sort(v)
			m[k] = dedupe(v)
		}
	}
}

func dedupe(list []string) []string {
	out := list[:0]
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// qtoken is one item of a query as typed.
type qtoken struct {
	text   string
	quoted bool
	neg    bool
	or     bool
}

// isQuote reports whether r opens or closes a phrase.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// lexQuery splits a folded query into words, phrases and OR.
func lexQuery(s string) []qtoken {
	var out []qtoken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		neg := false
		if r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			neg = true
			i++
		}
		var t qtoken
		t, i = lexItem(rs, i)
		t.neg = neg
		if t.text == "OR" && !t.quoted && !neg {
			t = qtoken{or: true}
		} else if strings.TrimFunc(t.text, isBlank) == "" {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '-' }

// lexItem reads a phrase or a word starting at i.
func lexItem(rs []rune, i int) (qtoken, int) {
	if isQuote(rs[i]) {
		j := i + 1
		for j < len(rs) && !isQuote(rs[j]) {
			j++
		}
		t := qtoken{text: phraseText(rs[i+1 : j]), quoted: true}
		if j < len(rs) {
			j++
		}
		return t, j
	}
	j := i
	for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) {
		j++
	}
	return qtoken{text: string(rs[i:j])}, j
}

// phraseText is the text of a quoted phrase with spaces between Han
// characters removed (a bigram never spans a space) and other runs of
// spaces made one.
func phraseText(rs []rune) string {
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && !(unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[j])) && b.Len() > 0 {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// String writes the query back in its syntax, normalised.
func (q *Query) String() string {
	var parts []string
	for _, c := range q.Clauses {
		var alts []string
		for _, a := range c {
			alts = append(alts, a.syntax())
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	for _, a := range q.Excludes {
		parts = append(parts, "-"+a.syntax())
	}
	for _, name := range []string{FilterKind, FilterDoc, FilterYear} {
		for _, v := range q.Filters[name] {
			parts = append(parts, name+":"+v)
		}
		for _, v := range q.NotFilters[name] {
			parts = append(parts, "-"+name+":"+v)
		}
	}
	return strings.Join(parts, " ")
}

func (a Atom) syntax() string {
	if a.Exact || strings.ContainsAny(a.Text, " :") || a.Text == "OR" || strings.HasPrefix(a.Text, "-") {
		return `"` + a.Text + `"`
	}
	return a.Text
}
