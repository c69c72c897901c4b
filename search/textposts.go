package search

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
	mmap "github.com/blevesearch/mmap-go"
	"github.com/blevesearch/vellum"
)

// The postings of the text field, nine tenths of the index's postings,
// can be kept in a side file of the index rather than in bleve: bleve
// spent most of the CPU of a build converting, writing and merging them.
// For each term of the text field the file holds the documents holding
// it, as a roaring bitmap of their numbers in the index, and how often
// each holds it; for each document number the length of its text (the
// count of its tokens), from which bleve's scorer reads the field length
// norm. A term searcher over the file (see textTermQuery) then scores
// exactly as bleve's own term searcher does.

// textPostsFile is the side file inside the index folder: the magic, a
// block per term (see appendPostBlock), the text length of every
// document number (uint32), the offset of each term's block by the
// term's number (uint64; noBlock for a term no document holds any more),
// the dictionary (a vellum FST from each term to its number), the
// dictionary of the terms an update added since the file was last
// written whole (another FST, empty when none), then the foot: the
// offset of the lengths, how many numbers they cover, how many terms are
// numbered, the sizes of the two dictionaries, how many bytes of blocks
// no term points at any more and the CRC-32C (Castagnoli) of the table
// of offsets and the two dictionaries (seven uint64), all little-endian.
// The CRC is checked when the file is opened: vellum trusts the bytes of
// an FST and may panic on damaged ones. An update whose documents keep
// their numbers writes only the blocks that changed, after the others as
// they were (see carried.patchTextPosts).
const textPostsFile = "tiaoli-textposts"

const textPostsMagic = "TLPOSTS3"

// textPostsFoot is the size of the file's last part.
const textPostsFoot = 56

// castagnoli is the table of the CRC-32C of a file of text postings.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// noBlock is the offset of the block of a term that no document holds
// any more.
const noBlock = ^uint64(0)

// textPostings collects the postings of the text field while the index
// is fed, by the order of indexing of the documents. A term of one or two
// unified Han characters, most terms, is found by its key (see hanKey):
// looking a term up by its text, among a million, was most of the time
// of collecting the postings.
type textPostings struct {
	dict termDict // the index of a term in lists
	// lists are the terms' lists in chunks of listChunk: a list stays
	// where it is, and no growing copies the million lists of a corpus.
	lists   [][]termList
	count   int32    // lists in all
	lengths []uint32 // by order of indexing; 0 for a document without text
}

// listChunk is how many lists a chunk of textPostings.lists holds.
const listChunk = 1 << 12

// at is the i-th list.
func (tp *textPostings) at(i int32) *termList { return &tp.lists[i/listChunk][i%listChunk] }

// termList is a term, the documents holding it by order of indexing (see
// docList) and the frequency of the term in each, as uvarints.
type termList struct {
	term  batchTerm
	docs  docList
	freqs []byte
}

func newTextPostings() *textPostings {
	return &textPostings{dict: newTermDict()}
}

// list is the list of term, added when new.
func (tp *textPostings) list(term []byte) *termList {
	i, t, ok := tp.dict.find(term)
	if !ok {
		return tp.newList(t)
	}
	return tp.at(i)
}

// newList adds the list of a term not collected yet.
func (tp *textPostings) newList(t batchTerm) *termList {
	i := tp.count
	tp.count++
	tp.dict.put(t, i)
	if i%listChunk == 0 {
		tp.lists = append(tp.lists, make([]termList, 0, listChunk))
	}
	last := &tp.lists[len(tp.lists)-1]
	*last = append(*last, termList{term: t})
	return tp.at(i)
}

// find is the list of term, nil when no document holds it.
func (tp *textPostings) find(term string) *termList {
	if i, _, ok := tp.dict.find([]byte(term)); ok {
		return tp.at(i)
	}
	return nil
}

// has reports whether a document holds term.
func (tp *textPostings) has(term string) bool { return tp.find(term) != nil }

// termCount is how many terms the documents hold.
func (tp *textPostings) termCount() int { return int(tp.count) }

// eachTerm calls f with each term the documents hold.
func (tp *textPostings) eachTerm(f func(term string)) {
	var buf []byte
	for _, chunk := range tp.lists {
		for i := range chunk {
			buf = chunk[i].term.text(buf[:0])
			f(string(buf))
		}
	}
}

