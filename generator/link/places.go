package link

import (
	"fmt"
	"strconv"
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/compare"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
)

// article resolves 第五条 (with its 款 and 项) in the document it names.
func (r *docRefs) article(ref *model.Reference, raw rawRef, ti int) bool {
	ref.Kind = kindName(raw.P)
	dst, ok := r.destOf(raw, ti)
	if !ok {
		return false
	}
	if raw.Qual != qualNone {
		r.lastOther = lastDest{ti, dst}
	}
	if r.newCtx && r.titleOf(dst) == r.l.docs[r.di].Title {
		dst = dest{doc: r.di} // 在《解释》第二条中增加一款，作为第二款: the new 第二条
	} else if r.namesUnamended(dst, ti, raw.Start, raw.End) {
		// the amendment cites the text it amends
		held := false
		if dst, held = r.earlierVersion(r.titleOf(dst), "", "", true); !held {
			r.notHeld(ref)
			return true
		}
	}
	if dst.doc < 0 {
		ref.External, ref.Title = true, dst.title
		if dst.title == "" {
			ref.Problem = fmt.Sprintf("no known title ends the words %s before %s", raw.Title, label.ArticleText(raw.P.Article, raw.P.Suffix))
		}
		return true
	}
	if r.namesPrior(ti, raw) && !r.toPrior(ref, &dst) {
		return true
	}
	if raw.Qual != qualNone {
		dst.doc = r.l.titles.part(dst.doc, raw.P, r.l.titles.date(r.di) == "")
	}
	d := r.l.docs[dst.doc]
	ai := findArticle(d, raw.P.Article, raw.P.Suffix)
	if ai < 0 && raw.Qual == qualNone {
		if alt, ok := r.otherLaw(ti); ok && (alt.doc < 0 || findArticle(r.l.docs[alt.doc], raw.P.Article, raw.P.Suffix) >= 0) {
			raw.Qual = qualThat
			saved := r.last
			r.last = alt
			defer func() { r.last = saved }()
			return r.article(ref, raw, ti)
		}
	}
	if ai < 0 && raw.Qual != qualNone && raw.Qual != qualSelf {
		if loc, ok := numberedSection(d, raw); ok {
			ref.To = &loc
			return true
		}
	}
	if ai < 0 {
		// No target: a link labelled 第X条 that lands on the top of the
		// document would be false. The reference stays, unresolved, for
		// the editor's report.
		ref.Problem = fmt.Sprintf("no %s in %s", label.ArticleText(raw.P.Article, raw.P.Suffix), describe(d))
		return true
	}
	r.targets = append(r.targets, dst.doc) // its 款 and items are read
	loc, problem := locate(d, ai, raw.P)
	if problem == "" && r.laterThanCited(dst.doc) {
		problem = r.earlierText(dst.doc, ai, raw, ti, r.l.dates[r.di])
	}
	ref.To, ref.Problem = &loc, problem
	if raw.Through != nil {
		end := *raw.Through
		if end.Article == 0 {
			end.Article, end.Suffix = raw.P.Article, raw.P.Suffix
		}
		if aj := findArticle(d, end.Article, end.Suffix); aj == ai {
			ref.Through = rangeEnd(d, aj, loc, &end)
		} else if aj >= 0 {
			through, _ := locate(d, aj, end)
			ref.Through = &through
		}
	}
	return true
}

// numberedSection is the place of 第六条 in a regulation that numbers its
// parts 一、二、 instead of 条 (an amendment: 《刑法修正案（六）》第三条; an
// opinion of a court): its sixth section of the outermost level. A range,
// a 款 or an item inside such a section is not placed (its paragraphs are
// not numbered as 款). Only another document's parts are read so: 本解释第七条
// quoted in a decision that amends several texts is one of theirs.
func numberedSection(d *model.Document, raw rawRef) (model.Location, bool) {
	if d.Kind != model.KindRegulation || len(d.Articles) > 0 || raw.Through != nil ||
		raw.P.Para > 0 || raw.P.Item > 0 || raw.P.Suffix > 0 {
		return model.Location{}, false
	}
	for i, sec := range d.Sections {
		if it, ok := label.ReadItem(sec.Label); ok && it.Kind == label.HanItem && it.N == raw.P.Article {
			return model.Location{Document: d.ID, Section: strconv.Itoa(i + 1)}, true
		}
	}
	return model.Location{}, false
}

// lastDest is the document the last qualified 第X条 named, and its text.
type lastDest struct {
	text int
	dst  dest
}

