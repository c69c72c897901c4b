package generator

import (
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"

	"tiaoli/generator/compare"
	"tiaoli/generator/link"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
)

// Cache keeps what reading each source gave, by its path and the digest
// of its bytes, so that parsing the content again (tiaoli preview after an
// edit) parses only the files that changed. A file is not even read again
// when the file system describes it as before (its stamp: size,
// modification time and, where the system gives them, inode and change
// time) and that description is settled (see stamp.settled); otherwise it
// is read and its digest decides. The later stages (reconcile, address,
// link) change the documents they are given, so the cache holds its own
// copy and gives each parse a fresh one (model.CloneDocuments); what the
// costly ones compute of a document or a pair of documents is kept in
// their memos (reconcile.Memo, compare.Memo, link.Memo), by what they
// read. The copies can be made ahead, between parses (Preparer). A Cache
// is safe for one parse at a time, and a Preparer's copying alongside.
type Cache struct {
	mu    sync.Mutex
	files map[string]*cachedFile
	memos *memos
	// parses counts the parses begun: a Preparer's copying stops when one begins.
	parses atomic.Int64
}

// memos are the memos of the costly stages after reading: a Cache keeps
// them in memory, a Store on disk (Store.loadMemos). A nil *memos is no
// memo: each stage computes everything.
type memos struct {
	// aligned keeps the comparisons of versions (package compare) by
	// their text.
	aligned *compare.Memo
	// merged keeps how alike reconcile found the bodies it compared.
	merged *reconcile.Memo
	// linked keeps what linking gave each document (package link).
	linked *link.Memo
}

type cachedFile struct {
	digest string
	r      ingested // never changed: each parse gets a copy
	stamp  stamp    // of the file when it was read; the zero stamp matches nothing
	// spare is a copy of r made ahead (Prepare), for the next parse to
	// take; nil when there is none.
	spare *ingested
}

// copyOf returns a copy of what f holds: its spare, which it then no
// longer has, or a new one. It unlocks k.mu, which the caller holds,
// before making one: the files are read on all cores.
func (k *Cache) copyOf(f *cachedFile) ingested {
	spare := f.spare
	f.spare = nil
	k.mu.Unlock()
	if spare != nil {
		return *spare
	}
	return f.r.clone()
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{files: map[string]*cachedFile{}, memos: &memos{aligned: compare.NewMemo(), merged: reconcile.NewMemo(), linked: link.NewMemo()}}
}

// merger is the memo of reconcile, nil without memos: a nil Memo merges
// without one.
func (m *memos) merger() *reconcile.Memo {
	if m == nil {
		return nil
	}
	return m.merged
}

// links is the memo of linking, nil without memos: a nil Memo links the
// corpus whole.
func (m *memos) links() *link.Memo {
	if m == nil {
		return nil
	}
	return m.linked
}

// alignments is the memo of comparisons, nil without memos.
func (m *memos) alignments() *compare.Memo {
	if m == nil {
		return nil
	}
	return m.aligned
}

// Parse is generator.Parse, reusing what an earlier parse with the same
// Cache read of the files that have not changed since.
func (k *Cache) Parse(fsys fs.FS) *model.Corpus {
	k.parses.Add(1)
	return parse(fsys, k, nil, k.memos)
}

// Preparer returns a function that copies what each file gave ahead of the next parse, which then
// takes the copies instead of making them: on the LawRefBook corpus that
// is a tenth of the CPU time of a parse after an edit, which tiaoli
// preview spends this way while the editor reads. It stops as soon as a
// parse begins, leaving the files it has not reached to be copied by the
// parse. A copy takes as much memory as what it copies, but no more is
// live at the height of the next parse than without it: the parse makes
// the same copies.
//
// Preparer takes the count of parses when it is called, not when the
// copying starts, so that a parse begun in between (an edit saved while
// the collection before the copying runs) stops it too.
func (k *Cache) Preparer() func() {
	begun := k.parses.Load()
	return func() { k.prepare(begun) }
}

// prepare copies, until a parse other than the begun first ones starts.
func (k *Cache) prepare(begun int64) {
	k.mu.Lock()
	files := make([]*cachedFile, 0, len(k.files))
	for _, f := range k.files {
		if f.spare == nil {
			files = append(files, f)
		}
	}
	k.mu.Unlock()
	for _, f := range files {
		if k.parses.Load() != begun {
			return
		}
		c := f.r.clone() // f.r never changes: no lock
		k.mu.Lock()
		if f.spare == nil {
			f.spare = &c
		}
		k.mu.Unlock()
	}
}

// unchanged returns a copy of what the file at p gave when its stamp s is
// the one it had when it was read and that one was settled then: the file
// was not written since. A stamp taken within the tick of a write (not
// settled) may stay the same through a second write in that tick, however
// settled it looks later; such a file is read again, as the Store's stamp
// index reads it again (Store.keep).
func (k *Cache) unchanged(p string, s stamp) (ingested, bool) {
	if k == nil {
		return ingested{}, false
	}
	k.mu.Lock()
	f, ok := k.files[p]
	if !ok || !f.stamp.settled() || !f.stamp.same(s) {
		k.mu.Unlock()
		return ingested{}, false
	}
	return k.copyOf(f), true
}

// get returns a copy of what the file at p with this digest gave, and
// keeps the stamp the file has now.
func (k *Cache) get(p, digest string, s stamp) (ingested, bool) {
	if k == nil {
		return ingested{}, false
	}
	k.mu.Lock()
	f, ok := k.files[p]
	if !ok || f.digest != digest {
		k.mu.Unlock()
		return ingested{}, false
	}
	f.stamp = s
	return k.copyOf(f), true
}

// put keeps a copy of what the file at p gave, and its stamp.
func (k *Cache) put(p string, r ingested, s stamp) {
	if k == nil || r.digest == "" {
		return
	}
	c := r.clone()
	k.mu.Lock()
	k.files[p] = &cachedFile{digest: r.digest, r: c, stamp: s}
	k.mu.Unlock()
}

// keepOnly forgets the files not in paths: those deleted or renamed.
func (k *Cache) keepOnly(paths []string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for p := range k.files {
		if _, found := slices.BinarySearch(paths, p); !found {
			delete(k.files, p)
		}
	}
}

// clone copies r so that the copy shares nothing a later stage changes.
func (r ingested) clone() ingested {
	c := ingested{digest: r.digest, errs: slices.Clone(r.errs)}
	if r.source != nil {
		c.source = r.source.Clone()
	}
	c.docs = model.CloneDocuments(r.docs)
	return c
}
