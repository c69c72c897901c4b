package link

import (
	"fmt"
	"slices"
	"strings"

	"tiaoli/generator/cndate"
	"tiaoli/generator/model"
)

// docRefs resolves the references of one document in reading order.
type docRefs struct {
	l  *linker
	di int
	// kept is the memo's entry the references come from, nil when the
	// document was linked anew.
	kept *linkedDoc
	// subject is the document an unqualified 第X条 names: the document
	// itself when it has articles, the regulation a news item carries, the
	// law an amendment amends; -1 when none. subjectTitle names an amended
	// law that is not in the corpus.
	subject      int
	subjectTitle string
	amends       bool // the document amends another
	// newCtx is set while the context of a bare 第N款 of a decision that
	// gives the new numbering (增加一款，作为第二款) is resolved: the article
	// that owns it is the amended text's (namesNew).
	newCtx bool
	// amendsMany is true for a decision amending several documents;
	// lastAmended is the document its text cited last outside quotations.
	amendsMany  bool
	lastAmended dest
	last        dest // the document cited last, for a bare 第X条 of another law
	// cites are the documents cited so far, in reading order: 该法第X条
	// names the last of them that is a 法.
	cites     []dest
	clauseCtx map[[2]int]ctxRef
	lastOther lastDest
	made      []made
	refs      []model.Reference
	occs      []occurrence
	cited     []citedHit
	citedAt   map[citedKey]citedAt // the last citation of each title in each text
	lastCite  citedKey             // the last citation resolved
	// targets are the documents whose 款 and items a reference was
	// resolved in (their shape, for a Memo); worded those whose words it
	// read too (speaksOf).
	targets, worded []int
}

// dest is a document in the corpus (doc ≥ 0) or a title outside it.
type dest struct {
	doc   int
	title string
}

var noDest = dest{doc: -1}

// made is a reference already resolved, for 上述… to point back to.
type made struct {
	index, text, start int
	kind               refKind
	art                int
}

// citedHit is a citation of a document not in the corpus.
type citedHit struct {
	title string
	loc   model.Location
}

func newDocRefs(l *linker, di int) *docRefs {
	r := &docRefs{l: l, di: di, subject: -1, last: noDest, lastAmended: noDest, clauseCtx: map[[2]int]ctxRef{}, citedAt: map[citedKey]citedAt{}, lastCite: citedKey{ti: -1}, lastOther: lastDest{-1, noDest}}
	d := l.docs[di]
	if t := amendedTitle(d); t != "" {
		r.amends = true
		r.amendsMany = strings.Contains(d.Title, "》等")
		r.subject = l.titles.lookup(t, l.dates[di])
		if r.subject < 0 {
			r.subjectTitle = t
		}
		return r
	}
	if len(d.Articles) > 0 {
		r.subject = di
		return r
	}
	for _, f := range l.family[di][1:] {
		if len(l.docs[f].Articles) > 0 && l.docs[f].Parent == d.ID {
			r.subject = f
			return r
		}
	}
	if t := appliedTitle(d.Title); t != "" && d.Kind == model.KindRegulation {
		r.subject = l.titles.lookup(t, l.dates[di]) // its bare 第X条 (a table of articles) are the law's
	}
	return r
}