// otherLaw is the law a bare 第X条 that its own document lacks most
// likely names: the law a 第X条 before it in the same text named (合同法第
// 五十五条规定的…、第七十五条), else the law a judicial interpretation
// applies (关于适用《X》…的解释).
func (r *docRefs) otherLaw(ti int) (dest, bool) {
	if r.lastOther.text == ti && (r.lastOther.dst.doc >= 0 || r.lastOther.dst.title != "") && r.lastOther.dst.doc != r.di {
		return r.lastOther.dst, true
	}
	if t := appliedTitle(r.l.docs[r.di].Title); t != "" {
		return r.lookup(t, citedYear{}), true
	}
	return noDest, false
}

// appliedTitle is X of a title "…适用《X》…" or "…执行《X》…": the law an
// interpretation applies.
func appliedTitle(title string) string {
	i := strings.Index(title, "适用《")
	if i < 0 {
		i = strings.Index(title, "执行《")
	}
	if i < 0 {
		return ""
	}
	refs := scanRefs(title[i+len("适用"):])
	if len(refs) == 0 || refs[0].Kind != refCitation || refs[0].Start != 0 {
		return ""
	}
	return refs[0].Title
}

func kindName(p label.Parts) string {
	switch {
	case p.Item > 0:
		return "item"
	case p.Para > 0:
		return "paragraph"
	}
	return "article"
}

func describe(d *model.Document) string {
	if d.Title != "" {
		return "《" + d.Title + "》"
	}
	return "document " + d.ID
}

// findArticle returns the index of 第number条之suffix in d, or -1.
func findArticle(d *model.Document, number, suffix int) int {
	for i, a := range d.Articles {
		if a != nil && a.Number == number && a.Suffix == suffix {
			return i
		}
	}
	return -1
}

// locate is the place of paragraph, item and subitem p inside article ai
// of d, and what is missing when one does not exist. A place that does
// not exist is still named, by its numbers (第五条第三款 of an article of
// two 款 is Paragraph 3), so that it resolves nowhere: the article alone
// is not what the reference names.
func locate(d *model.Document, ai int, p label.Parts) (model.Location, string) {
	a := d.Articles[ai]
	loc := model.Location{Document: d.ID, Article: a.Label}
	if p.Para == 0 && p.Item == 0 {
		return loc, ""
	}
	if p.Para == 0 { // 第五条第（三）项: the first paragraph with that item
		for ci, c := range a.Clauses {
			if ii := findItem(c, p.Item); ii >= 0 {
				loc.Paragraph, loc.Item = ci+1, ii+1
				return loc, ""
			}
		}
		loc.Item = p.Item
		return loc, fmt.Sprintf("%s has no item %d", a.Label, p.Item)
	}
	loc.Paragraph = p.Para
	if p.Para > len(a.Clauses) {
		loc.Item = p.Item
		return loc, a.Label + " has no " + label.Text(label.Paragraph, p.Para)
	}
	if p.Item == 0 {
		return loc, ""
	}
	ii := findItem(a.Clauses[p.Para-1], p.Item)
	if ii < 0 {
		loc.Item = p.Item
		return loc, a.Label + label.Text(label.Paragraph, p.Para) + " has no " + label.Text(label.Item, p.Item)
	}
	loc.Item = ii + 1
	return loc, ""
}

// findItem returns the index of the item numbered n in c, or -1.
func findItem(c *model.Clause, n int) int {
	if c == nil {
		return -1
	}
	for i, it := range c.Items {
		if it != nil && (it.Number == n || (it.Number == 0 && i+1 == n)) {
			return i
		}
	}
	return -1
}

// local resolves the references that name a place relative to the text:
// 第二款, 第（三）项, 前款, 前两条, 前项, 本条, 本款, 本项. They need the text
// to be inside an article.
func (r *docRefs) local(ref *model.Reference, raw rawRef, t text) bool {
	d := r.l.docs[r.di]
	if t.art < 0 || r.amends {
		return false
	}
	a := d.Articles[t.art]
	p := raw.P
	ai := t.art
	ref.Kind = kindName(p)
	switch raw.Kind {
	case refParagraph, refThisArticle:
	case refItem:
		p.Para = t.clause + 1
		if raw.P.Para > 0 {
			p.Para = raw.P.Para
		} else {
			p.Para = itemOwner(a, t.clause, p.Item)
		}
	case refThisParagraph:
		p.Para = t.clause + 1
	case refThisItem:
		if t.item < 0 {
			return r.missing(ref, d, "本项 outside an item")
		}
		p.Para, p.Item = t.clause+1, itemNumber(a, t)
	case refPrevArticle:
		ref.Kind = "article"
		return r.prevArticle(ref, raw, t)
	case refPrevParagraph:
		ref.Kind = "paragraph"
		return r.prevParagraph(ref, raw, t)
	case refPrevItem:
		return r.prevItem(ref, raw, t)
	}
	loc, problem := locate(d, ai, p)
	ref.To, ref.Problem = &loc, problem
	ref.Kind = kindName(p)
	ref.Through = rangeEnd(d, ai, loc, raw.Through)
	return true
}

