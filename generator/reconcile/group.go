package reconcile

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// Similarity thresholds of the bodies of two documents (Dice coefficient
// of their character bigrams).
const (
	// witnessSimilarity is what two sources of one document share at
	// least, whatever OCR did to them.
	witnessSimilarity = 0.6
	// undatedSimilarity is what a source without dates must share with a
	// dated one to be read as the same edition.
	undatedSimilarity = 0.9
)

// group is the documents read as one: witnesses of one text.
type group struct {
	docs []*model.Document
}

// edition is what tells versions of one regulation apart: its latest date
// and the year its title names (条例2003), if any.
type edition struct {
	date   string // the latest day the text was made or changed
	effect string // the day it takes effect
	year   string
	doc    *model.Document
	// key and grams are those of its body, made when first asked for.
	key        bodyKey
	keyed, cut bool
	grams      []uint64
}

// keyOf is the key of the edition's body.
func (e *edition) keyOf() bodyKey {
	if !e.keyed {
		e.key, e.keyed = keyOf(e.doc), true
	}
	return e.key
}

// gramsOf are the bigrams of the edition's body, through memo.
func (e *edition) gramsOf(memo *Memo) []uint64 {
	if !e.cut {
		if memo == nil {
			e.grams = bodyGrams(e.doc)
		} else {
			e.grams = memo.bodyGrams(e.doc, e.keyOf())
		}
		e.cut = true
	}
	return e.grams
}

// year is the year of the edition: the title's, else its latest date's.
func (e *edition) yearOf() string {
	if e.year != "" {
		return e.year
	}
	if len(e.date) >= 4 {
		return e.date[:4]
	}
	return ""
}

// groups sorts documents into witnesses of one text, in the order of their
// first member, and returns for each regulation group the groups that are
// other versions of it. Bodies are compared through memo.
func groups(docs []*model.Document, memo *Memo) ([]*group, map[*group][]*group) {
	var out []*group
	byKey := map[string][]*group{}
	editions := map[*model.Document]*edition{}
	ed := func(d *model.Document) *edition {
		if e, ok := editions[d]; ok {
			return e
		}
		e := &edition{date: latestDate(d), effect: effectDate(d), year: titleYear(d), doc: d}
		if e.effect < e.date {
			e.effect = "" // an amended text keeps the day its first version took effect
		}
		editions[d] = e
		return e
	}
	for _, d := range docs {
		key := groupKey(d)
		if key == "" {
			out = append(out, &group{docs: []*model.Document{d}})
			continue
		}
		var home *group
		for _, g := range byKey[key] {
			if sameText(g, d, ed, memo) {
				home = g
				break
			}
		}
		if home == nil {
			home = &group{}
			out = append(out, home)
			byKey[key] = append(byKey[key], home)
		}
		home.docs = append(home.docs, d)
	}
	return out, versions(byKey)
}

// versions links the groups of one regulation title: they are other
// editions of one another, unless one file prints both: two texts one file
// prints one after the other under one title are two texts (the source
// titled one by the other), not two versions to compare.
func versions(byKey map[string][]*group) map[*group][]*group {
	out := map[*group][]*group{}
	for _, gs := range byKey {
		if len(gs) < 2 || gs[0].docs[0].Kind != model.KindRegulation {
			continue
		}
		for _, g := range gs {
			for _, o := range gs {
				if o != g && !groupsShareSource(g, o) {
					out[g] = append(out[g], o)
				}
			}
		}
	}
	return out
}

// groupsShareSource reports whether a document of g and one of o come from
// one file.
func groupsShareSource(g, o *group) bool {
	for _, a := range g.docs {
		for _, b := range o.docs {
			if SharesSource(a, b) {
				return true
			}
		}
	}
	return false
}

// sameText reports whether d is another source of the group's text: from
// another file, of a compatible date, and with a similar body.
func sameText(g *group, d *model.Document, ed func(*model.Document) *edition, memo *Memo) bool {
	first := g.docs[0]
	for _, o := range g.docs {
		if SharesSource(o, d) {
			return false
		}
	}
	a, b := ed(first), ed(d)
	if ya, yb := a.yearOf(), b.yearOf(); ya != "" && yb != "" && ya != yb {
		return false
	}
	sim := func() float64 { return memo.similarity(a, b) }
	switch {
	case a.effect != "" && a.effect == b.effect:
		// An edition takes effect once: copies that give the same day
		// are one, whatever else one of them leaves out (its day of
		// publication, say).
		return sim() >= witnessSimilarity
	case a.date != "" && b.date != "":
		return a.date == b.date && sim() >= witnessSimilarity
	case a.date == "" && a.effect != "" || b.date == "" && b.effect != "":
		return false // a copy dated only by the day it takes effect, another day
	case a.date == "" && b.date == "" && d.Kind != model.KindRegulation:
		return sim() >= witnessSimilarity
	default:
		// A regulation without dates may be another version: only a
		// near-identical text is the same edition.
		return sim() >= undatedSimilarity
	}
}

