package search

import (
	"hash/maphash"
	"math/bits"
	"unsafe"

	"github.com/cespare/xxhash/v2"

	"tiaoli/generator/model"
)

// A live index (live.go) finds the documents an edit changed by a
// fingerprint of each document and term: of everything its search
// documents (docsOf, termDoc) read of it, hashed as it stands in the
// model. Building the search documents of the whole corpus to digest them
// took longer than the rest of an update; hashing the model's strings
// takes a tenth of that. Only the documents whose fingerprint changed are
// made into search documents again and compared by their digests
// (docSum). TestPrintCoversSearchDocs fails when a search document reads
// a field the fingerprint leaves out.

// printer hashes a document's fields: each string whole (maphash.String
// reads it in place: hashing it through a maphash.Hash copied it through
// a small buffer, and took six times as long), its hash, each number and
// each list's length mixed into the sum in turn.
//
// Most of the time goes to the long strings, the texts of clauses and
// paragraphs; a parse through generator.Cache gives the documents of an
// unchanged file the same strings, the same memory, as the parse before
// (but new URLs). So the hashes of a document's long strings are kept
// with the strings themselves (a printMemo), and a string at the same
// place with the same memory and length is not hashed again: kept, its
// memory holds the same bytes. On the whole corpus, that took the
// hashing of an update after a file's edit from 70–100 CPU-ms to about
// 40 (the other strings are short; reading the model takes the rest).
//
// A build records the fingerprints with its index, for the next build to
// find the documents that changed (update.go): its printer hashes strings
// with xxhash, which gives the same hashes in every process (maphash's
// differ from one process to the next), and keeps no memo.
type printer struct {
	hashOf   func(string) uint64
	memoize  bool // whether long strings are kept in memos
	sum      uint64
	old, new *printMemo
	at       int // the place of the next long string
}

// printMemo is the long strings of a document, in the order the printer
// reads them, and their hashes.
type printMemo struct {
	strs   []string
	hashes []uint64
}

// memoMin is the length from which a string is kept in a printMemo.
const memoMin = 64

// newPrinter is the printer of a live index, with memos.
func newPrinter() *printer {
	seed := maphash.MakeSeed()
	return &printer{hashOf: func(s string) uint64 { return maphash.String(seed, s) }, memoize: true}
}

// fork is a printer that gives the same fingerprints as p, for another
// goroutine.
func (p *printer) fork() *printer { return &printer{hashOf: p.hashOf, memoize: p.memoize} }

// newStablePrinter is the printer whose fingerprints a build records:
// the same in every process of one program.
func newStablePrinter() *printer { return &printer{hashOf: xxhash.Sum64String} }

// reset starts a fingerprint, reading the hashes of old (nil for none).
// The new memo is made only from the first long string old does not
// hold at its place: most documents are those of an unchanged file, whose
// memo stays as it is, and making it again made 18 MB of garbage per edit
// on the LawRefBook corpus.
func (p *printer) reset(old *printMemo) {
	p.sum, p.old, p.new, p.at = 0, old, nil, 0
}

// memo is the memo of the document just read: old when it held every
// long string of it at its place; nil when p keeps none.
func (p *printer) memo() *printMemo {
	if !p.memoize {
		return nil
	}
	if p.new == nil {
		if p.old != nil && p.at == len(p.old.strs) {
			return p.old
		}
		p.diverge(p.at)
	}
	return p.new
}

// diverge starts the new memo with the first n long strings read, which
// old held at their places.
func (p *printer) diverge(n int) {
	p.new = &printMemo{}
	if p.old != nil {
		p.new.strs = append(p.new.strs, p.old.strs[:n]...)
		p.new.hashes = append(p.new.hashes, p.old.hashes[:n]...)
	}
}

// mix adds x to the sum (as FNV-1a adds a byte, here 64 bits at a time,
// rotated so that a word's high bits reach the low ones).
func (p *printer) mix(x uint64) {
	p.sum = bits.RotateLeft64((p.sum^x)*0x100000001b3, 29)
}

func (p *printer) num(n int) { p.mix(uint64(n)) }