// rangeEnd is the place of the end of a range inside article ai of d
// (本条第一款至第四款, 前款第四项至第六项), nil when there is no range. An
// end that leaves out its paragraph is in the paragraph of the start,
// from.
func rangeEnd(d *model.Document, ai int, from model.Location, end *label.Parts) *model.Location {
	if end == nil {
		return nil
	}
	p := *end
	if p.Item > 0 && p.Para == 0 {
		p.Para = from.Paragraph
	}
	through, _ := locate(d, ai, p)
	return &through
}

// itemOwner returns the 1-based paragraph that holds item n for a text of
// paragraph ci (0-based): that paragraph when it has the item, else the
// nearest paragraph before it that does (a paragraph after a list refers
// to the list's items: 存在第一项、第四项情形的…), else ci+1.
func itemOwner(a *model.Article, ci, n int) int {
	for i := ci; i >= 0; i-- {
		if findItem(a.Clauses[i], n) >= 0 {
			return i + 1
		}
	}
	return ci + 1
}

func itemNumber(a *model.Article, t text) int {
	it := a.Clauses[t.clause].Items[t.item]
	if it.Number > 0 {
		return it.Number
	}
	return t.item + 1
}

func (r *docRefs) missing(ref *model.Reference, d *model.Document, problem string) bool {
	ref.To = &model.Location{Document: d.ID, Article: ref.From.Article}
	ref.Problem = problem
	return true
}

// prevParagraph resolves 前款 (the paragraph before the one the text is
// in) and 前N款 (the N before it, as a range).
func (r *docRefs) prevParagraph(ref *model.Reference, raw rawRef, t text) bool {
	d := r.l.docs[r.di]
	first := t.clause - raw.Back // 0-based
	if first < 0 {
		return r.missing(ref, d, ref.Text+" in "+label.Text(label.Paragraph, t.clause+1)+" of "+ref.From.Article)
	}
	p := raw.P
	p.Para = first + 1
	if p.Item > 0 && raw.Back == 1 {
		p.Para = itemOwner(d.Articles[t.art], first, p.Item)
	}
	loc, problem := locate(d, t.art, p)
	ref.To, ref.Problem = &loc, problem
	if raw.Back > 1 {
		through, _ := locate(d, t.art, label.Parts{Para: t.clause})
		ref.Through = &through
	} else {
		ref.Through = rangeEnd(d, t.art, loc, raw.Through)
	}
	if p.Item > 0 {
		ref.Kind = "item"
	}
	return true
}

// prevArticle resolves 前条 and 前N条 by position.
func (r *docRefs) prevArticle(ref *model.Reference, raw rawRef, t text) bool {
	d := r.l.docs[r.di]
	first := t.art - raw.Back
	if first < 0 {
		return r.missing(ref, d, fmt.Sprintf("%s in the first article", ref.Text))
	}
	loc, problem := locate(d, first, raw.P)
	ref.To, ref.Problem = &loc, problem
	if raw.Back > 1 {
		through, _ := locate(d, t.art-1, label.Parts{})
		ref.Through = &through
	} else {
		ref.Through = rangeEnd(d, first, loc, raw.Through)
	}
	return true
}

// prevItem resolves 前项 inside an item: the item before it.
func (r *docRefs) prevItem(ref *model.Reference, raw rawRef, t text) bool {
	d := r.l.docs[r.di]
	ref.Kind = "item"
	if t.item-raw.Back < 0 {
		return r.missing(ref, d, fmt.Sprintf("%s without an item before it", ref.Text))
	}
	loc := model.Location{Document: d.ID, Article: ref.From.Article, Paragraph: t.clause + 1, Item: t.item - raw.Back + 1}
	ref.To = &loc
	if raw.Back > 1 {
		through := loc
		through.Item = t.item
		ref.Through = &through
	}
	return true
}