// titleYear is the year a regulation's version mark names (DocumentYear);
// "" for any other document.
func titleYear(d *model.Document) string {
	if d.Kind != model.KindRegulation {
		return ""
	}
	return DocumentYear(d)
}

// ownTitle takes the version mark off the title of a regulation or a
// notice into VersionMark: a collector adds it to the title of the text
// (某条例2003 from a file name, 某批复（2000）, 刑法（2020年修订） as a
// heading), whose own title has none. An act that amends another keeps
// its year (宪法修正案（1988年）, see Amending), and an edition (（2019年版）)
// may be part of a list's own title, as is a year that ends a code (a
// standard's 规范GB 50016-2014, 规范 GB/T 1234 2014: see codeYear).
func ownTitle(d *model.Document) {
	if d.Kind != model.KindRegulation && d.Kind != model.KindNotice {
		return
	}
	bare, mark := splitMark(d.Title)
	if mark == "" || strings.Contains(mark, "版") {
		return
	}
	d.VersionMark = mark
	d.Title = bare
}

// codeYear reports whether mark, the version mark title ends in, is a
// bare year that ends a code: what precedes it (past spaces) is a '-',
// a '/', a Latin letter or a digit.
func codeYear(title, mark string) bool {
	if strings.ContainsAny(mark, "（(") {
		return false
	}
	rest := strings.TrimRight(strings.TrimSuffix(strings.TrimSpace(title), mark), " _\u3000")
	r, _ := utf8.DecodeLastRuneInString(rest)
	return r == '-' || r == '/' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// DocumentYear is the year a document's version mark names, as YYYY
// (VersionYear of its title when the mark is still on it); "" when it
// names none.
func DocumentYear(d *model.Document) string {
	if d.VersionMark != "" {
		return yearPattern.FindString(strings.Map(regulation.FoldRune, d.VersionMark))
	}
	return VersionYear(d.Title)
}

// ListedDate is the date a document is listed and found under: its own,
// the date it was issued, its dateline's, else the year its version mark
// names (YYYY), so that two versions a collector told apart by the year
// alone are not listed alike; "" when it has none of these.
func ListedDate(d *model.Document) string {
	switch {
	case d.Date != "":
		return d.Date
	case d.Published != "":
		return d.Published
	case d.Dateline != nil && d.Dateline.Date != "":
		return d.Dateline.Date
	}
	return DocumentYear(d)
}

var yearPattern = regexp.MustCompile(`[0-9]{4}`)

// SharesSource reports whether documents a and b come from one file (a
// file that prints two texts one after the other): such documents are
// neither versions nor parts of one another.
func SharesSource(a, b *model.Document) bool {
	for _, p := range a.Sources {
		for _, q := range b.Sources {
			if p.Path == q.Path {
				return true
			}
		}
	}
	return false
}

// Amending reports whether title names an act that amends another (宪法修正案
// （1988年）, 关于修改《X》的决定): such acts that differ only in their year are
// acts of their own, not versions of one text, so their year is no version
// mark.
func Amending(title string) bool {
	return amendingTitle.MatchString(title)
}

// amendingTitle matches the titles of amending acts.
var amendingTitle = regexp.MustCompile(`修正案|修改.*的决定|修订.*的决定`)

// versionMark matches what a title adds to name a version: a year at its
// end (条例2003, 条例_2018) or a bracketed revision note (（2018年修订）).
var versionMark = regexp.MustCompile(`(?:[_\s]*[0-9]{4}年?|[（(][0-9]{4}年?(?:修订|修正|修改|版)?[）)])$`)

// groupKey is what witnesses share: kind and title (with subtitle), folded
// and, for a regulation, as TitleKey gives it. Documents without a title
// are never grouped.
func groupKey(d *model.Document) string {
	t := fold(d.Title)
	if t == "" {
		return ""
	}
	if d.Kind == model.KindRegulation {
		t = TitleKey(d.Title)
	}
	return d.Kind + "\x00" + t + "\x00" + fold(d.Subtitle)
}

// statePrefix is what a national law's title may start with or leave out:
// 中华人民共和国刑法 and 刑法 are one title.
const statePrefix = "中华人民共和国"

// TitleKey is what the titles of the versions of one regulation share:
// the title folded, without its version mark (a trailing year, （2018年修订）)
// and without a leading 中华人民共和国.
func TitleKey(title string) string {
	t, _ := trailingMark(fold(title))
	if k := strings.TrimPrefix(t, statePrefix); k != "" {
		return k
	}
	return t
}

// BareTitle is a regulation's title as printed without its version mark:
// the title of the work its versions make.
func BareTitle(title string) string {
	bare, _ := splitMark(title)
	return bare
}

// VersionMark is the version mark a regulation's title ends in, without
// the spaces or underscore before it (2015 of 条例_2015, （2018年修订）);
// "" when it has none.
func VersionMark(title string) string {
	_, mark := splitMark(title)
	return mark
}

// trailingMark cuts a title into what its versions share and the year or
// revision note it ends in, the one reading of a title's mark that every
// use of it starts from: the mark is "" when the title ends in none, names
// an act that amends another (Amending: its year is its own), or when
// nothing would be left of the title. A code's year (规范GB 50016-2014)
// and an edition (（2019年版）) are such marks: versions of the standard or
// the list differ by them (TitleKey, VersionYear).
func trailingMark(title string) (bare, mark string) {
	t := strings.TrimSpace(title)
	if !mayEndInMark(t) || Amending(t) {
		return t, ""
	}
	loc := versionMark.FindStringIndex(t)
	if loc == nil {
		return t, ""
	}
	bare = strings.TrimSpace(t[:loc[0]])
	if bare == "" {
		return t, ""
	}
	return bare, strings.Trim(t[loc[0]:], " _\u3000")
}

// splitMark is trailingMark without a code's year, which is part of the
// title as printed and cited (规范GB 50016-2014, not 《规范GB 50016-》2014):
// the title and the mark a page or a citation prints after it.
func splitMark(title string) (bare, mark string) {
	bare, mark = trailingMark(title)
	if mark != "" && codeYear(title, mark) {
		return strings.TrimSpace(title), ""
	}
	return bare, mark
}

// VersionYear is the year a title's version mark names (2015 of
// 条例_2015, 2018 of 条例（2018年修订） or 条例（２０１８年修订）, 2014 of a
// code's 规范GB 50016-2014: trailingMark) as YYYY; "" when it names none.
func VersionYear(title string) string {
	_, mark := trailingMark(strings.Map(regulation.FoldRune, title))
	return yearPattern.FindString(mark)
}

// mayEndInMark reports whether a title ends as a version mark does: in
// a digit, 年 or a closing bracket. Most titles do not, and are spared the
// regular expressions (a site cites a title on every article page).
func mayEndInMark(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return r >= '0' && r <= '9' || r == '年' || r == '）' || r == ')'
}

// fold removes spaces and markup and folds punctuation widths.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000', '*', '_', '#':
			return -1
		}
		return regulation.FoldRune(r)
	}, s)
}

