package compare

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// Text is the whole text of an article: its 款 and items in order, one
// line each.
func Text(a *model.Article) string {
	var b strings.Builder
	eachLine(a, func(label, text string) {
		b.WriteString(label)
		b.WriteString(text)
		b.WriteByte('\n')
	})
	return strings.TrimSuffix(b.String(), "\n")
}

// eachLine calls yield with each line of an article's Text, without its
// line break, in two parts: an item's label where its text does not start
// with it (else ""), and the text.
func eachLine(a *model.Article, yield func(label, text string)) {
	for _, c := range a.Clauses {
		if c == nil {
			continue
		}
		yield("", c.Text)
		items(c.Items, yield)
	}
}

func items(list []*model.Item, yield func(label, text string)) {
	for _, it := range list {
		if it == nil {
			continue
		}
		label := it.Label
		if strings.HasPrefix(it.Text, label) {
			label = ""
		}
		yield(label, it.Text)
		items(it.Items, yield)
	}
}

// textLen is len(Text(a)), counted without making the text.
func textLen(a *model.Article) int {
	n := 0
	eachLine(a, func(label, text string) { n += len(label) + len(text) + 1 })
	return max(n-1, 0) // Text trims the last line break
}

// Fold is the form of a text that comparison uses: without spaces and
// line breaks, punctuation and digits of either width alike. Two texts
// with the same Fold differ only in spacing and width: they are the same.
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return regulation.FoldRune(r)
	}, s)
}

// unit is one article or heading as alignment sees it.
type unit struct {
	label string
	fold  string
	// grams are the character bigrams of the folded text (the rune of a
	// one-rune text), with their counts, sorted; ids holds them as the
	// space numbers them.
	grams []gram
}

// gram is a bigram and its count in a unit; key is the two runes, id the
// number the space gives it.
type gram struct {
	key   uint64
	id    int32
	count int32
}

func newUnit(label, text string) *unit {
	u := &unit{label: label, fold: Fold(text)}
	rs := []rune(u.fold)
	keys := make([]uint64, 0, len(rs))
	if len(rs) == 1 {
		keys = append(keys, uint64(rs[0]))
	}
	for i := 0; i+1 < len(rs); i++ {
		keys = append(keys, uint64(rs[i])<<32|uint64(rs[i+1]))
	}
	slices.Sort(keys)
	for _, k := range keys {
		if n := len(u.grams); n > 0 && u.grams[n-1].key == k {
			u.grams[n-1].count++
			continue
		}
		u.grams = append(u.grams, gram{key: k, count: 1})
	}
	return u
}

// space weighs the grams of two versions' units by how rare they are
// among them (IDF), so that the boilerplate many articles share (违反本法
// 规定…罚款) counts little, and gives each unit a unit-length vector.
type space struct {
	idf  []float64 // by gram id
	vecs [2][][]entry
}

// entry is one weighted gram of a vector.
type entry struct {
	id int32
	w  float64
}

func newSpace(old, new []*unit) *space {
	ids := map[uint64]int32{}
	var df []int
	for _, us := range [2][]*unit{old, new} {
		for _, u := range us {
			for k := range u.grams {
				g := &u.grams[k]
				id, ok := ids[g.key]
				if !ok {
					id = int32(len(df))
					ids[g.key] = id
					df = append(df, 0)
				}
				g.id = id
				df[id]++
			}
		}
	}
	n := float64(len(old) + len(new))
	s := &space{idf: make([]float64, len(df))}
	for id, k := range df {
		s.idf[id] = math.Log(1 + n/float64(k))
	}
	for side, us := range [2][]*unit{old, new} {
		s.vecs[side] = make([][]entry, len(us))
		for i, u := range us {
			s.vecs[side][i] = s.vector(u)
		}
	}
	return s
}

// vector is the unit-length TF-IDF vector of u.
func (s *space) vector(u *unit) []entry {
	v := make([]entry, len(u.grams))
	norm := 0.0
	for k, g := range u.grams {
		w := (1 + math.Log(float64(g.count))) * s.idf[g.id]
		v[k] = entry{g.id, w}
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for k := range v {
			v[k].w /= norm
		}
	}
	return v
}

