package search

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Character forms. Traditional characters and the variant forms of Taiwan
// and Hong Kong (勞動, 裏) stand for the simplified ones (劳动, 里). The
// table (tradsimp.txt, from OpenCC, see scripts/tradsimp) maps each such
// character to one simplified character.
//
// The index holds every text folded to one form (foldForms): the analyzers
// of the fields and of highlighting read text through it, and so do the
// side files of texts, heads and characters. A query is folded the same
// way by the same analyzers, so 劳动 finds a text printed 勞動 and 勞動
// finds 劳动. A character is folded only to one of the same UTF-8 length,
// so that byte offsets into the folded text are offsets into the text as
// printed, and the highlight marks the characters printed (the few
// hundred rare characters whose simplified form lies outside the basic
// plane, or inside it for one outside, are left as printed). simplify
// folds a query with the whole table, for the words looked up by their
// spelling: titles, terms, synonyms, the dictionary.

//go:embed tradsimp.txt
var tradSimpText string

// forms is the table of tradsimp.txt: the whole of it, and the part of
// it that keeps UTF-8 lengths, for the basic plane as an array.
type forms struct {
	all  map[rune]rune
	bmp  []uint16      // per character of the basic plane: its folded form, 0 for itself
	more map[rune]rune // folds of same length beyond the basic plane
}

var (
	formsOnce  sync.Once
	formsTable *forms
)

// formTable returns the table, read on first use.
func formTable() *forms {
	formsOnce.Do(func() {
		t := &forms{all: map[rune]rune{}, bmp: make([]uint16, 0x10000), more: map[rune]rune{}}
		for _, line := range strings.Split(tradSimpText, "\n") {
			f := []rune(strings.ReplaceAll(line, " ", ""))
			if len(f) == 2 {
				t.all[f[0]] = f[1]
			}
		}
		for from, to := range t.all {
			switch {
			case utf8.RuneLen(from) != utf8.RuneLen(to):
			case from < 0x10000:
				t.bmp[from] = uint16(to)
			default:
				t.more[from] = to
			}
		}
		formsTable = t
	})
	return formsTable
}

// fold is the form of r the index holds.
func (t *forms) fold(r rune) rune {
	if r < 0x10000 {
		if f := t.bmp[r]; f != 0 {
			return rune(f)
		}
		return r
	}
	if f, ok := t.more[r]; ok {
		return f
	}
	return r
}

// formsFilterName names, in bleve's registry, the char filter that folds
// a text with foldForms.
const formsFilterName = "tiaoli_forms"

// formsFilter folds a text with foldForms.
type formsFilter struct{}

func (formsFilter) Filter(input []byte) []byte { return foldForms(input) }

func init() {
	err := registry.RegisterCharFilter(formsFilterName,
		func(map[string]interface{}, *registry.Cache) (analysis.CharFilter, error) { return formsFilter{}, nil })
	if err != nil {
		panic(err)
	}
}

// foldForm is the form of r the index holds.
func foldForm(r rune) rune {
	if r < 0x2E80 {
		return r
	}
	return formTable().fold(r)
}

// foldForms returns b with every character in the form the index holds,
// of the same length byte for byte: b itself when none changes, else a
// copy.
func foldForms(b []byte) []byte {
	t := formTable()
	for i := 0; i < len(b); {
		if b[i] < 0xE2 { // ASCII and the two-byte forms: no Han character
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if f := t.fold(r); f != r {
			out := append([]byte(nil), b...)
			foldFrom(out, i, t)
			return out
		}
		i += n
	}
	return b
}

// foldFrom folds b in place from byte i on.
func foldFrom(b []byte, i int, t *forms) {
	for i < len(b) {
		if b[i] < 0xE2 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if f := t.fold(r); f != r {
			utf8.EncodeRune(b[i:], f)
		}
		i += n
	}
}

// foldFormsString is foldForms of a string.
func foldFormsString(s string) string {
	t := formTable()
	for i := 0; i < len(s); {
		if s[i] < 0xE2 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if f := t.fold(r); f != r {
			b := []byte(s)
			foldFrom(b, i, t)
			return string(b)
		}
		i += n
	}
	return s
}

// simplify returns s with its traditional characters simplified, by the
// whole table.
func simplify(s string) string {
	t := formTable()
	changed := false
	for _, r := range s {
		if _, ok := t.all[r]; ok {
			changed = true
			break
		}
	}
	if !changed {
		return s
	}
	return strings.Map(func(r rune) rune {
		if f, ok := t.all[r]; ok {
			return f
		}
		return r
	}, s)
}
