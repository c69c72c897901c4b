package search

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	mmap "github.com/blevesearch/mmap-go"
)

// The head and text fields are indexed without term vectors: their
// locations were a third of the CPU of building the index and of its
// size. A query word of several tokens (监督谈话: 监督 督谈 谈话) is then
// found in two steps: the documents holding all its tokens in the field,
// from bleve, and among them those whose field holds the word itself,
// from a side file of the index that holds each document's head and text
// in the form the analyzer reads them: width folded, lower case, with only
// letters, digits and marks kept (see normalText). Tokens stand at positions in a row
// exactly where their text does in that form, punctuation and spaces
// being no tokens; a check there costs a substring search in a few
// hundred bytes, less than reading locations.

// textsFile is the side file of texts inside the index folder: the magic,
// the head and text of each document one after another in the order they
// were indexed, then for every document number the offset (uint64) of
// its head and the lengths (two uint32) of its head and text, then the
// offset of that table and how many numbers it covers (two uint64), all
// little-endian.
const textsFile = "tiaoli-texts"

const textsMagic = "TLTEXTS2"

// textEntrySize is the size of a document's entry in the table.
const textEntrySize = 16

// A part of a document in the side file of texts.
type textPart int

const (
	partHead textPart = iota
	partText
)

// normalText appends to dst the form of s that the side file of texts
// holds and needles are looked for in: what the analyzer reads of it,
// width folded and in lower case, each character as UTF-16 code units
// (two bytes, little endian: a Han character takes two bytes, not UTF-8's
// three). Spaces and punctuation are left out, except that where they
// part two Han characters, or two characters of words (letters, digits),
// one sepUnit stands for them: the analyzer makes no bigram across them,
// and two words are two tokens. Between a Han character and a word the
// analyzer makes a token boundary anyway, with or without a space.
func normalText(dst []byte, s string) []byte {
	last, gap := classNone, false
	for _, r := range s {
		r = foldRune(r) // foldWidth, without a copy of s
		c := runeClass(r)
		switch {
		case c == classNone:
			gap = true
			continue
		case c == classMark:
			if !gap && last != classNone {
				dst = appendUnits(dst, r) // part of the character before it
			}
			continue
		case gap && c == last:
			dst = binary.LittleEndian.AppendUint16(dst, sepUnit)
		}
		last, gap = c, false
		if c == classHan {
			r = foldForm(r) // a Han character has no case
		} else {
			r = unicode.ToLower(r)
		}
		dst = appendUnits(dst, r)
	}
	return dst
}

// normalNeedle is normalText without the breaks at its ends: a needle
// found between them in a text.
func normalNeedle(s string) []byte {
	b := normalText(nil, s)
	for len(b) >= 2 && binary.LittleEndian.Uint16(b) == sepUnit {
		b = b[2:]
	}
	for len(b) >= 2 && binary.LittleEndian.Uint16(b[len(b)-2:]) == sepUnit {
		b = b[:len(b)-2]
	}
	return b
}

// sepUnit stands for a break between two Han characters or two words.
const sepUnit = ' '

// Classes of characters for normalText.
const (
	classNone = iota // space, punctuation, symbols: left out
	classHan
	classWord // letters and digits of words
	classMark // combining marks: part of the character before, if any
)

func runeClass(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return classWord
		}
		return classNone
	case isHanRune(r):
		return classHan
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		return classWord
	case unicode.IsMark(r):
		return classMark
	}
	return classNone
}

// appendUnits appends the UTF-16 code units of r.
func appendUnits(dst []byte, r rune) []byte {
	if r < 0x10000 {
		return binary.LittleEndian.AppendUint16(dst, uint16(r))
	}
	r1, r2 := utf16.EncodeRune(r)
	return binary.LittleEndian.AppendUint16(binary.LittleEndian.AppendUint16(dst, uint16(r1)), uint16(r2))
}

// containsUnits reports whether the code units of text hold those of
// needle, at a unit boundary and, where the needle begins or ends with a
// word's letter or digit, not inside a longer word (eo is no token of
// prsceo).
func containsUnits(text, needle []byte) bool {
	for i := 0; len(text)-i >= len(needle); {
		j := bytes.Index(text[i:], needle)
		if j < 0 {
			return false
		}
		at := i + j
		if at%2 == 0 && wordEdges(text, needle, at) {
			return true
		}
		i = at + 1
	}
	return false
}

