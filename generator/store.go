package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"tiaoli/generator/compare"
	"tiaoli/generator/link"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
	"tiaoli/internal/bincode"
)

// A Store keeps on disk what reading each source gave, so that a parse in
// a new process (tiaoli build after an edit) reads again only the files
// that changed: a Cache lives as long as its process, a Store in a folder
// of its own from one run to the next.
//
// An entry is named by a digest of the program, the source's path and the
// digest of its bytes, so it is found only for that file as it is, read
// by that program; it starts with a line naming its format and a CRC-32C
// of the rest (see check: the name already tells programs apart, so the
// check only has to find damage), then the SHA-256 of what it holds,
// with which linking knows the texts read back from it (link.Span). An
// entry that is missing, damaged or of another format is
// parsed again and written anew: a Store never changes what a parse
// gives, only how long it takes. Entries are written whole under a
// temporary name and renamed, so a run killed half-way leaves no partial
// entry under a real name; two runs sharing a folder at once cost each
// other at most a parse.
//
// A Store also keeps the memos of the stages after reading (see
// memos.stored), one file each, written after a parse that changed it
// with what that parse used (a memo that kept what it read, all of it, is
// not written again) and read back by the next, under the same rules: a
// file of another program, damaged or cut short is not read, and the
// stage computes everything again. The link memo (15 MB on the LawRefBook
// corpus) is written whole only when much of it changed; after an edit of
// a few documents, a delta file beside it holds what changed since it was
// written whole (deltaMemo). Beside them, the stamp index (stampsName)
// lets a parse find the entry of a file it does not read.
type Store struct {
	dir     string
	program string
	fresh   bool     // parse every file, reading no entry
	used    sync.Map // names of the entries of the last parse
	// Read and Written count the entries read and written.
	Read, Written atomic.Int64
	// linkedAnew is Memo.Anew of the last parse's linking.
	linkedAnew [2]int
	// wholeRead holds, by memo name, the check of the whole memo file
	// the last parse read (deltaMemo).
	wholeRead map[string][]byte
	// stamps is the stamp index of the parse (stampsName).
	stamps *stampIndex
	// spans are the entries the parse read back and wrote, which the
	// texts of its documents lie in (link.Span).
	spansMu sync.Mutex
	spans   []link.Span
}

// storeFormat begins every entry, memoFormat every memo file; they change
// when the layout does.
const (
	storeFormat = "tiaoli parsed source 5\n"
	memoFormat  = "tiaoli memo 2\n"
)

// storeTag marks a folder as a Store: the cache directory tag that backup
// tools know to pass over. Prune removes only entries of a tagged folder.
const storeTag = "CACHEDIR.TAG"

const storeTagText = "Signature: 8a477f597d28d172789f06886806bc55\n" +
	"# This folder is a cache of tiaoli build: what reading each source gave.\n" +
	"# It may be removed at any time; the next build then parses every file.\n"

// entrySuffix ends the name of every entry and memoSuffix of every memo
// file; tmpPrefix starts the name of either being written (which ends in
// entrySuffix, for Prune to remove what a killed run left).
const (
	entrySuffix = ".parsed"
	memoSuffix  = ".memo"
	tmpPrefix   = "tmp-"
)

// OpenStore opens the Store in the folder dir, making it when it does not
// exist. program identifies the program (a digest of its executable); with
// "" nothing is read or written: no other program may take what this one
// wrote for its own. A folder that exists, holds files and is not a
// Store is refused. With fresh, the parse reads no entry but writes them
// all.
func OpenStore(dir, program string, fresh bool) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tag := filepath.Join(dir, storeTag)
	if data, err := os.ReadFile(tag); err != nil || !bytes.Equal(data, []byte(storeTagText)) {
		entries, rerr := os.ReadDir(dir)
		if rerr != nil {
			return nil, rerr
		}
		if len(entries) > 0 { // another program's files, or its cache
			return nil, fmt.Errorf("%s holds files and is not a cache of tiaoli (no %s of tiaoli)", dir, storeTag)
		}
		if err := os.WriteFile(tag, []byte(storeTagText), 0o644); err != nil {
			return nil, err
		}
	}
	return &Store{dir: dir, program: program, fresh: fresh || program == ""}, nil
}