// resolve turns a raw reference of text ti into a Reference; false when
// it names nothing this document can resolve (前款 outside an article, 第X条
// in a news item that carries no regulation).
func (r *docRefs) resolve(ti int, raw rawRef) (model.Reference, bool) {
	t := r.l.texts[r.di][ti]
	from := t.loc()
	from.Start, from.End = raw.Start, raw.End
	ref := model.Reference{From: from, Text: t.p.Text[raw.Start:raw.End]}
	ok := true
	switch raw.Kind {
	case refCitation:
		ok = r.citation(&ref, raw, ti)
	case refDocument:
		ok = r.document(&ref, raw, ti)
	case refAbove:
		ok = r.above(&ref, ti, raw)
	case refBare:
		ok = r.bare(&ref, raw, ti)
	case refArticle:
		ok = r.article(&ref, raw, ti)
	default:
		if alt, found := r.leadArticle(ti, raw, t); found {
			alt.From, alt.Text = ref.From, ref.Text
			return alt, true
		}
		ok = r.local(&ref, raw, t)
		if !ok || ref.Problem != "" {
			if alt, altOK := r.fallback(ti, raw, t); altOK {
				alt.From, alt.Text = ref.From, ref.Text
				switch {
				case alt.Earlier:
					r.notHeld(&alt) // 作为第一款 after 在《解释》第五条中增加一款
				case r.inDecision(ti) && r.namesNew(ti, raw.Start) && !r.printsNew(ti, raw.End, alt.To):
					alt.To = nil
					alt.Problem = fmt.Sprintf("%s names a 款 of an article numbered as before the amendment; the amended text does not print the wording the decision gives it there", alt.Text)
				}
				return alt, true
			}
		}
	}
	return ref, ok
}

// fallback resolves a bare 第N项 or 第N款 that its own article lacks
// through the reference before it that owns it: in its own text, or for
// an item, in the text of its paragraph (违反本条例第十六条…：（一）违反第二项…).
// A chain that names a version the corpus does not hold (Before) leaves
// the 款 unresolved as well.
func (r *docRefs) fallback(ti int, raw rawRef, t text) (model.Reference, bool) {
	if raw.Ctx != nil {
		r.newCtx = r.inDecision(ti) && r.namesNew(ti, raw.Start)
		alt, ok := r.resolve(ti, *raw.Ctx)
		r.newCtx = false
		return alt, ok && (alt.Problem == "" || alt.Earlier)
	}
	c, found := r.clauseCtx[[2]int{t.art, t.clause}]
	if t.item < 0 || !found || (raw.Kind != refItem && raw.Kind != refParagraph) {
		return model.Reference{}, false
	}
	alt, ok := r.resolve(c.text, inherit(c.raw, raw))
	return alt, ok && alt.Problem == ""
}

// leadArticle resolves a bare 第N款 of an item through the whole article
// its 款's lead says is violated (违反本条例第二十一条规定的，按照下列规定处罚：
// （一）违反第一款规定的…): the items go through that article's 款, not their
// own article's. False when the lead cites no one whole article as what
// is violated (依照本条例第四条的规定处罚：（一）违反第一款规定的 names the
// items' own article's 款), or that article has no such 款.
func (r *docRefs) leadArticle(ti int, raw rawRef, t text) (model.Reference, bool) {
	if raw.Kind != refParagraph || raw.Qual != qualNone || raw.P.Article != 0 || t.item < 0 ||
		!strings.HasPrefix(t.p.Text[raw.Start:], "第") { // 本条第一款 is its own article's
		return model.Reference{}, false
	}
	c, found := r.clauseCtx[[2]int{t.art, t.clause}]
	if !found || c.raw.Kind != refArticle || c.raw.Through != nil || c.raw.P.Para != 0 || c.raw.P.Item != 0 ||
		!violated(r.l.texts[r.di][c.text].p.Text, c.raw.Start) {
		return model.Reference{}, false
	}
	alt, ok := r.resolve(c.text, inherit(c.raw, raw))
	return alt, ok && alt.Problem == ""
}

// violated reports whether the reference that starts at s[start:] is the
// object of 违反 (违反本条例第二条规定, 违反本条例第二条的, 违反《某法》第二条的规定).
func violated(s string, start int) bool {
	before := s[:start]
	if strings.HasSuffix(before, "》") {
		if open := strings.LastIndex(before, "《"); open >= 0 {
			before = before[:open]
		}
	}
	return strings.HasSuffix(before, violateVerb)
}