// wordEdges reports whether needle, found in text at byte at, starts and
// ends at the edges of words.
func wordEdges(text, needle []byte, at int) bool {
	if len(needle) < 2 {
		return true
	}
	end := at + len(needle)
	if isWordUnit(needle, 0) && at >= 2 && isWordUnit(text, at-2) {
		return false
	}
	return !(isWordUnit(needle, len(needle)-2) && end+2 <= len(text) && isWordUnit(text, end))
}

// isWordUnit reports whether the unit at byte i of b is a letter or
// digit of a word: not Han (a surrogate counts as Han: the characters
// beyond the basic plane in Chinese text are Han), not a break, not a
// combining mark.
func isWordUnit(b []byte, i int) bool {
	u := rune(binary.LittleEndian.Uint16(b[i:]))
	return u != sepUnit && !(u >= 0xD800 && u <= 0xDFFF) && !isHanRune(u) && !unicode.IsMark(u)
}

// textWriter writes the side file of texts while the index is fed.
type textWriter struct {
	f    *os.File
	w    *bufio.Writer
	off  uint64
	ords []textEntry // by order of indexing
	buf  []byte
}

type textEntry struct {
	off        uint64
	head, text uint32
}

// createTexts starts the side file of texts in the index folder dir.
func createTexts(dir string) (*textWriter, error) {
	f, err := os.Create(filepath.Join(dir, textsFile))
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	w.WriteString(textsMagic)
	return &textWriter{f: f, w: w, off: uint64(len(textsMagic))}, nil
}

// add writes the head and text of the next document.
func (tw *textWriter) add(head, text string) {
	var n int
	tw.buf, n = normalParts(tw.buf[:0], head, text)
	tw.addNormal(tw.buf[:n], tw.buf[n:])
}

// addNormal records the next search document's head and text as
// normalParts gives them.
func (tw *textWriter) addNormal(head, text []byte) {
	tw.w.Write(head)
	tw.w.Write(text)
	tw.ords = append(tw.ords, textEntry{off: tw.off, head: uint32(len(head)), text: uint32(len(text))})
	tw.off += uint64(len(head) + len(text))
}

