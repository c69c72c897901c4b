// Package automaton is an Aho–Corasick automaton: it finds every occurrence
// of many strings in a text in one pass over the text, whatever the number
// of strings.
//
// Matching works on runes through a fold function (full-width and ASCII
// brackets, for instance, can be made equal) and reports byte offsets into
// the original text, so the folded runes may have another width than the
// ones printed. Bytes that are not UTF-8 read as U+FFFD, as in a range
// loop over a string.
package automaton

import "unicode/utf8"

// Fold maps a rune to the rune it is matched as.
type Fold func(rune) rune

// Automaton matches a fixed set of patterns. It is safe for concurrent use.
type Automaton struct {
	trans  map[uint64]int32 // state<<32 | rune → next state
	root   []uint64         // bitset of runes with a transition from the root
	fail   []int32
	out    []int32 // pattern ending at a state, or -1
	dict   []int32 // next state on the fail chain with an output, or -1
	runes  []int32 // length of a state's string in runes
	fold   Fold
	maxLen int
}

// Match is one occurrence: the index of the pattern (the first one when
// several fold to the same string) and its byte span in the text.
type Match struct {
	Pattern    int
	Start, End int
}

// New builds an automaton for patterns. Empty patterns are ignored. fold
// may be nil.
func New(patterns []string, fold Fold) *Automaton {
	if fold == nil {
		fold = func(r rune) rune { return r }
	}
	a := &Automaton{
		trans: map[uint64]int32{},
		root:  make([]uint64, 0x10000/64),
		fold:  fold,
	}
	a.addState(0)
	for i, p := range patterns {
		a.insert(i, p)
	}
	a.link()
	return a
}

func (a *Automaton) addState(depth int32) int32 {
	a.fail = append(a.fail, 0)
	a.out = append(a.out, -1)
	a.dict = append(a.dict, -1)
	a.runes = append(a.runes, depth)
	return int32(len(a.out) - 1)
}

func key(state int32, r rune) uint64 { return uint64(state)<<32 | uint64(uint32(r)) }

func (a *Automaton) insert(id int, p string) {
	if p == "" {
		return
	}
	s := int32(0)
	n := 0
	for _, r := range p {
		r = a.fold(r)
		n++
		next, ok := a.trans[key(s, r)]
		if !ok {
			next = a.addState(int32(n))
			a.trans[key(s, r)] = next
			if s == 0 {
				a.markRoot(r)
			}
		}
		s = next
	}
	if a.out[s] < 0 {
		a.out[s] = int32(id)
	}
	if n > a.maxLen {
		a.maxLen = n
	}
}

func (a *Automaton) markRoot(r rune) {
	if r < 0x10000 {
		a.root[r/64] |= 1 << (uint(r) % 64)
	}
}

func (a *Automaton) fromRoot(r rune) bool {
	if r < 0x10000 {
		return a.root[r/64]&(1<<(uint(r)%64)) != 0
	}
	return true
}

// link computes the fail and dictionary links breadth first.
func (a *Automaton) link() {
	children := make([][]edge, len(a.out))
	for k, to := range a.trans {
		from := int32(k >> 32)
		children[from] = append(children[from], edge{rune(uint32(k)), to})
	}
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range children[s] {
			queue = append(queue, e.to)
			if s == 0 {
				continue
			}
			f := a.fail[s]
			for {
				if next, ok := a.trans[key(f, e.r)]; ok {
					a.fail[e.to] = next
					break
				}
				if f == 0 {
					break
				}
				f = a.fail[f]
			}
			ff := a.fail[e.to]
			if a.out[ff] >= 0 {
				a.dict[e.to] = ff
			} else {
				a.dict[e.to] = a.dict[ff]
			}
		}
	}
}

type edge struct {
	r  rune
	to int32
}

// step follows the transition on r from s, falling back along fail links.
func (a *Automaton) step(s int32, r rune) int32 {
	for {
		if s == 0 {
			if !a.fromRoot(r) {
				return 0
			}
			if next, ok := a.trans[key(0, r)]; ok {
				return next
			}
			return 0
		}
		if next, ok := a.trans[key(s, r)]; ok {
			return next
		}
		s = a.fail[s]
	}
}

// Find calls fn for every occurrence of every pattern in text, in the
// order their ends appear (for one end, longest first).
func (a *Automaton) Find(text string, fn func(Match)) {
	if len(a.out) == 1 {
		return
	}
	var small [32]int
	ring := small[:min(a.maxLen+1, len(small))] // byte offsets of the last runes
	if a.maxLen+1 > len(small) {
		ring = make([]int, a.maxLen+1)
	}
	head := 0 // the slot of the next rune: their count modulo len(ring), kept without dividing
	s := int32(0)
	for i, r := range text {
		ring[head] = i
		if head++; head == len(ring) {
			head = 0
		}
		s = a.step(s, a.fold(r))
		end := i + utf8.RuneLen(r)
		if r == utf8.RuneError && !validAt(text, i) {
			end = i + 1
		}
		for t := s; t > 0; t = a.dict[t] {
			if a.out[t] >= 0 {
				k := head - int(a.runes[t]) // a state's string is no longer than the ring
				if k < 0 {
					k += len(ring)
				}
				start := ring[k]
				fn(Match{Pattern: int(a.out[t]), Start: start, End: end})
			}
		}
	}
}

// FindAll returns every occurrence, as Find reports them.
func (a *Automaton) FindAll(text string) []Match {
	var ms []Match
	a.Find(text, func(m Match) { ms = append(ms, m) })
	return ms
}

func validAt(text string, i int) bool {
	r, size := utf8.DecodeRuneInString(text[i:])
	return !(r == utf8.RuneError && size == 1)
}
