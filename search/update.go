package search

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"tiaoli/generator/model"
)

// Build writes the search index of c into dir, which must not exist.
// When o.Previous is the index of the published build and was made by the
// same program (o.Program, an identity the caller gives, such as a digest
// of its executable; "" never matches), Build starts from a copy of it and
// indexes only the search documents that changed, deletes those that are
// gone, and merges only when the index has grown too many segments;
// otherwise, or when most documents changed, it builds the index whole
// (BuildIndex). Either way dir ends with a sums file that lets the next
// build do the same.
func Build(c *model.Corpus, dir string, o Options) error {
	indexed := func() {}
	if o.Indexed != nil {
		indexed = sync.OnceFunc(o.Indexed)
	}
	defer indexed()
	if err := CheckSynonyms(o.Synonyms); err != nil {
		return fmt.Errorf("build index: %s: %w", SynonymsFile, err)
	}
	err := buildOrUpdate(c, dir, o, indexed)
	if err == nil {
		err = writeSynonyms(dir, o.Synonyms)
	}
	return err
}

func buildOrUpdate(c *model.Corpus, dir string, o Options, indexed func()) error {
	cp, err := corpusPrintsOf(c)
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	if o.Previous != "" && o.Program != "" {
		done, err := update(c, cp, dir, o.Previous, o.Program, indexed)
		if done && err != nil {
			return fmt.Errorf("update index from %s: %w", o.Previous, err)
		}
		if done {
			return nil
		}
		if err != nil || pathExists(dir) {
			os.RemoveAll(dir) // start again from nothing
		}
	}
	return buildWhole(c, cp, dir, o.Program, indexed)
}

// writeSynonyms keeps the editors' table of synonyms in the index folder,
// or removes an old copy when there is none.
func writeSynonyms(dir string, b []byte) error {
	p := filepath.Join(dir, SynonymsFile)
	if len(b) == 0 {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	return os.WriteFile(p, b, 0o644)
}

// Options are the choices of Build.
type Options struct {
	// Previous is the index of the published build, "" for none.
	Previous string
	// Program identifies the program that builds (see Build).
	Program string
	// Indexed, when not nil, is called once every search document is in
	// the index and only merging its segments and writing the side files
	// remain, which run on one core: the caller may start other work
	// then. It is called once, at the latest when Build returns.
	Indexed func()
	// Synonyms is the editors' table of synonyms (SynonymsFile), nil for
	// none: a copy goes into the index folder.
	Synonyms []byte
}

// maxKeptSegments is how many segments an updated index may hold before
// it is merged into one: each update adds one.
const maxKeptSegments = 4

// maxChangedShare is the share of changed documents above which a whole
// build is cheaper than an update.
const maxChangedShare = 0.25

// update builds dir from the index at prev, calling indexed when only
// merging remains; done is false when it could not (prev unusable, its
// side files refused as damaged, too much changed) and the caller should
// build whole. When the corpus is the
// one prev was built of (the same digest), dir is prev as it is.
func update(c *model.Corpus, cp *corpusPrints, dir, prev, program string, indexed func()) (done bool, err error) {
	old := readSums(prev)
	if old == nil || old.program != program || pathExists(dir) {
		return false, nil
	}
	carry, err := openCarried(prev)
	if err != nil { // side files refused as damaged: prev is not to be trusted
		return false, nil
	}
	if old.corpus == cp.digest {
		carry.close()
		indexed() // nothing to index
		if err := copyIndex(prev, dir, true); err != nil {
			return false, fmt.Errorf("copy %s: %w", prev, err)
		}
		return true, nil
	}
	oldRecs, err := old.records()
	if err != nil {
		carry.close()
		return false, nil
	}
	if err := copyIndex(prev, dir, false); err != nil {
		carry.close()
		return false, fmt.Errorf("copy %s: %w", prev, err)
	}
	fail, stop := watchFailures(dir)
	defer stop()
	idx, err := bleve.OpenUsing(dir, buildConfig())
	if err != nil {
		carry.close()
		return false, err
	}
	side, err := newSideFiles(dir, cp.cites)
	if err != nil {
		idx.Close()
		carry.close()
		return false, err
	}
	side.carry = carry
	side.carry.segs = old.segs
	if old.segs != nil {
		side.reserve(int(old.segs.total))
	}
	dm, err := newDocMaker()
	if err != nil {
		idx.Close()
		side.close()
		return false, err
	}
	cur, b := newSums(program, cp.digest), idx.NewBatch()
	changed, err := changes(c, cp, oldRecs, cur, side, b, dm)
	if err == nil && float64(changed) > maxChangedShare*float64(side.n) {
		idx.Close()
		side.close()
		return false, nil
	}
	if err == nil {
		err = applyBatch(idx, b, fail)
	}
	if err == nil {
		err = finish(idx, cp.meta, fail)
	}
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		side.close()
		return false, err
	}
	indexed()
	if err := settle(dir, buildConfig(), side, maxKeptSegments); err != nil {
		return false, err
	}
	return true, cur.write(dir, side)
}

