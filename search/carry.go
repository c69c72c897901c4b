package search

import (
	"bufio"
	"encoding/binary"
	"maps"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// An update (update.go) writes the side files of the whole corpus again,
// numbered as the updated index numbers its documents, but it reads them
// afresh only for the search documents that changed. What the side files
// of the previous index hold of a document whose digest did not change is
// carried over: its texts and shared head as they were written (already
// normalised), its characters by mapping the previous index's bitmaps to
// the new numbers. Reading every document's text again took two thirds of
// an update after a one-file edit on the whole corpus. Only the counts of
// citations are made anew for every document: an edit elsewhere changes
// them.

// carried is the side files of the previous index, read to carry over the
// entries of unchanged documents.
type carried struct {
	posts *textPosts
	texts *textStore
	chars *charIndex
	heads *headTable
	// ids is the previous index's order of IDs, nil when it has none.
	ids *idOrder
	// from is, for each search document by its order of indexing in the
	// new side files, its number in the previous index, or noNumber for
	// one indexed anew.
	from []uint32
	// segs are the segments of the previous index, nil when not known.
	segs *segmentRun
}

// noNumber marks a search document that has no number in the previous
// index.
const noNumber = ^uint32(0)

// noNumbers is a table of n numbers, each noNumber until set.
func noNumbers(n int) []uint32 {
	t := make([]uint32, n)
	for i := range t {
		t[i] = noNumber
	}
	return t
}

// openCarried opens the side files of the index folder prev. On error
// it leaves none of them open.
func openCarried(prev string) (*carried, error) {
	c := &carried{}
	err := c.open(prev)
	if err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}

// open opens the side files of the index folder prev into c, up to the
// first that fails.
func (c *carried) open(prev string) error {
	var err error
	if c.texts, err = openTexts(prev); err != nil {
		return err
	}
	if c.chars, err = openChars(prev); err != nil {
		return err
	}
	if c.heads, err = openHeads(prev); err != nil { // read whole: nothing to close
		return err
	}
	if c.posts, err = openTextPosts(prev); err != nil {
		return err
	}
	c.ids, _ = openOrder(prev) // none: the update sorts every ID
	return nil
}

// close closes the files the side files of the previous index are read
// from, those of them that are open.
func (c *carried) close() {
	if c == nil {
		return
	}
	if c.texts != nil {
		c.texts.Close()
	}
	if c.chars != nil {
		c.chars.Close()
	}
	if c.posts != nil {
		c.posts.Close()
	}
	c.texts, c.chars, c.posts = nil, nil, nil
}

// holds reports whether the previous index's side files have an entry of
// number num.
func (c *carried) holds(num uint32) bool { return num < uint32(c.texts.fileCount()) }

// keep records that the search document of order ord is the one of number
// num in the previous index.
func (c *carried) keep(ord, num uint32) {
	for uint32(len(c.from)) < ord {
		c.from = append(c.from, noNumber)
	}
	c.from = append(c.from, num)
}

// mapper returns what maps a bitmap of the previous index's numbers to
// the new numbers (numbers, by order of indexing), leaving out the
// documents not carried over. When no carried document changed its
// number, as when the update merged no segment away, that is an
// intersection, and dropped is the documents not carried over (nil when
// some changed their numbers).
func (c *carried) mapper(numbers []uint32) (m func(*roaring.Bitmap) *roaring.Bitmap, dropped *roaring.Bitmap) {
	to := noNumbers(c.texts.fileCount())
	kept, same := roaring.New(), true
	for ord, num := range c.from {
		if num == noNumber {
			continue
		}
		to[num] = numbers[ord]
		kept.Add(num)
		same = same && numbers[ord] == num
	}
	if same {
		dropped = roaring.Flip(kept, 0, uint64(len(to)))
		return func(b *roaring.Bitmap) *roaring.Bitmap { return roaring.And(b, kept) }, dropped
	}
	var buf []uint32
	return func(b *roaring.Bitmap) *roaring.Bitmap {
		buf = buf[:0]
		it := b.Iterator()
		for it.HasNext() {
			if n := it.Next(); n < uint32(len(to)) && to[n] != noNumber {
				buf = append(buf, to[n])
			}
		}
		out := roaring.New()
		out.AddMany(buf)
		return out
	}, nil
}

// verbatim returns what the previous index's side file of characters
// holds of r, as it is, when that is what the new one holds of r: r is
// in no document indexed anew (fresh false), no carried document changed
// its number, and none of r's documents there was dropped (dropped, from
// mapper); all is the previous side file, read whole.
func (c *carried) verbatim(r rune, fresh bool, all []byte, dropped *roaring.Bitmap) (blob []byte, headLen int, ok bool) {
	if fresh || dropped == nil {
		return nil, 0, false
	}
	e, found := c.chars.entries[r]
	if !found || e.HeadLen > e.Len || e.Off+uint64(e.Len) > uint64(len(all)) {
		return nil, 0, false
	}
	blob = all[e.Off : e.Off+uint64(e.Len)]
	docs := roaring.New()
	if _, err := docs.FromBuffer(blob[:e.Len-e.HeadLen]); err != nil || docs.Intersects(dropped) {
		return nil, 0, false
	}
	return blob, int(e.HeadLen), true
}

// order tells, of the n search documents of the update by order of
// indexing, those carried over in the order of their IDs, as the previous
// index ranks them, and the others; nil when it cannot (no previous
// order, or one that leaves out a document carried over).
func (c *carried) order(n int) *carriedOrder {
	if c == nil || c.ids == nil {
		return nil
	}
	ordOf := noNumbers(len(c.ids.rank)) // by previous number
	co := &carriedOrder{}
	for ord := range uint32(n) {
		if num := c.fromOf(ord); num != noNumber && num < uint32(len(ordOf)) {
			ordOf[num] = ord
		} else {
			co.added = append(co.added, ord)
		}
	}
	co.kept = make([]uint32, 0, n-len(co.added))
	for _, num := range c.ids.numbers() {
		if ord := ordOf[num]; ord != noNumber {
			co.kept = append(co.kept, ord)
		}
	}
	if len(co.kept)+len(co.added) != n {
		return nil
	}
	return co
}

// fromOf is the number in the previous index of the search document of
// order ord, noNumber for one indexed anew.
func (c *carried) fromOf(ord uint32) uint32 {
	if ord < uint32(len(c.from)) {
		return c.from[ord]
	}
	return noNumber
}

// carriedChars lists the characters the previous index's side file holds,
// and what gives, for one of them, its documents there mapped by m.
func (c *carried) carriedChars(m func(*roaring.Bitmap) *roaring.Bitmap) ([]rune, func(rune) (charDocs, error)) {
	runes := make([]rune, 0, len(c.chars.entries))
	for r := range c.chars.entries {
		runes = append(runes, r)
	}
	return runes, func(r rune) (charDocs, error) {
		e, ok := c.chars.entries[r]
		if !ok {
			return charDocs{}, nil
		}
		d, err := c.chars.readEntry(r, e)
		if err != nil {
			return d, err
		}
		return charDocs{all: m(d.all), head: m(d.head)}, nil
	}
}

// numbers maps the order of indexing of the search documents ids to the
// numbers the updated index bi gives them, when bi holds the segments of
// the previous index as they were, and at most one more, which the update
// added: the documents carried over keep their numbers, and only the
// documents of that segment are read. ok is false when bi holds other
// segments (merged, or emptied and dropped), or a document is neither
// carried over nor in the added segment.
func (c *carried) numbers(bi bleve.Index, ids []string) (out []uint32, ok bool, err error) {
	if c == nil || c.segs == nil {
		return nil, false, nil
	}
	snap, err := snapshot(bi)
	if err != nil {
		return nil, false, err
	}
	defer snap.Close()
	segs := snap.Segments()
	if len(segs) < len(c.segs.ids) || len(segs) > len(c.segs.ids)+1 {
		return nil, false, nil
	}
	for i, id := range c.segs.ids {
		if segs[i].Id() != id {
			return nil, false, nil
		}
	}
	added := map[string]uint32{}
	if len(segs) > len(c.segs.ids) {
		first := c.segs.total
		for n := first; n < first+uint64(segs[len(segs)-1].FullSize()); n++ {
			id, err := snap.ExternalID(index.NewIndexInternalID(nil, n))
			if err != nil {
				return nil, false, err
			}
			added[id] = uint32(n)
		}
	}
	out = make([]uint32, len(ids))
	for ord, id := range ids {
		if ord < len(c.from) && c.from[ord] != noNumber {
			out[ord] = c.from[ord]
			continue
		}
		n, found := added[id]
		if !found {
			return nil, false, nil
		}
		out[ord] = n
	}
	return out, true, nil
}

// writeTextPosts writes the side file of text postings of the updated
// index into dir: those of fresh, the documents indexed anew, and those
// the previous index held of the documents carried over, renumbered;
// numbers are the new numbers by order of indexing, count how many. When
// the carried documents kept their numbers, only the blocks of the terms
// a document indexed anew or dropped holds are written anew, after the
// others as they were (patchTextPosts); otherwise, or when too much of
// the file would be left unused, the file is written whole.
func (c *carried) writeTextPosts(dir string, fresh *textPostings, numbers []uint32, count uint32) error {
	to := noNumbers(int(c.posts.count()))
	lengths := make([]uint32, count)
	kept, same := roaring.New(), true
	for ord, num := range c.from {
		if num == noNumber || num >= uint32(len(to)) {
			continue
		}
		to[num] = numbers[ord]
		lengths[numbers[ord]] = c.posts.length(num)
		kept.Add(num)
		same = same && numbers[ord] == num
	}
	dropped := roaring.Flip(kept, 0, uint64(len(to)))
	if err := fresh.putLengths(lengths, numbers); err != nil {
		return err
	}
	if same {
		p, err := c.patchTextPosts(fresh, dropped, to, numbers, count)
		if err != nil {
			return err
		}
		if p.worthIt(c.posts) {
			return writeSideFile(dir, textPostsFile, func(w *bufio.Writer) error {
				return p.write(w, c.posts, lengths)
			})
		}
	}
	terms, offs, err := c.posts.entries()
	if err != nil {
		return err
	}
	off := make(map[string]uint64, len(terms))
	for i, t := range terms {
		off[t] = offs[i]
	}
	fresh.eachTerm(func(t string) {
		if _, ok := off[t]; !ok {
			terms = append(terms, t)
		}
	})
	slices.Sort(terms)
	return writeSideFile(dir, textPostsFile, func(w *bufio.Writer) error {
		return writePostsFile(w, lengths, terms, func(i int, dst []posting) ([]posting, []byte, error) {
			o, ok := off[terms[i]]
			isFresh := fresh.has(terms[i])
			if ok {
				p, raw, err := c.posts.rawBlock(o)
				if err != nil {
					return nil, nil, err
				}
				if same && !isFresh && !p.docs.Intersects(dropped) {
					return nil, raw, nil
				}
				dst = carriedPostings(dst, p, to)
			}
			dst, err := fresh.appendPostings(dst, terms[i], numbers, count)
			return dst, nil, err
		})
	})
}

// carriedPostings appends to dst the postings p of the previous index
// that are carried over, renumbered by to; with to nil, all of them as
// they are numbered.
func carriedPostings(dst []posting, p termPosts, to []uint32) []posting {
	j := uint64(0)
	for it := p.docs.Iterator(); it.HasNext(); j++ {
		n := it.Next()
		if to != nil {
			if n = to[n]; n == noNumber {
				continue
			}
		}
		dst = append(dst, posting{num: n, freq: p.freq(j)})
	}
	return dst
}

// postsPatch is what an update changes in the file of text postings when
// the documents carried over keep their numbers: the blocks of the terms
// that changed, written after those of the previous file, and the terms
// it adds.
type postsPatch struct {
	blocks []byte // the new blocks, one after another
	// slots are the terms whose blocks changed, by number, with the
	// offsets of their new blocks in blocks (noBlock for a term no
	// document holds any more); added are the terms new to the file,
	// in order, numbered on from the previous file's.
	slots map[uint64]uint64
	added []string
	dead  uint64 // bytes of the previous file's blocks no term points at
}

// patchTextPosts finds what changes in the file of text postings when
// the documents carried over keep their numbers: the blocks of the terms
// of fresh (the documents indexed anew, numbered by numbers) and of those
// a dropped document held.
func (c *carried) patchTextPosts(fresh *textPostings, dropped *roaring.Bitmap, to, numbers []uint32, count uint32) (*postsPatch, error) {
	old := c.posts
	changed := map[uint64]string{} // by number: the term, when fresh holds it, else ""
	var added []string
	var err error
	fresh.eachTerm(func(t string) {
		if err != nil {
			return
		}
		var n uint64
		var ok bool
		if n, ok, err = old.number([]byte(t)); ok {
			changed[n] = t
		} else if err == nil {
			added = append(added, t)
		}
	})
	if err != nil {
		return nil, err
	}
	if !dropped.IsEmpty() {
		err := old.eachBlockHolding(dropped, func(n uint64) {
			if _, ok := changed[n]; !ok {
				changed[n] = ""
			}
		})
		if err != nil {
			return nil, err
		}
	}
	p := &postsPatch{slots: make(map[uint64]uint64, len(changed)), added: added, dead: old.dead}
	nums := slices.Sorted(maps.Keys(changed))
	var ps []posting
	write := func(n uint64, term string) error {
		var err error
		if term != "" {
			if ps, err = fresh.appendPostings(ps, term, numbers, count); err != nil {
				return err
			}
		}
		if len(ps) == 0 {
			p.slots[n] = noBlock
			return nil
		}
		p.slots[n] = uint64(len(p.blocks))
		p.blocks, err = appendPostBlock(p.blocks, ps)
		return err
	}
	for _, n := range nums {
		off, err := old.slot(n)
		if err != nil {
			return nil, err
		}
		ps = ps[:0]
		if off != noBlock {
			q, raw, err := old.rawBlock(off)
			if err != nil {
				return nil, err
			}
			p.dead += uint64(len(raw))
			ps = carriedPostings(ps, q, to)
		}
		if err := write(n, changed[n]); err != nil {
			return nil, err
		}
	}
	slices.Sort(p.added)
	for i, t := range p.added {
		ps = ps[:0]
		if err := write(old.termCount()+uint64(i), t); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// maxDeadShare is the share of a file of text postings that may be blocks
// no term points at before an update writes it whole.
const maxDeadShare = 0.25

// maxAddedTerms is how many terms updates may add to the file of text
// postings (in the dictionary of added terms) before one writes it whole;
// a var so that a test can cross it.
var maxAddedTerms = 1 << 14

// worthIt reports whether p leaves the file of text postings old in a
// shape worth keeping: few unused blocks and few added terms.
func (p *postsPatch) worthIt(old *textPosts) bool {
	size := uint64(len(old.data)) + uint64(len(p.blocks))
	return float64(p.dead) <= maxDeadShare*float64(size) &&
		old.addedCount()+len(p.added) <= maxAddedTerms
}

// write writes the file of text postings old changed by p, with the text
// lengths lengths: its blocks as they were, the new blocks after them,
// the table of offsets and the dictionary of added terms anew, and the
// dictionary as it was.
func (p *postsPatch) write(w *bufio.Writer, old *textPosts, lengths []uint32) error {
	bw := &countingWriter{w: w}
	bw.write(old.data) // the magic and the blocks
	base := bw.n
	bw.write(p.blocks)
	first := old.termCount()
	slots := make([]byte, 8*(first+uint64(len(p.added))))
	copy(slots, old.slots)
	for n, off := range p.slots {
		if off != noBlock {
			off += base
		}
		binary.LittleEndian.PutUint64(slots[8*n:], off)
	}
	added, err := old.withAdded(p.added, first)
	if err != nil {
		return err
	}
	return writePostsTail(bw, postsTail{lengths: lengths, slots: slots, dict: old.dictRaw, added: added, dead: p.dead})
}
