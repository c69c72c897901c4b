package search

import (
	_ "embed"
	"strings"
	"sync"
)

// Traditional characters typed into a query (勞動合同, copied from a text
// of Taiwan or Hong Kong) find the simplified text: every word is also
// looked for in its simplified form, which the highlight then marks as
// printed. The table (tradsimp.txt, from OpenCC, see scripts/tradsimp)
// maps each traditional character and its regional variants to one
// simplified character.

//go:embed tradsimp.txt
var tradSimpText string

var (
	tradSimpOnce sync.Once
	tradSimp     map[rune]rune
)

// simplify returns s with its traditional characters simplified.
func simplify(s string) string {
	tradSimpOnce.Do(func() {
		tradSimp = map[rune]rune{}
		for _, line := range strings.Split(tradSimpText, "\n") {
			f := []rune(strings.ReplaceAll(line, " ", ""))
			if len(f) == 2 {
				tradSimp[f[0]] = f[1]
			}
		}
	})
	changed := false
	for _, r := range s {
		if _, ok := tradSimp[r]; ok {
			changed = true
			break
		}
	}
	if !changed {
		return s
	}
	return strings.Map(func(r rune) rune {
		if t, ok := tradSimp[r]; ok {
			return t
		}
		return r
	}, s)
}