// ParseStored is Parse, reading what the files that did not change gave
// from the Store s and writing there what the others give; the memos of
// the later stages are read from s while the sources are, and written
// back.
func ParseStored(fsys fs.FS, s *Store) *model.Corpus {
	s.readStamps()
	loaded := make(chan *memos, 1)
	go func() { loaded <- s.loadMemos() }()
	c, tables := readSources(fsys, nil, s)
	m := <-loaded
	if m != nil {
		m.linked.UseSpans(s.takeSpans())
	}
	complete(fsys, c, tables, m)
	s.saveMemos(m)
	s.forgetStamps()
	return c
}

// Rebuilding reports whether s kept the stamps of a parse before, which
// its next parse (ParseStored) reads most files back by: nearly all that
// parse reads back is kept, little of it is garbage. It reads the stamp
// index that parse uses.
func (s *Store) Rebuilding() bool {
	s.readStamps()
	return s != nil && len(s.stamps.read) > 0
}

// keptMemo is a memo a Store keeps: it writes what the last run used and
// reads it back into an empty memo.
type keptMemo interface {
	encoding.BinaryAppender
	encoding.BinaryUnmarshaler
	// Changed reports whether the last run kept anything but what the
	// memo read back, all of it.
	Changed() bool
}

// namedMemo is a memo a Store keeps and the name of its file.
type namedMemo struct {
	name string
	memo keptMemo
}

// stored are the memos of m a Store keeps: linking (2.5 to 3.5 CPU-s of
// a rebuild of the whole LawRefBook corpus otherwise), the alignments of
// versions (half a second) and how alike reconcile found the bodies it
// compared (0.2 CPU-s, for a file of a few kilobytes: the bigrams
// themselves would cost more to read than to cut again).
func (m *memos) stored() []namedMemo {
	return []namedMemo{{"link", m.linked}, {"compare", m.aligned}, {"reconcile", m.merged}}
}

// deltaMemo is a kept memo that can also write, beside the whole memo
// it read back, only what the last run changed of it (link.Memo).
type deltaMemo interface {
	keptMemo
	// AppendDelta appends what the last run kept that the whole memo
	// read back does not hold as it is; false when the memo is better
	// written whole.
	AppendDelta(b []byte) ([]byte, bool, error)
	// UnmarshalDelta reads back, after the whole memo it was written
	// beside, what AppendDelta wrote.
	UnmarshalDelta(data []byte) error
}

// deltaSuffix ends the name of the file of a memo's delta (after the
// memo's name, before memoSuffix). A delta's payload starts with the
// check of the whole memo file it was written beside: it is read only
// after that one.
const deltaSuffix = ".delta"

// loadMemos makes the memos of a parse through s and reads into them what
// s keeps; nil without a Store.
func (s *Store) loadMemos() *memos {
	if s == nil {
		return nil
	}
	m := &memos{aligned: compare.NewMemo(), linked: link.NewStoredMemo(), merged: reconcile.NewMemo()}
	s.wholeRead = map[string][]byte{}
	if s.fresh {
		return m
	}
	for _, k := range m.stored() {
		payload, sum, ok := s.readMemo(k.name)
		if !ok || k.memo.UnmarshalBinary(payload) != nil { // left empty when it fails
			continue
		}
		s.wholeRead[k.name] = sum
		dm, ok := k.memo.(deltaMemo)
		if !ok {
			continue
		}
		if payload, _, ok := s.readMemo(k.name + deltaSuffix); ok && bytes.HasPrefix(payload, sum) {
			dm.UnmarshalDelta(payload[len(sum):]) // left as read whole when it fails
		}
	}
	return m
}

// readMemo reads the memo file of name: its payload and its check, when
// both are right.
func (s *Store) readMemo(name string) (payload, sum []byte, ok bool) {
	data, err := os.ReadFile(filepath.Join(s.dir, name+memoSuffix))
	if err != nil {
		return nil, nil, false
	}
	payload, ok = unseal(data, memoFormat, sha256.Size, memoCheck(s.program))
	if !ok {
		return nil, nil, false
	}
	return payload, data[len(memoFormat) : len(memoFormat)+sha256.Size], true
}

