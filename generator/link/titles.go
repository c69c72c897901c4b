package link

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"tiaoli/generator/cndate"
	"tiaoli/generator/compare"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
)

// titleIndex finds documents by the titles a citation uses: the full
// title, the title without its version mark or the title of the work a
// version belongs to (条例 for 条例2015), a short title (without 中华人民共和国
// or 中国共产党), a title without its issuer (关于…的解释 for 最高人民法院关于…
// 的解释) when one title alone reads so, or a title printed in 《》 inside
// another document's title (the news item that reports a notice,
// 联合印发《关于…的通知》).
// A document's own title is looked up before the others, so that 刑法
// finds 中华人民共和国刑法 before 刑法（2020年修订）; the versions of its
// work then compete by date (withVersions).
type titleIndex struct {
	docs       []*model.Document
	titles     []string // per document: its title, folded (normTitle)
	dates      []string // per document: its date, or its version's in its work
	versions   [][]int  // per document: the versions of its work, newest first
	own        titleTier
	other      titleTier // titles without version marks, and of works
	reported   map[string][]int
	issued     map[string][]int // by the title from its 关于, without the issuer before it
	renumbered []bool           // per document: its work renumbers (renumbers)
	parts      [][]int          // per document: the parts of its code (markParts), nil for a text printed whole
	articles   []lazyTexts      // per document: its articles as speaksOf reads them
	names      names
}

// titleTier finds documents by titles and their short forms.
type titleTier struct {
	exact, short map[string][]int
}

func newTitleTier() titleTier {
	return titleTier{exact: map[string][]int{}, short: map[string][]int{}}
}

// titlePrefixes are dropped to make a short title.
var titlePrefixes = []string{"中华人民共和国", "中国共产党"}

func newTitleIndex(docs []*model.Document, works []*model.Work, comparisons []*model.Comparison) *titleIndex {
	x := &titleIndex{docs: docs, titles: make([]string, len(docs)), dates: make([]string, len(docs)), versions: make([][]int, len(docs)),
		own: newTitleTier(), other: newTitleTier(), reported: map[string][]int{}, issued: map[string][]int{}, renumbered: make([]bool, len(docs))}
	at := make(map[string]int, len(docs))
	for i, d := range docs {
		at[d.ID] = i
		x.dates[i] = docDate(d)
		t := normTitle(d.ListedTitle())
		x.titles[i] = t
		x.add(x.own, t, i)
		if b := normTitle(reconcile.BareTitle(d.Title)); b != t && d.Kind == model.KindRegulation {
			x.add(x.other, b, i)
		}
		for _, ref := range scanRefs(d.Title) {
			if ref.Kind == refCitation && reports(d.Title[:ref.Start]) {
				c := normTitle(ref.Title)
				x.reported[c] = append(x.reported[c], i)
			}
		}
	}
	for _, w := range works {
		t := normTitle(w.Title)
		var versions []int
		for _, v := range w.Versions {
			if i, ok := at[v.Document]; ok {
				versions = append(versions, i)
			}
		}
		for _, v := range w.Versions {
			i, ok := at[v.Document]
			if !ok {
				continue
			}
			x.versions[i] = versions
			if x.dates[i] == "" {
				x.dates[i] = v.Date // a year alone when the title only names one
			}
			if !slices.Contains(x.own.exact[t], i) && !slices.Contains(x.other.exact[t], i) {
				x.add(x.other, t, i)
			}
		}
	}
	x.markRenumbered(comparisons, at)
	x.markParts()
	x.articles = make([]lazyTexts, len(docs))
	return x
}

// lazyTexts are the articles of a document prepared for speaksOf the first
// time a citation asks for them; the documents are linked in parallel.
type lazyTexts struct {
	once  sync.Once
	texts *compare.Texts
}

// articleTexts are the articles of document i, prepared for speaksOf.
func (x *titleIndex) articleTexts(i int) *compare.Texts {
	l := &x.articles[i]
	l.once.Do(func() {
		texts := make([]string, len(x.docs[i].Articles))
		for k, a := range x.docs[i].Articles {
			if a != nil {
				texts[k] = compare.Text(a)
			}
		}
		l.texts = compare.NewTexts(texts)
	})
	return l.texts
}