// add records the text of the document of order ord: its length in
// tokens and the frequency of each of its terms. Orders come rising.
func (tp *textPostings) add(ord uint32, length int, freqs index.TokenFrequencies) {
	tp.setLength(ord, length)
	for term, tf := range freqs {
		l := tp.list([]byte(term))
		l.docs.add(ord)
		l.freqs = binary.AppendUvarint(l.freqs, uint64(tf.Frequency()))
	}
}

// addBatch records the texts of an analysed batch, whose orders come
// after those recorded.
func (tp *textPostings) addBatch(b *textBatch) {
	for i, ord := range b.ords {
		tp.setLength(ord, b.lengths[i])
	}
	bp := &b.posts
	for t, term := range bp.terms {
		i, ok := tp.dict.findTerm(term)
		var l *termList
		if ok {
			l = tp.at(i)
		} else {
			l = tp.newList(term)
		}
		l.docs.add(bp.first[t])
		l.docs.deltas = append(l.docs.deltas, bp.deltas[bp.off[t]:bp.off[t+1]]...)
		l.docs.next = bp.last[t] + 1
		l.freqs = append(l.freqs, bp.freq[bp.foff[t]:bp.foff[t+1]]...)
	}
}

// setLength records the length of the text of order ord.
func (tp *textPostings) setLength(ord uint32, length int) {
	for uint32(len(tp.lengths)) <= ord {
		tp.lengths = append(tp.lengths, 0)
	}
	tp.lengths[ord] = uint32(length)
}

// posting is one document holding a term, by its number in the index.
type posting struct {
	num  uint32
	freq uint64
}

// write writes the file to w, the documents numbered by numbers (the
// number of each order of indexing; count numbers in all).
func (tp *textPostings) write(w io.Writer, numbers []uint32, count uint32) error {
	if len(numbers) < len(tp.lengths) {
		return fmt.Errorf("%d numbers for %d documents", len(numbers), len(tp.lengths))
	}
	lengths := make([]uint32, count)
	if err := tp.putLengths(lengths, numbers); err != nil {
		return err
	}
	terms := tp.sortedTerms()
	return writePostsFile(w, lengths, terms, func(i int, dst []posting) ([]posting, []byte, error) {
		dst, err := tp.appendPostings(dst, terms[i], numbers, count)
		return dst, nil, err
	})
}

// sortedTerms lists the terms collected, in order.
func (tp *textPostings) sortedTerms() []string {
	terms := make([]string, 0, tp.count)
	tp.eachTerm(func(t string) { terms = append(terms, t) })
	slices.Sort(terms)
	return terms
}

// putLengths puts the length of each text collected into lengths, by
// its document's number; it leaves the others (of the documents an update
// carries over) as they are.
func (tp *textPostings) putLengths(lengths []uint32, numbers []uint32) error {
	for ord, n := range tp.lengths {
		if n == 0 {
			continue // no text, or not collected
		}
		if numbers[ord] >= uint32(len(lengths)) {
			return fmt.Errorf("number %d beyond %d", numbers[ord], len(lengths))
		}
		lengths[numbers[ord]] = n
	}
	return nil
}

// appendPostings appends to dst the postings of term, numbered by
// numbers.
func (tp *textPostings) appendPostings(dst []posting, term string, numbers []uint32, count uint32) ([]posting, error) {
	l := tp.find(term)
	if l == nil {
		return dst, nil
	}
	freqs := l.freqs
	for _, ord := range l.docs.orders() {
		f, n := binary.Uvarint(freqs)
		freqs = freqs[n:]
		if int(ord) >= len(numbers) || numbers[ord] >= count {
			return nil, fmt.Errorf("document %d: no number below %d", ord, count)
		}
		dst = append(dst, posting{num: numbers[ord], freq: f})
	}
	return dst, nil
}

// writePostsFile writes a file of text postings to w: the lengths of the
// texts by document number, and for each of terms, in order, the
// postings postingsOf appends to dst, or the block it returns as it is.
func writePostsFile(w io.Writer, lengths []uint32, terms []string, postingsOf func(i int, dst []posting) ([]posting, []byte, error)) error {
	bw := &countingWriter{w: bufio.NewWriterSize(w, 1<<16)}
	var dict bytes.Buffer
	fst, err := vellum.New(&dict, nil)
	if err != nil {
		return err
	}
	bw.write([]byte(textPostsMagic))
	var ps []posting
	var block, raw, slots []byte
	for i, t := range terms {
		if ps, raw, err = postingsOf(i, ps[:0]); err != nil {
			return err
		}
		if len(ps) == 0 && raw == nil {
			continue // every document of the term was dropped
		}
		if err := fst.Insert([]byte(t), uint64(len(slots)/8)); err != nil {
			return err
		}
		slots = binary.LittleEndian.AppendUint64(slots, bw.n)
		if raw == nil {
			if block, err = appendPostBlock(block[:0], ps); err != nil {
				return err
			}
			raw = block
		}
		bw.write(raw)
	}
	if err := fst.Close(); err != nil {
		return err
	}
	return writePostsTail(bw, postsTail{lengths: lengths, slots: slots, dict: dict.Bytes()})
}

