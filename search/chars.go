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
	"unicode"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
)

// A query word of one Han character (党, 法) is found in a side file of
// the index, not in bleve: for every Han character of the titles,
// headings, labels and texts, the set of search documents that hold it,
// by their number in the index. As a bleve field of single characters it
// held more tokens than the text field itself and cost a tenth of the
// build's CPU; here it is a bitmap per character, written once the index
// is merged, read on demand when a query asks for the character.

// charsFile is the side file inside the index folder.
const charsFile = "tiaoli-chars"

// charsMagic opens the side file; its last byte is the format's version.
const charsMagic = "TLCHARS1"

// hanTableSize bounds the characters charPostings keeps in a slice; the
// rare ones beyond it (CJK extensions G, H) go to a map.
const hanTableSize = 0x30000

// isHanRune reports whether r is a Han character.
func isHanRune(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// charPostings collects, while the index is fed, the search documents
// each Han character occurs in, by their order of indexing.
type charPostings struct {
	ids   []string // search document IDs in the order they were indexed
	table [][]uint32
	more  map[rune][]uint32
}

func newCharPostings() *charPostings {
	return &charPostings{table: make([][]uint32, hanTableSize), more: map[rune][]uint32{}}
}

// add records the characters of the texts of the next search document.
func (cp *charPostings) add(id string, texts ...string) {
	ord := uint32(len(cp.ids))
	cp.ids = append(cp.ids, id)
	for _, t := range texts {
		for i := 0; i < len(t); {
			if t[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[i:])
			i += n
			if isHanRune(r) {
				cp.addRune(r, ord)
			}
		}
	}
}

func (cp *charPostings) addRune(r rune, ord uint32) {
	if r < hanTableSize {
		if l := cp.table[r]; len(l) == 0 || l[len(l)-1] != ord {
			cp.table[r] = append(l, ord)
		}
		return
	}
	if l := cp.more[r]; len(l) == 0 || l[len(l)-1] != ord {
		cp.more[r] = append(l, ord)
	}
}

// runes lists the characters seen, in order.
func (cp *charPostings) runes() []rune {
	var out []rune
	for r, l := range cp.table {
		if len(l) > 0 {
			out = append(out, rune(r))
		}
	}
	for r := range cp.more {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

func (cp *charPostings) list(r rune) []uint32 {
	if r < hanTableSize {
		return cp.table[r]
	}
	return cp.more[r]
}

// numbers maps the order of indexing to the numbers the merged index
// gives its documents.
func (cp *charPostings) numbers(bi bleve.Index) ([]uint32, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
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
// number of characters, per character its code, length and offset, then
// the bitmaps (roaring, portable format) in the same order.
func (cp *charPostings) write(dir string, numbers []uint32) (err error) {
	runes := cp.runes()
	blobs := make([][]byte, len(runes))
	for i, r := range runes {
		bm := roaring.New()
		for _, o := range cp.list(r) {
			bm.Add(numbers[o])
		}
		bm.RunOptimize()
		if blobs[i], err = bm.ToBytes(); err != nil {
			return err
		}
	}
	f, err := os.Create(filepath.Join(dir, charsFile))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(f)
	w.WriteString(charsMagic)
	binary.Write(w, binary.LittleEndian, uint32(len(runes)))
	off := uint64(len(charsMagic) + 4 + len(runes)*charEntrySize)
	for i, r := range runes {
		binary.Write(w, binary.LittleEndian, charEntry{Rune: uint32(r), Len: uint32(len(blobs[i])), Off: off})
		off += uint64(len(blobs[i]))
	}
	for _, b := range blobs {
		w.Write(b)
	}
	return w.Flush()
}

// charEntry is a character's place in the side file.
type charEntry struct {
	Rune uint32
	Len  uint32
	Off  uint64
}

const charEntrySize = 16

// maxCharsCache bounds the bytes of bitmaps kept in memory; the cache
// starts afresh when it is full.
const maxCharsCache = 8 << 20

// charIndex reads the side file: the table at open, a character's bitmap
// when a query first asks for it. It is safe for concurrent use.
type charIndex struct {
	f       *os.File
	entries map[rune]charEntry
	cache   *bitmapCache
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
	return &charIndex{f: f, entries: entries, cache: newBitmapCache()}, nil
}

func readCharTable(r io.Reader) (map[rune]charEntry, error) {
	magic := make([]byte, len(charsMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != charsMagic {
		return nil, errors.New("not a character table")
	}
	var n uint32
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
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

// docs returns the documents that hold the character r; nil when none
// does. The bitmap is shared: callers must not change it.
func (ci *charIndex) docs(r rune) (*roaring.Bitmap, error) {
	e, ok := ci.entries[r]
	if !ok {
		return nil, nil
	}
	if bm := ci.cache.get(r); bm != nil {
		return bm, nil
	}
	buf := make([]byte, e.Len)
	if _, err := ci.f.ReadAt(buf, int64(e.Off)); err != nil {
		return nil, fmt.Errorf("%s: %w", charsFile, err)
	}
	bm := roaring.New()
	if err := bm.UnmarshalBinary(buf); err != nil {
		return nil, fmt.Errorf("%s: %w", charsFile, err)
	}
	ci.cache.put(r, bm, int(e.Len))
	return bm, nil
}
