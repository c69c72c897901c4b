package compare

import (
	"math"
	"strings"
	"unicode"

	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// Text is the whole text of an article: its 款 and items in order, one
// line each.
func Text(a *model.Article) string {
	var b strings.Builder
	for _, c := range a.Paragraphs {
		if c == nil {
			continue
		}
		line(&b, c.Text)
		items(&b, c.Items)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func items(b *strings.Builder, list []*model.Item) {
	for _, it := range list {
		if it == nil {
			continue
		}
		text := it.Text
		if !strings.HasPrefix(text, it.Label) {
			text = it.Label + text
		}
		line(b, text)
		items(b, it.Items)
	}
}

func line(b *strings.Builder, s string) {
	b.WriteString(s)
	b.WriteByte('\n')
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
	grams map[uint64]int // character bigrams (unigrams of a one-rune text) and their counts
}

func newUnit(label, text string) *unit {
	u := &unit{label: label, fold: Fold(text), grams: map[uint64]int{}}
	rs := []rune(u.fold)
	if len(rs) == 1 {
		u.grams[uint64(rs[0])]++
	}
	for i := 0; i+1 < len(rs); i++ {
		u.grams[uint64(rs[i])<<32|uint64(rs[i+1])]++
	}
	return u
}

// space weighs the grams of two versions' units by how rare they are
// among them (IDF), so that the boilerplate many articles share (违反本法
// 规定…罚款) counts little, and gives each unit a unit-length vector.
type space struct {
	idf  map[uint64]float64
	vecs [2][]map[uint64]float64
}

func newSpace(old, new []*unit) *space {
	df := map[uint64]int{}
	for _, us := range [2][]*unit{old, new} {
		for _, u := range us {
			for g := range u.grams {
				df[g]++
			}
		}
	}
	n := float64(len(old) + len(new))
	s := &space{idf: make(map[uint64]float64, len(df))}
	for g, k := range df {
		s.idf[g] = math.Log(1 + n/float64(k))
	}
	for side, us := range [2][]*unit{old, new} {
		s.vecs[side] = make([]map[uint64]float64, len(us))
		for i, u := range us {
			s.vecs[side][i] = s.vector(u)
		}
	}
	return s
}

// vector is the unit-length TF-IDF vector of u.
func (s *space) vector(u *unit) map[uint64]float64 {
	v := make(map[uint64]float64, len(u.grams))
	norm := 0.0
	for g, k := range u.grams {
		w := (1 + math.Log(float64(k))) * s.idf[g]
		v[g] = w
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for g := range v {
			v[g] /= norm
		}
	}
	return v
}

// similarities is the cosine of every old unit with every new one, by
// way of an index of the new units' grams.
func (s *space) similarities() [][]float64 {
	old, new := s.vecs[0], s.vecs[1]
	type posting struct {
		unit int
		w    float64
	}
	index := map[uint64][]posting{}
	for j, v := range new {
		for g, w := range v {
			index[g] = append(index[g], posting{j, w})
		}
	}
	sim := make([][]float64, len(old))
	for i, v := range old {
		row := make([]float64, len(new))
		for g, w := range v {
			for _, p := range index[g] {
				row[p.unit] += w * p.w
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
	for g, k := range a.grams {
		w := s.idf[g] * float64(k)
		all += w
		in += s.idf[g] * float64(min(k, b.grams[g]))
	}
	if all == 0 {
		return 0
	}
	return in / all
}