// noteContext remembers the last reference of a paragraph that can own the
// 第N项 of its items.
func (r *docRefs) noteContext(ti int, raw rawRef) {
	t := r.l.texts[r.di][ti]
	if t.art < 0 || t.item >= 0 {
		return
	}
	if raw.Ctx != nil {
		raw = *raw.Ctx
	}
	if isContext(raw.Kind) && raw.Kind != refItem {
		r.clauseCtx[[2]int{t.art, t.clause}] = ctxRef{ti, raw}
	}
}

// ctxRef is a reference and the text it is in.
type ctxRef struct {
	text int
	raw  rawRef
}

// citation resolves 《…》 by full title, short title or an abbreviation
// this document defined (《条例》); else it is external. It reports false
// for a title outside the corpus that names a paper issued to someone
// (《营业执照》, 《责令改正通知书》): that cites no document.
func (r *docRefs) citation(ref *model.Reference, raw rawRef, ti int) bool {
	ref.Kind = "citation"
	title := raw.Title
	text := r.l.texts[r.di][ti].p.Text
	d := r.abbreviation("《"+title+"》", ti, raw.Start)
	for _, q := range titleQualifiers(text[:raw.Start]) {
		if qd := r.abbreviation(q+"《"+title+"》", ti, raw.Start); qd != nil {
			d = qd // 新《条例》, 2007年《意见》: the qualified abbreviation
			ref.From.Start -= len(q)
			ref.Text = text[ref.From.Start:raw.End]
			break
		}
	}
	if d != nil {
		r.occs = append(r.occs, occurrence{d.index, ti, ref.From})
	}
	key := citedKey{ti, raw.Title}
	r.lastCite = key
	r.citedAt[key] = citedAt{raw.End, dest{doc: -1, title: title}}
	title, undefined := r.citedTitle(d, title, ti, raw.Start)
	if undefined {
		ref.External, ref.Title = true, title
		ref.Problem = fmt.Sprintf("abbreviation 《%s》 is not defined in this document", title)
		return true
	}
	dst := r.lookup(title, yearOf(text[:ref.From.Start], text[raw.End:]))
	r.citedAt[key] = citedAt{raw.End, dst}
	if dst.doc < 0 && isIssuedPaper(dst.title) {
		return false
	}
	amended := dst // the text its quotations word anew
	if unamended := r.namesUnamended(dst, ti, ref.From.Start, raw.End); dst.doc == r.di || unamended {
		var held bool
		named := dst
		from, to := sentence(text, raw.Start, raw.End)
		if dst, held = r.earlierVersion(title, text[from:raw.Start], text[raw.End:to], unamended); !held {
			r.notHeld(ref)
			r.citedAt[key] = citedAt{raw.End, dest{doc: -1, title: title}}
			if unamended {
				// its 第X条 are the unamended text's: article sees them so
				r.citedAt[key] = citedAt{raw.End, named}
				if r.amends {
					r.lastAmended = named // the text its quotations word anew
				}
			}
			return true
		}
		r.citedAt[key] = citedAt{raw.End, dst}
		if !unamended {
			amended = dst
		}
	}
	r.last = dst
	r.cites = append(r.cites, dst)
	if r.amends && !r.quoted(ti, raw.Start) {
		r.lastAmended = amended
	}
	// 修订前的《X》 names X before its revision in force, as its 第X条 do (namesPrior)
	if dst.doc >= 0 && dst.doc != r.di && afterPrior(text[:ref.From.Start]) && !r.toPrior(ref, &dst) {
		return true
	}
	r.point(ref, dst)
	if dst.doc < 0 && isNormative(dst.title) {
		r.cited = append(r.cited, citedHit{dst.title, ref.From})
	}
	return true
}

