// Package words cuts Chinese text into words the way jieba does without
// its hidden Markov model: every way to read a run of Han characters as
// words of a dictionary is weighed by the words' frequencies, and the most
// probable reading wins. A character no dictionary word covers stands
// alone. Runs of Latin letters and digits are one word each.
//
// The dictionary that ships (dict.txt.gz) is jieba's (MIT licence), cut
// down to the words that occur in Chinese legal texts or are frequent in
// everyday writing (see scripts/words); a caller adds the words of its own
// corpus (titles, defined terms) with Add.
package words

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dict is a dictionary of words and their frequencies. Add must not run
// concurrently with Cut.
type Dict struct {
	freq   map[string]float64 // word → frequency; 0 for a prefix only
	total  float64
	logTot float64
	maxLen int // longest word, in runes
}

// New returns an empty dictionary.
func New() *Dict { return &Dict{freq: map[string]float64{}} }

// Read reads a dictionary of "word frequency [tag]" lines.
func Read(r io.Reader) (*Dict, error) {
	d := New()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		n, err := strconv.ParseFloat(f[1], 64)
		if err != nil || n <= 0 {
			continue
		}
		d.Add(f[0], n)
	}
	return d, sc.Err()
}

// Add adds a word with a frequency; a word already there keeps the higher
// of the two.
func (d *Dict) Add(word string, freq float64) {
	if word == "" || freq <= 0 {
		return
	}
	if old := d.freq[word]; old >= freq {
		return
	} else {
		d.total += freq - old
	}
	d.freq[word] = freq
	d.logTot = math.Log(d.total)
	n := 0
	for i := range word {
		if i > 0 {
			if _, ok := d.freq[word[:i]]; !ok {
				d.freq[word[:i]] = 0
			}
		}
		n++
	}
	d.maxLen = max(d.maxLen, n)
}

// Has reports whether word is a word of the dictionary.
func (d *Dict) Has(word string) bool { return d.freq[word] > 0 }

// Freq is a word's frequency, 0 for none.
func (d *Dict) Freq(word string) float64 { return d.freq[word] }

// Len is the number of words.
func (d *Dict) Len() int {
	n := 0
	for _, f := range d.freq {
		if f > 0 {
			n++
		}
	}
	return n
}

// Words calls f for every word and its frequency, in no order.
func (d *Dict) Words(f func(word string, freq float64)) {
	for w, n := range d.freq {
		if n > 0 {
			f(w, n)
		}
	}
}

// Cut cuts s into words: runs of Han characters by the dictionary, runs
// of letters and digits whole; spaces and punctuation are left out.
func (d *Dict) Cut(s string) []string {
	var out []string
	start, class := 0, 0
	flush := func(end int) {
		switch class {
		case classHan:
			out = d.cutHan(s[start:end], out)
		case classWord:
			out = append(out, strings.ToLower(s[start:end]))
		}
	}
	for i, r := range s {
		c := classOf(r)
		if c != class {
			flush(i)
			start, class = i, c
		}
	}
	flush(len(s))
	return out
}

const (
	classNone = iota
	classHan
	classWord
)

func classOf(r rune) int {
	switch {
	case unicode.Is(unicode.Han, r):
		return classHan
	case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
		return classWord
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return classWord
	}
	return classNone
}

// cutHan cuts a run of Han characters by the most probable route through
// the words the dictionary finds in it.
func (d *Dict) cutHan(s string, out []string) []string {
	pos := make([]int, 0, len(s)/3+1) // byte offset of each rune
	for i := range s {
		pos = append(pos, i)
	}
	n := len(pos)
	pos = append(pos, len(s))
	route := make([]float64, n+1)
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best, bestJ := math.Inf(-1), i+1
		for j := i + 1; j <= n && j-i <= d.maxLen; j++ {
			f, ok := d.freq[s[pos[i]:pos[j]]]
			if !ok {
				break
			}
			if f == 0 && j > i+1 {
				continue
			}
			if f == 0 {
				f = 1
			}
			if v := math.Log(f) - d.logTot + route[j]; v > best {
				best, bestJ = v, j
			}
		}
		if math.IsInf(best, -1) {
			best = -d.logTot + route[i+1]
		}
		route[i], next[i] = best, bestJ
	}
	for i := 0; i < n; i = next[i] {
		out = append(out, s[pos[i]:pos[next[i]]])
	}
	return out
}

//go:embed dict.txt.gz
var dictGz []byte

// Default returns the dictionary that ships with the program, read anew
// on every call (a tenth of a second): the caller owns it and may Add to
// it, and no second copy stays in memory.
func Default() *Dict {
	zr, err := gzip.NewReader(bytes.NewReader(dictGz))
	if err != nil {
		panic("words: embedded dictionary: " + err.Error())
	}
	d, err := Read(zr)
	if err != nil {
		panic("words: embedded dictionary: " + err.Error())
	}
	return d
}

// Clone returns a copy that Add does not share.
func (d *Dict) Clone() *Dict {
	c := &Dict{freq: make(map[string]float64, len(d.freq)), total: d.total, logTot: d.logTot, maxLen: d.maxLen}
	for k, v := range d.freq {
		c.freq[k] = v
	}
	return c
}
