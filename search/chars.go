package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
)

// A query word of one Han character (党, 法) is found in a side file of
// the index, not in bleve: for every Han character of the titles,
// headings, labels and texts, the set of search documents that hold it,
// by their number in the index, and the set of those that hold it in
// their head (title, headings, issuer) or label, which score higher. As a bleve field of single characters it
// held more tokens than the text field itself and cost a tenth of the
// build's CPU; here it is a bitmap per character, written once the index
// is merged, read on demand when a query asks for the character.

// charsFile is the side file inside the index folder.
const charsFile = "tiaoli-chars"

// charsMagic opens the side file; its last byte is the format's version.
const charsMagic = "TLCHARS2"

// hanTableSize bounds the characters charPostings keeps in a slice; the
// rare ones beyond it (CJK extensions G, H) go to a map.
const hanTableSize = 0x30000

// isHanRune reports whether r is a Han character. The main block of
// unified ideographs, which holds nearly every character of Chinese text,
// is Han as a whole and needs no look-up in the table.
func isHanRune(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x2E80 && unicode.Is(unicode.Han, r))
}

// charPostings collects, while the index is fed, the search documents
// each Han character occurs in, by their order of indexing: anywhere,
// and in the head or a label.
type charPostings struct {
	ids       []string // search document IDs in the order they were indexed
	all, head charSets
}

// charSets holds a list of documents per character, by their order of
// indexing. Orders come rising, so a list holds the difference of each
// from the one before it as a uvarint, most of them one byte: as lists
// of uint32 the characters of the LawRefBook corpus took 76 MB to the end
// of indexing.
type charSets struct {
	table []docList
	more  map[rune]*docList
}

// docList is the list of one character.
type docList struct {
	deltas []byte
	next   uint32 // the last order added plus one; 0 for none
}

func newCharPostings() *charPostings {
	return &charPostings{all: newCharSets(), head: newCharSets()}
}

func newCharSets() charSets {
	return charSets{table: make([]docList, hanTableSize), more: map[rune]*docList{}}
}

// add adds ord, when it is not the last one added already.
func (l *docList) add(ord uint32) {
	if l.next == ord+1 {
		return
	}
	l.deltas = binary.AppendUvarint(l.deltas, uint64(ord+1-l.next))
	l.next = ord + 1
}

// orders decodes the list.
func (l *docList) orders() []uint32 { return l.appendOrders(nil) }

// appendOrders appends the orders of the list to dst.
func (l *docList) appendOrders(dst []uint32) []uint32 {
	prev := uint32(0)
	for b := l.deltas; len(b) > 0; {
		d, n := binary.Uvarint(b)
		b = b[n:]
		prev += uint32(d)
		dst = append(dst, prev-1)
	}
	return dst
}

// add records the characters of the next search document: those of its
// head and labels, and those of its text.
func (cp *charPostings) add(id, head, text string) {
	ord := uint32(len(cp.ids))
	cp.ids = append(cp.ids, id)
	eachHan(head, func(r rune) {
		cp.all.add(r, ord)
		cp.head.add(r, ord)
	})
	eachHan(text, func(r rune) { cp.all.add(r, ord) })
}

// skip records the next search document without its characters: an
// update carries them over from the previous index (carry.go).
func (cp *charPostings) skip(id string) { cp.ids = append(cp.ids, id) }

// eachHan calls f with every Han character of s, in the form the index
// holds (see fold.go).
func eachHan(s string, f func(rune)) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isHanRune(r) {
			f(foldForm(r))
		}
	}
}

func (cs charSets) add(r rune, ord uint32) {
	if r < hanTableSize {
		cs.table[r].add(ord)
		return
	}
	l := cs.more[r]
	if l == nil {
		l = &docList{}
		cs.more[r] = l
	}
	l.add(ord)
}