// saveMemos writes the memos m of the last parse that changed: one that
// kept what it read back, all of it, is on disk as it is; one that can
// write only what changed of the whole memo it read back (deltaMemo)
// does so while that is a small part of it.
func (s *Store) saveMemos(m *memos) {
	if s == nil {
		return
	}
	s.linkedAnew[0], s.linkedAnew[1] = m.linked.Anew()
	if s.program == "" {
		return
	}
	s.saveStamps()
	for _, k := range m.stored() {
		if !k.memo.Changed() {
			continue
		}
		if sum, ok := s.wholeRead[k.name]; ok && s.saveDelta(k, sum) {
			continue
		}
		payload, err := k.memo.AppendBinary(nil)
		if err == nil && s.write(k.name+memoSuffix, seal(payload, memoFormat, memoCheck(s.program))) == nil {
			os.Remove(filepath.Join(s.dir, k.name+deltaSuffix+memoSuffix)) // of the memo written over
		}
	}
}

// saveDelta writes what the memo k changed of the whole memo it read
// back, whose check is sum, and reports whether it did.
func (s *Store) saveDelta(k namedMemo, sum []byte) bool {
	dm, ok := k.memo.(deltaMemo)
	if !ok {
		return false
	}
	payload, ok, err := dm.AppendDelta(append([]byte(nil), sum...))
	if err != nil || !ok {
		return false
	}
	return s.write(k.name+deltaSuffix+memoSuffix, seal(payload, memoFormat, memoCheck(s.program))) == nil
}

// LinkedAnew returns how many documents the last parse through s read for
// their terms and linked without the memo s keeps.
func (s *Store) LinkedAnew() (discovered, linked int) { return s.linkedAnew[0], s.linkedAnew[1] }

// storedFile is what an entry holds: what ingestData gave, each
// document's Carrier as its index in Docs (-1 for none) instead of a
// pointer.
type storedFile struct {
	Source   *model.Source
	Docs     []*model.Document
	Errs     []model.Error
	Carriers []int
}

// name is the entry of the source at p whose bytes have the digest sum.
func (s *Store) name(p, sum string) string {
	h := sha256.Sum256([]byte(s.program + "\x00" + p + "\x00" + sum))
	return hex.EncodeToString(h[:]) + entrySuffix
}

// load reads what the source at p with the digest sum gave, when the
// Store holds it whole.
func (s *Store) load(p, sum string) (ingested, bool) {
	if s == nil {
		return ingested{}, false
	}
	name := s.name(p, sum)
	s.used.Store(name, true)
	if s.fresh {
		return ingested{}, false
	}
	data, err := readEntry(filepath.Join(s.dir, name))
	if err != nil {
		return ingested{}, false
	}
	payload, ok := unseal(data, storeFormat, crc32.Size, entryCheck)
	if !ok {
		return ingested{}, false
	}
	r, ok := s.decode(payload, sum)
	if ok {
		s.Read.Add(1)
	}
	return r, ok
}

// decode reads what an entry holds, after its check (payload: the
// SHA-256 of the encoded storedFile, then that), as the source with the
// digest sum gave it, and keeps the entry among the spans of the parse.
// The strings read share payload's memory, which must never change.
func (s *Store) decode(payload []byte, sum string) (ingested, bool) {
	if len(payload) < sha256.Size {
		return ingested{}, false
	}
	encoded := payload[sha256.Size:]
	var f storedFile
	if bincode.DecodeOwned(encoded, &f) != nil || len(f.Carriers) != len(f.Docs) {
		return ingested{}, false
	}
	for i, c := range f.Carriers {
		if c >= len(f.Docs) || c == i {
			return ingested{}, false
		}
		if c >= 0 {
			f.Docs[i].Carrier = f.Docs[c]
		}
	}
	sp := link.Span{Data: unsafe.String(unsafe.SliceData(encoded), len(encoded))}
	copy(sp.Sum[:], payload)
	s.spansMu.Lock()
	s.spans = append(s.spans, sp)
	s.spansMu.Unlock()
	return ingested{source: f.Source, docs: f.Docs, errs: f.Errs, digest: sum}, true
}

