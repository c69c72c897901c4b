package link

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io"
	"sync"
	"unsafe"

	"tiaoli/generator/model"
)

// digest is a SHA-256 sum.
type digest [sha256.Size]byte

// docKey is what a Memo knows a document by.
//
// whole covers every field of the document but the Links of its texts
// (what linking writes), its paragraphs' texts by where they lie in memory
// (keyWriter.text), or by their bytes for a Memo kept on disk
// (NewStoredMemo): the same whole, the same document to link.
// outline and shape cover what linking another document reads of it:
// outline what any document may read (see writeOutline), shape the 款 and
// items of its articles, which only a reference that resolves to one of
// its articles reads (see writeShape), worded the shape and the words of
// those 款 and items, which only a reference to a version after the text
// that cites it reads (see writeWords). Neither outline nor shape has the
// text of its paragraphs, whose terms and cited titles other documents
// read through discovery instead.
type docKey struct{ whole, outline, shape, worded digest }

// keyWriter writes fields to a hash, each string after its length and
// each number as a varint. It gathers fields in a buffer and hands the
// hash a whole buffer at a time: a document has many small fields, each
// write to the hash costs more than its bytes, and most numbers are a
// byte or two as varints where a fixed width would be eight. The buffer
// is an array in the writer, not a slice: filling it stores no pointer,
// which costs a write barrier each time while the garbage collector runs.
type keyWriter struct {
	h     hash.Hash
	n     int    // bytes of buf in use
	path  string // of the last position written
	bytes bool   // text writes the bytes of a text, not where it lies
	// spans are where texts may lie that text writes, with bytes, by
	// their span's digest and where in it they lie (Span); span is the
	// index of the span of the last text written so, -1 before one.
	spans *spanIndex
	span  int
	buf   [keyBuffer]byte
}

// keyBuffer is the size of a keyWriter's buffer.
const keyBuffer = 8 << 10

func newKeyWriter() *keyWriter {
	w := writers.Get().(*keyWriter)
	w.h.Reset()
	w.n, w.path, w.bytes, w.spans, w.span = 0, "", false, nil, -1
	return w
}

// writers are the keyWriters done with, for the next key: a corpus has
// thousands of documents, each with three keys.
var writers = sync.Pool{New: func() any { return &keyWriter{h: sha256.New()} }}

// num writes n. Each varint says where it ends, so fields stay apart.
func (w *keyWriter) num(n int) {
	if w.n > keyBuffer-binary.MaxVarintLen64 {
		w.flush()
	}
	w.n += binary.PutVarint(w.buf[w.n:], int64(n))
}

func (w *keyWriter) flag(b bool) {
	n := 0
	if b {
		n = 1
	}
	w.num(n)
}

func (w *keyWriter) str(s string) {
	w.num(len(s))
	if len(s) > keyBuffer-w.n {
		w.flush()
		if len(s) > keyBuffer/2 {
			io.WriteString(w.h, s)
			return
		}
	}
	w.n += copy(w.buf[w.n:], s)
}

// text writes where a paragraph's text lies in memory and its length,
// not its bytes: a document has megabytes of text, which would cost more
// to hash than to link. Two strings alive at the same time at the same
// place and of the same length hold the same bytes (Go's strings do not
// change), and a Memo keeps every document it knows by its key alive
// (discovered.doc, linkedDoc.doc), so no other text can take the place of
// one it knows. A text rewritten, even to the same bytes, is another
// string: the key changes, and the document is linked again.
//
// A key that another process reads (w.bytes) has the bytes instead: where
// a text lies means nothing there. A text that lies in one of w.spans, as
// the texts a Store read back do, is written by the digest of the span
// and where in it the text lies, which name its bytes as well and cost
// a few numbers where hashing the bytes of every text took a tenth of a
// CPU-second of a rebuild of the whole LawRefBook corpus. A number before
// the text tells the three apart: a length (0 or more) before its bytes,
// -1 before where it lies in the span of the text before it, -2 before
// the digest of another span and where it lies in that one.
func (w *keyWriter) text(s string) {
	if !w.bytes {
		w.num(int(uintptr(unsafe.Pointer(unsafe.StringData(s)))))
		w.num(len(s))
		return
	}
	i, at := w.spans.find(s, w.span)
	switch {
	case i < 0:
		w.str(s)
		return
	case i == w.span:
		w.num(-1)
	default:
		w.num(-2)
		w.digest(w.spans.list[i].Sum)
		w.span = i
	}
	w.num(at)
	w.num(len(s))
}