// has reports whether a document holds r.
func (cs charSets) has(r rune) bool {
	if r < hanTableSize {
		return cs.table[r].next > 0
	}
	return cs.more[r] != nil
}

// runes lists the characters seen, in order.
func (cs charSets) runes() []rune {
	var out []rune
	for r, l := range cs.table {
		if l.next > 0 {
			out = append(out, rune(r))
		}
	}
	for r := range cs.more {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// appendList appends the orders of the documents of r to dst.
func (cs charSets) appendList(dst []uint32, r rune) []uint32 {
	if r < hanTableSize {
		return cs.table[r].appendOrders(dst)
	}
	if l := cs.more[r]; l != nil {
		return l.appendOrders(dst)
	}
	return dst
}

// numbers maps the order of indexing to the numbers the merged index
// gives its documents.
func (cp *charPostings) numbers(bi bleve.Index) ([]uint32, error) {
	r, err := reader(bi)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	ord := make(map[string]uint32, len(cp.ids))
	for i, id := range cp.ids {
		ord[id] = uint32(i)
	}
	out := make([]uint32, len(cp.ids))
	found := 0
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	for {
		in, err := all.Next()
		if err != nil || in == nil {
			if found != len(cp.ids) && err == nil {
				err = fmt.Errorf("chars: %d documents indexed, %d found", len(cp.ids), found)
			}
			return out, err
		}
		id, err := r.ExternalID(in)
		if err != nil {
			return nil, err
		}
		if o, ok := ord[id]; ok && in.Value() <= 1<<32-1 {
			out[o] = uint32(in.Value())
			found++
		}
	}
}

// write writes the side file into the index folder dir: the magic, the
// number of characters, per character its code, lengths and offset, then
// per character the bitmaps (roaring, portable format) of all its
// documents and of those with it in the head, in the same order.
//
// With carry, the documents of each character are also those the side
// file of the previous index gives it, mapped to their new numbers.
func (cp *charPostings) write(dir string, numbers []uint32, carry *carried) error {
	runes := cp.all.runes()
	old := func(rune) (charDocs, error) { return charDocs{}, nil }
	var prev []byte // the previous side file, read whole
	var dropped *roaring.Bitmap
	if carry != nil {
		var more []rune
		var m func(*roaring.Bitmap) *roaring.Bitmap
		m, dropped = carry.mapper(numbers)
		more, old = carry.carriedChars(m)
		runes = slices.Compact(slices.Sorted(slices.Values(append(runes, more...))))
		if dropped != nil {
			var err error
			if prev, err = carry.chars.readAll(); err != nil {
				return fmt.Errorf("%s of the previous index: %w", charsFile, err)
			}
		}
	}
	blobs := make([][]byte, len(runes))
	heads := make([]int, len(runes))
	var list []uint32 // reused from one character to the next
	for i, r := range runes {
		if blob, n, ok := carry.verbatim(r, cp.all.has(r), prev, dropped); ok {
			blobs[i], heads[i] = blob, n
			continue
		}
		was, err := old(r)
		if err != nil {
			return fmt.Errorf("%s: documents of %q in the previous index: %w", charsFile, r, err)
		}
		list = cp.all.appendList(list[:0], r)
		all, err := bitmapBytes(list, numbers, was.all)
		if err != nil {
			return fmt.Errorf("%s: documents of %q: %w", charsFile, r, err)
		}
		list = cp.head.appendList(list[:0], r)
		head, err := bitmapBytes(list, numbers, was.head)
		if err != nil {
			return fmt.Errorf("%s: documents with %q in their head: %w", charsFile, r, err)
		}
		blobs[i], heads[i] = append(all, head...), len(head)
	}
	return writeSideFile(dir, charsFile, func(w *bufio.Writer) error {
		w.WriteString(charsMagic)
		binary.Write(w, binary.LittleEndian, uint32(len(runes)))
		off := uint64(len(charsMagic) + 4 + len(runes)*charEntrySize)
		for i, r := range runes {
			binary.Write(w, binary.LittleEndian, charEntry{Rune: uint32(r), Len: uint32(len(blobs[i])),
				HeadLen: uint32(heads[i]), Off: off})
			off += uint64(len(blobs[i]))
		}
		for _, b := range blobs {
			w.Write(b)
		}
		return nil
	})
}

// bitmapBytes is the bitmap of the documents of list, by their numbers,
// and of those of more (nil for none).
func bitmapBytes(list []uint32, numbers []uint32, more *roaring.Bitmap) ([]byte, error) {
	bm := more
	if bm == nil {
		bm = roaring.New()
	}
	bm.AddMany(sortedNumbers(list, numbers))
	bm.RunOptimize()
	return bm.ToBytes()
}

// sortedNumbers is the numbers of the orders of list, in order. A merged
// index numbers the documents of each batch in no particular order, and
// adding them to a bitmap out of order moves the rest of a container for
// each one: that took a fifth of the time of writing the side files. A
// list of 64 orders or more, such as a common character's, whose numbers
// are dense (the set of bits up to the highest, in 64-bit words, no more
// than 8 words per number: words <= 8*len(list)) is sorted through that
// set of bits; a short or sparse one by comparison.
func sortedNumbers(list []uint32, numbers []uint32) []uint32 {
	nums := make([]uint32, len(list))
	var hi uint32
	for i, o := range list {
		nums[i] = numbers[o]
		hi = max(hi, nums[i])
	}
	words := int(hi/64) + 1
	if len(list) < 64 || words > 8*len(list) {
		slices.Sort(nums)
		return nums
	}
	set := make([]uint64, words)
	for _, n := range nums {
		set[n/64] |= 1 << (n % 64)
	}
	nums = nums[:0]
	for w, word := range set {
		for word != 0 {
			nums = append(nums, uint32(w*64+bits.TrailingZeros64(word)))
			word &= word - 1
		}
	}
	return nums
}

// charEntry is a character's place in the side file: Len bytes at Off,
// the last HeadLen of them the bitmap of the head.
type charEntry struct {
	Rune    uint32
	Len     uint32
	HeadLen uint32
	_       uint32
	Off     uint64
}

const charEntrySize = 24

// maxCharsCache bounds the bytes of bitmaps kept in memory; the cache
// starts afresh when it is full.
const maxCharsCache = 8 << 20

// charIndex reads the side file: the table at open, a character's bitmap
// when a query first asks for it. It is safe for concurrent use.
type charIndex struct {
	f       *os.File
	entries map[rune]charEntry
	cache   *bitmapCache[rune, charDocs]
	// delta, when not nil, is what a live index changed since the file
	// was written (live.go).
	delta *charDelta
}

// charDelta is what a live index changed in the documents of characters
// since the side file was written: the documents it added, by character,
// and those it deleted.
type charDelta struct {
	added   map[rune]charDocs
	deleted *roaring.Bitmap
	cache   *bitmapCache[rune, charDocs]
}

// withDelta is the side file ci read with the changes d.
func (ci *charIndex) withDelta(added map[rune]charDocs, deleted *roaring.Bitmap) *charIndex {
	return &charIndex{f: ci.f, entries: ci.entries, cache: ci.cache,
		delta: &charDelta{added: added, deleted: deleted, cache: newBitmapCache[rune, charDocs](maxCharsCache)}}
}

// openChars opens the side file of the index in dir.
func openChars(dir string) (*charIndex, error) {
	f, err := os.Open(filepath.Join(dir, charsFile))
	if err != nil {
		return nil, err
	}
	entries, err := readCharTable(bufio.NewReader(f))
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", charsFile, err)
	}
	return &charIndex{f: f, entries: entries, cache: newBitmapCache[rune, charDocs](maxCharsCache)}, nil
}

func readCharTable(r io.Reader) (map[rune]charEntry, error) {
	n, err := readSideHeader(r, charsMagic, "character table")
	if err != nil {
		return nil, err
	}
	if n > unicode.MaxRune {
		return nil, errors.New("corrupt character table")
	}
	list := make([]charEntry, n)
	if err := binary.Read(r, binary.LittleEndian, list); err != nil {
		return nil, err
	}
	entries := make(map[rune]charEntry, n)
	for _, e := range list {
		entries[rune(e.Rune)] = e
	}
	return entries, nil
}

func (ci *charIndex) Close() error { return ci.f.Close() }

// readAll reads the whole side file.
func (ci *charIndex) readAll() ([]byte, error) {
	st, err := ci.f.Stat()
	if err != nil {
		return nil, err
	}
	b := make([]byte, st.Size())
	_, err = ci.f.ReadAt(b, 0)
	return b, err
}

// charDocs are the documents of a character: all of them, and those
// that hold it in their head or a label. The bitmaps are shared: callers
// must not change them.
type charDocs struct {
	all, head *roaring.Bitmap
}

// docs returns the documents that hold the character r in any of its
// forms; nil bitmaps when none does.
func (ci *charIndex) docs(r rune) (charDocs, error) {
	r = foldForm(r)
	if ci.delta != nil {
		return ci.delta.docs(r, ci.fileDocs)
	}
	return ci.fileDocs(r)
}

// docs returns the documents of the character r: those of file, with the
// added ones and without the deleted ones.
func (cd *charDelta) docs(r rune, file func(rune) (charDocs, error)) (charDocs, error) {
	if d, ok := cd.cache.get(r); ok {
		return d, nil
	}
	d, err := file(r)
	if err != nil {
		return d, err
	}
	add := cd.added[r]
	if add.all == nil && (d.all == nil || !d.all.Intersects(cd.deleted)) {
		return d, nil
	}
	out := charDocs{all: changedSet(d.all, add.all, cd.deleted), head: changedSet(d.head, add.head, cd.deleted)}
	cd.cache.put(r, out, int(out.all.GetSizeInBytes()+out.head.GetSizeInBytes()))
	return out, nil
}

// changedSet is base with added and without deleted, a new bitmap; base
// and added may be nil.
func changedSet(base, added, deleted *roaring.Bitmap) *roaring.Bitmap {
	out := roaring.New()
	if base != nil {
		out.Or(base)
	}
	if added != nil {
		out.Or(added)
	}
	out.AndNot(deleted)
	return out
}

// fileDocs returns the documents of r as the side file holds them.
func (ci *charIndex) fileDocs(r rune) (charDocs, error) {
	e, ok := ci.entries[r]
	if !ok {
		return charDocs{}, nil
	}
	if d, ok := ci.cache.get(r); ok {
		return d, nil
	}
	d, err := ci.readEntry(r, e)
	if err != nil {
		return d, err
	}
	ci.cache.put(r, d, int(e.Len))
	return d, nil
}

// readEntry reads the documents of r, whose place in the file is e.
func (ci *charIndex) readEntry(r rune, e charEntry) (charDocs, error) {
	buf := make([]byte, e.Len)
	if _, err := ci.f.ReadAt(buf, int64(e.Off)); err != nil {
		return charDocs{}, fmt.Errorf("%s: %w", charsFile, err)
	}
	if e.HeadLen > e.Len {
		return charDocs{}, fmt.Errorf("%s: corrupt entry of %c", charsFile, r)
	}
	d := charDocs{all: roaring.New(), head: roaring.New()}
	cut := e.Len - e.HeadLen
	if err := d.all.UnmarshalBinary(buf[:cut]); err != nil {
		return charDocs{}, fmt.Errorf("%s: %w", charsFile, err)
	}
	if err := d.head.UnmarshalBinary(buf[cut:]); err != nil {
		return charDocs{}, fmt.Errorf("%s: %w", charsFile, err)
	}
	return d, nil
}