// definedCitation records that the citation raw of text ti, which the
// bracket right after the citation resolved last defines as its short
// title (《X》（以下简称《Y》）, spaces allowed before the bracket), leads
// where that one did: 《Y》第十条 right after the bracket is an article of
// X. A bracket anywhere else (某某条例（以下简称《条例》）, the citation
// further back) borrows nothing: 《Y》 is what the definition expands to.
func (r *docRefs) definedCitation(ti int, raw rawRef) {
	if raw.Kind != refCitation {
		return
	}
	key := citedKey{ti, raw.Title}
	c, ok := r.citedAt[r.lastCite]
	if !ok || r.lastCite.ti != ti || !opensAt(r.l.texts[r.di][ti].p.Text, c.end, raw.Start) {
		delete(r.citedAt, key) // an earlier citation of 《Y》 is not what it now stands for
		return
	}
	r.citedAt[key] = citedAt{raw.End, c.dst}
}

// opensAt reports whether the bracket around offset i of s opens at
// offset at, or after nothing but spaces from there.
func opensAt(s string, at, i int) bool {
	return unmatchedOpen(s, i, isStop) == skipSpace(s, at)
}

// citedTitle is the title a citation of title names: the expansion of
// the title abbreviation d this document defined (or of one it defined
// without the marks), else title itself when d is one without expansion,
// else the full title of a short one the corpus defines. undefined is
// true for a bare kind of document (《条例》) no definition expands.
func (r *docRefs) citedTitle(d *def, title string, ti, off int) (full string, undefined bool) {
	switch exp := r.expansion(d, title, ti, off); {
	case exp != "":
		return exp, false
	case d != nil:
		return title, false
	case isGenericTitle(title):
		return title, true
	}
	return r.l.titles.expandShort(title), false
}

// expansion is the title an abbreviation stands for at a citation of
// title: the title abbreviation d (《条例》) this document defined, else
// an abbreviation it defined without the marks (条例); "" when neither
// expands to a title.
func (r *docRefs) expansion(d *def, title string, ti, off int) string {
	if d == nil {
		d = r.abbreviation(title, ti, off)
	}
	if d == nil {
		return ""
	}
	return strings.TrimSuffix(strings.TrimPrefix(d.term.Expansion, "《"), "》")
}

// earlierVersion resolves a document's citation of its own title, which
// names a version before it when its sentence says so: a date before the
// title earlier than the document's own (1992年3月18日国务院发布的《…》),
// or the title repealed (本规定施行后，《…》同时废止: no document repeals
// itself), or unamended: the decision printed before the text cites the
// text it amends, or an amendment the text it amends (namesUnamended). It
// is the version in force at that date, or the latest before
// the document, when the corpus holds it (held), and nothing when it does
// not. Otherwise the citation is the document itself. before and after
// are the rest of the title's sentence on either side.
func (r *docRefs) earlierVersion(title, before, after string, unamended bool) (dst dest, held bool) {
	own := r.l.titles.date(r.di)
	date := cndate.Latest(before)
	replaced := unamended || strings.Contains(after, "废止")
	switch {
	case date != "" && own != "" && date < own:
	case replaced && own != "":
		date = cndate.DayBefore(own)
	case replaced:
		return noDest, false
	default:
		return dest{doc: r.di}, true
	}
	if i := r.l.titles.lookup(title, date); i >= 0 && i != r.di && r.l.titles.date(i) <= date {
		return dest{doc: i}, true
	}
	return noDest, false
}

// titleQualifiers are the words right before a 《》 that can be part of an
// abbreviation: 新《条例》, 原《条例》, 2007年《意见》.
func titleQualifiers(before string) []string {
	var qs []string
	for _, q := range []string{"新", "原", "旧", "现行"} {
		if strings.HasSuffix(before, q) {
			qs = append(qs, q)
		}
	}
	if y := strings.TrimSuffix(before, "年"); y != before && len(y) >= 4 {
		year := y[len(y)-4:]
		if strings.Trim(year, "0123456789") == "" {
			qs = append(qs, year+"年")
		}
	}
	return qs
}

// lookup finds a cited title: among the documents related to this one
// first (the regulation a news item carries), then in the whole corpus.
// A year printed before the title (c) picks the version of that year.
func (r *docRefs) lookup(title string, c citedYear) dest {
	t := normTitle(title)
	for _, f := range r.l.family[r.di] {
		if normTitle(r.l.docs[f].Title) == t {
			return dest{doc: f}
		}
	}
	if i := r.l.titles.lookup(title, r.l.dates[r.di]); i >= 0 {
		return dest{doc: r.l.titles.inYear(i, c)}
	}
	return dest{doc: -1, title: normCited(title)}
}

