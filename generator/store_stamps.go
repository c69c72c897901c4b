package generator

import (
	"cmp"
	"maps"
	"slices"
	"sync"
	"time"

	"tiaoli/internal/bincode"
)

// stampsName names the memo file in which a Store keeps the stamps of
// the sources of the last parse and the digests of what was read then,
// as git's index keeps what stat said of each file: a source whose stamp
// is the one kept is not read again, its digest names its entry. Only a
// stamp that was settled when it was taken is kept (stamp.settled): a
// file written again within the same tick as the read before it, which
// may keep its stamp, is never taken for unchanged (git's racily clean
// files).
const stampsName = "stamps"

// keptStamp is what the stamp index holds of one source.
type keptStamp struct {
	Path      string
	Size      int64
	Mod       int64 // Unix nanoseconds
	Ino       uint64
	Change    int64 // Unix nanoseconds; 0 and HasChange false without one
	HasChange bool
	Digest    string
}

// stampIndex is the stamp index of a Store: what the last parse kept,
// read at its start, and what this parse keeps, written at its end when
// it differs.
type stampIndex struct {
	read map[string]keptStamp
	mu   sync.Mutex
	kept map[string]keptStamp
}

// keptOf is what the index keeps of the source at p with the stamp s and
// the digest sum.
func keptOf(p string, s stamp, sum string) keptStamp {
	k := keptStamp{Path: p, Size: s.size, Mod: s.mod.UnixNano(), Ino: s.ino, Digest: sum}
	if !s.change.IsZero() {
		k.Change, k.HasChange = s.change.UnixNano(), true
	}
	return k
}

// describes reports whether k describes a file with the stamp s.
func (k keptStamp) describes(s stamp) bool {
	return k.Size == s.size && k.Mod == s.mod.UnixNano() && k.Ino == s.ino &&
		k.HasChange == !s.change.IsZero() && (!k.HasChange || k.Change == s.change.UnixNano())
}

// readStamps reads the stamp index s keeps for the next parse, unless it
// is read already (Rebuilding); left empty when it has none or it is
// damaged or of another program.
func (s *Store) readStamps() {
	if s == nil || s.stamps != nil {
		return
	}
	s.stamps = &stampIndex{read: map[string]keptStamp{}, kept: map[string]keptStamp{}}
	if s.fresh {
		return
	}
	payload, _, ok := s.readMemo(stampsName)
	var list []keptStamp
	if !ok || bincode.DecodeOwned(payload, &list) != nil {
		return
	}
	for _, k := range list {
		s.stamps.read[k.Path] = k
	}
}

// known returns the digest of the source at p when its stamp s is the
// one the stamp index kept: the file was not written since it was read.
func (s *Store) known(p string, st stamp) (string, bool) {
	if s == nil || s.stamps == nil || st.mod.IsZero() {
		return "", false
	}
	k, ok := s.stamps.read[p]
	if !ok || !k.describes(st) {
		return "", false
	}
	return k.Digest, true
}

// keep records that the source at p, whose stamp was st before it was
// read, had the digest sum; only a settled stamp is kept.
func (s *Store) keep(p string, st stamp, sum string) {
	if s == nil || s.stamps == nil || sum == "" || !st.settled() {
		return
	}
	s.stamps.mu.Lock()
	s.stamps.kept[p] = keptOf(p, st, sum)
	s.stamps.mu.Unlock()
}

// forgetStamps forgets the stamp index of the parse that ended: the next
// reads the one it wrote.
func (s *Store) forgetStamps() {
	if s != nil {
		s.stamps = nil
	}
}

// saveStamps writes the stamp index of this parse when it differs from
// the one read.
func (s *Store) saveStamps() {
	if s.stamps == nil || maps.Equal(s.stamps.read, s.stamps.kept) {
		return
	}
	list := slices.Collect(maps.Values(s.stamps.kept))
	slices.SortFunc(list, func(a, b keptStamp) int { return cmp.Compare(a.Path, b.Path) })
	payload, err := bincode.Append(nil, &list)
	if err == nil {
		s.write(stampsName+memoSuffix, seal(payload, memoFormat, memoCheck(s.program)))
	}
}

// clock tells the time a file is looked at (a test sets another).
var clock = time.Now
