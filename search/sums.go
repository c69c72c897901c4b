package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"tiaoli/generator/model"
)

// An index records, in its sums file, what the next build needs to index
// only what changed (update.go): for each document and term of its
// corpus, in corpus order, the fingerprint of what its search documents
// read of it (a stable printer's, liveprint.go) and its search documents,
// with their digests (docSum) and their numbers in the index; and the
// digest of the whole corpus as the index holds it (corpusPrintsOf). A build
// whose corpus has the same digest has nothing to index: it takes the
// index as it is. Otherwise it makes the search documents only of the
// documents and terms whose fingerprints changed, and indexes those of
// them whose digests changed.

// sumsFile is the sums file inside the index folder: a first line naming
// the index version and the program, then the corpus digest and the
// records (see sums.encode).
const sumsFile = "tiaoli-sums"

// sums is what the sums file of an index holds.
type sums struct {
	program string
	corpus  string // the digest of the corpus (corpusPrints.digest)
	// segs are the segments of the index when it numbered the search
	// documents; nil when not known.
	segs *segmentRun
	recs []*sumRecord
	raw  *sumReader // the records not read yet (see records)
}

// sumRecord is what the sums file holds of a document or term.
type sumRecord struct {
	// key is the document's ID or the term's URL, made unique (keyOf),
	// after a letter that tells them apart.
	key   string
	print uint64 // the fingerprint (printer)
	// doc is the document the citations of its search documents are
	// counted by: the document itself, or the one defining the term.
	doc     string
	entries []sumEntry
	// raw is the record as the sums file it was read from holds it, ""
	// for none: what an update whose documents kept their numbers writes
	// again of a record it carried over.
	raw string
}

// sumEntry is a search document of a record. One whose ID an earlier
// record has is not indexed for this one: its sum is "".
type sumEntry struct {
	id, sum string
	article string // what its citations are counted by, with the record's doc
	shared  bool   // whether its head is shared (searchDoc.sharedHead)
	num     uint32 // its number in the index
	ord     uint32 // its order of indexing, while the side files are written
}

// Letters of a record's key.
const (
	keyDocument = "d"
	keyTerm     = "t"
)

// newEntry is the entry of the search document d, indexed in the order
// ord, with the digest sum.
func newEntry(d *searchDoc, sum string, ord uint32) sumEntry {
	return sumEntry{id: d.ID, sum: sum, article: d.Article, shared: d.sharedHead(), ord: ord}
}

// corpusPrints is what a build reads of its corpus before it indexes it:
// a record of each document and term, without its search documents; the
// metadata of the index, encoded; the counts of citations; and the
// digest of all of it.
type corpusPrints struct {
	recs   []*sumRecord
	docs   int // the first len(docs) records are the documents'
	meta   []byte
	cites  citations
	digest string
}

// corpusPrintsOf fingerprints the documents and terms of c.
func corpusPrintsOf(c *model.Corpus) (*corpusPrints, error) {
	meta, err := newMeta(c).encode()
	if err != nil {
		return nil, fmt.Errorf("encode the metadata: %w", err)
	}
	cp := &corpusPrints{recs: make([]*sumRecord, 0, len(c.Documents)+len(c.Terms)), docs: len(c.Documents),
		meta: meta, cites: countCitations(c)}
	p := newStablePrinter()
	seen := map[string]bool{}
	for _, d := range c.Documents {
		print, _ := p.document(d, nil)
		cp.recs = append(cp.recs, &sumRecord{key: keyDocument + keyOf(d.ID, seen), print: print, doc: d.ID})
	}
	seen = map[string]bool{}
	for _, t := range c.Terms {
		cp.recs = append(cp.recs, &sumRecord{key: keyTerm + keyOf(t.URL, seen), print: p.term(t), doc: termDoc(t).Doc})
	}
	h := sha256.New()
	var b []byte
	for _, r := range cp.recs {
		b = binary.LittleEndian.AppendUint64(appendSumString(b[:0], r.key), r.print)
		h.Write(b)
	}
	b = binary.LittleEndian.AppendUint64(b[:0], cp.cites.digest())
	h.Write(b)
	h.Write(meta)
	cp.digest = hex.EncodeToString(h.Sum(nil)[:16])
	return cp, nil
}

// walk calls f with the search documents of the document or term of
// record i.
func (cp *corpusPrints) walk(c *model.Corpus, i int, f func(*searchDoc) error) error {
	if i < cp.docs {
		return docsOf(c.Documents[i], f)
	}
	return f(termDoc(c.Terms[i-cp.docs]))
}

func newSums(program, corpus string) *sums { return &sums{program: program, corpus: corpus} }

// start appends a record like r, without its search documents, and
// returns it.
func (s *sums) start(r *sumRecord) *sumRecord {
	rec := &sumRecord{key: r.key, print: r.print, doc: r.doc}
	s.recs = append(s.recs, rec)
	return rec
}

// byID is the digest of each search document in the index, by its ID.
func (s *sums) byID() (map[string]string, error) {
	recs, err := s.records()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range recs {
		for _, e := range r.entries {
			if e.sum != "" {
				out[e.id] = e.sum
			}
		}
	}
	return out, nil
}