// postsTail is what a file of text postings holds after its blocks.
type postsTail struct {
	lengths     []uint32
	slots       []byte // the offset of each term's block, uint64 each
	dict, added []byte // the two dictionaries
	dead        uint64 // bytes of blocks no term points at
}

// writePostsTail writes the part of a file of text postings after its
// blocks, bw.n bytes into the file, and flushes it.
func writePostsTail(bw *countingWriter, t postsTail) error {
	lengthsOff := bw.n
	b := make([]byte, 0, 4*len(t.lengths))
	for _, n := range t.lengths {
		b = binary.LittleEndian.AppendUint32(b, n)
	}
	bw.write(b)
	bw.write(t.slots)
	bw.write(t.dict)
	bw.write(t.added)
	sum := crc32.Update(crc32.Update(crc32.Checksum(t.slots, castagnoli), castagnoli, t.dict), castagnoli, t.added)
	var foot [textPostsFoot]byte
	for i, v := range []uint64{lengthsOff, uint64(len(t.lengths)), uint64(len(t.slots) / 8),
		uint64(len(t.dict)), uint64(len(t.added)), t.dead, uint64(sum)} {
		binary.LittleEndian.PutUint64(foot[8*i:], v)
	}
	bw.write(foot[:])
	if bw.err != nil {
		return bw.err
	}
	return bw.w.Flush()
}

// appendPostBlock appends the block of a term's postings: the width of
// its frequencies in bytes (1, 2 or 4), the size of its bitmap (uvarint),
// the bitmap of the document numbers, then the frequency of each in the
// order of the bitmap, width bytes each. Fixed widths let a searcher that
// skips documents find a frequency by the rank of its document.
func appendPostBlock(dst []byte, ps []posting) ([]byte, error) {
	p, err := newTermPosts(ps)
	if err != nil {
		return nil, err
	}
	dst = append(dst, byte(p.width))
	dst = binary.AppendUvarint(dst, p.docs.GetSerializedSizeInBytes())
	w := appendWriter{dst}
	if _, err := p.docs.WriteTo(&w); err != nil {
		return nil, err
	}
	return append(w.b, p.freqs...), nil
}

// appendWriter is an io.Writer that appends to b.
type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// newTermPosts is the postings ps of a term, which it sorts by number;
// an error when two have one number.
func newTermPosts(ps []posting) (termPosts, error) {
	sortPostings(ps)
	nums := make([]uint32, len(ps))
	var most uint64
	for i, p := range ps {
		if i > 0 && ps[i-1].num == p.num {
			return termPosts{}, fmt.Errorf("document %d twice", p.num)
		}
		nums[i] = p.num
		most = max(most, p.freq)
	}
	p := termPosts{docs: roaring.New(), width: freqWidth(most)}
	p.docs.AddMany(nums)
	p.docs.RunOptimize()
	p.freqs = make([]byte, 0, len(ps)*p.width)
	for _, q := range ps {
		p.freqs = putFreq(p.freqs, p.width, q.freq)
	}
	return p, nil
}

// sortPostings sorts ps by number. Numbered as a merged index numbers
// documents, a term's postings come in short runs: sorting them as
// integers took a third of the time structs with a comparison did.
func sortPostings(ps []posting) {
	byNum := func(a, b posting) int { return cmp.Compare(a.num, b.num) }
	if len(ps) < 64 || slices.IsSortedFunc(ps, byNum) {
		slices.SortFunc(ps, byNum)
		return
	}
	if sortDense(ps) {
		return
	}
	keys := make([]uint64, len(ps))
	for i, p := range ps {
		keys[i] = uint64(p.num)<<32 | min(p.freq, math.MaxUint32)
	}
	slices.Sort(keys)
	for i, k := range keys {
		ps[i] = posting{num: uint32(k >> 32), freq: k & math.MaxUint32}
	}
}

