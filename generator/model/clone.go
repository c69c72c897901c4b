package model

import "slices"

// CloneDocuments returns copies of docs that share nothing a later stage
// may change with them: every slice, list element and pointer is copied,
// strings are shared. It lets a parse keep what a file gave (package
// generator's Cache) while reconcile, address and link change their own
// copy. A link from one document to another (Carrier, VersionDocs) points
// to the other's copy when the other is in docs, and stays as it is when
// not.
func CloneDocuments(docs []*Document) []*Document {
	if docs == nil {
		return nil
	}
	out := make([]*Document, len(docs))
	copies := make(map[*Document]*Document, len(docs))
	for i, d := range docs {
		out[i] = d.clone()
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

// clone copies d but for its links to other documents.
func (d *Document) clone() *Document {
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