// normCited is a cited title as a reader sees it listed: without the 《》
// an abbreviation's expansion keeps, nor spaces around it.
func normCited(title string) string {
	t := strings.TrimSpace(title)
	if strings.HasPrefix(t, "《") && strings.HasSuffix(t, "》") {
		if refs := scanRefs(t); len(refs) == 1 && refs[0].Kind == refCitation && refs[0].End == len(t) {
			return refs[0].Title
		}
	}
	return t
}

// point makes ref point at a whole document, or mark it external.
func (r *docRefs) point(ref *model.Reference, dst dest) {
	if dst.doc >= 0 {
		ref.To = &model.Location{Document: r.l.docs[dst.doc].ID}
		return
	}
	ref.External, ref.Title = true, dst.title
}

// abbreviation returns the title abbreviation spelt term that applies at
// offset off of text ti, or nil.
func (r *docRefs) abbreviation(term string, ti, off int) *def {
	var best *def
	for _, f := range r.l.family[r.di] {
		for _, d := range r.l.defs[f] {
			if d.term.Term == term && d.applies(r.l, r.di, ti, off, -1) {
				if best == nil || f == r.di {
					best = d
				}
			}
		}
	}
	return best
}

// document resolves 本办法, 本条例, 本法: the document itself, the
// regulation a news item carries, inside an amendment's quotation the law
// it amends, or inside a quotation of another law's words that law.
func (r *docRefs) document(ref *model.Reference, raw rawRef, ti int) bool {
	ref.Kind = "document"
	if r.amends && r.quoted(ti, raw.Start) && !r.namesAmendment(raw.Title) {
		dst, ok := r.amendedDest()
		if ok {
			r.point(ref, dst)
		}
		return ok
	}
	if dst, ok := r.quotedLaw(ti, raw.Start, raw.Title); ok && !r.amends {
		r.point(ref, dst)
		return true
	}
	d := r.l.docs[r.di]
	if raw.Title == "决定" && r.inDecision(ti) && !r.quoted(ti, raw.Start) {
		// 本决定 in the decision printed before the text it amends: the
		// decision, which starts the preamble
		ref.To = &model.Location{Document: d.ID, Part: "preamble", Paragraph: 1}
		return true
	}
	target := -1
	if len(d.Articles) > 0 || d.Kind == model.KindRegulation || d.Kind == model.KindNotice {
		target = r.di
	}
	for _, f := range r.l.family[r.di][1:] {
		if target < 0 && strings.HasSuffix(normTitle(r.l.docs[f].Title), raw.Title) {
			target = f
		}
	}
	if target < 0 && !strings.Contains(d.Title, "《") && strings.HasSuffix(normTitle(d.Title), raw.Title) {
		target = r.di
	}
	if target < 0 {
		return false
	}
	ref.To = &model.Location{Document: r.l.docs[target].ID}
	return true
}

// namesAmendment reports whether 本+word names the amending document
// even inside a quotation: the word ends its own title (本修正案, 本决定)
// and not the title of the law it amends.
func (r *docRefs) namesAmendment(word string) bool {
	own := normTitle(r.l.docs[r.di].Title)
	if !strings.HasSuffix(own, word) {
		return false
	}
	amended := r.subjectTitle
	if dst, ok := r.amendedDest(); ok && dst.doc >= 0 {
		amended = r.l.docs[dst.doc].Title
	} else if ok {
		amended = dst.title
	}
	return !strings.HasSuffix(normTitle(amended), word)
}

