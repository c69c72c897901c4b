package link

import (
	"crypto/sha256"
	"slices"
	"sync/atomic"

	"tiaoli/generator/model"
	"tiaoli/generator/recent"
)

// Memo keeps what linking gave each document, so that linking a corpus
// again after an edit (tiaoli preview) redoes only what the edit can
// change:
//
//   - discovery (the terms a document defines, the titles it prints in
//     《》) reads the document alone and the glossary: it is kept by the
//     document's whole key (every field but its links) and the glossary;
//   - linking a document reads the document and its context: the outline
//     of every document (see writeOutline), every term, every title cited
//     in 《》, the works and the glossary, and the shape (the 款 and items,
//     see writeShape) of the documents its references resolve in. Its
//     links, references and term occurrences are kept by its whole key, and
//     given again only while the context is the one they were made in and
//     those documents keep their shape. An edit that changes no term,
//     title, cited title, article number or date anywhere leaves the
//     context as it was: only the edited documents, and those citing a 款
//     of a document whose 款 changed, are linked again. Any other edit
//     links every document again.
//
// A Memo keeps only what the last Link used. It is safe for one Link at a
// time. A Memo made by NewStoredMemo can be written down and read back by
// another process (memo_store.go).
type Memo struct {
	found   recent.Map[digest, *discovered]
	linked  recent.Map[digest, *linkedDoc]
	context digest // in which linked was made
	// stored keys documents by the bytes of their texts, not where they
	// lie (keyWriter.text), so that another process can read the memo.
	stored bool
	// spans are where the texts of the next Link may lie, which the
	// keys of a stored Memo write by where they lie in them (UseSpans).
	spans *spanIndex
	// anew counts the documents the last Link discovered and linked
	// itself, without the memo.
	anew struct{ discovered, linked atomic.Int64 }
}