func (w *keyWriter) strs(list []string) {
	w.num(len(list))
	for _, s := range list {
		w.str(s)
	}
}

// digest writes a digest.
func (w *keyWriter) digest(d digest) {
	if w.n > keyBuffer-len(d) {
		w.flush()
	}
	w.n += copy(w.buf[w.n:], d[:])
}

func (w *keyWriter) flush() {
	w.h.Write(w.buf[:w.n])
	w.n = 0
}

// sum is the digest of what was written; the writer goes back to the
// pool.
func (w *keyWriter) sum() digest {
	w.flush()
	var d digest
	w.h.Sum(d[:0])
	writers.Put(w)
	return d
}

// keyOf computes the key of d; byBytes has the whole key cover the bytes
// of its texts, those that lie in spans by where they lie in them
// (keyWriter.text).
func keyOf(d *model.Document, byBytes bool, spans *spanIndex) docKey {
	whole, outline, shape, worded := newKeyWriter(), newKeyWriter(), newKeyWriter(), newKeyWriter()
	whole.bytes, worded.bytes = byBytes, byBytes
	whole.spans, worded.spans = spans, spans
	writeOutline(outline, d)
	writeShape(shape, d)
	k := docKey{outline: outline.sum(), shape: shape.sum()}
	worded.digest(k.shape)
	writeWords(worded, d)
	k.worded = worded.sum()
	whole.digest(k.outline)
	whole.digest(k.shape)
	writeRest(whole, d)
	k.whole = whole.sum()
	return k
}

// writeWords writes the words of the 款 and items of each article: a
// 第X条 cited before the only version the corpus holds is taken when its
// sentence speaks of that article (speaksOf), which reads them.
func writeWords(w *keyWriter, d *model.Document) {
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		for _, c := range a.Clauses {
			if c != nil {
				w.text(c.Text)
				itemWords(w, c.Items)
			}
		}
	}
}

func itemWords(w *keyWriter, items []*model.Item) {
	for _, it := range items {
		if it != nil {
			w.text(it.Text)
			itemWords(w, it.Items)
		}
	}
}

// writeOutline writes what linking one document may read of any other:
// its identity, kind, titles and dates, its family (carrier, carried,
// other versions), its headings and the numbers and labels of its
// articles (a reference to 第五条 resolves where there is one), but no
// text of its paragraphs.
func writeOutline(w *keyWriter, d *model.Document) {
	for _, s := range []string{d.ID, d.Kind, d.Title, d.VersionMark, d.Kicker, d.Subtitle, d.URL, d.Date, d.ContinuedFrom,
		d.ContinuedTo, d.Status, d.Issuer, d.Approval, d.Published, d.ValidFrom, d.PrintedValidFrom, d.Parent, d.Affiliation} {
		w.str(s)
	}
	w.flag(d.OnPublication)
	w.flag(d.ValidFromPrinted)
	for _, list := range [][]string{d.Bylines, d.Credits, d.History, d.Carries, d.Versions} {
		w.strs(list)
	}
	w.flag(d.Dateline != nil)
	if dl := d.Dateline; dl != nil {
		for _, s := range []string{dl.Agency, dl.Place, dl.Date, dl.Text} {
			w.str(s)
		}
		w.strs(dl.Reporters)
	}
	w.flag(d.Carrier != nil)
	if d.Carrier != nil {
		w.str(d.Carrier.ID)
	}
	w.num(len(d.VersionDocs))
	for _, v := range d.VersionDocs {
		w.str(v.ID)
	}
	w.num(len(d.Headings))
	for _, h := range d.Headings {
		for _, s := range []string{h.Level, h.Label, h.Title, h.Anchor} {
			w.str(s)
		}
		for _, n := range []int{h.Depth, h.Number, h.Article} {
			w.num(n)
		}
	}
	w.num(len(d.Articles))
	for _, a := range d.Articles {
		w.flag(a != nil)
		if a != nil {
			w.num(a.Number)
			w.num(a.Suffix)
			w.str(a.Label)
			w.str(a.URL)
			w.strs(a.Path)
		}
	}
	w.num(len(d.Sections))
}

