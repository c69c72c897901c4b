package search

import (
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sync/errgroup"

	"tiaoli/generator/model"
)

// liveState is what a live index knows of its corpus and its bleve
// index: the search documents of each document and term, with their
// digests and numbers, and the side tables of its latest version. The
// versions share the tables; an update copies those it changes.
type liveState struct {
	base  *liveBase
	print *printer
	dm    *docMaker
	docs  map[string]*liveDoc // by document ID (keyOf)
	terms map[string]*liveDoc // by term URL (keyOf)
	owner map[string]*liveDoc // by search document ID: who has it
	cites citations
	segs  []uint64 // the IDs of the index's segments, in order
	total uint64   // the document numbers given, deleted and sentinels included
	// sentinels is how many sentinel documents the index holds.
	sentinels int
	// pinned is the index of the snapshot the next version reads, nil
	// once a version has it.
	pinned bleve.Index

	titles              map[string]string
	termTable           *termTable
	vocab               *vocabCell
	facets              *facetTable
	cited               [][2]uint16
	superseded, deleted *roaring.Bitmap
	chars               map[rune]charDocs
	texts               []addedText
	// posts are the text postings of the documents added (see
	// textIndex), postLens the lengths of their texts.
	posts               map[string]termPosts
	postLens            []uint32
	heads               []headEntry
	headAt              map[string]int // the index of each text in heads
	textDocs, textUnits float64        // documents with a text, and its code units
	// order is the order of the documents' IDs, and orderIDs the IDs in
	// that order.
	order    *idOrder
	orderIDs []string
}

// liveDoc is a document or term of a live index: its fingerprint and its
// search documents.
type liveDoc struct {
	print   uint64
	memo    *printMemo // of a document
	entries []liveEntry
}

// liveEntry is a search document in the index.
type liveEntry struct {
	id, sum      string // its ID and digest (docSum)
	num          uint32 // its number in the index
	doc, article string // what its citations are counted by
}

// sentinelPrefix starts the IDs of sentinel documents, which no page has.
const sentinelPrefix = "\x00sentinel/"

func isSentinel(id string) bool { return strings.HasPrefix(id, sentinelPrefix) }

// keyOf is the key of id in keys, seen: id the first time, then id with a
// count, so that two documents with the same ID are two.
func keyOf(id string, seen map[string]bool) string {
	key := id
	for i := 2; seen[key]; i++ {
		key = id + "\x00" + strconv.Itoa(i)
	}
	seen[key] = true
	return key
}

// newLiveState reads the state of the whole build base of c.
func newLiveState(base *liveBase, c *model.Corpus) (*liveState, error) {
	dm, err := newDocMaker()
	if err != nil {
		return nil, err
	}
	old := readSums(base.dir)
	if old == nil {
		return nil, errors.New("no sums file")
	}
	sums, err := old.byID()
	if err != nil {
		return nil, err
	}
	st := &liveState{base: base, print: newPrinter(), dm: dm, docs: map[string]*liveDoc{},
		terms: map[string]*liveDoc{}, owner: map[string]*liveDoc{}, cites: countCitations(c),
		deleted: roaring.New(), chars: map[rune]charDocs{}, headAt: map[string]int{},
		titles: base.meta.Docs, termTable: newTermTable(base.meta.Terms), vocab: &vocabCell{}}
	snap, err := st.pin()
	if err != nil {
		return nil, err
	}
	err = st.number(c, snap, sums)
	if err == nil {
		err = st.readTables()
	}
	if err != nil {
		st.pinned.Close()
		return nil, err
	}
	return st, nil
}

// pin pins the current snapshot of the index for the next version, and
// returns it.
func (st *liveState) pin() (*scorch.IndexSnapshot, error) {
	bi, snap, err := pin(st.base.s, st.base.dir, st.sentinels)
	if err != nil {
		return nil, err
	}
	st.pinned = bi
	return snap, nil
}