// sortDense sorts ps through a table by number, when their numbers are
// dense enough for one no more than four times their count (a common
// term's): a pass each way, no comparisons. It reports false, leaving ps
// as it was, when they are not, or when two postings have one number.
func sortDense(ps []posting) bool {
	var hi uint32
	for _, p := range ps {
		hi = max(hi, p.num)
	}
	if int(hi) >= 4*len(ps) {
		return false
	}
	table := make([]uint64, int(hi)+1) // the frequency plus one by number; 0 for none
	for _, p := range ps {
		if table[p.num] != 0 {
			return false
		}
		table[p.num] = p.freq + 1
	}
	i := 0
	for n, f := range table {
		if f != 0 {
			ps[i] = posting{num: uint32(n), freq: f - 1}
			i++
		}
	}
	return true
}

// freqWidth is the bytes a frequency up to max takes.
func freqWidth(max uint64) int {
	switch {
	case max <= math.MaxUint8:
		return 1
	case max <= math.MaxUint16:
		return 2
	}
	return 4
}

func putFreq(dst []byte, width int, f uint64) []byte {
	switch width {
	case 1:
		return append(dst, byte(f))
	case 2:
		return binary.LittleEndian.AppendUint16(dst, uint16(f))
	}
	return binary.LittleEndian.AppendUint32(dst, uint32(min(f, math.MaxUint32)))
}

// countingWriter writes through w, counting the bytes and keeping the
// first error.
type countingWriter struct {
	w   *bufio.Writer
	n   uint64
	err error
}

func (c *countingWriter) write(b []byte) {
	if c.err != nil {
		return
	}
	n, err := c.w.Write(b)
	c.n += uint64(n)
	c.err = err
}

// writeTextPostings writes the side file of text postings into the index
// folder dir.
func writeTextPostings(dir string, tp *textPostings, numbers []uint32, count uint32) error {
	return writeSideFile(dir, textPostsFile, func(w *bufio.Writer) error {
		return tp.write(w, numbers, count)
	})
}

// textPosts is the side file of text postings, mapped in memory.
type textPosts struct {
	m    mmap.MMap // nil when read from a slice (tests)
	data []byte    // up to the end of the blocks
	// dict numbers the terms of the file as last written whole; added,
	// nil for none, those an update added since.
	dict, added       *vellum.FST
	dictRaw, addedRaw []byte
	lengths, slots    []byte
	dead              uint64
}

