package search

import (
	"strings"
	"sync"
)

// The relaxed reading weighs a hit by the rank of the text it is in: a
// law (法, 法典) before the judicial interpretations of laws and the
// regulations and rules made under them, as a reader asking a question in
// their own words looks for the law first. The rank is read from the
// title alone. (Interpretations and rules weigh alike: on the STARD train
// split, a rule below an interpretation lost more than it won.)

// Factors of the ranks (variables for the relevance run's experiments).
var (
	rankInterpretation = 0.8
	rankOther          = 0.8
)

// Ranks of texts.
const (
	rankLaw uint8 = iota
	rankInterp
	rankRule
)

// authorityTable gives each document number its rank.
type authorityTable struct {
	once sync.Once
	rank []uint8
}

// authority is the factor of document number doc's rank.
func (ix *Index) authority(doc uint64) float64 {
	a := &ix.auth
	a.once.Do(func() {
		col := ix.facetTable.values[FilterDoc]
		names := ix.facetTable.names[FilterDoc]
		byDoc := map[uint32]uint8{}
		a.rank = make([]uint8, len(col))
		for n, v := range col {
			if v == 0 {
				continue
			}
			r, ok := byDoc[v]
			if !ok {
				r = titleRank(ix.docs[names[v-1]])
				byDoc[v] = r
			}
			a.rank[n] = r
		}
	})
	if doc >= uint64(len(a.rank)) {
		return 1
	}
	switch a.rank[doc] {
	case rankInterp:
		return rankInterpretation
	case rankRule:
		return rankOther
	}
	return 1
}

// titleRank is a document's rank, read from its title.
func titleRank(title string) uint8 {
	t := simplify(termKey(trimVersion(title)))
	switch {
	case t == "":
		return rankLaw
	case strings.HasSuffix(t, "法") || strings.HasSuffix(t, "法典"):
		return rankLaw
	case strings.Contains(t, "解释") || strings.HasPrefix(t, "最高人民法院") || strings.HasPrefix(t, "最高人民检察院"):
		return rankInterp
	}
	return rankRule
}