// changes puts into b the search documents of c whose digests differ
// from those of the records old (made by dm) and the deletion of those c
// no longer has, and fills cur and side with every search document: side
// carries over what the previous index's side files hold of the others,
// when it can (carry.go). Only the documents and terms whose fingerprints
// changed are made into search documents (see reread). It returns how
// many search documents it put into b.
func changes(c *model.Corpus, cp *corpusPrints, old []*sumRecord, cur *sums, side *sideFiles, b *bleve.Batch, dm *docMaker) (int, error) {
	rr, err := reread(c, cp, old, side.carry != nil)
	if err != nil {
		return 0, err
	}
	changed := 0
	claimed := map[string]bool{} // the IDs of the search documents read again so far
	for i, r := range cp.recs {
		rec := cur.start(r)
		if rr.docs[i] == nil {
			o := rr.old[r.key]
			rec.raw = o.raw
			rec.entries = make([]sumEntry, len(o.entries)) // not grown one entry at a time
			for j, e := range o.entries {
				if e.sum != "" {
					e.ord = side.n
					side.keep(e, r.doc)
				}
				rec.entries[j] = e
			}
			continue
		}
		for _, d := range rr.docs[i] {
			if claimed[d.ID] {
				rec.entries = append(rec.entries, sumEntry{id: d.ID})
				continue
			}
			claimed[d.ID] = true
			e := newEntry(d, docSum(d), side.n)
			was, ok := rr.was[d.ID]
			same := ok && was.sum == e.sum
			rec.entries = append(rec.entries, e)
			if same && side.carry != nil && side.carry.holds(was.num) {
				e.num = was.num
				side.keep(e, r.doc)
				continue
			}
			fields, head := d.fields()
			side.add(d, fields, head)
			if same {
				continue
			}
			changed++
			doc := dm.document(d.ID, fields)
			if b.Size() == 0 {
				dm.declareAll(doc, fields) // see declareAll
			}
			if err := b.IndexAdvanced(doc); err != nil {
				return changed, fmt.Errorf("%s: %w", d.ID, err)
			}
		}
	}
	for id := range rr.was {
		if !claimed[id] {
			b.Delete(id)
			changed++
		}
	}
	return changed, nil
}

// rereading is what changes reads again: the search documents of the
// records whose search documents may have changed (by record, nil for
// the others), and the entries the old records gave them (by ID).
type rereading struct {
	docs [][]*searchDoc
	old  map[string]*sumRecord // the old records, by key
	was  map[string]sumEntry
}