// number records the search documents of c with their digests (sums)
// and their numbers in snap, and snap's segments.
func (st *liveState) number(c *model.Corpus, snap *scorch.IndexSnapshot, sums map[string]string) error {
	nums := map[string]uint32{}
	all, err := snap.DocIDReaderAll()
	if err != nil {
		return err
	}
	for {
		in, err := all.Next()
		if err != nil || in == nil {
			all.Close()
			if err != nil {
				return err
			}
			break
		}
		id, err := snap.ExternalID(in)
		if err != nil {
			all.Close()
			return err
		}
		nums[id] = uint32(in.Value())
	}
	st.order, st.orderIDs = st.base.order, make([]string, len(st.base.order.numbers()))
	for id, n := range nums {
		if r := st.order.of(uint64(n)); r < uint32(len(st.orderIDs)) {
			st.orderIDs[r] = id
		}
	}
	add := func(ld *liveDoc, d *searchDoc) error {
		if d.ID == "" || st.owner[d.ID] != nil {
			return nil
		}
		n, ok := nums[d.ID]
		if !ok {
			return fmt.Errorf("%s is not in the index", d.ID)
		}
		ld.entries = append(ld.entries, liveEntry{id: d.ID, sum: sums[d.ID], num: n, doc: d.Doc, article: d.Article})
		st.owner[d.ID] = ld
		return nil
	}
	seen := map[string]bool{}
	for _, d := range c.Documents {
		ld := &liveDoc{}
		ld.print, ld.memo = st.print.document(d, nil)
		st.docs[keyOf(d.ID, seen)] = ld
		if err := docsOf(d, func(sd *searchDoc) error { return add(ld, sd) }); err != nil {
			return err
		}
	}
	seen = map[string]bool{}
	for _, t := range c.Terms {
		ld := &liveDoc{print: st.print.term(t)}
		st.terms[keyOf(t.URL, seen)] = ld
		if err := add(ld, termDoc(t)); err != nil {
			return err
		}
	}
	for _, s := range snap.Segments() {
		st.segs = append(st.segs, s.Id())
		st.total += s.Count()
	}
	return nil
}

// readTables reads the side tables of the whole build.
func (st *liveState) readTables() error {
	var err error
	if st.facets, err = loadFacets(st.pinned); err != nil {
		return err
	}
	ct, err := openCited(st.base.dir)
	if err != nil {
		return err
	}
	st.cited = ct.counts
	if st.superseded, err = termDocs(st.pinned, fieldFacet, facetValue(facetStatus, statusSuperseded)); err != nil {
		return err
	}
	s := st.base.texts.stats()
	st.textDocs, st.textUnits = s.n, s.avgLen*s.n
	return nil
}

// version is the Index of the state, reading its pinned snapshot.
func (st *liveState) version() (*Index, error) {
	if st.pinned == nil {
		return nil, errors.New("no snapshot pinned")
	}
	b := st.base
	ix := &Index{bi: st.pinned, an: b.an, terms: st.termTable, docs: st.titles, examples: b.meta.Examples,
		facetTable: st.facets, chars: b.chars.withDelta(st.chars, st.deleted),
		texts: b.texts.withAdded(st.texts),
		posts: &textIndex{file: b.posts, deleted: st.deleted, added: st.posts, lengths: st.postLens},
		heads: b.heads.withChanges(st.heads, st.deleted),
		cited: &citedTable{counts: st.cited}, superseded: st.superseded, order: st.order,
		stats:      relaxedStats{n: st.textDocs, avgLen: st.textUnits / nonZero(st.textDocs)},
		vocabState: vocabState{vocabCell: st.vocab, synonyms: b.synonyms}, liveBase: b}
	st.pinned = nil
	b.hold()
	return ix, nil
}

// liveChange is a document or term whose fingerprint changed, or that is
// new: the search documents it has now.
type liveChange struct {
	key   string
	term  bool
	print uint64
	memo  *printMemo
	old   *liveDoc // nil for a new one
	docs  []*searchDoc
}

// liveAdd is a search document an update indexes.
type liveAdd struct {
	d      *searchDoc
	fields map[string]interface{}
	head   string
	sum    string
}

// liveDiff is what an update changes.
type liveDiff struct {
	changes []*liveChange
	removed map[*liveDoc]string // the documents and terms gone, with their keys
	// removedDocs and removedTerms say whether documents, terms are gone.
	removedDocs, removedTerms bool
	// What each change keeps: the entries of its search documents whose
	// digests did not change, by change.
	keep    [][]liveEntry
	adds    []liveAdd
	dropped []liveEntry // entries deleted or indexed anew
	deletes []string    // IDs to delete from the index
}