// docSum is the digest of everything indexed of a search document: each
// field, strings and lists prefixed with their lengths so that no two
// documents give the same bytes. (Encoding the document as JSON to digest
// it was a tenth of the time of feeding the index.)
func docSum(d *searchDoc) string {
	b := make([]byte, 0, 1024)
	for _, s := range []string{d.ID, d.Title, d.Article, d.Issuer, d.Kind, d.Doc, d.Date, d.Status} {
		b = appendSumString(b, s)
	}
	for _, l := range [][]string{d.Heading, d.Labels, d.Lines, d.Anchors} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			b = appendSumString(b, s)
		}
	}
	if d.Whole {
		b = append(b, 1)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

func appendSumString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// write writes the sums file into the index folder dir, with the numbers
// side, finished, gave the search documents.
func (s *sums) write(dir string, side *sideFiles) error {
	for _, r := range s.recs {
		if !side.keptNumbers {
			r.raw = "" // its numbers changed
		}
		for i := range r.entries {
			if e := &r.entries[i]; e.sum != "" {
				e.num = side.numbers[e.ord]
			}
		}
	}
	s.segs = side.segs
	f, err := os.OpenFile(filepath.Join(dir, sumsFile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := s.encode(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sumsChunk is how much of the sums file encode gathers before it writes:
// the whole file, 15 MB on the LawRefBook corpus, was a buffer allocated
// and grown once more on every build.
const sumsChunk = 64 << 10

// encode writes the sums file to w, a chunk (sumsChunk) at a time: the first line, then the corpus digest, the
// segments (how many, their IDs and how many documents they number), how
// many records follow and each record: its key, fingerprint (uint64,
// little-endian), doc and how many entries follow, and each entry: its
// ID, sum, article, number and whether its head is shared (a byte).
// Strings and counts are uvarints, strings after their lengths.
func (s *sums) encode(w io.Writer) error {
	b := fmt.Appendf(make([]byte, 0, 2*sumsChunk), "%d %s\n", metaVersion, s.program)
	b = appendSumString(b, s.corpus)
	segs := s.segs
	if segs == nil {
		segs = &segmentRun{}
	}
	b = binary.AppendUvarint(b, uint64(len(segs.ids)))
	for _, id := range segs.ids {
		b = binary.AppendUvarint(b, id)
	}
	b = binary.AppendUvarint(b, segs.total)
	b = binary.AppendUvarint(b, uint64(len(s.recs)))
	for _, r := range s.recs {
		if len(b) >= sumsChunk {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
		if r.raw != "" {
			b = append(b, r.raw...)
			continue
		}
		b = appendSumString(b, r.key)
		b = binary.LittleEndian.AppendUint64(b, r.print)
		b = binary.AppendUvarint(appendSumString(b, r.doc), uint64(len(r.entries)))
		for _, e := range r.entries {
			b = appendSumString(appendSumString(appendSumString(b, e.id), e.sum), e.article)
			b = binary.AppendUvarint(b, uint64(e.num))
			b = append(b, boolByte(e.shared))
		}
	}
	_, err := w.Write(b)
	return err
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// readSums reads the sums file of the index in dir, up to its records
// (see records); nil when there is none or it is of another index
// version.
func readSums(dir string) *sums {
	data, err := os.ReadFile(filepath.Join(dir, sumsFile))
	if err != nil {
		return nil
	}
	// The records' strings share the file's memory (records), which
	// nothing writes to: 15 MB not copied on the LawRefBook corpus.
	line, rest, ok := strings.Cut(unsafe.String(unsafe.SliceData(data), len(data)), "\n")
	version, program, _ := strings.Cut(line, " ")
	if !ok || version != fmt.Sprint(metaVersion) {
		return nil
	}
	r := &sumReader{data: rest}
	s := &sums{program: program, corpus: r.string(), raw: r}
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		return nil
	}
	segs := &segmentRun{}
	for ; n > 0 && r.err == nil; n-- {
		segs.ids = append(segs.ids, r.uvarint())
	}
	segs.total = r.uvarint()
	if len(segs.ids) > 0 {
		s.segs = segs
	}
	if r.err != nil {
		return nil
	}
	return s
}

var errSums = errors.New("damaged sums file")

// records reads the records of a sums file readSums read; their strings
// share the file's memory.
func (s *sums) records() ([]*sumRecord, error) {
	r := s.raw
	if r == nil {
		return s.recs, nil
	}
	s.raw = nil
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		return nil, errSums
	}
	s.recs = make([]*sumRecord, 0, n)
	for ; n > 0 && r.err == nil; n-- {
		start := r.data
		rec := &sumRecord{key: r.string(), print: r.uint64(), doc: r.string()}
		m := r.uvarint()
		if m > uint64(len(r.data)) {
			return nil, errSums
		}
		rec.entries = make([]sumEntry, m)
		for i := range rec.entries {
			e := &rec.entries[i]
			e.id, e.sum, e.article = r.string(), r.string(), r.string()
			e.num, e.shared = uint32(r.uvarint()), r.byte() == 1
		}
		rec.raw = start[:len(start)-len(r.data)]
		s.recs = append(s.recs, rec)
	}
	if r.err != nil || len(r.data) > 0 {
		s.recs = nil
		return nil, errSums
	}
	return s.recs, nil
}

// sumReader reads the parts of a sums file; err is set when one is cut
// short.
type sumReader struct {
	data string
	err  error
}

func (r *sumReader) uvarint() uint64 {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		if len(r.data) == 0 {
			r.err = errSums
			return 0
		}
		c := r.data[0]
		r.data = r.data[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	r.err = errSums
	return 0
}

func (r *sumReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.err = errSums
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

func (r *sumReader) uint64() uint64 {
	if len(r.data) < 8 {
		r.err = errSums
		return 0
	}
	x := binary.LittleEndian.Uint64([]byte(r.data[:8]))
	r.data = r.data[8:]
	return x
}

func (r *sumReader) byte() byte {
	if len(r.data) == 0 {
		r.err = errSums
		return 0
	}
	c := r.data[0]
	r.data = r.data[1:]
	return c
}
