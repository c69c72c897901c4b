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
	rankInterpretation = 0.937
	rankOther          = 0.966
)

// Ranks of texts.
const (
	rankLaw uint8 = iota
	rankInterp
	rankRule
)

// authorityTable gives each document number its rank, and the title of
// its document in the form of the side file of texts (normalText).
type authorityTable struct {
	once   sync.Once
	rank   []uint8
	doc    []uint32 // the number of each document's document, from 1
	titles [][]byte // by that number - 1
}

// load fills the table from the index's document facet.
func (a *authorityTable) load(ix *Index) {
	a.once.Do(func() {
		a.doc = ix.facetTable.values[FilterDoc]
		names := ix.facetTable.names[FilterDoc]
		a.titles = make([][]byte, len(names))
		ranks := make([]uint8, len(names))
		for i, name := range names {
			title := ix.docs[name]
			ranks[i] = titleRank(title)
			a.titles[i] = normalText(nil, trimVersion(title))
		}
		a.rank = make([]uint8, len(a.doc))
		for n, v := range a.doc {
			if v != 0 {
				a.rank[n] = ranks[v-1]
			}
		}
	})
}

// docTitle is the title of document number doc's document, as normalText
// gives it; nil for none.
func (ix *Index) docTitle(doc uint64) []byte {
	a := &ix.auth
	a.load(ix)
	if doc >= uint64(len(a.doc)) || a.doc[doc] == 0 {
		return nil
	}
	return a.titles[a.doc[doc]-1]
}

// authority is the factor of document number doc's rank.
func (ix *Index) authority(doc uint64) float64 {
	a := &ix.auth
	a.load(ix)
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