// writeShape writes the 款, items and notes of each article, their
// anchors and the numbers of the items: a reference to 第五条第二款第（三）项
// resolves only where they exist. A line added at the end of an article
// changes its shape, not its outline.
func writeShape(w *keyWriter, d *model.Document) {
	w.num(len(d.Articles))
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		w.num(len(a.Clauses))
		for _, c := range a.Clauses {
			w.flag(c != nil)
			if c != nil {
				w.str(c.Anchor)
				shapeItems(w, c.Items)
			}
		}
		w.num(len(a.Notes))
		for _, n := range a.Notes {
			w.flag(n != nil)
			if n != nil {
				w.str(n.Anchor)
			}
		}
	}
}

func shapeItems(w *keyWriter, items []*model.Item) {
	w.num(len(items))
	for _, it := range items {
		w.flag(it != nil)
		if it == nil {
			continue
		}
		w.str(it.Label)
		w.num(it.Number)
		w.str(it.Anchor)
		shapeItems(w, it.Items)
	}
}

// writeRest writes what writeOutline and writeShape leave out: every
// paragraph (but its Links) that linking reads (a Body that repeats the
// lines of the articles and sections is not: see textsOf), the positions,
// sections, variants and repairs.
func writeRest(w *keyWriter, d *model.Document) {
	w.num(len(d.Sources))
	for _, p := range d.Sources {
		position(w, p)
	}
	if readsBody(d) {
		paragraphs(w, d.Body)
	}
	paragraphs(w, d.Preamble)
	w.num(d.Decision)
	w.flag(d.Attached)
	paragraphs(w, d.Appendix)
	for _, h := range d.Headings {
		position(w, h.Position)
	}
	for _, a := range d.Articles {
		if a == nil {
			continue
		}
		position(w, a.Position)
		for _, c := range a.Clauses {
			if c != nil {
				paragraph(w, &c.Paragraph)
				restItems(w, c.Items)
			}
		}
		for _, n := range a.Notes {
			if n != nil {
				paragraph(w, &n.Paragraph)
			}
		}
	}
	for _, s := range d.Sections {
		section(w, s)
	}
	w.num(len(d.Variants))
	for _, v := range d.Variants {
		for _, s := range []string{v.Where, v.Article, v.ContextBefore, v.ContextAfter, v.Chosen, v.Rule} {
			w.str(s)
		}
		w.num(v.Paragraph)
		w.num(v.Item)
		w.flag(v.Undecided)
		w.num(len(v.Readings))
		for _, r := range v.Readings {
			w.str(r.Source)
			w.str(r.Text)
			w.num(r.Line)
		}
	}
	for _, list := range [][]model.Repair{d.Repairs, d.Suspects} {
		w.num(len(list))
		for _, r := range list {
			position(w, r.Position)
			for _, s := range []string{r.Kind, r.Before, r.After, r.Message} {
				w.str(s)
			}
		}
	}
}

func restItems(w *keyWriter, items []*model.Item) {
	for _, it := range items {
		if it != nil {
			paragraph(w, &it.Paragraph)
			restItems(w, it.Items)
		}
	}
}

func section(w *keyWriter, s *model.Section) {
	w.flag(s != nil)
	if s == nil {
		return
	}
	for _, x := range []string{s.Label, s.Title, s.URL, s.Anchor} {
		w.str(x)
	}
	position(w, s.Position)
	paragraphs(w, s.Body)
	w.num(len(s.Sections))
	for _, sub := range s.Sections {
		section(w, sub)
	}
}

func paragraphs(w *keyWriter, ps []model.Paragraph) {
	w.num(len(ps))
	for i := range ps {
		paragraph(w, &ps[i])
	}
}

func paragraph(w *keyWriter, p *model.Paragraph) {
	w.text(p.Text)
	position(w, p.Position)
	w.num(p.Heading)
	w.flag(p.ListItem)
	w.str(p.Row)
	w.flag(p.Header)
	w.flag(p.Rule)
}

// position writes a position; a path the last position had is written
// as -1 (no length is), for most positions of a document share it.
func position(w *keyWriter, p model.Position) {
	if p.Path == w.path {
		w.num(-1)
	} else {
		w.str(p.Path)
		w.path = p.Path
	}
	w.num(p.Line)
}