// update brings the state to c: it indexes what changed and returns the
// state of the new version, st when nothing changed. errRebuild says that
// the index is to be built whole instead.
func (st *liveState) update(c *model.Corpus) (*liveState, error) {
	df := st.diff(c)
	if len(df.changes) == 0 && len(df.removed) == 0 {
		return st, nil
	}
	if err := st.searchDocs(df); err != nil {
		return nil, err
	}
	if float64(len(df.adds)+len(df.deletes)) > maxLiveChanged*float64(len(st.owner)) {
		return nil, errRebuild
	}
	if err := st.index(df); err != nil {
		return nil, fmt.Errorf("%w: %v", errRebuild, err)
	}
	ns := *st
	if len(df.adds) > 0 {
		ns.sentinels++
	}
	snap, err := ns.pin()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errRebuild, err)
	}
	nums, err := ns.newNumbers(snap, len(df.adds) > 0)
	if err != nil {
		ns.pinned.Close()
		return nil, fmt.Errorf("%w: %v", errRebuild, err)
	}
	if err := ns.apply(c, df, nums); err != nil {
		ns.pinned.Close()
		return nil, fmt.Errorf("%w: %v", errRebuild, err)
	}
	return &ns, nil
}

// diff finds the documents and terms of c whose fingerprints changed, and
// those gone.
func (st *liveState) diff(c *model.Corpus) *liveDiff {
	df := &liveDiff{removed: map[*liveDoc]string{}}
	seen := map[string]bool{}
	keys := make([]string, len(c.Documents))
	for i, d := range c.Documents {
		keys[i] = keyOf(d.ID, seen)
	}
	prints, memos := st.printAll(c.Documents, keys)
	for i, d := range c.Documents {
		key, old, p, memo := keys[i], st.docs[keys[i]], prints[i], memos[i]
		if old != nil && old.print == p {
			old.memo = memo // the strings of this parse
		} else {
			ch := &liveChange{key: key, print: p, old: old, memo: memo}
			docsOf(d, func(sd *searchDoc) error { ch.docs = append(ch.docs, sd); return nil })
			df.changes = append(df.changes, ch)
		}
	}
	for key, ld := range st.docs {
		if !seen[key] {
			df.removed[ld] = key
			df.removedDocs = true
		}
	}
	seen = map[string]bool{}
	for _, t := range c.Terms {
		key := keyOf(t.URL, seen)
		p := st.print.term(t)
		if old := st.terms[key]; old == nil || old.print != p {
			df.changes = append(df.changes, &liveChange{key: key, term: true, print: p, old: old,
				docs: []*searchDoc{termDoc(t)}})
		}
	}
	for key, ld := range st.terms {
		if !seen[key] {
			df.removed[ld] = key
			df.removedTerms = true
		}
	}
	return df
}

// printAll is the fingerprint of each document, whose key is keys[i],
// and its memo, reading the memo kept of the document of that key: on all
// cores, each with a printer of the state's seed.
func (st *liveState) printAll(docs []*model.Document, keys []string) ([]uint64, []*printMemo) {
	prints, memos := make([]uint64, len(docs)), make([]*printMemo, len(docs))
	var next atomic.Int64
	var g errgroup.Group
	for range runtime.GOMAXPROCS(0) {
		g.Go(func() error {
			p := st.print.fork()
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				var memo *printMemo
				if old := st.docs[keys[i]]; old != nil {
					memo = old.memo
				}
				prints[i], memos[i] = p.document(docs[i], memo)
			}
			return nil
		})
	}
	g.Wait()
	return prints, memos
}