// latestDate is the latest day a document gives for making or changing
// its text: of its approval, publication or history, not the day it takes
// effect (effectDate), which one copy of a text may print and another
// not; a news item's date.
func latestDate(d *model.Document) string {
	best := ""
	for _, s := range append([]string{d.Published, dateOf(d.Approval)}, historyDates(d)...) {
		if s > best {
			best = s
		}
	}
	if best == "" && d.Kind != model.KindRegulation {
		best = d.Date
	}
	return best
}

// effectDate is the day a document takes effect: its own, else the
// latest a history line that only records it gives (2000年9月14日 施行).
func effectDate(d *model.Document) string {
	if d.ValidFrom != "" {
		return d.ValidFrom
	}
	best := ""
	for _, h := range d.History {
		if takesEffect(h) {
			best = max(best, dateOf(h))
		}
	}
	return best
}

func historyDates(d *model.Document) []string {
	var out []string
	for _, h := range d.History {
		if !takesEffect(h) {
			out = append(out, dateOf(h))
		}
	}
	return out
}

// takesEffect reports whether a history line only records the day the
// text takes effect (2000年9月14日 施行): that makes no edition.
func takesEffect(h string) bool {
	return strings.Contains(h, "施行") && !cndate.Enacts(h)
}

// dateOf returns the first date of a text as YYYY-MM-DD.
func dateOf(s string) string {
	d, _ := cndate.First(s)
	return d
}

// bodyGrams are the bigrams of a document's whole text, folded.
func bodyGrams(d *model.Document) []uint64 {
	var b strings.Builder
	for _, p := range d.Body {
		b.WriteString(p.Text)
	}
	return bigrams([]rune(fold(b.String())))
}
