package model

import "slices"

// CloneDocuments returns copies of docs that share nothing a later stage
// may change with them: every slice, list element and pointer is copied
// but the Body of an Outlined document, which no stage changes (a third of
// what copying a corpus of regulations allocates), and the Path of each
// article, which only the reading of the regulation sets (a list per
// article: a seventh of the objects a copy of the LawRefBook corpus
// makes); strings are shared. It lets a parse keep what a file gave (package
// generator's Cache) while reconcile, address and link change their own
// copy. A link from one document to another (Carrier, VersionDocs) points
// to the other's copy when the other is in docs, and stays as it is when
// not.
func CloneDocuments(docs []*Document) []*Document {
	if docs == nil {
		return nil
	}
	out := make([]*Document, len(docs))
	store := make([]Document, len(docs)) // one block, as cloneAll
	copies := make(map[*Document]*Document, len(docs))
	for i, d := range docs {
		store[i] = *d
		out[i] = &store[i]
		out[i].deepen()
		copies[d] = out[i]
	}
	to := func(d *Document) *Document {
		if c, ok := copies[d]; ok {
			return c
		}
		return d
	}
	for _, c := range out {
		if c.Carrier != nil {
			c.Carrier = to(c.Carrier)
		}
		c.VersionDocs = slices.Clone(c.VersionDocs)
		for i, v := range c.VersionDocs {
			c.VersionDocs[i] = to(v)
		}
	}
	return out
}

// deepen copies, in place, what a copy of a document shares with the
// original, but for its links to other documents.
func (d *Document) deepen() {
	d.Sources = slices.Clone(d.Sources)
	if d.Dateline != nil {
		dl := *d.Dateline
		dl.Reporters = slices.Clone(dl.Reporters)
		d.Dateline = &dl
	}
	d.Bylines = slices.Clone(d.Bylines)
	d.Credits = slices.Clone(d.Credits)
	if !d.Outlined() { // else no stage changes it: shared
		d.Body = cloneParagraphs(d.Body)
	}
	d.Regulation = d.Regulation.clone()
}

func (r Regulation) clone() Regulation {
	c := r
	c.History = slices.Clone(r.History)
	c.Preamble = cloneParagraphs(r.Preamble)
	c.Headings = slices.Clone(r.Headings)
	c.Articles = cloneAll(r.Articles, (*Article).deepen)
	c.Sections = cloneAll(r.Sections, (*Section).deepen)
	c.Appendix = cloneParagraphs(r.Appendix)
	c.Variants = slices.Clone(r.Variants)
	for i := range c.Variants {
		c.Variants[i].Readings = slices.Clone(r.Variants[i].Readings)
	}
	c.Repairs = slices.Clone(r.Repairs)
	c.Suspects = slices.Clone(r.Suspects)
	c.Carries = slices.Clone(r.Carries)
	c.Versions = slices.Clone(r.Versions)
	c.Parts = slices.Clone(r.Parts)
	return c
}

// deepen copies, in place, what a copy of an article shares with the
// original and a later stage may change: its 款 and notes.
func (a *Article) deepen() {
	a.Clauses = cloneAll(a.Clauses, func(c *Clause) {
		c.Paragraph = c.Paragraph.clone()
		c.Items = cloneAll(c.Items, (*Item).deepen)
	})
	a.Notes = cloneAll(a.Notes, func(n *Note) { n.Paragraph = n.Paragraph.clone() })
}

func (it *Item) deepen() {
	it.Paragraph = it.Paragraph.clone()
	it.Items = cloneAll(it.Items, (*Item).deepen)
}

func (s *Section) deepen() {
	s.Body = cloneParagraphs(s.Body)
	s.Sections = cloneAll(s.Sections, (*Section).deepen)
}

func (p Paragraph) clone() Paragraph {
	p.Links = slices.Clone(p.Links)
	return p
}

func cloneParagraphs(ps []Paragraph) []Paragraph {
	out := slices.Clone(ps)
	for i := range out {
		out[i].Links = slices.Clone(out[i].Links)
	}
	return out
}

// cloneAll copies a list of pointers, each element shallowly and then
// deepened in place by deepen; nil elements stay nil. The copies of one
// list are allocated together, in one block: a corpus has hundreds of
// thousands of 款 and items, and one allocation per list instead of one
// per element is less for the allocator and the collector. They live and
// die together anyway (the document holds them all).
func cloneAll[T any](list []*T, deepen func(*T)) []*T {
	if list == nil {
		return nil
	}
	n := 0
	for _, e := range list {
		if e != nil {
			n++
		}
	}
	store := make([]T, n)
	out := make([]*T, len(list))
	for i, e := range list {
		if e != nil {
			c := &store[0]
			store = store[1:]
			*c = *e
			deepen(c)
			out[i] = c
		}
	}
	return out
}

// Clone returns a copy of s that shares no list with s.
func (s *Source) Clone() *Source {
	c := *s
	c.Documents = slices.Clone(s.Documents)
	return &c
}