// searchDocs sorts the search documents of the changes into those kept,
// those to index and those to delete. A search document whose ID another
// document has is left out, as a whole build leaves out the second.
func (st *liveState) searchDocs(df *liveDiff) error {
	changed := map[*liveDoc]map[string]bool{} // the IDs each changed one has now
	for _, ch := range df.changes {
		if ch.old != nil {
			ids := map[string]bool{}
			for _, d := range ch.docs {
				ids[d.ID] = true
			}
			changed[ch.old] = ids
		}
	}
	free := func(o *liveDoc, id string) bool {
		_, gone := df.removed[o]
		ids, ok := changed[o]
		return gone || ok && !ids[id]
	}
	claimed := map[string]bool{}
	reindexed := map[string]bool{}
	for _, ch := range df.changes {
		var keep []liveEntry
		old := map[string]liveEntry{}
		if ch.old != nil {
			for _, e := range ch.old.entries {
				old[e.id] = e
			}
		}
		for _, d := range ch.docs {
			if d.ID == "" || claimed[d.ID] {
				continue
			}
			if o := st.owner[d.ID]; o != nil && o != ch.old && !free(o, d.ID) {
				continue
			}
			claimed[d.ID] = true
			sum := docSum(d)
			if e, ok := old[d.ID]; ok && e.sum == sum {
				keep = append(keep, e)
				delete(old, d.ID)
				continue
			}
			fields, head := d.fields()
			df.adds = append(df.adds, liveAdd{d: d, fields: fields, head: head, sum: sum})
			reindexed[d.ID] = true
		}
		df.keep = append(df.keep, keep)
		for _, e := range ch.old.orNone() {
			if _, gone := old[e.id]; gone {
				df.dropped = append(df.dropped, e)
			}
		}
	}
	for ld := range df.removed {
		df.dropped = append(df.dropped, ld.entries...)
	}
	for _, e := range df.dropped {
		if !reindexed[e.id] {
			df.deletes = append(df.deletes, e.id)
		}
	}
	return nil
}

// orNone is the entries of ld, none for nil.
func (ld *liveDoc) orNone() []liveEntry {
	if ld == nil {
		return nil
	}
	return ld.entries
}

// index applies the changes to the bleve index in one batch, with a
// sentinel when it adds documents, and waits until it is on disk.
func (st *liveState) index(df *liveDiff) error {
	b := st.base.bi.NewBatch()
	for _, a := range df.adds {
		if err := b.IndexAdvanced(st.dm.document(a.d.ID, a.fields)); err != nil {
			return fmt.Errorf("%s: %w", a.d.ID, err)
		}
	}
	for _, id := range df.deletes {
		b.Delete(id)
	}
	if len(df.adds) > 0 {
		id := sentinelPrefix + strconv.Itoa(st.sentinels)
		if err := b.IndexAdvanced(st.dm.document(id, nil)); err != nil {
			return err
		}
	}
	if b.Size() == 0 {
		return nil
	}
	return persistBatch(st.base.bi, b, st.base.fail, "the changed documents")
}

// newNumbers checks that snap numbers the documents of the state as
// before, with one segment more when the batch added documents, records
// its segments and returns the numbers of the new documents.
func (st *liveState) newNumbers(snap *scorch.IndexSnapshot, added bool) (map[string]uint32, error) {
	segs := snap.Segments()
	want := len(st.segs)
	if added {
		want++
	}
	if len(segs) != want {
		return nil, fmt.Errorf("the index has %d segments, want %d", len(segs), want)
	}
	for i, id := range st.segs {
		if segs[i].Id() != id {
			return nil, errors.New("the index renumbered its documents")
		}
	}
	nums := map[string]uint32{}
	if !added {
		return nums, nil
	}
	last := segs[len(segs)-1]
	first := st.total
	st.segs = append(slices.Clip(st.segs), last.Id())
	st.total += last.Count()
	for n := first; n < st.total; n++ {
		id, err := snap.ExternalID(index.NewIndexInternalID(nil, n))
		if err != nil {
			return nil, err
		}
		nums[id] = uint32(n)
	}
	return nums, nil
}

