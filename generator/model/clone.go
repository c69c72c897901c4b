package model

import "slices"

// Clone returns a copy of d that shares nothing a later stage may change
// with d: every slice, list element and pointer is copied, strings are
// shared. It lets a parse keep what a file gave (package generator's
// Cache) while reconcile, address and link change their own copy. The
// links between documents (Carrier, VersionDocs) are left out: they are
// set after reading, by the corpus a document is in.
func (d *Document) Clone() *Document {
	c := *d
	c.Sources = slices.Clone(d.Sources)
	if d.Dateline != nil {
		dl := *d.Dateline
		dl.Reporters = slices.Clone(d.Dateline.Reporters)
		c.Dateline = &dl
	}
	c.Bylines = slices.Clone(d.Bylines)
	c.Credits = slices.Clone(d.Credits)
	c.Body = cloneParagraphs(d.Body)
	c.Regulation = d.Regulation.clone()
	return &c
}

func (r Regulation) clone() Regulation {
	c := r
	c.History = slices.Clone(r.History)
	c.Preamble = cloneParagraphs(r.Preamble)
	c.Headings = slices.Clone(r.Headings)
	c.Articles = cloneAll(r.Articles, (*Article).clone)
	c.Sections = cloneAll(r.Sections, (*Section).clone)
	c.Appendix = cloneParagraphs(r.Appendix)
	c.Variants = slices.Clone(r.Variants)
	for i := range c.Variants {
		c.Variants[i].Readings = slices.Clone(r.Variants[i].Readings)
	}
	c.Repairs = slices.Clone(r.Repairs)
	c.Suspects = slices.Clone(r.Suspects)
	c.Carries = slices.Clone(r.Carries)
	c.Versions = slices.Clone(r.Versions)
	c.Carrier, c.VersionDocs = nil, nil
	return c
}

func (a *Article) clone() *Article {
	c := *a
	c.Path = slices.Clone(a.Path)
	c.Clauses = cloneAll(a.Clauses, func(cl *Clause) *Clause {
		n := *cl
		n.Paragraph = cl.Paragraph.clone()
		n.Items = cloneAll(cl.Items, (*Item).clone)
		return &n
	})
	c.Notes = cloneAll(a.Notes, func(n *Note) *Note {
		m := *n
		m.Paragraph = n.Paragraph.clone()
		return &m
	})
	return &c
}

func (it *Item) clone() *Item {
	c := *it
	c.Paragraph = it.Paragraph.clone()
	c.Items = cloneAll(it.Items, (*Item).clone)
	return &c
}

func (s *Section) clone() *Section {
	c := *s
	c.Body = cloneParagraphs(s.Body)
	c.Sections = cloneAll(s.Sections, (*Section).clone)
	return &c
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

// cloneAll copies a list of pointers, each element with clone; nil
// elements stay nil.
func cloneAll[T any](list []*T, clone func(*T) *T) []*T {
	if list == nil {
		return nil
	}
	out := make([]*T, len(list))
	for i, e := range list {
		if e != nil {
			out[i] = clone(e)
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
