package link

import (
	"errors"

	"tiaoli/generator/model"
	"tiaoli/internal/bincode"
)

// NewStoredMemo returns an empty Memo that knows documents by the bytes
// of their texts, so that what it keeps can be written down
// (AppendBinary) and read back by another process (UnmarshalBinary): a
// build run again links only what the in-memory Memo would link again
// after the same edit. Its keys cost a hash of every text, which a Memo
// kept in memory does without.
func NewStoredMemo() *Memo { return &Memo{stored: true} }

// storedMemo is what a Memo writes: what the last Link used, as plain
// values (package bincode), by key. Keys names how its keys were
// written (keysFormat).
type storedMemo struct {
	Keys    string
	Context digest
	Found   []storedDiscovery
	Linked  []storedLinking
}

type storedDiscovery struct {
	Key   digest
	Defs  []storedDef
	Errs  []model.Error
	Cited []string
}

// storedDef is a def: its fields, exported.
type storedDef struct {
	Term                                           *model.Term
	Doc, Art, Text, Start, End, SentStart, SentEnd int
	Forms                                          []string
	Extends                                        bool
	Index                                          int
}

type storedLinking struct {
	Key    digest
	Links  [][]model.Link
	Offset int
	Refs   []model.Reference
	Occs   []storedOccurrence
	Cited  []storedCited
	Shapes []storedShape
}

type storedOccurrence struct {
	Term, Text int
	Loc        model.Location
}

type storedCited struct {
	Title string
	Loc   model.Location
}

type storedShape struct {
	ID    string
	Shape digest
}

// keysFormat names how keys are written (key.go); it changes whenever
// they are written otherwise, so that a Memo never reads keys of another
// making as its own. A memo written before it existed begins with a
// digest, which reads as another string or as no string at all.
const keysFormat = "link keys: sha256, varints, rule marks, spans 4"

// errKeysFormat refuses a stored Memo whose keys were written otherwise.
var errKeysFormat = errors.New("link: a stored Memo of another keys format")

// errNotStored refuses to write a Memo that knows documents by where
// their texts lie: another process could not find them.
var errNotStored = errors.New("link: a Memo kept in memory cannot be written (NewStoredMemo)")

// AppendBinary appends what the last Link used to b.
func (m *Memo) AppendBinary(b []byte) ([]byte, error) {
	if !m.stored {
		return b, errNotStored
	}
	s, _, _ := m.collect(false)
	return bincode.Append(b, &s)
}

// collect gathers what the last Link used, as plain values: all of it,
// or with onlyNew what the whole stored Memo it read back does not hold
// as it is. It returns the keys of all the Link used too and, with
// onlyNew, the entries of the whole Memo whose references are numbered
// from another offset now, and nothing else changed (a reference added
// or removed in one document moves those of every document after it).
func (m *Memo) collect(onlyNew bool) (storedMemo, storedKeys, []storedMove) {
	s := storedMemo{Keys: keysFormat, Context: m.context}
	var used storedKeys
	var moved []storedMove
	for k, f := range m.found.All() {
		used.Found = append(used.Found, k)
		if onlyNew && f.onDisk {
			continue
		}
		e := storedDiscovery{Key: k, Errs: f.errs, Cited: f.cited, Defs: make([]storedDef, len(f.defs))}
		for i, d := range f.defs {
			e.Defs[i] = storedDef{Term: d.term, Doc: d.doc, Art: d.art, Text: d.text, Start: d.start, End: d.end,
				SentStart: d.sentStart, SentEnd: d.sentEnd, Forms: d.forms, Extends: d.extends, Index: d.index}
		}
		s.Found = append(s.Found, e)
	}
	for k, l := range m.linked.All() {
		used.Linked = append(used.Linked, k)
		if onlyNew && l.onDisk {
			if l.diskOffset != l.offset {
				moved = append(moved, storedMove{Key: k, Offset: l.offset})
			}
			continue
		}
		e := storedLinking{Key: k, Links: l.links, Offset: l.offset, Refs: l.refs,
			Occs: make([]storedOccurrence, len(l.occs)), Cited: make([]storedCited, len(l.cited))}
		for i, o := range l.occs {
			e.Occs[i] = storedOccurrence{Term: o.term, Text: o.text, Loc: o.loc}
		}
		for i, c := range l.cited {
			e.Cited[i] = storedCited{Title: c.title, Loc: c.loc}
		}
		for id, shape := range l.shapes {
			e.Shapes = append(e.Shapes, storedShape{ID: id, Shape: shape})
		}
		s.Linked = append(s.Linked, e)
	}
	return s, used, moved
}

// storedKeys are the keys of what a Link used.
type storedKeys struct {
	Found, Linked []digest
}