// apply records the changes df, the new documents numbered by nums, in
// the state and its side tables, copying those a version reads. On error
// the state is not to be used: it may hold part of the changes.
func (st *liveState) apply(c *model.Corpus, df *liveDiff, nums map[string]uint32) error {
	st.applyDocs(df, nums)
	st.deleted = st.deleted.Clone()
	st.superseded = st.superseded.Clone()
	st.facets = st.facets.grown(st.total)
	st.cited = append(slices.Clip(st.cited), make([][2]uint16, int(st.total)-len(st.cited))...)
	texts := st.base.texts.withAdded(st.texts)
	for _, e := range df.dropped {
		st.deleted.Add(e.num)
		st.superseded.Remove(e.num)
		st.facets.clear(uint64(e.num))
		if l := texts.textLen(uint64(e.num)); l > 0 {
			st.textDocs--
			st.textUnits -= l
		}
	}
	added := make([]numberedID, 0, len(df.adds))
	for _, a := range df.adds {
		added = append(added, numberedID{id: a.d.ID, num: nums[a.d.ID]})
	}
	st.order, st.orderIDs = st.order.changed(st.orderIDs, st.deleted, added, st.total)
	if err := st.addSide(df.adds, nums); err != nil {
		return err
	}
	st.updateMeta(c, df)
	st.updateCitations(c, df, nums)
	return nil
}

// applyDocs records the search documents of the changes and forgets
// those of the documents gone.
func (st *liveState) applyDocs(df *liveDiff, nums map[string]uint32) {
	for _, e := range df.dropped {
		delete(st.owner, e.id)
	}
	sums := map[string]string{}
	for _, a := range df.adds {
		sums[a.d.ID] = a.sum
	}
	for i, ch := range df.changes {
		ld := &liveDoc{print: ch.print, memo: ch.memo, entries: df.keep[i]}
		for _, d := range ch.docs {
			if n, ok := nums[d.ID]; ok && sums[d.ID] != "" && st.owner[d.ID] == nil {
				ld.entries = append(ld.entries, liveEntry{id: d.ID, sum: sums[d.ID], num: n, doc: d.Doc, article: d.Article})
			}
		}
		for _, e := range ld.entries {
			st.owner[e.id] = ld
		}
		if ch.term {
			st.terms[ch.key] = ld
		} else {
			st.docs[ch.key] = ld
		}
	}
	for ld, key := range df.removed {
		if st.docs[key] == ld {
			delete(st.docs, key)
		}
		if st.terms[key] == ld {
			delete(st.terms, key)
		}
	}
}

// addSide adds the new documents to the side tables.
func (st *liveState) addSide(adds []liveAdd, nums map[string]uint32) error {
	first := uint64(st.base.texts.fileCount())
	st.texts = append(st.texts, make([]addedText, int(st.total-first)-len(st.texts))...)
	added := newTextPostings()
	st.chars = maps.Clone(st.chars)
	st.heads = slices.Clone(st.heads)
	st.headAt = maps.Clone(st.headAt)
	copied := map[rune]bool{}
	copiedHead := map[int]bool{}
	numbers := st.facets.numbers()
	for _, a := range adds {
		num := nums[a.d.ID]
		p := sidePartsOf(a.d, a.fields, a.head)
		st.addChars(num, p, copied)
		b, n := normalParts(nil, p.ownHead, p.text)
		st.texts[uint64(num)-first] = addedText{b: b, head: uint32(n)}
		if p.text != "" {
			n, freqs := st.base.an.bigram.frequencies([]byte(p.text))
			added.add(num-uint32(first), n, freqs)
		}
		if l := float64((len(b) - n) / 2); l > 0 {
			st.textDocs++
			st.textUnits += l
		}
		if a.d.sharedHead() {
			st.addHead(num, a.head, copiedHead)
		}
		facets, _ := a.fields[fieldFacet].([]string)
		for _, f := range facets {
			st.facets.add(uint64(num), f, numbers)
		}
		if a.d.Status != "" {
			st.superseded.Add(num)
		}
	}
	return st.addPosts(added, uint32(first))
}

// addPosts adds the text postings of the documents added, by their
// number less first, copying those of the state.
func (st *liveState) addPosts(added *textPostings, first uint32) error {
	lengths := make([]uint32, int(st.total)-int(first))
	copy(lengths, st.postLens)
	for i, n := range added.lengths {
		if n > 0 {
			lengths[i] = n
		}
	}
	posts := make(map[string]termPosts, len(st.posts)+added.termCount())
	for term, p := range st.posts {
		posts[term] = p
	}
	numbers := make([]uint32, len(added.lengths))
	for i := range numbers {
		numbers[i] = first + uint32(i)
	}
	var ps []posting
	var err error
	added.eachTerm(func(term string) {
		if err != nil {
			return
		}
		ps = ps[:0]
		if p, ok := posts[term]; ok {
			ps = carriedPostings(ps, p, nil)
		}
		if ps, err = added.appendPostings(ps, term, numbers, ^uint32(0)); err != nil { // numbers are all below
			return
		}
		if posts[term], err = newTermPosts(ps); err != nil {
			err = fmt.Errorf("term %q: %w", term, err)
		}
	})
	if err != nil {
		return fmt.Errorf("the text postings of the documents added: %w", err)
	}
	st.postLens, st.posts = lengths, posts
	return nil
}