// above resolves 上述… to the references of the nearest sentence before it
// (in the same article, or the same or previous two paragraphs) that cites
// what the noun names: documents, or articles for 上述条款. It points at a
// place only when that sentence cites one thing of the kind the noun
// names (上述法律: a 法) and, in its own sentence, that citation stands
// right before it (《某某法》上述规定, 《某某法》的上述规定; 《规则》与上述文件相比
// compares 《规则》 with what was cited elsewhere). After several (上述法规
// after two titles) it keeps them as antecedents and points nowhere: no
// one link would be true.
func (r *docRefs) above(ref *model.Reference, ti int, raw rawRef) bool {
	ref.Kind = "above"
	articles := strings.Contains("条款各条各款", raw.Title)
	t := r.l.texts[r.di][ti]
	var group []made
	for i := len(r.made) - 1; i >= 0 && i >= len(r.made)-50; i-- {
		m := r.made[i]
		if !near(m, t, ti) {
			break
		}
		if m.kind == refAbove || (m.kind == refCitation) == articles {
			continue
		}
		if len(group) > 0 && !sameSentence(r.l.texts[r.di][m.text].p.Text, m, group[0]) {
			break
		}
		group = append(group, m)
	}
	if len(group) == 0 {
		return false
	}
	for i := len(group) - 1; i >= 0; i-- {
		ref.Antecedents = append(ref.Antecedents, group[i].index)
	}
	if len(group) > 1 {
		return true // several: named in the antecedents, linked nowhere
	}
	a := r.refs[group[0].index]
	if group[0].text == ti && !r.standsBefore(group[0], t.p.Text, raw.Start) {
		return false // 《规则》与上述文件相比: what it means was cited elsewhere
	}
	if !articles && !namesKind(r.antecedentTitle(a), raw.Title) {
		return false // 上述通知 after 《…通知书》, 上述法律 after a 解释
	}
	ref.External, ref.Title, ref.To = a.External, a.Title, a.To
	return true
}

// standsBefore reports whether the reference m, in the sentence of a
// 上述 at start, ends right before it, or with only 的 between.
func (r *docRefs) standsBefore(m made, s string, start int) bool {
	from, _ := sentence(s, start, start)
	if m.start < from {
		return true // an earlier sentence of the same text
	}
	between := strings.TrimSpace(s[r.refs[m.index].From.End:start])
	return between == "" || between == "的"
}

// antecedentTitle is the title of the document a citation points at.
func (r *docRefs) antecedentTitle(a model.Reference) string {
	if a.To != nil {
		if d := r.l.c.Document(a.To.Document); d != nil {
			return d.Title
		}
	}
	return a.Title
}

// near reports whether an earlier reference is close enough to text ti for
// 上述 to point back to it.
func near(m made, t text, ti int) bool {
	if t.art >= 0 {
		return m.art == t.art
	}
	return ti-m.text <= 2
}

func sameSentence(s string, a, b made) bool {
	if a.text != b.text {
		return false
	}
	from, to := sentence(s, a.start, a.start)
	return b.start >= from && b.start < to
}

// earlierText is the problem of a 第X条 cited at date, before every
// version of document i's work the corpus holds, which it finds at index
// ai of i: the version in force then is not in the corpus, and the one it
// holds may number or word that article otherwise. When the versions it
// holds renumber their articles, its 第X条 was most likely another article
// then (a text of 2020 citing a code the corpus holds as revised in 2021
// and 2023). A law held in one version shows nothing of its history: the
// article is taken when the citing sentence speaks of it (speaksOf), else
// it is not linked. "" when the article is taken; the site notes the
// later text (lookup.LaterVersion).
func (r *docRefs) earlierText(i, ai int, raw rawRef, ti int, date string) string {
	if r.l.titles.renumbers(i) {
		return fmt.Sprintf("cited on %s, before every version of %s the corpus holds, which renumber their articles", date, describe(r.l.docs[i]))
	}
	if len(r.l.titles.versions[i]) >= 2 {
		return ""
	}
	r.worded = append(r.worded, i) // for a Memo: its words are read
	if !speaksOf(r.l.texts[r.di][ti].p.Text, raw, r.l.docs[i], r.l.titles.articleTexts(i), ai) {
		return fmt.Sprintf("cited on %s, before the only version of %s the corpus holds, whose %s shares too little with the citing sentence",
			date, describe(r.l.docs[i]), r.l.docs[i].Articles[ai].Label)
	}
	return ""
}

// laterThanCited reports whether document i, when the document linked
// cites one of its articles, is a later version than the one cited
// (earlierText): the article may be another, the law is the one cited,
// and so is the 本法 of the words quoted from it.
func (r *docRefs) laterThanCited(i int) bool {
	return i >= 0 && i != r.di && r.l.titles.predates(i, r.l.dates[r.di])
}

// Bounds of speaksOf: the article must be among the closest articles of
// its law to the citing sentence, and hold a part of its weight.
const (
	closestArticles = 3
	minShare        = 0.1
)