// similarities is the cosine of every old unit with every new one, by
// way of an index of the new units' grams.
func (s *space) similarities() [][]float64 {
	old, new := s.vecs[0], s.vecs[1]
	type posting struct {
		unit int32
		w    float64
	}
	index := make([][]posting, len(s.idf))
	for j, v := range new {
		for _, e := range v {
			index[e.id] = append(index[e.id], posting{int32(j), e.w})
		}
	}
	sim := make([][]float64, len(old))
	for i, v := range old {
		row := make([]float64, len(new))
		for _, e := range v {
			for _, p := range index[e.id] {
				row[p.unit] += e.w * p.w
			}
		}
		for j := range row {
			row[j] = math.Min(row[j], 1)
		}
		sim[i] = row
	}
	return sim
}

// containment is how much of unit a (by IDF weight) is found in b: near 1
// when b holds all of a's text, as the article an older one was split
// from holds each part.
func (s *space) containment(a, b *unit) float64 {
	in, all := 0.0, 0.0
	k := 0
	for _, g := range a.grams {
		w := s.idf[g.id]
		all += w * float64(g.count)
		for k < len(b.grams) && b.grams[k].key < g.key {
			k++
		}
		if k < len(b.grams) && b.grams[k].key == g.key {
			in += w * float64(min(g.count, b.grams[k].count))
		}
	}
	if all == 0 {
		return 0
	}
	return in / all
}

// Texts are the articles of a law, ready to be asked which of them a
// sentence speaks of (Shares): every bigram of every text, with the text
// that holds it, sorted by bigram.
type Texts struct {
	n    int
	hits []hit
}

// hit is a bigram held by a text: a text holds it once per hit.
type hit struct {
	key  uint64
	text int32
}

// run is how many times a text holds a bigram.
type run struct{ text, count int32 }

// textRuns appends to runs the count of the hits of one bigram per text:
// they are sorted by text, so each text's hits are one run.
func textRuns(runs []run, hits []hit) []run {
	for i, h := range hits {
		if i > 0 && h.text == hits[i-1].text {
			runs[len(runs)-1].count++
			continue
		}
		runs = append(runs, run{h.text, 1})
	}
	return runs
}

// NewTexts prepares texts (the articles of a law) for Shares.
func NewTexts(texts []string) *Texts {
	t := &Texts{n: len(texts)}
	for i, s := range texts {
		prev := rune(-1)
		for _, r := range Fold(s) {
			if prev >= 0 {
				t.hits = append(t.hits, hit{uint64(prev)<<32 | uint64(r), int32(i)})
			}
			prev = r
		}
	}
	slices.SortFunc(t.hits, func(a, b hit) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.text, b.text)) })
	return t
}

// Shares is, for each of the texts, how much of a sentence it holds: the
// part of the sentence's bigrams, each weighed by how rare it is among the
// texts and the sentence (IDF, as alignment weighs them), found in it, 0
// to 1. The article a sentence speaks of shares its rare words (抵免限额,
// 临时用地); boilerplate (依照…的规定) counts little.
func (t *Texts) Shares(sentence string) []float64 {
	out := make([]float64, t.n)
	n := float64(t.n + 1)
	all := 0.0
	var runs []run
	for _, g := range newUnit("", sentence).grams {
		lo, _ := slices.BinarySearchFunc(t.hits, g.key, func(h hit, k uint64) int { return cmp.Compare(h.key, k) })
		hi := lo
		for hi < len(t.hits) && t.hits[hi].key == g.key {
			hi++
		}
		runs = textRuns(runs[:0], t.hits[lo:hi])
		w := math.Log(1 + n/float64(len(runs)+1))
		all += w * float64(g.count)
		for _, r := range runs {
			out[r.text] += w * float64(min(g.count, r.count))
		}
	}
	if all > 0 {
		for i := range out {
			out[i] /= all
		}
	}
	return out
}