// reread finds the records of cp whose search documents may differ from
// what the records old hold, and makes them: those of documents and
// terms that are new or whose fingerprints changed, and those of records
// that have a search document with the same ID as one of them (which
// record indexes it may change: the first that has it). With carry false
// (the side files of the previous index cannot be read), every record is
// read again.
func reread(c *model.Corpus, cp *corpusPrints, old []*sumRecord, carry bool) (*rereading, error) {
	rr := &rereading{docs: make([][]*searchDoc, len(cp.recs)), old: make(map[string]*sumRecord, len(old)),
		was: map[string]sumEntry{}}
	for _, r := range old {
		rr.old[r.key] = r
	}
	touched := map[string]bool{} // the IDs of the search documents read again
	read := func(i int) error {
		rr.docs[i] = []*searchDoc{}
		err := cp.walk(c, i, func(d *searchDoc) error {
			if d.ID != "" {
				rr.docs[i] = append(rr.docs[i], d)
				touched[d.ID] = true
			}
			return nil
		})
		if o := rr.old[cp.recs[i].key]; o != nil {
			rr.forget(o, touched)
		}
		return err
	}
	now := make(map[string]bool, len(cp.recs))
	for i, r := range cp.recs {
		now[r.key] = true
		if o := rr.old[r.key]; o == nil || o.print != r.print || !carry {
			if err := read(i); err != nil {
				return nil, err
			}
		}
	}
	for _, o := range old {
		if !now[o.key] {
			rr.forget(o, touched)
		}
	}
	for more := len(touched) > 0; more; {
		more = false
		for i, r := range cp.recs {
			if rr.docs[i] == nil && rr.old[r.key].has(touched) {
				if err := read(i); err != nil {
					return nil, err
				}
				more = true
			}
		}
	}
	return rr, nil
}

// forget records the search documents the old record o indexed as what
// was indexed of them, and their IDs as touched.
func (rr *rereading) forget(o *sumRecord, touched map[string]bool) {
	for _, e := range o.entries {
		touched[e.id] = true
		if e.sum != "" {
			rr.was[e.id] = e
		}
	}
}

// has reports whether the record has a search document of one of ids.
func (r *sumRecord) has(ids map[string]bool) bool {
	for _, e := range r.entries {
		if ids[e.id] {
			return true
		}
	}
	return false
}

// applyBatch applies b and waits until it is persisted or writing the
// index failed (fail).
func applyBatch(idx bleve.Index, b *bleve.Batch, fail *failure) error {
	if b.Size() == 0 {
		return nil
	}
	return persistBatch(idx, b, fail, "the changed documents")
}

// copyIndex copies the index folder src to dst: segment files, which
// scorch never changes, are hard-linked; the rest (its root, which it
// does change) is copied. The side files and the sums file are left out,
// for an update to write anew, unless whole: then they are hard-linked
// too (nothing writes into them once written).
func copyIndex(src, dst string, whole bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		written := rel == sumsFile || rel == charsFile || rel == textsFile || rel == textPostsFile || rel == headsFile || rel == citedFile || rel == orderFile
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case written && !whole:
			return nil
		case (written || strings.HasSuffix(p, ".zap")) && os.Link(p, to) == nil:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

// segmentRun is the segments of an index, in order: their IDs, and how
// many documents they number (deleted ones included).
type segmentRun struct {
	ids   []uint64
	total uint64
}

// segmentsOf lists the segments of the scorch index bi.
func segmentsOf(bi bleve.Index) (*segmentRun, error) {
	snap, err := snapshot(bi)
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	s := &segmentRun{}
	for _, seg := range snap.Segments() {
		s.ids = append(s.ids, seg.Id())
		s.total += uint64(seg.FullSize()) // deleted documents included: they keep their numbers
	}
	return s, nil
}

// snapshot is the snapshot a reader of the scorch index bi reads; the
// caller closes it.
func snapshot(bi bleve.Index) (*scorch.IndexSnapshot, error) {
	r, err := reader(bi)
	if err != nil {
		return nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, fmt.Errorf("unexpected reader %T", r)
	}
	return snap, nil
}

func pathExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