// openTextPosts maps the side file of text postings of the index in dir.
func openTextPosts(dir string) (*textPosts, error) {
	f, err := os.Open(filepath.Join(dir, textPostsFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := mmap.Map(f, mmap.RDONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", textPostsFile, err)
	}
	tp, err := parseTextPosts(m)
	if err != nil {
		m.Unmap()
		return nil, fmt.Errorf("%s: %w", textPostsFile, err)
	}
	tp.m = m
	return tp, nil
}

// parseTextPosts reads the frame of the file data.
func parseTextPosts(data []byte) (*textPosts, error) {
	if len(data) < len(textPostsMagic)+textPostsFoot || string(data[:len(textPostsMagic)]) != textPostsMagic {
		return nil, errors.New("not a file of text postings")
	}
	end := uint64(len(data) - textPostsFoot)
	var foot [textPostsFoot / 8]uint64
	for i := range foot {
		foot[i] = binary.LittleEndian.Uint64(data[end+uint64(8*i):])
	}
	lengthsOff, count, terms, dictLen, addedLen, dead, sum := foot[0], foot[1], foot[2], foot[3], foot[4], foot[5], foot[6]
	if lengthsOff < uint64(len(textPostsMagic)) || lengthsOff > end || count > (end-lengthsOff)/4 {
		return nil, errors.New("corrupt frame")
	}
	slotsOff := lengthsOff + 4*count
	if terms > (end-slotsOff)/8 {
		return nil, errors.New("corrupt frame")
	}
	dictOff := slotsOff + 8*terms
	if dictLen > end-dictOff || addedLen != end-dictOff-dictLen || dead > lengthsOff {
		return nil, errors.New("corrupt frame")
	}
	if uint64(crc32.Checksum(data[slotsOff:end], castagnoli)) != sum {
		return nil, errors.New("the table of offsets or a dictionary is damaged (CRC-32C)")
	}
	addedOff := dictOff + dictLen
	tp := &textPosts{data: data[:lengthsOff], lengths: data[lengthsOff:slotsOff], slots: data[slotsOff:dictOff],
		dictRaw: data[dictOff:addedOff], addedRaw: data[addedOff:end], dead: dead}
	var err error
	if tp.dict, err = vellum.Load(tp.dictRaw); err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	if addedLen > 0 {
		if tp.added, err = vellum.Load(tp.addedRaw); err != nil {
			return nil, fmt.Errorf("dictionary of added terms: %w", err)
		}
	}
	return tp, nil
}

func (tp *textPosts) Close() error {
	if tp.m == nil {
		return nil
	}
	return tp.m.Unmap()
}

// count is how many document numbers the file covers.
func (tp *textPosts) count() uint32 { return uint32(len(tp.lengths) / 4) }

// length is the count of tokens of the text of document number n.
func (tp *textPosts) length(n uint32) uint32 {
	if n >= tp.count() {
		return 0
	}
	return binary.LittleEndian.Uint32(tp.lengths[4*n:])
}

// termPosts are the postings of one term: the bitmap of its documents
// and their frequencies in its order, width bytes each.
type termPosts struct {
	docs  *roaring.Bitmap
	freqs []byte
	width int
}

// postings returns the postings of term; ok is false when no document
// holds it.
func (tp *textPosts) postings(term []byte) (p termPosts, ok bool, err error) {
	n, ok, err := tp.number(term)
	if err != nil || !ok {
		return termPosts{}, false, err
	}
	off, err := tp.slot(n)
	if err != nil || off == noBlock {
		return termPosts{}, false, err
	}
	p, err = tp.block(off)
	if err != nil {
		return termPosts{}, false, fmt.Errorf("term %q: %w", term, err)
	}
	return p, true, nil
}

// number is the number of term in the file, if it has one.
func (tp *textPosts) number(term []byte) (uint64, bool, error) {
	n, ok, err := tp.dict.Get(term)
	if err != nil || ok || tp.added == nil {
		return n, ok, err
	}
	return tp.added.Get(term)
}

// termCount is how many terms the file numbers.
func (tp *textPosts) termCount() uint64 { return uint64(len(tp.slots) / 8) }

// slot is the offset of the block of term number n, noBlock when no
// document holds the term.
func (tp *textPosts) slot(n uint64) (uint64, error) {
	if n >= tp.termCount() {
		return 0, errors.New("term number beyond the table")
	}
	return binary.LittleEndian.Uint64(tp.slots[8*n:]), nil
}

// block reads the block at off (see appendPostBlock).
func (tp *textPosts) block(off uint64) (termPosts, error) {
	p, _, err := tp.rawBlock(off)
	return p, err
}

// rawBlock is block, which also returns the bytes of the block.
func (tp *textPosts) rawBlock(off uint64) (termPosts, []byte, error) {
	if off >= uint64(len(tp.data)) {
		return termPosts{}, nil, errors.New("block beyond the file")
	}
	p, n, err := parsePostBlock(tp.data[off:], tp.count())
	if err != nil {
		return p, nil, err
	}
	return p, tp.data[off : off+uint64(n)], nil
}

// parsePostBlock reads the block all starts with, of document numbers
// below count, and its size in bytes.
func parsePostBlock(all []byte, count uint32) (termPosts, int, error) {
	bm := roaring.New()
	width, b, err := readBlockBitmap(bm, all)
	if err != nil {
		return termPosts{}, 0, err
	}
	card := bm.GetCardinality()
	if card > uint64(len(b))/uint64(width) {
		return termPosts{}, 0, errors.New("frequencies cut short")
	}
	if !bm.IsEmpty() && bm.Maximum() >= count {
		return termPosts{}, 0, errors.New("document beyond the lengths")
	}
	end := len(all) - len(b) + int(card)*width
	return termPosts{docs: bm, freqs: b[:card*uint64(width)], width: width}, end, nil
}

// readBlockBitmap reads the head of the block all starts with: it checks
// the width of its frequencies and loads its bitmap into bm (which then
// points into all), checked; rest is what follows the bitmap.
func readBlockBitmap(bm *roaring.Bitmap, all []byte) (width int, rest []byte, err error) {
	if len(all) == 0 {
		return 0, nil, errors.New("block beyond the file")
	}
	width = int(all[0])
	if width != 1 && width != 2 && width != 4 {
		return 0, nil, errors.New("bad width")
	}
	size, n := binary.Uvarint(all[1:])
	if n <= 0 || size > uint64(len(all)-1-n) {
		return 0, nil, errors.New("bad bitmap size")
	}
	b := all[1+n:]
	if _, err := bm.FromBuffer(b[:size]); err != nil {
		return 0, nil, err
	}
	if err := bm.Validate(); err != nil { // FromBuffer checks bounds, not the containers' order
		return 0, nil, err
	}
	return width, b[size:], nil
}

// freq is the frequency of the i-th document of the bitmap.
func (p termPosts) freq(i uint64) uint64 {
	b := p.freqs[i*uint64(p.width):]
	switch p.width {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(binary.LittleEndian.Uint16(b))
	}
	return uint64(binary.LittleEndian.Uint32(b))
}

// fieldNorm is the norm bleve's index gives a field of length tokens
// (zapx keeps the length and reads it back as this float32).
func fieldNorm(length uint32) float64 {
	return float64(float32(1.0 / math.Sqrt(float64(length))))
}

// textAnalyzer is the analyzer of the text: the bigram analyzer.
func textAnalyzer() (*bigramAnalyzer, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	a, ok := m.AnalyzerNamed(bigramAnalyzerName).(*bigramAnalyzer)
	if !ok {
		return nil, errors.New("no bigram analyzer")
	}
	return a, nil
}

// terms lists the terms of the file, in order.
func (tp *textPosts) terms() ([]string, error) {
	terms, _, err := tp.entries()
	return terms, err
}

// entries lists the terms of the file, in order, and the offsets of
// their blocks; a term no document holds is left out.
func (tp *textPosts) entries() ([]string, []uint64, error) {
	terms, nums, err := fstEntries(tp.dict, nil, nil)
	if err == nil && tp.added != nil {
		terms, nums, err = fstEntries(tp.added, terms, nums)
		if err == nil {
			sortTogether(terms, nums)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	offs := nums[:0]
	kept := terms[:0]
	for i, n := range nums {
		off, err := tp.slot(n)
		if err != nil {
			return nil, nil, err
		}
		if off != noBlock {
			kept, offs = append(kept, terms[i]), append(offs, off)
		}
	}
	return kept, offs, nil
}

// fstEntries appends the keys of f and their values, in order.
func fstEntries(f *vellum.FST, keys []string, vals []uint64) ([]string, []uint64, error) {
	it, err := f.Iterator(nil, nil)
	for err == nil {
		k, v := it.Current()
		keys, vals = append(keys, string(k)), append(vals, v)
		err = it.Next()
	}
	if err != vellum.ErrIteratorDone {
		return nil, nil, err
	}
	return keys, vals, nil
}

// sortTogether sorts keys, moving each of vals with its key.
func sortTogether(keys []string, vals []uint64) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	k2, v2 := make([]string, len(keys)), make([]uint64, len(vals))
	for i, j := range idx {
		k2[i], v2[i] = keys[j], vals[j]
	}
	copy(keys, k2)
	copy(vals, v2)
}

// addedCount is how many terms the dictionary of added terms holds.
func (tp *textPosts) addedCount() int {
	if tp.added == nil {
		return 0
	}
	return tp.added.Len()
}

// withAdded writes the dictionary of added terms of tp with terms (in
// order, none of them in tp) added, numbered from first on.
func (tp *textPosts) withAdded(terms []string, first uint64) ([]byte, error) {
	if len(terms) == 0 {
		return tp.addedRaw, nil
	}
	var keys []string
	var nums []uint64
	if tp.added != nil {
		var err error
		if keys, nums, err = fstEntries(tp.added, nil, nil); err != nil {
			return nil, err
		}
	}
	for i, t := range terms {
		keys, nums = append(keys, t), append(nums, first+uint64(i))
	}
	sortTogether(keys, nums)
	var buf bytes.Buffer
	fst, err := vellum.New(&buf, nil)
	if err != nil {
		return nil, err
	}
	for i, k := range keys {
		if err := fst.Insert([]byte(k), nums[i]); err != nil {
			return nil, err
		}
	}
	if err := fst.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// eachBlockHolding calls f with the number of each term whose block
// holds one of docs, in order.
func (tp *textPosts) eachBlockHolding(docs *roaring.Bitmap, f func(n uint64)) error {
	bm := roaring.New()
	for n := range tp.termCount() {
		off := binary.LittleEndian.Uint64(tp.slots[8*n:])
		if off == noBlock {
			continue
		}
		if off >= uint64(len(tp.data)) {
			return errors.New("block beyond the file")
		}
		if _, _, err := readBlockBitmap(bm, tp.data[off:]); err != nil {
			return fmt.Errorf("term number %d: %w", n, err)
		}
		if bm.Intersects(docs) {
			f(n)
		}
	}
	return nil
}
