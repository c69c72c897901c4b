package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// sideFiles are what the index folder holds beside bleve's own files,
// collected while the index is fed and finished once it is merged, by
// the numbers the merged index gives documents: the documents of each
// Han character (chars.go), the text of each document (texts.go), the
// heads articles share (heads.go), how often each is cited (cited.go) and
// the order of their IDs (order.go).
type sideFiles struct {
	// batch is the texts of the documents of the batch being fed, which
	// its writer analyses for the text postings (see textfeed.go).
	batch   *textBatch
	collect *textCollector
	an      *bigramAnalyzer
	chars   *charPostings
	texts   *textWriter
	heads   *headPostings
	cited   *citedCounts
	n       uint32 // documents added: the order of indexing of the next
	// carry, in an update, is the side files of the previous index, of
	// which the entries of unchanged documents are carried over.
	carry *carried
	// numbers are the numbers the index gives the documents, by order of
	// indexing, and segs its segments, once finish has written the side
	// files.
	numbers []uint32
	segs    *segmentRun
	// keptNumbers is whether the documents carried over kept their numbers.
	keptNumbers bool
}

// newSideFiles starts the side files of the index folder dir for a
// corpus whose citations are cites.
func newSideFiles(dir string, cites citations) (*sideFiles, error) {
	tw, err := createTexts(dir)
	if err != nil {
		return nil, err
	}
	a, err := textAnalyzer()
	if err != nil {
		tw.close()
		return nil, err
	}
	return &sideFiles{batch: &textBatch{}, collect: newTextCollector(), an: a,
		chars: newCharPostings(), texts: tw, heads: newHeadPostings(),
		cited: &citedCounts{of: cites}}, nil
}

// reserve makes room for about n search documents in the lists kept by
// order of indexing, which an update otherwise grew by doubling from
// empty, a quarter at a time: on the LawRefBook corpus each list is
// 2.5 MB and allocated 13 MB on every rebuild. A little more than n
// leaves an edit that adds documents room to grow in place.
func (s *sideFiles) reserve(n int) {
	n += n/64 + 64
	s.chars.ids = slices.Grow(s.chars.ids, n)
	s.texts.ords = slices.Grow(s.texts.ords, n)
}

// cutBatch returns the texts of the batch fed so far and starts the next.
func (s *sideFiles) cutBatch() *textBatch {
	b := s.batch
	s.batch = &textBatch{seq: b.seq + 1}
	return b
}

// analyse analyses the texts of a batch and adds them to the postings.
func (s *sideFiles) analyse(b *textBatch) {
	b.analyse(s.an)
	s.collect.deliver(b)
}

// add records the next search document d: its fields as indexed and its
// head.
func (s *sideFiles) add(d *searchDoc, fields map[string]interface{}, head string) {
	p := sidePartsOf(d, fields, head)
	s.chars.add(d.ID, p.charHead, p.text)
	if d.sharedHead() {
		s.heads.add(s.n, head)
	}
	s.texts.add(p.ownHead, p.text)
	if p.text != "" {
		s.batch.add(s.n, p.text)
	}
	s.cited.add(d.Doc, d.Article)
	s.n++
}

// keep records the next search document as the previous index's side
// files hold it: e, of a record whose citations are counted by doc, with
// its number there (see carry.go).
func (s *sideFiles) keep(e sumEntry, doc string) {
	s.chars.skip(e.id)
	if e.shared {
		s.heads.addNormal(s.n, s.carry.heads.headOf(uint64(e.num)))
	}
	s.texts.addNormal(s.carry.texts.part(uint64(e.num), partHead), s.carry.texts.part(uint64(e.num), partText))
	s.cited.add(doc, e.article)
	s.carry.keep(s.n, e.num)
	s.n++
}

// sideParts are what the side files take of a search document: the text
// whose characters count as in its head (head and labels), its text, and
// its head as the side file of texts holds it ("" when the side file of
// heads holds it).
type sideParts struct {
	charHead, text, ownHead string
}

func sidePartsOf(d *searchDoc, fields map[string]interface{}, head string) sideParts {
	p := sideParts{charHead: head + "\n" + strings.Join(d.Labels, "\n"), ownHead: head}
	p.text, _ = fields[fieldText].(string)
	if d.sharedHead() {
		p.ownHead = ""
	}
	return p
}

// finish writes the side files into dir, numbering documents as the index
// bi does.
func (s *sideFiles) finish(bi bleve.Index, dir string) error {
	numbers, ok, err := s.carry.numbers(bi, s.chars.ids)
	if err == nil && !ok {
		numbers, err = s.chars.numbers(bi)
	}
	s.keptNumbers = ok
	if err == nil {
		s.segs, err = segmentsOf(bi)
	}
	if err != nil {
		err = fmt.Errorf("number the documents as the index does: %w", err)
	}
	if err == nil {
		err = s.chars.write(dir, numbers, s.carry)
	}
	if err == nil {
		err = s.writeTextPosts(dir, numbers)
	}
	if err == nil {
		err = s.heads.write(dir, numbers)
	}
	if err == nil {
		err = s.cited.write(dir, numbers)
	}
	if err == nil {
		err = newIDOrder(s.chars.ids, numbers, s.segs.total, s.carry.order(len(s.chars.ids))).write(dir)
	}
	if err != nil {
		s.close()
		return err
	}
	s.numbers = numbers
	err = s.texts.finish(numbers)
	s.carry.close()
	return err
}

// close abandons the side files.
func (s *sideFiles) close() {
	s.texts.close()
	s.carry.close()
}

// writeSideFile writes the side file name into the index folder dir
// through a buffer that write fills.
func writeSideFile(dir, name string, write func(w *bufio.Writer) error) (err error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}

// readSideHeader reads the head of a side file: its magic, then how many
// entries follow (uint32, little-endian). what names the file's kind in
// the error when the magic is not there.
func readSideHeader(r io.Reader, magic, what string) (uint32, error) {
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(r, got); err != nil || string(got) != magic {
		return 0, errors.New("not a " + what)
	}
	var n uint32
	err := binary.Read(r, binary.LittleEndian, &n)
	return n, err
}

// readSideFile reads the side file name of the index folder dir whole
// with read, through a buffer; its errors name the file.
func readSideFile[T any](dir, name string, read func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := read(bufio.NewReader(f))
	if err != nil {
		return v, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// writeTextPosts writes the side file of text postings: those of the
// documents indexed anew, the last batch analysed here, and those the
// previous index held of the documents carried over (see carry.go).
func (s *sideFiles) writeTextPosts(dir string, numbers []uint32) error {
	last := s.cutBatch()
	s.analyse(last)
	posts, ok := s.collect.done(last.seq + 1)
	if !ok {
		return errors.New("text postings: a batch was not analysed")
	}
	count := numberCount(numbers)
	if s.carry != nil && s.carry.posts != nil {
		return s.carry.writeTextPosts(dir, posts, numbers, count)
	}
	return writeTextPostings(dir, posts, numbers, count)
}