// finish writes the table, by the numbers the index gives the documents
// (numbers[ord]), and closes the file.
func (tw *textWriter) finish(numbers []uint32) error {
	count := numberCount(numbers)
	table := make([]byte, int(count)*textEntrySize+16)
	for ord, e := range tw.ords {
		p := table[int(numbers[ord])*textEntrySize:]
		binary.LittleEndian.PutUint64(p, e.off)
		binary.LittleEndian.PutUint32(p[8:], e.head)
		binary.LittleEndian.PutUint32(p[12:], e.text)
	}
	foot := table[int(count)*textEntrySize:]
	binary.LittleEndian.PutUint64(foot, tw.off)
	binary.LittleEndian.PutUint64(foot[8:], uint64(count))
	tw.w.Write(table)
	err := tw.w.Flush()
	if cerr := tw.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// numberCount is how many numbers a side file covers whose documents
// have numbers: the highest plus one.
func numberCount(numbers []uint32) uint32 {
	count := uint32(0)
	for _, n := range numbers {
		count = max(count, n+1)
	}
	return count
}

// close abandons the file.
func (tw *textWriter) close() { tw.f.Close() }

// textStore reads the side file of texts, mapped into memory. It is safe
// for concurrent use.
type textStore struct {
	m     mmap.MMap
	table []byte // the entries, by document number
	// added, in a live index (live.go), are the documents numbered after
	// the table's, which it added since the file was written.
	added []addedText
}

// addedText is the head and text of a document a live index added, as
// normalText gives them, one after the other.
type addedText struct {
	b    []byte
	head uint32 // the length of the head
}

// normalParts is the head and text of a document as the side file holds
// them, appended to buf.
func normalParts(buf []byte, head, text string) (b []byte, headLen int) {
	b = normalText(buf, head)
	n := len(b)
	return normalText(b, text), n
}

// withAdded is the store ts with the documents added numbered after its
// table's.
func (ts *textStore) withAdded(added []addedText) *textStore {
	return &textStore{m: ts.m, table: ts.table, added: added}
}

// fileCount is how many document numbers the file's table covers.
func (ts *textStore) fileCount() int { return len(ts.table) / textEntrySize }

// openTexts maps the side file of texts of the index in dir.
func openTexts(dir string) (*textStore, error) {
	f, err := os.Open(filepath.Join(dir, textsFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := mmap.Map(f, mmap.RDONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", textsFile, err)
	}
	ts := &textStore{m: m}
	if err := ts.parse(); err != nil {
		m.Unmap()
		return nil, fmt.Errorf("%s: %w", textsFile, err)
	}
	return ts, nil
}

// parse checks the file's frame and finds its table.
func (ts *textStore) parse() error {
	m := ts.m
	if len(m) < len(textsMagic)+16 || string(m[:len(textsMagic)]) != textsMagic {
		return errors.New("not a file of texts")
	}
	foot := m[len(m)-16:]
	tableOff := binary.LittleEndian.Uint64(foot)
	count := binary.LittleEndian.Uint64(foot[8:])
	end := uint64(len(m) - 16)
	if tableOff > end || (end-tableOff)/textEntrySize != count || (end-tableOff)%textEntrySize != 0 {
		return errors.New("corrupt table")
	}
	ts.table = m[tableOff:end]
	return nil
}

// part returns the head or text of document number n, nil when there is
// none.
func (ts *textStore) part(n uint64, p textPart) []byte {
	if n >= uint64(ts.fileCount()) {
		return ts.addedPart(n, p)
	}
	e := ts.table[n*textEntrySize:]
	off := binary.LittleEndian.Uint64(e)
	head, text := uint64(binary.LittleEndian.Uint32(e[8:])), uint64(binary.LittleEndian.Uint32(e[12:]))
	if off > uint64(len(ts.m)) || head+text > uint64(len(ts.m))-off {
		return nil
	}
	if p == partHead {
		return ts.m[off : off+head]
	}
	return ts.m[off+head : off+head+text]
}

// addedPart is part for a document numbered after the table's.
func (ts *textStore) addedPart(n uint64, p textPart) []byte {
	i := n - uint64(ts.fileCount())
	if i >= uint64(len(ts.added)) {
		return nil
	}
	a := ts.added[i]
	if p == partHead {
		return a.b[:a.head]
	}
	return a.b[a.head:]
}

// holds reports whether the head or text of document number n holds
// needle.
func (ts *textStore) holds(n uint64, p textPart, needle []byte) bool {
	return containsUnits(ts.part(n, p), needle)
}

func (ts *textStore) Close() error { return ts.m.Unmap() }

// count is how many document numbers the table covers.
func (ts *textStore) count() int { return ts.fileCount() + len(ts.added) }

// textLen is the length of document number n's text, in code units.
func (ts *textStore) textLen(n uint64) float64 {
	if n >= uint64(ts.fileCount()) {
		return float64(len(ts.addedPart(n, partText)) / 2)
	}
	return float64(binary.LittleEndian.Uint32(ts.table[n*textEntrySize+12:]) / 2)
}

// stats are the figures BM25 needs: how many documents have a text, and
// its mean length.
func (ts *textStore) stats() relaxedStats {
	var s relaxedStats
	total := 0.0
	for n := 0; n < ts.count(); n++ {
		if l := ts.textLen(uint64(n)); l > 0 {
			s.n++
			total += l
		}
	}
	s.avgLen = total / nonZero(s.n)
	return s
}

// countUnits counts the places where text holds needle as containsUnits
// finds it, and returns the first (a byte offset, -1 for none).
func countUnits(text, needle []byte) (n, first int) {
	first = -1
	if len(needle) == 0 {
		return 0, -1
	}
	for i := 0; len(text)-i >= len(needle); {
		j := bytes.Index(text[i:], needle)
		if j < 0 {
			break
		}
		at := i + j
		if at%2 == 0 && wordEdges(text, needle, at) {
			if first < 0 {
				first = at
			}
			n++
			i = at + len(needle)
			continue
		}
		i = at + 1
	}
	return n, first
}
