package search

import (
	"strings"
	"sync"
	"unicode/utf8"

	"tiaoli/search/words"
)

// vocab cuts a query into words for the relaxed reading (relaxed.go): the
// dictionary that ships with package words, with the corpus's own words
// added: every document title and its short forms (劳动合同法 for
// 中华人民共和国劳动合同法), every defined term and its other forms.
type vocab struct {
	dict *words.Dict
	syn  *synonyms
}

// titleFreq is the frequency a title or term gets in the dictionary:
// high enough that the cutter keeps it whole.
const titleFreq = 2000

// vocab returns the index's vocabulary, built on first use.
func (ix *Index) vocab() *vocab {
	cell := ix.vocabCell
	cell.once.Do(func() {
		d := words.Default()
		for _, title := range ix.docs {
			for _, f := range titleForms(title) {
				d.Add(f, titleFreq)
			}
		}
		for _, e := range ix.terms.entries {
			for _, f := range append([]string{e.Term}, e.Forms...) {
				if k := termKey(f); utf8.RuneCountInString(k) >= 2 && utf8.RuneCountInString(k) <= 12 {
					d.Add(k, titleFreq)
				}
			}
		}
		cell.v = &vocab{dict: d, syn: ix.synonyms}
	})
	return cell.v
}

// nationPrefix opens the titles of national laws; readers leave it out.
const nationPrefix = "中华人民共和国"

// titleForms are a title and the short forms readers use: without a
// closing note in brackets, without 中华人民共和国.
func titleForms(title string) []string {
	t := termKey(trimVersion(title))
	if t == "" || utf8.RuneCountInString(t) > 30 {
		return nil
	}
	out := []string{t}
	if s := strings.TrimPrefix(t, nationPrefix); s != t && utf8.RuneCountInString(s) >= 2 {
		out = append(out, s)
	}
	return out
}

// queryWords cuts the words of a query into the words a relaxed search
// looks for: no stopwords; characters the dictionary leaves single joined
// when they stand together (a word it lacks), else left out unless
// nothing else is left; each word once, in the order typed.
func (v *vocab) queryWords(texts []string) []string {
	var out, lone []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	var run strings.Builder
	runLen := 0
	flush := func() {
		switch {
		case runLen >= 2 && joinLone > 0:
			add(run.String())
		case runLen == 1:
			lone = append(lone, run.String())
		}
		run.Reset()
		runLen = 0
	}
	for _, t := range texts {
		for _, w := range v.cut(foldWidth(t)) {
			if words.IsStop(w) && len(v.syn.of(w)) == 0 {
				flush()
				continue
			}
			if r, n := utf8.DecodeRuneInString(w); n == len(w) && isHanRune(r) {
				run.WriteString(w)
				runLen++
				continue
			}
			flush()
			add(w)
		}
		flush()
	}
	if len(out) == 0 {
		for _, w := range lone {
			add(w)
		}
	}
	return out
}

// vocabState is the part of Index that holds the vocabulary.
type vocabState struct {
	// vocabCell holds the vocabulary once built. The versions of a live
	// index whose titles and terms are the same share it.
	vocabCell *vocabCell
	synonyms  *synonyms
}

// vocabCell is a vocabulary built on first use.
type vocabCell struct {
	once sync.Once
	v    *vocab
}

// cut cuts a text as typed, or in simplified characters when the
// dictionary knows more of its words so (勞動合同 is 劳动合同, but 著作权
// stays as it is, though 著 is also a traditional form of 着).
func (v *vocab) cut(t string) []string {
	ws := v.dict.Cut(t)
	s := simplify(t)
	if s == t {
		return ws
	}
	if ss := v.dict.Cut(s); lone(ss) < lone(ws) {
		return ss
	}
	return ws
}

// lone counts the words of one character.
func lone(ws []string) int {
	n := 0
	for _, w := range ws {
		if utf8.RuneCountInString(w) == 1 {
			n++
		}
	}
	return n
}