// destOf is the document a chain of 第…条 names.
func (r *docRefs) destOf(raw rawRef, ti int) (dest, bool) {
	switch raw.Qual {
	case qualSelf:
		if r.amends && r.quoted(ti, raw.Start) && !r.namesAmendment(raw.Title) {
			return r.amendedDest()
		}
		if dst, ok := r.quotedLaw(ti, raw.Start, raw.Title); ok && !r.amends {
			return dst, true
		}
		if r.amends || len(r.l.docs[r.di].Articles) > 0 {
			return dest{doc: r.di}, true
		}
		return dest{doc: r.subject}, r.subject >= 0
	case qualCitation:
		if c, ok := r.citedAt[citedKey{ti, raw.Title}]; ok && c.end <= raw.Start {
			return c.dst, true
		}
		// no citation of the title resolved before it in its text: a
		// bracket that starts the text defines it（以下简称《Y》）第十条
		title, _ := r.citedTitle(r.abbreviation("《"+raw.Title+"》", ti, raw.Start), raw.Title, ti, raw.Start)
		return r.lookup(title, citedYear{}), true
	case qualNamed:
		dst := noDest
		if title, tail := r.namedTitle(raw.Title, ti, raw.Start); title != "" {
			text := r.l.texts[r.di][ti].p.Text
			dst = r.lookup(title, yearOf(text[:raw.Start-len(tail)], text[raw.Start:]))
			r.cites = append(r.cites, dst)
		}
		r.last = dst
		return dst, true
	case qualThat:
		if raw.Title != "" {
			return r.thatDest(raw.Title)
		}
		return r.last, r.last.doc >= 0 || r.last.title != ""
	}
	if r.amends {
		return r.amendedDest()
	}
	return dest{doc: r.subject}, r.subject >= 0
}

// thatDest is the document 该法, 该解释 or 该条例 names: the last one cited
// before it whose title the word fits (该解释 never names the 刑法 cited
// after the 解释). False when no document cited so far fits.
func (r *docRefs) thatDest(word string) (dest, bool) {
	for i := len(r.cites) - 1; i >= 0; i-- {
		if d := r.cites[i]; namesKind(r.titleOf(d), word) {
			return d, true
		}
	}
	return noDest, false
}

// titleOf is the title of a document of the corpus or cited outside it.
func (r *docRefs) titleOf(d dest) string {
	if d.doc >= 0 {
		return r.l.docs[d.doc].Title
	}
	return d.title
}

// inDecision reports whether text ti is a paragraph of the decision that
// amends this document and prints it whole after its items
// (model.Document.Decision).
func (r *docRefs) inDecision(ti int) bool {
	t := r.l.texts[r.di][ti]
	return t.art < 0 && !t.section && t.place == "preamble" && int(t.para) <= r.l.docs[r.di].Decision
}

// namesUnamended reports whether a reference to document dst at offsets
// off to end of text ti names that text as it was before this document
// amended it. The amendment's own words cite it (删除《解释》第一条第二项, 将第五条修改为)
// in a decision printed above the text it amends, dst being this document,
// or in an amendment of its own (关于修改《X》的决定, X修正案), dst being a
// version of a text the corpus dates the amendment's day, or adopted that
// day and published later: the text as the amendment left it; or any
// later version where the amendment deletes what it names (删去刑法第六十八条第二款:
// the later text has no such 款, or another at that number). Not so inside
// the quotations of the new wording, nor where the words right before it, a
// citation aside, say the text after the amendment (作为修改后《解释》第四条,
// 第二款改为第一款) or give the new numbering (增加一款，作为第二款; 移作,
// 调整为, 顺延为: newNumbering).
func (r *docRefs) namesUnamended(dst dest, ti, off, end int) bool {
	switch {
	case dst.doc < 0 || r.quoted(ti, off) || r.namesNew(ti, off):
		return false
	case dst.doc == r.di:
		return r.inDecision(ti)
	}
	own, its := r.l.titles.date(r.di), r.l.titles.date(dst.doc)
	if !r.amends || own == "" {
		return false
	}
	adopted := r.l.docs[r.di].Date
	return its == own || adopted != "" && r.l.docs[dst.doc].Date == adopted ||
		its > own && r.deletes(ti, off, end)
}