// str mixes in each string's length, then the string: a short one (most
// of them: labels, anchors, rows) byte by byte, a word at a time, which
// costs less than hashing it; a longer one by its hash.
func (p *printer) str(list ...string) {
	for _, s := range list {
		p.mix(uint64(len(s)))
		if len(s) > maxWords*8 {
			p.mix(p.hash(s))
			continue
		}
		for len(s) > 0 {
			var w uint64
			n := min(8, len(s))
			for i := range n {
				w |= uint64(s[i]) << (8 * i)
			}
			p.mix(w)
			s = s[n:]
		}
	}
}

// maxWords is the length, in words of 8 bytes, up to which str mixes a
// string in as it is.
const maxWords = 2

// hash is the hash of s, from the memo when it holds s at this place.
func (p *printer) hash(s string) uint64 {
	if len(s) < memoMin || !p.memoize {
		return p.hashOf(s)
	}
	i := p.at
	p.at++
	held := p.old.holds(i, s)
	if held && p.new == nil {
		return p.old.hashes[i]
	}
	if p.new == nil {
		p.diverge(i)
	}
	var h uint64
	if held {
		h = p.old.hashes[i]
	} else {
		h = p.hashOf(s)
	}
	p.new.strs = append(p.new.strs, s)
	p.new.hashes = append(p.new.hashes, h)
	return h
}

// holds reports whether o (nil for none) holds s at place i: the same
// memory and length, so the same bytes.
func (o *printMemo) holds(i int, s string) bool {
	return o != nil && i < len(o.strs) && len(o.strs[i]) == len(s) && unsafe.StringData(o.strs[i]) == unsafe.StringData(s)
}

func (p *printer) list(l []string) {
	p.num(len(l))
	p.str(l...)
}

func (p *printer) paragraphs(ps []model.Paragraph) {
	p.num(len(ps))
	for i := range ps {
		p.str(ps[i].Text, ps[i].Row)
		p.num(ps[i].Heading)
	}
}

// document is the fingerprint of what the search documents of d read,
// reading the hashes of old strings from memo (nil for none), and the
// memo of d.
func (p *printer) document(d *model.Document, memo *printMemo) (uint64, *printMemo) {
	p.reset(memo)
	p.str(d.ID, d.URL, d.Title, d.VersionMark, d.Issuer, d.Kind, d.Kicker, d.Subtitle, d.Status, d.Date, d.Published, d.Approval)
	if d.Dateline != nil {
		p.str(d.Dateline.Date)
	} else {
		p.num(-1)
	}
	p.list(d.History)
	if len(d.Articles) == 0 && len(d.Sections) == 0 {
		p.paragraphs(d.Body) // else the body is what the articles or sections hold
	}
	p.paragraphs(d.Preamble)
	p.paragraphs(d.Appendix)
	p.num(len(d.Articles))
	for _, a := range d.Articles {
		p.article(a)
	}
	p.num(len(d.Sections))
	for _, s := range d.Sections {
		p.section(s)
	}
	return p.sum, p.memo()
}

func (p *printer) article(a *model.Article) {
	if a == nil {
		p.num(-1)
		return
	}
	p.num(a.Number)
	p.num(a.Suffix)
	p.str(a.Label, a.URL)
	p.list(a.Path)
	p.num(len(a.Clauses))
	for _, c := range a.Clauses {
		if c == nil {
			p.num(-1)
			continue
		}
		p.str(c.Text, c.Row, c.Anchor)
		p.items(c.Items)
	}
}

func (p *printer) items(items []*model.Item) {
	p.num(len(items))
	for _, it := range items {
		if it == nil {
			p.num(-1)
			continue
		}
		p.str(it.Label, it.Text, it.Anchor)
		p.items(it.Items)
	}
}

func (p *printer) section(s *model.Section) {
	p.str(s.Label, s.Title, s.URL)
	p.paragraphs(s.Body)
	p.num(len(s.Sections))
	for _, sub := range s.Sections {
		p.section(sub)
	}
}

// term is the fingerprint of what the search document of t reads.
func (p *printer) term(t *model.Term) uint64 {
	p.reset(nil)
	p.str(t.URL, t.Term, t.Expansion, t.Definition)
	p.list(t.Members)
	if t.DefinedIn != nil {
		p.str(t.DefinedIn.Document)
	} else {
		p.num(-1)
	}
	return p.sum
}
