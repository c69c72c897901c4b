package search

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
)

// foldWidth maps full-width ASCII (ＡＥＯ, ３, ：) to ASCII and the
// ideographic space to a space. bleve's unicode tokenizer drops full-width
// digits before the cjk width filter could fold them, so every text is
// folded before it is indexed and every query before it is parsed.
func foldWidth(s string) string {
	if !hasWide(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

func hasWide(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000 {
			return true
		}
		i += n
	}
	return false
}

// termKey is the form under which a term and a query word are compared:
// width-folded, lower case, without book-title marks, quotes and spaces.
func termKey(s string) string {
	s = strings.ToLower(foldWidth(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case '《', '》', '〈', '〉', '“', '”', '"', '‘', '’', '\'', '「', '」':
			return -1
		}
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// analyzers holds the analyzers queries use: the cjk analyzer of the
// head and text fields, to route query words and build phrases, and the
// unigram analyzer that finds matches in stored text.
type analyzers struct {
	bigram  *bigramAnalyzer   // cjk: head, text; nil if the mapping names another
	unigram analysis.Analyzer // cjk without bigrams: matching stored text
}

func newAnalyzers(m mapping.IndexMapping) analyzers {
	bigram, _ := m.AnalyzerNamed(bigramAnalyzerName).(*bigramAnalyzer)
	return analyzers{
		bigram:  bigram,
		unigram: m.AnalyzerNamed(unigramAnalyzer),
	}
}

// openAnalyzers is newAnalyzers of an index opened to search or to
// update: an error when its mapping lacks either analyzer.
func openAnalyzers(m mapping.IndexMapping) (analyzers, error) {
	an := newAnalyzers(m)
	if an.bigram == nil || an.unigram == nil {
		return an, errors.New("index mapping lacks its analyzers")
	}
	return an, nil
}

// isHan reports whether a token is one ideographic character.
func isHan(t *analysis.Token) bool {
	return t.Type == analysis.Ideographic && utf8.RuneCount(t.Term) == 1
}