// deletingVerbs, in the clause of an amendment, delete what a reference
// names: before it (删去刑法第二百零五条第二款, 删除第十二条和第十三条), or
// right after it, 予以 or not, at the clause's end (将《某解释》第81条删除。).
var deletingVerbs = []string{"删去", "删除"}

// deletes reports whether the reference at off to end of text ti names
// what its clause deletes (deletesAt).
func (r *docRefs) deletes(ti, off, end int) bool {
	return deletesAt(r.l.texts[r.di][ti].p.Text, off, end)
}

// deletesAt reports whether the reference at off to end of text names
// what its clause deletes: one of deletingVerbs opens the clause, and the
// reference, or the list it ends, ends it (not 删去第二条中的“…”, which
// deletes words of an article the later text keeps); or one of them, after
// 予以 or not, follows the reference and ends the sentence or the clause.
func deletesAt(text string, off, end int) bool {
	rest := strings.TrimPrefix(text[end:], "予以")
	for _, v := range deletingVerbs {
		if after, ok := strings.CutPrefix(rest, v); ok && (after == "" || strings.ContainsRune("。；", firstRune(after))) {
			return true
		}
	}
	clause := text[clauseStart(text, off):off]
	if !slices.ContainsFunc(deletingVerbs, func(v string) bool { return strings.Contains(clause, v) }) {
		return false
	}
	return end == len(text) || strings.ContainsRune("。；，、和及", firstRune(text[end:]))
}

// namesNew reports whether the words right before offset off of text ti,
// a citation aside, say that what follows names the amended text
// (newNumbering).
func (r *docRefs) namesNew(ti, off int) bool {
	before := r.l.texts[r.di][ti].p.Text[:off]
	if strings.HasSuffix(before, "》") {
		if i := strings.LastIndex(before, "《"); i >= 0 {
			before = before[:i]
		}
	}
	for _, w := range newNumbering {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// printsNew reports whether the amended text's 款 loc holds the new
// wording a decision quotes for it right after offset end of text ti
// (增加一款，作为第一款：“…”; 第二款改为第一款并修改为：“…”), or no
// wording is quoted in that clause. The decision names the article the 款
// goes into by its number before the amendment, which may have renumbered
// the articles (增加一条 before it, 调整条文顺序): where the wording is
// quoted, only it shows that the amended text's article of that number
// holds the 款.
func (r *docRefs) printsNew(ti, end int, loc *model.Location) bool {
	after := r.l.texts[r.di][ti].p.Text[end:]
	open := strings.Index(after, "“")
	if open < 0 || strings.ContainsAny(after[:open], "。；，") {
		return true
	}
	q := after[open+len("“"):]
	if i := strings.IndexAny(q, "‘’“”"); i >= 0 {
		q = q[:i]
	}
	if loc == nil || loc.Paragraph < 1 || runeCount(q) < 4 {
		return false
	}
	for _, a := range r.l.docs[r.di].Articles {
		if a != nil && a.Label == loc.Article && loc.Paragraph <= len(a.Clauses) {
			return strings.Contains(a.Clauses[loc.Paragraph-1].Text, q)
		}
	}
	return false
}

// newNumbering are the words of a decision right before a reference that
// make it name the text after the amendment: the amended text itself, or
// the number a new or moved provision takes in it.
var newNumbering = []string{"修改后", "改为", "作为", "移作", "调整为", "顺延为"}

// notHeld marks ref as naming a text as it was before this document's
// date (the version it amends, or one it replaces), which the corpus does
// not hold: no target, the date in Before, a problem.
func (r *docRefs) notHeld(ref *model.Reference) {
	ref.To, ref.Earlier = nil, true
	ref.Before = cndate.Day(r.l.titles.date(r.di))
	ref.Problem = fmt.Sprintf("%s names a version before this one that the corpus does not hold", ref.Text)
}