// takeSpans returns the spans of the parse, which s then forgets.
func (s *Store) takeSpans() []link.Span {
	s.spansMu.Lock()
	defer s.spansMu.Unlock()
	spans := s.spans
	s.spans = nil
	return spans
}

// A check is what a Store writes before a payload to find it damaged.
// An entry's name says which program wrote it, so its check is the
// CRC-32C of the payload, which finds damage and costs a fraction of a
// digest over the 130 MB of entries of a large corpus; a memo file's name
// does not, so its check is the SHA-256 of the program and the payload,
// which another program's file fails.
type check func(payload []byte) []byte

// entryCheck is the check of an entry.
func entryCheck(payload []byte) []byte {
	return binary.LittleEndian.AppendUint32(nil, crc32.Checksum(payload, castagnoli))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// memoCheck is the check of a memo file of the program.
func memoCheck(program string) check {
	return func(payload []byte) []byte {
		h := sha256.New()
		h.Write([]byte(program))
		h.Write(payload)
		return h.Sum(nil)
	}
}

// seal is what a Store writes of payload: the format line, its check,
// and payload.
func seal(payload []byte, format string, c check) []byte {
	sum := c(payload)
	data := make([]byte, 0, len(format)+len(sum)+len(payload))
	return append(append(append(data, format...), sum...), payload...)
}

// unseal returns the payload of what seal wrote, when the format line and
// the check, of size bytes, are right.
func unseal(data []byte, format string, size int, c check) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(format))
	if !ok || len(rest) < size {
		return nil, false
	}
	sum, payload := rest[:size], rest[size:]
	return payload, bytes.Equal(sum, c(payload))
}

// save writes what the source at p gave, and returns it as read back
// from what it wrote: its texts then lie in the entry, as those of a parse
// that reads the entry do, and linking keys them alike (link.Span). A
// document that points at another of another file (only linking does
// that, after ingestData) is not kept: the file is parsed again next
// time, and r is returned as it is.
func (s *Store) save(p string, r ingested) ingested {
	if s == nil || r.digest == "" || s.program == "" {
		return r
	}
	f := storedFile{Source: r.source, Errs: r.errs, Docs: make([]*model.Document, len(r.docs)), Carriers: make([]int, len(r.docs))}
	index := make(map[*model.Document]int, len(r.docs))
	for i, d := range r.docs {
		index[d] = i
	}
	for i, d := range r.docs {
		if d.VersionDocs != nil {
			return r
		}
		c, ok := index[d.Carrier]
		if d.Carrier != nil && !ok {
			return r
		}
		if d.Carrier == nil {
			c = -1
		}
		shallow := *d
		shallow.Carrier = nil
		f.Docs[i], f.Carriers[i] = &shallow, c
	}
	payload, err := bincode.Append(make([]byte, sha256.Size), &f)
	if err != nil {
		return r
	}
	sum := sha256.Sum256(payload[sha256.Size:])
	copy(payload, sum[:])
	if s.write(s.name(p, r.digest), seal(payload, storeFormat, entryCheck)) == nil {
		s.Written.Add(1)
	}
	if back, ok := s.decode(payload, r.digest); ok {
		return back
	}
	return r
}

// write puts data into the entry name: a temporary file renamed.
func (s *Store) write(name string, data []byte) error {
	f, err := os.CreateTemp(s.dir, tmpPrefix+"*"+entrySuffix)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(s.dir, name))
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Prune removes the entries the last parse did not use (of files changed
// or gone, or of another program) and what runs that were killed left.
func (s *Store) Prune() error {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, entrySuffix) || !e.Type().IsRegular() {
			continue
		}
		if _, used := s.used.Load(name); used {
			continue
		}
		if err := os.Remove(filepath.Join(s.dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