// addChars adds document num to the characters of its parts, copying
// each bitmap the first time (copied).
func (st *liveState) addChars(num uint32, p sideParts, copied map[rune]bool) {
	add := func(r rune, head bool) {
		d := st.chars[r]
		if !copied[r] {
			copied[r] = true
			d = charDocs{all: cloneOrNew(d.all), head: cloneOrNew(d.head)}
			st.chars[r] = d
		}
		d.all.Add(num)
		if head {
			d.head.Add(num)
		}
	}
	eachHan(p.charHead, func(r rune) { add(r, true) })
	eachHan(p.text, func(r rune) { add(r, false) })
}

func cloneOrNew(b *roaring.Bitmap) *roaring.Bitmap {
	if b == nil {
		return roaring.New()
	}
	return b.Clone()
}

// addHead adds document num to the shared head head.
func (st *liveState) addHead(num uint32, head string, copied map[int]bool) {
	text := normalText(nil, head)
	if len(text) == 0 {
		return
	}
	i, ok := st.headAt[string(text)]
	if !ok {
		i = len(st.heads)
		st.headAt[string(text)] = i
		st.heads = append(st.heads, headEntry{text: text, docs: roaring.New()})
		copied[i] = true
	}
	if !copied[i] {
		copied[i] = true
		st.heads[i].docs = st.heads[i].docs.Clone()
	}
	st.heads[i].docs.Add(num)
}

// updateMeta renews the titles and the terms when they changed.
func (st *liveState) updateMeta(c *model.Corpus, df *liveDiff) {
	docs, terms := df.removedDocs, df.removedTerms
	for _, ch := range df.changes {
		terms = terms || ch.term
		docs = docs || !ch.term
	}
	changed := false
	if docs {
		titles := make(map[string]string, len(c.Documents))
		for _, d := range c.Documents {
			titles[d.ID] = d.Title
		}
		if !maps.Equal(titles, st.titles) {
			st.titles, changed = titles, true
		}
	}
	if terms {
		st.termTable = newTermTable(corpusMeta(c).Terms)
		changed = true
	}
	if changed {
		st.vocab = &vocabCell{}
	}
}

// updateCitations counts the citations of c again and gives the search
// documents whose counts changed, and the new ones, their counts.
func (st *liveState) updateCitations(c *model.Corpus, df *liveDiff, nums map[string]uint32) {
	cites := countCitations(c)
	touched := map[string]bool{} // documents some count of which changed
	for loc, n := range cites.article {
		if st.cites.article[loc] != n {
			touched[loc.Document] = true
		}
	}
	for loc := range st.cites.article {
		if _, ok := cites.article[loc]; !ok {
			touched[loc.Document] = true
		}
	}
	for doc, n := range cites.document {
		if st.cites.document[doc] != n {
			touched[doc] = true
		}
	}
	for doc := range st.cites.document {
		if _, ok := cites.document[doc]; !ok {
			touched[doc] = true
		}
	}
	st.cites = cites
	set := func(e liveEntry) { st.cited[e.num] = cites.counts(e.doc, e.article) }
	for _, a := range df.adds {
		set(liveEntry{num: nums[a.d.ID], doc: a.d.Doc, article: a.d.Article})
	}
	if len(touched) == 0 {
		return
	}
	for doc := range touched {
		if ld := st.docs[doc]; ld != nil {
			for _, e := range ld.entries {
				set(e)
			}
		}
	}
	for _, ld := range st.terms { // a term counts the citations of the document defining it
		for _, e := range ld.entries {
			if touched[e.doc] {
				set(e)
			}
		}
	}
}