// Anew returns how many documents the last Link read for their terms and
// linked without the memo.
func (m *Memo) Anew() (discovered, linked int) {
	return int(m.anew.discovered.Load()), int(m.anew.linked.Load())
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

// Link is Link through the memo.
func (m *Memo) Link(c *model.Corpus, glossary []byte) []model.Error {
	return link(c, glossary, m)
}

// discovered is what discovery gave a document, as it left discoverDoc.
type discovered struct {
	doc   *model.Document // kept alive: its texts are in its key
	defs  []*def
	errs  []model.Error
	cited []string // titles printed in 《》 in its texts
	// onDisk: read back from a whole stored Memo (memo_store.go) and
	// not made again since.
	onDisk bool
}

// linkedDoc is what linking gave a document, its reference indices
// counted from 0 in the document but in its links.
type linkedDoc struct {
	doc *model.Document // kept alive: its texts are in its key
	// links are the Links of each text as the corpus of the last Link
	// has them, their references numbered from offset (see
	// linker.link); that corpus's texts hold the same lists, and neither
	// changes them, so the next corpus is given them as they are while
	// the document's references start at the same offset.
	links  [][]model.Link
	offset int
	refs   []model.Reference
	occs   []occurrence
	cited  []citedHit
	// shapes are the shapes of the documents its references resolved in,
	// by ID: their worded keys where it read their words.
	shapes map[string]digest
	// onDisk: read back from a whole stored Memo (memo_store.go), with
	// its references numbered from diskOffset, and not made again since.
	onDisk     bool
	diskOffset int
}

// start begins a Link: what it does not use is forgotten at its end.
func (m *Memo) start() {
	if m != nil {
		m.found.Start()
		m.linked.Start()
		m.anew.discovered.Store(0)
		m.anew.linked.Store(0)
	}
}

// discoveryKey is the key of a document's discovery: its whole key and
// the glossary's digest.
func discoveryKey(k docKey, glossary digest) digest {
	h := sha256.New()
	h.Write(k.whole[:])
	h.Write(glossary[:])
	var d digest
	h.Sum(d[:0])
	return d
}

// discovery returns a copy of what discovery gave the document of key k,
// for document di.
func (m *Memo) discovery(k digest, di int) ([]*def, []model.Error, []string, bool) {
	if m == nil {
		return nil, nil, nil, false
	}
	f, ok := m.found.Get(k)
	if !ok {
		return nil, nil, nil, false
	}
	return copyDefs(f.defs, di), slices.Clone(f.errs), f.cited, true
}

// keepAlive has the entries a Link used hold its documents instead of
// those of the Link that made them, which can then go: the texts are the
// same strings (the keys are the same). The entries of linking keep the
// links the texts have now, numbered from the offsets this Link gave.
func (m *Memo) keepAlive(l *linker, gsum digest) {
	for di, d := range l.docs {
		if f, ok := m.found.Get(discoveryKey(l.keys[di], gsum)); ok && f.doc != d {
			g := *f
			g.doc = d
			m.found.Put(discoveryKey(l.keys[di], gsum), &g)
		}
		if e, ok := m.linked.Get(l.keys[di].whole); ok && (e.doc != d || e.offset != l.offsets[di] || !holdsLinks(e, l.texts[di])) {
			x := *e
			x.doc, x.offset = d, l.offsets[di]
			x.links = make([][]model.Link, len(l.texts[di]))
			for ti, t := range l.texts[di] {
				x.links[ti] = t.p.Links
			}
			m.linked.Put(l.keys[di].whole, &x)
		}
	}
}

// holdsLinks reports whether e holds the very lists of links the texts
// have.
func holdsLinks(e *linkedDoc, texts []text) bool {
	if len(e.links) != len(texts) {
		return false
	}
	for ti, t := range texts {
		if len(t.p.Links) != len(e.links[ti]) || len(t.p.Links) > 0 && &t.p.Links[0] != &e.links[ti][0] {
			return false
		}
	}
	return true
}

// keepDiscovery keeps a copy of what discovery gave a document.
func (m *Memo) keepDiscovery(k digest, d *model.Document, defs []*def, errs []model.Error, cited []string) {
	if m == nil {
		return
	}
	f := &discovered{doc: d, defs: copyDefs(defs, -1), errs: slices.Clone(errs), cited: cited}
	m.found.Put(k, f)
	m.anew.discovered.Add(1)
}

// copyDefs copies the definitions of a document, and their terms, for
// document di (-1: keep the index they have).
func copyDefs(defs []*def, di int) []*def {
	out := make([]*def, len(defs))
	for i, d := range defs {
		c := *d
		if di >= 0 {
			c.doc = di
		}
		t := *d.term
		t.Members = slices.Clone(t.Members)
		t.Includes = slices.Clone(t.Includes)
		t.Aliases = slices.Clone(t.Aliases)
		t.Occurrences = nil
		if t.DefinedIn != nil {
			loc := *t.DefinedIn
			t.DefinedIn = &loc
		}
		c.term = &t
		c.forms = slices.Clone(d.forms)
		out[i] = &c
	}
	return out
}

// useContext makes the links kept from the last Link usable in this one
// when its context is the same, and forgets them when not.
func (m *Memo) useContext(ctx digest) {
	if m == nil {
		return
	}
	if ctx != m.context {
		m.linked.Forget()
	}
	m.context = ctx
}

// linking returns what linking gave the document of whole key k in the
// same context, for document di; its texts get their links back when the
// references are numbered in the corpus (docRefs.giveLinks).
func (m *Memo) linking(l *linker, k digest, di int) (*docRefs, bool) {
	if m == nil {
		return nil, false
	}
	e, ok := m.linked.Get(k)
	if !ok || len(e.links) != len(l.texts[di]) {
		return nil, false
	}
	for id, shape := range e.shapes {
		if i, ok := l.byID[id]; !ok || (l.keys[i].shape != shape && l.keys[i].worded != shape) {
			return nil, false
		}
	}
	// The references, occurrences and cited titles are given as kept,
	// not copied: linker.link only reads them (their locations are
	// values, copied into the corpus; a reference is copied, copyRef,
	// before its antecedents are numbered in the corpus), and a docRefs
	// from the memo goes nowhere else.
	return &docRefs{l: l, di: di, refs: e.refs, occs: e.occs, cited: e.cited, kept: e}, true
}

// giveLinks gives the texts of a document linked from the memo their
// links, their references numbered from offset: the lists kept when they
// were numbered from it, else copies renumbered.
func (r *docRefs) giveLinks(offset int) {
	e := r.kept
	for ti, t := range r.l.texts[r.di] {
		if e.offset == offset {
			t.p.Links = e.links[ti]
			continue
		}
		t.p.Links = slices.Clone(e.links[ti])
		shiftReferences(t.p.Links, offset-e.offset)
	}
}

// shiftReferences adds by to the reference indices of links.
func shiftReferences(links []model.Link, by int) {
	for i := range links {
		if links[i].Kind == "reference" {
			links[i].Reference += by
		}
	}
}

// keepLinking keeps a copy of what linkDoc gave document di, before the
// references are numbered in the corpus; the links of its texts are kept
// once they are (keepAlive).
func (m *Memo) keepLinking(l *linker, k digest, di int, r *docRefs) {
	if m == nil {
		return
	}
	e := &linkedDoc{doc: l.docs[di], refs: copyRefs(r.refs),
		occs: slices.Clone(r.occs), cited: slices.Clone(r.cited), shapes: map[string]digest{}}
	for _, t := range r.targets {
		e.shapes[l.docs[t].ID] = l.keys[t].shape
	}
	for _, t := range r.worded {
		e.shapes[l.docs[t].ID] = l.keys[t].worded // its words were read too
	}
	m.linked.Put(k, e)
	m.anew.linked.Add(1)
}

// copyRefs copies references and what they point to.
func copyRefs(refs []model.Reference) []model.Reference {
	out := slices.Clone(refs)
	for i := range out {
		out[i] = copyRef(out[i])
	}
	return out
}

// copyRef copies the lists and pointers of a reference.
func copyRef(r model.Reference) model.Reference {
	r.Antecedents = slices.Clone(r.Antecedents)
	if r.To != nil {
		to := *r.To
		r.To = &to
	}
	if r.Through != nil {
		th := *r.Through
		r.Through = &th
	}
	return r
}

// contextKey is the digest of what linking a document reads beyond the
// document itself: every document's outline, terms and cited titles, in
// corpus order, the works, which of them renumber their articles, and the
// glossary.
func (l *linker) contextKey(glossary digest, cited [][]string) digest {
	w := newKeyWriter()
	w.digest(glossary)
	w.num(len(l.docs))
	for i := range l.docs {
		w.digest(l.keys[i].outline)
		writeDefs(w, l.defs[i])
		w.strs(cited[i])
	}
	w.num(len(l.c.Works))
	for _, wk := range l.c.Works {
		w.str(wk.Title)
		w.num(len(wk.Versions))
		for _, v := range wk.Versions {
			w.str(v.Document)
			w.str(v.Date)
		}
	}
	w.num(len(l.titles.renumbered))
	for _, r := range l.titles.renumbered {
		w.flag(r) // read from the comparisons, which the outlines do not cover
	}
	return w.sum()
}

// writeDefs writes what linking another document reads of the terms a
// document defines: the term, its kind and expansion (a short form of a
// title, names.forms), its scope and forms, and where it is defined
// (applies, choose); their number and order give their indices. What a
// definition says (Definition, Members, Count, KindOf, Includes, Acronym,
// Source) and the bounds of its sentence are read only by discovery and
// by linking the defining document itself, whose whole key covers them.
func writeDefs(w *keyWriter, defs []*def) {
	w.num(len(defs))
	for _, d := range defs {
		t := d.term
		for _, s := range []string{t.Term, t.Kind, t.Expansion, t.Scope} {
			w.str(s)
		}
		w.strs(d.forms)
		for _, n := range []int{d.art, d.text, d.start, d.end} {
			w.num(n)
		}
	}
}