// speaksOf reports whether the sentence of text around a reference raw to
// article ai of law d (whose articles are articles) speaks of that
// article: among the articles of d, ai is one of the closest few to the
// sentence (compare.Texts.Shares: the rare
// words of the sentence are found in it: 抵免限额, 临时用地), and holds at
// least a tenth of its weight. The references of the sentence and the
// cited title do not count: they name, they do not say.
func speaksOf(text string, raw rawRef, d *model.Document, articles *compare.Texts, ai int) bool {
	from, to := sentence(text, raw.Start, raw.End)
	s := text[from:to]
	var b strings.Builder
	pos := 0
	for _, ref := range scanRefs(s) {
		b.WriteString(s[pos:ref.Start])
		b.WriteString("|")
		pos = ref.End
	}
	b.WriteString(s[pos:])
	said := b.String()
	for _, t := range []string{raw.Title, d.Title, reconcile.BareTitle(d.Title)} {
		for _, p := range append([]string{""}, titlePrefixes...) {
			if t = strings.TrimPrefix(t, p); t != "" {
				said = strings.ReplaceAll(said, t, "|")
			}
		}
	}
	shares := articles.Shares(said)
	closer := 0
	for _, sh := range shares {
		if sh > shares[ai] {
			closer++
		}
	}
	return closer < closestArticles && shares[ai] >= minShare
}

// priorWords, right before the name of a law whose article is cited, say
// that the text cited is the one before the revision in force when the
// citing text was made (适用修订前的刑法第七十三条的规定): an amending
// verb of cndate's, then 前的.
var priorWords = func() []string {
	var ws []string
	for _, v := range cndate.AmendingVerbs() {
		ws = append(ws, v+"前的")
	}
	return ws
}()

// namesPrior reports whether the 第X条 raw of text ti follows the name of
// another law (刑法第十条, 《刑法》第十条) that priorWords qualify.
func (r *docRefs) namesPrior(ti int, raw rawRef) bool {
	before := r.l.texts[r.di][ti].p.Text[:raw.Start]
	switch raw.Qual {
	case qualNamed:
		_, tail := r.namedTitle(raw.Title, ti, raw.Start)
		if tail == "" {
			return false
		}
		before = strings.TrimSuffix(before, tail)
	case qualCitation:
		i := strings.LastIndex(before, "《")
		if i < 0 || !strings.HasSuffix(before, "》") {
			return false
		}
		before = before[:i]
	default:
		return false
	}
	return afterPrior(before)
}

// afterPrior reports whether before ends in priorWords.
func afterPrior(before string) bool {
	for _, w := range priorWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// priorVersion is the version of document i's work before the one in
// force when this document was made: held is false when the corpus does
// not hold it, dst then being the version in force (when held) or i.
func (r *docRefs) priorVersion(i int) (dst dest, held bool) {
	x := r.l.titles
	cited := r.l.dates[r.di]
	if x.dates[i] == "" || cited == "" || x.dates[i] > cited {
		return dest{doc: i}, false // the version in force then is not held: nor is the one before it
	}
	j := x.version(x.versions[i], cndate.DayBefore(x.dates[i])) // the one in force the day before i
	if j < 0 || x.dates[j] == "" || x.dates[j] >= x.dates[i] {
		return dest{doc: i}, false
	}
	return dest{doc: j}, true
}

// toPrior moves dst to the version of its work before the revision in
// force when this document was made; when the corpus does not hold it, it
// leaves dst, marks ref so (priorNotHeld) and returns false.
func (r *docRefs) toPrior(ref *model.Reference, dst *dest) bool {
	prior, held := r.priorVersion(dst.doc)
	if !held {
		r.priorNotHeld(ref, dst.doc)
		return false
	}
	*dst = prior
	return true
}

// priorNotHeld marks ref as naming the text of document i's work before
// the revision in force when this document was made, which the corpus does
// not hold: no target, Earlier, in Before the date of that revision when
// the corpus holds it dated to the day (none when it holds no version in
// force then: the day the text cited was replaced is not known), and a
// problem.
func (r *docRefs) priorNotHeld(ref *model.Reference, i int) {
	ref.To, ref.Earlier, ref.Before = nil, true, ""
	if d := r.l.titles.date(i); d != "" && d <= r.l.dates[r.di] {
		ref.Before = cndate.Day(d)
	}
	ref.Problem = fmt.Sprintf("%s names the text of %s before its revision in force on %s, which the corpus does not hold", ref.Text, describe(r.l.docs[i]), r.l.dates[r.di])
}
