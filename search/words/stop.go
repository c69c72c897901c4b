package words

import (
	_ "embed"
	"strings"
	"sync"
)

// stopText is one word a line: the stopwords of STARD's BM25 baseline
// (MIT licence; function words, pronouns, interjections) followed by the
// question words and phrases people write to a legal adviser.
//
//go:embed stopwords.txt
var stopText string

var (
	stopOnce sync.Once
	stopSet  map[string]bool
)

// IsStop reports whether a word carries no meaning of its own in a
// question (的, 是否, 怎么办): a search leaves it out.
func IsStop(word string) bool {
	stopOnce.Do(func() {
		stopSet = map[string]bool{}
		for _, w := range strings.Split(stopText, "\n") {
			if w = strings.TrimSpace(w); w != "" {
				stopSet[w] = true
			}
		}
	})
	return stopSet[word]
}