// storedDelta is what a Memo writes beside the whole stored Memo it read
// back (AppendDelta): what the last Link used that the whole one does
// not hold as it is (the entries whose references only moved, by their
// new offset), and the keys of all it used.
type storedDelta struct {
	New   storedMemo
	Moved []storedMove
	Used  storedKeys
}

// storedMove is the offset the references of an entry of the whole
// stored Memo are numbered from now.
type storedMove struct {
	Key    digest
	Offset int
}

// deltaShare is the most of what a Link used that AppendDelta writes:
// beyond it, writing the Memo whole costs little more, and the next
// build reads less.
const deltaShare = 4 // a quarter

// AppendDelta appends to b what the last Link used that the whole stored
// Memo it read back (UnmarshalBinary) does not hold as it is: after an
// edit of a few documents, their entries instead of all of them. It
// reports false, writing nothing, when that is more than a quarter of
// what the Link used or the Memo read nothing back: the Memo is better
// written whole. What it writes is read back by UnmarshalDelta after
// UnmarshalBinary of the same whole Memo.
func (m *Memo) AppendDelta(b []byte) ([]byte, bool, error) {
	if !m.stored {
		return b, false, errNotStored
	}
	s, used, moved := m.collect(true)
	n, all := len(s.Found)+len(s.Linked), len(used.Found)+len(used.Linked)
	if n*deltaShare > all || n == all {
		return b, false, nil
	}
	b, err := bincode.Append(b, &storedDelta{New: s, Moved: moved, Used: used})
	return b, err == nil, err
}

// UnmarshalDelta reads back, into a Memo that has read the whole stored
// Memo AppendDelta was written beside, what AppendDelta wrote: the Memo
// then holds what the Link that wrote it used, all of it and nothing
// else. On an error the Memo is left as it was.
func (m *Memo) UnmarshalDelta(data []byte) error {
	if !m.stored {
		return errNotStored
	}
	var d storedDelta
	if err := bincode.Decode(data, &d); err != nil {
		return err
	}
	if d.New.Keys != keysFormat {
		return errKeysFormat
	}
	m.put(&d.New, false)
	for _, mv := range d.Moved {
		// The entry was read whole just now: its lists are its own, and
		// are renumbered in place.
		if l, ok := m.linked.Get(mv.Key); ok && l.onDisk {
			for _, links := range l.links {
				shiftReferences(links, mv.Offset-l.offset)
			}
			l.offset = mv.Offset
		}
	}
	m.found.Retain(d.Used.Found)
	m.linked.Retain(d.Used.Linked)
	return nil
}

// Changed reports whether the last Link kept anything but what the Memo
// held before it, all of it: when not, what AppendBinary wrote before
// the Link still holds. A document discovered or linked anew counts even
// when its key was kept: its entry may have been replaced under that key.
func (m *Memo) Changed() bool {
	discovered, linked := m.Anew()
	return discovered+linked > 0 || !m.found.Same() || !m.linked.Same()
}

// UnmarshalBinary reads back into an empty Memo made by NewStoredMemo
// what AppendBinary wrote; the next Link uses it as it would use what the
// Link before it kept. On an error the Memo is left empty.
func (m *Memo) UnmarshalBinary(data []byte) error {
	if !m.stored {
		return errNotStored
	}
	var s storedMemo
	if err := bincode.Decode(data, &s); err != nil {
		return err
	}
	if s.Keys != keysFormat {
		return errKeysFormat
	}
	m.put(&s, true)
	return nil
}

// put keeps the entries of s and takes its context; onDisk says they are
// those of a whole stored Memo.
func (m *Memo) put(s *storedMemo, onDisk bool) {
	for _, e := range s.Found {
		f := &discovered{errs: e.Errs, cited: e.Cited, defs: make([]*def, len(e.Defs)), onDisk: onDisk}
		for i, d := range e.Defs {
			f.defs[i] = &def{term: d.Term, doc: d.Doc, art: d.Art, text: d.Text, start: d.Start, end: d.End,
				sentStart: d.SentStart, sentEnd: d.SentEnd, forms: d.Forms, extends: d.Extends, index: d.Index}
		}
		m.found.Put(e.Key, f)
	}
	for _, e := range s.Linked {
		l := &linkedDoc{links: e.Links, offset: e.Offset, refs: e.Refs,
			occs: make([]occurrence, len(e.Occs)), cited: make([]citedHit, len(e.Cited)), shapes: make(map[string]digest, len(e.Shapes)),
			onDisk: onDisk, diskOffset: e.Offset}
		for i, o := range e.Occs {
			l.occs[i] = occurrence{term: o.Term, text: o.Text, loc: o.Loc}
		}
		for i, c := range e.Cited {
			l.cited[i] = citedHit{title: c.Title, loc: c.Loc}
		}
		for _, sh := range e.Shapes {
			l.shapes[sh.ID] = sh.Shape
		}
		m.linked.Put(e.Key, l)
	}
	m.context = s.Context
}
