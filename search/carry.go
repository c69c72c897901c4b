package search

import "github.com/RoaringBitmap/roaring/v2"

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
	texts *textStore
	chars *charIndex
	heads *headTable
	// from is, for each search document by its order of indexing in the
	// new side files, its number in the previous index, or noNumber for
	// one indexed anew.
	from []uint32
}

// noNumber marks a search document that has no number in the previous
// index.
const noNumber = ^uint32(0)

// openCarried opens the side files of the index folder prev.
func openCarried(prev string) (*carried, error) {
	texts, err := openTexts(prev)
	if err != nil {
		return nil, err
	}
	chars, err := openChars(prev)
	if err != nil {
		texts.Close()
		return nil, err
	}
	heads, err := openHeads(prev)
	if err != nil {
		texts.Close()
		chars.Close()
		return nil, err
	}
	return &carried{texts: texts, chars: chars, heads: heads}, nil
}

// close closes the files the side files of the previous index are read
// from.
func (c *carried) close() {
	if c != nil && c.texts != nil {
		c.texts.Close()
		c.chars.Close()
		c.texts, c.chars = nil, nil
	}
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
// intersection.
func (c *carried) mapper(numbers []uint32) func(*roaring.Bitmap) *roaring.Bitmap {
	to := make([]uint32, c.texts.fileCount())
	for i := range to {
		to[i] = noNumber
	}
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
		return func(b *roaring.Bitmap) *roaring.Bitmap { return roaring.And(b, kept) }
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
	}
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
