package compare

import (
	"tiaoli/generator/model"
	"tiaoli/internal/bincode"
)

// storedAlignment is an alignment kept by the digests of its two versions,
// as plain values (package bincode).
type storedAlignment struct {
	Old, New           [32]byte
	Articles, Headings []model.Pair
}

// AppendBinary appends to b the alignments the last Works asked for, for
// another process to read back (UnmarshalBinary): the keys are digests of
// the text, which mean the same there.
func (m *Memo) AppendBinary(b []byte) ([]byte, error) {
	var list []storedAlignment
	for k, a := range m.aligned.All() {
		list = append(list, storedAlignment{Old: k.old, New: k.new, Articles: a.articles, Headings: a.headings})
	}
	return bincode.Append(b, &list)
}

// Changed reports whether the last Works asked for anything but the pairs
// the Memo held before it, all of them: when not, what AppendBinary wrote
// before the Works still holds.
func (m *Memo) Changed() bool { return !m.aligned.Same() }

// UnmarshalBinary reads back into an empty Memo what AppendBinary wrote;
// the next Works uses it as it would use what the Works before it asked
// for. On an error the Memo is left empty.
func (m *Memo) UnmarshalBinary(data []byte) error {
	var list []storedAlignment
	if err := bincode.Decode(data, &list); err != nil {
		return err
	}
	for _, a := range list {
		m.aligned.Put(memoKey{a.Old, a.New}, alignment{a.Articles, a.Headings})
	}
	return nil
}