// markParts finds the codes printed as several files (民法典 总则, 物权编
// …): the regulations that share a title and a known date, each from a
// file of its own (two texts one file prints are no parts of one code:
// reconcile.SharesSource). Each part
// lists them all, itself among them, in corpus order, and so does its
// document's Parts, which later stages read (the search counts a citation
// of the whole code as one of every part).
func (x *titleIndex) markParts() {
	x.parts = make([][]int, len(x.docs))
	byName := map[[2]string][]int{}
	for i, d := range x.docs {
		d.Parts = nil
		if d.Kind == model.KindRegulation && x.titles[i] != "" && x.dates[i] != "" {
			k := [2]string{x.titles[i], x.dates[i]}
			byName[k] = append(byName[k], i)
		}
	}
	for _, is := range byName {
		if len(is) < 2 || x.shareSource(is) {
			continue
		}
		ids := make([]string, len(is))
		for k, i := range is {
			ids[k] = x.docs[i].ID
		}
		for _, i := range is {
			x.parts[i] = is
			x.docs[i].Parts = ids
		}
	}
}

// shareSource reports whether two of the documents is come from one file.
func (x *titleIndex) shareSource(is []int) bool {
	for k, i := range is {
		for _, j := range is[k+1:] {
			if reconcile.SharesSource(x.docs[i], x.docs[j]) {
				return true
			}
		}
	}
	return false
}

// add indexes document i in a tier under a normalised title and its
// short forms, and by the title without its issuer.
func (x *titleIndex) add(tier titleTier, t string, i int) {
	if t == "" {
		return
	}
	tier.exact[t] = append(tier.exact[t], i)
	if k := strings.Index(t, "关于"); k > 0 && !strings.Contains(t[:k], "《") {
		x.issued[t[k:]] = append(x.issued[t[k:]], i)
	}
	for _, p := range titlePrefixes {
		if s := strings.TrimPrefix(t, p); s != t && runeCount(s) >= 2 {
			tier.short[s] = append(tier.short[s], i)
		}
	}
}

// date is the date of document i that picks among versions: its own, or
// the one its work gives it.
func (x *titleIndex) date(i int) string { return x.dates[i] }

// reportVerbs, right before a title in 《》 inside another title (with 了
// or not), show that the document reports or carries it (印发《…》),
// rather than applies or amends it (关于适用《…》的解释, 关于修改《…》的决定).
var reportVerbs = append(cndate.IssuingVerbs(), "出台", "下发")

func reports(before string) bool {
	before = strings.TrimSuffix(strings.TrimSpace(before), "了")
	for _, v := range reportVerbs {
		if strings.HasSuffix(before, v) {
			return true
		}
	}
	return false
}

// normTitle folds the spellings titles vary in: brackets and quotes of
// either width, spaces, a trailing （试行）-like note kept. A title with
// nothing to fold comes back as it is, without a copy: most titles it is
// given are folded already (linking looks up every tail of every title
// the corpus knows, each a folded title's tail).
func normTitle(t string) string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "《")
	t = strings.TrimSuffix(t, "》")
	if titleFolded(t) {
		return t
	}
	var b strings.Builder
	for _, r := range t {
		if f, ok := titleRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// titleFolded reports whether normTitle's folding leaves t as it is:
// titleRune keeps every rune as it is, and no byte is not UTF-8 (which
// the folding writes as U+FFFD).
func titleFolded(t string) bool {
	for _, r := range t {
		if f, ok := titleRune(r); !ok || f != r || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// titleRune is what normTitle writes for the rune r of a title, ok false
// for nothing (a space): the marks of a title inside a title, 〈〉 and the
// angle brackets <> or ＜＞ some sources print for them (《关于<中华人民共和国
// 刑法>第九章…的解释》), as 《》, the rest folded (fold).
func titleRune(r rune) (rune, bool) {
	switch r {
	case ' ', '　', '\t', '\n':
		return 0, false
	case '〈', '<', '＜':
		r = '《'
	case '〉', '>', '＞':
		r = '》'
	}
	return fold(r), true
}

// lookup returns the document a title names, or -1. Among several (dated
// versions of one law) it takes the latest not after date, when known.
func (x *titleIndex) lookup(title, date string) int {
	t := normTitle(title)
	if t == "" {
		return -1
	}
	for _, tier := range []titleTier{x.own, x.other} {
		if ds := tier.find(t); len(ds) > 0 {
			return x.opening(x.version(x.withVersions(title, ds), date))
		}
	}
	if ds := x.reported[t]; len(ds) > 0 {
		return ds[0]
	}
	if ds := x.issued[t]; len(ds) > 0 && x.oneTitle(ds) {
		return x.opening(x.version(ds, date))
	}
	return -1
}

// opening is, among document i and the other parts of its code (markParts:
// one code printed as several files, 民法典 总则, 物权编 …), the one that
// holds 第一条: where a citation of the whole code starts. A
// 第X条 after the citation is then looked for in the part that holds it
// (part); i when none holds 第一条, or i does.
func (x *titleIndex) opening(i int) int {
	return x.part(i, label.Parts{Article: 1}, false)
}

// withVersions adds to the documents a title names the other versions of
// their works, when the title is cited without a version mark: 刑法 finds
// 中华人民共和国刑法 by its own title, and 刑法（2020年修订）, a version of
// the same work, is as much a candidate for a citation of 2021. A title
// cited with its mark (《刑法（2020年修订）》) names that version alone.
func (x *titleIndex) withVersions(title string, ds []int) []int {
	if reconcile.VersionMark(normTitle(title)) != "" {
		return ds
	}
	out := ds
	for _, i := range ds {
		for _, j := range x.versions[i] {
			if !slices.Contains(out, j) {
				out = append(slices.Clip(out), j)
			}
		}
	}
	return out
}

// find returns the documents of a normalised title: by the title, by its
// short form, or by the title with a dropped prefix.
func (tier titleTier) find(t string) []int {
	if ds := tier.exact[t]; len(ds) > 0 {
		return ds
	}
	if ds := tier.short[t]; len(ds) > 0 {
		return ds
	}
	for _, p := range titlePrefixes {
		if ds := tier.exact[p+t]; len(ds) > 0 {
			return ds
		}
	}
	return nil
}

// oneTitle reports whether documents share one title (without its version
// mark): the versions of one text, not the acts of several issuers.
func (x *titleIndex) oneTitle(ds []int) bool {
	first := normTitle(reconcile.BareTitle(x.docs[ds[0]].Title))
	for _, i := range ds[1:] {
		if normTitle(reconcile.BareTitle(x.docs[i].Title)) != first {
			return false
		}
	}
	return true
}

// part returns the document that holds 第X条 (and the 款 and item p
// names) among document i and the other parts of its code (markParts: one
// code printed as several files, 民法典 总则, 物权编, 合同编 …);
// i when none or i does. For a citing text of no known date (undated) it
// also looks among the other versions of i's work, newest first: the
// 第一百七十四条 of a 条例 whose newest version has 142 articles is an older
// version's, and so is the 第三十三条第三款 of a law whose newest 第三十三条
// has two 款. A document that holds the whole place comes before one that
// holds only the article.
func (x *titleIndex) part(i int, p label.Parts, undated bool) int {
	for _, whole := range []bool{true, false} {
		if j := x.holder(i, p, undated, whole); j >= 0 {
			return j
		}
	}
	return i
}

// holder is the first of i, the other parts of its code, and (undated) the versions of its work that holds the article of p, or
// with whole its 款 and item too; -1 when none does.
func (x *titleIndex) holder(i int, p label.Parts, undated, whole bool) int {
	holds := func(j int) bool {
		ai := findArticle(x.docs[j], p.Article, p.Suffix)
		if ai < 0 {
			return false
		}
		_, problem := locate(x.docs[j], ai, p)
		return !whole || problem == ""
	}
	if holds(i) {
		return i
	}
	for _, j := range x.parts[i] {
		if j != i && holds(j) {
			return j
		}
	}
	if undated {
		for _, j := range x.versions[i] {
			if j != i && holds(j) {
				return j
			}
		}
	}
	return -1
}

// predates reports whether a citation made at date comes in a year before
// that of every dated version of document i's work the corpus holds: the
// version it means is not in the corpus. Years, not days, compare: a text
// may be dated by the first day of a year it prints (readingDate). An
// unknown date predates nothing.
func (x *titleIndex) predates(i int, date string) bool {
	year := cndate.Year(date)
	if year == "" || cndate.Year(x.dates[i]) <= year {
		return false
	}
	for _, j := range x.versions[i] {
		if x.dates[j] != "" && cndate.Year(x.dates[j]) <= year {
			return false
		}
	}
	return true
}

// renumbers reports whether the versions of document i's work show that
// it renumbered its articles from one version to the next: the alignment
// of two consecutive versions the corpus holds pairs an article with one
// of another number (compare.Renumbers). An amendment that inserts 第X条之一
// or drops the last articles renumbers nothing; a work held in one version
// shows nothing.
func (x *titleIndex) renumbers(i int) bool { return x.renumbered[i] }

// markRenumbered marks every version of a work some comparison of whose
// versions renumbers (compare.Renumbers).
func (x *titleIndex) markRenumbered(comparisons []*model.Comparison, at map[string]int) {
	for _, c := range comparisons {
		i, ok := at[c.To]
		if !ok || x.renumbered[i] || !compare.Renumbers(c) {
			continue
		}
		x.renumbered[i] = true
		for _, j := range x.versions[i] {
			x.renumbered[j] = true
		}
	}
}

// version picks among documents of one title: regulations first, then the
// latest dated not after date, then the first.
func (x *titleIndex) version(ds []int, date string) int {
	best := -1
	for _, i := range ds {
		if best < 0 || x.better(i, best, date) {
			best = i
		}
	}
	return best
}

// better reports whether document i is a better pick than j for a
// citation made at date. Dates compare as text, so a version known only by
// its year (2015) counts from the start of that year.
func (x *titleIndex) better(i, j int, date string) bool {
	ra, rb := x.docs[i].Kind == model.KindRegulation, x.docs[j].Kind == model.KindRegulation
	if ra != rb {
		return ra
	}
	da, db := x.dates[i], x.dates[j]
	okA := da != "" && (date == "" || da <= date)
	okB := db != "" && (date == "" || db <= date)
	if okA != okB {
		return okA
	}
	return okA && da > db
}

// readingDate is the date a document is read at when it cites a law
// without a date: known, its own date (or its version's in its work); for
// a document that gives none (a commentary clipped without its date) the
// day it takes effect, else for a regulation or notice the first day of
// the year its title's version mark names (批复（2000）, 刑法（2020年修订）;
// a headline's closing year may be a goal's), else the latest full date
// its history or text prints, after which it was written, else the first
// day of the latest year it prints (2019年); "" when it prints none
// either. The version of the law in force then is the one it means: a
// commentary that speaks of 2021年9月20日 and no later day cites the 监察法
// of 2018, not its revision of 2024.
func readingDate(known string, d *model.Document, texts []text) string {
	if date := cmp.Or(known, d.ValidFrom); date != "" {
		return date
	}
	if year := reconcile.DocumentYear(d); year != "" && (d.Kind == model.KindRegulation || d.Kind == model.KindNotice) {
		return year + "-01-01"
	}
	latest, year := "", ""
	for _, h := range d.History {
		latest = max(latest, cndate.Latest(h))
	}
	for _, t := range texts {
		latest = max(latest, cndate.Latest(t.p.Text))
		year = max(year, cndate.LatestYear(t.p.Text))
	}
	if latest == "" && year != "" {
		return year + "-01-01" // it speaks of 2019年 and of no day
	}
	return latest
}

// docDate is the date that places document d among the versions of its
// work, and a citation it makes: the later of its publication and its
// date, so that a text printed with the publication of an earlier version
// and a later amendment is dated by the amendment.
func docDate(d *model.Document) string {
	return max(d.Published, d.Date)
}

// normativeSuffixes end the titles of documents an editor could add to the
// corpus (laws, rules, notices …), as opposed to newspapers or books.
var normativeSuffixes = []string{
	"法", "法典", "条例", "规定", "办法", "细则", "规则", "决定", "意见", "通知", "决议", "规划", "纲要", "准则",
	"解释", "批复", "章程", "公约", "协定", "方案", "指引", "标准", "目录", "清单", "制度", "守则", "规范", "通告",
	"公告", "纪要", "答复", "通则", "规程", "条约", "议定书", "要点", "指南", "修正案", "措施", "意见稿", "复函", "函",
}

// issuedPaperSuffixes end the titles of papers an authority issues to
// someone: certificates, licences, notices and forms.
var issuedPaperSuffixes = []string{
	"证", "证书", "证件", "证明", "执照", "通知书", "决定书", "告知书", "裁定书", "判决书", "调解书",
	"凭证", "收据", "登记表", "申请表", "审批表", "登记卡",
}

// isIssuedPaper reports whether a cited title names a paper issued to
// someone (某某经营许可证, 营业执照, 责令改正通知书) rather than a document
// that could be collected: a normative title (isNormative) never does.
func isIssuedPaper(title string) bool {
	t := titleCore(title)
	if isNormative(t) {
		return false
	}
	for _, s := range issuedPaperSuffixes {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

// isNormative reports whether a cited title names a normative document:
// it ends (before a bracketed note such as （试行）) with one of the
// suffixes.
func isNormative(title string) bool {
	t := titleCore(title)
	for _, s := range normativeSuffixes {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

// titleCore is a title without the bracketed notes after it: 某某办法 of
// 某某办法（试行）.
func titleCore(title string) string {
	t := normTitle(title)
	for strings.HasSuffix(t, ")") {
		o := strings.LastIndex(t, "(")
		if o <= 0 {
			break
		}
		t = t[:o]
	}
	return t
}

// specificNouns are the words after 上述 or 该 that name one kind of
// document, by the word its title ends with: 上述法律 and 该法 name a 法,
// 该解释 a 解释. The other nouns (上述规定, 上述规则, 上述文件, 上述法规) name
// any normative document: 上述规则 often means a 规定's rules.
var specificNouns = map[string]string{
	"法": "法", "法律": "法", "法典": "法典", "条例": "条例", "暂行条例": "条例", "办法": "办法", "实施办法": "办法",
	"暂行办法": "办法", "细则": "细则", "实施细则": "细则", "准则": "准则", "决定": "决定",
	"解释": "解释", "意见": "意见", "通知": "通知", "规范": "规范", "规程": "规程", "章程": "章程", "纲要": "纲要",
	"守则": "守则", "公约": "公约", "协定": "协定", "决议": "决议", "方案": "方案", "指引": "指引", "修正案": "修正案",
	"暂行规定": "规定", "制度": "制度",
}

// namesKind reports whether title is a document that noun, printed after
// 上述 or 该, can name: a normative document whose title ends as the noun
// says (上述法律: a title ending in 法).
func namesKind(title, noun string) bool {
	if !isNormative(title) {
		return false
	}
	end, specific := specificNouns[noun]
	return !specific || strings.HasSuffix(titleCore(title), end)
}

// isGenericTitle reports whether a title is only a kind of document
// (《通知》, 《条例》, 新《条例》's 条例): an abbreviation, meaningless
// unless the document defines it.
func isGenericTitle(title string) bool {
	t := normTitle(title)
	n := runeCount(t)
	if n > 4 {
		return false
	}
	for _, s := range normativeSuffixes {
		if t == s {
			return true
		}
	}
	return false
}

// amendedTitle returns the title of the document a document amends (关于
// 修改《X》的决定, X修正案), whose articles its 第X条 then name; "".
func amendedTitle(d *model.Document) string {
	t := d.Title
	if i := strings.Index(t, "修改《"); i >= 0 {
		rest := t[i+len("修改"):]
		if refs := scanRefs(rest); len(refs) > 0 && refs[0].Kind == refCitation && refs[0].Start == 0 {
			return refs[0].Title
		}
	}
	if i := strings.Index(t, "修正案"); i > 0 {
		return t[:i]
	}
	return ""
}
