package search

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/examples"
	"tiaoli/generator/model"
)

// metaKey is the key under which the index keeps its metadata (bleve's
// internal storage), so that the index folder is all a server needs.
var metaKey = []byte("tiaoli-meta")

// metaVersion changes when the index layout changes; Open refuses an index
// of another version.
const metaVersion = 10

// meta is what queries need besides the index: the terms, to match a word
// with its acronym, expansion or abbreviation, and the document titles, to
// label facets.
type meta struct {
	Version int               `json:"version"`
	Docs    map[string]string `json:"docs"` // document ID → title
	Terms   []termEntry       `json:"terms"`
	// Examples are the queries the results page's box suggests, taken
	// from the corpus (package examples).
	Examples []string `json:"examples,omitempty"`
}

// termEntry is a term and the other forms that mean the same.
type termEntry struct {
	Term  string   `json:"term"`
	Kind  string   `json:"kind"`
	Forms []string `json:"forms,omitempty"` // expansion, full title
	URL   string   `json:"url"`
	// Where the term is defined.
	Doc       string `json:"doc,omitempty"`
	Article   string `json:"article,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
}

// maxFormRunes bounds a definition used as another form of an
// abbreviation: a title, not a sentence.
const maxFormRunes = 40

func newMeta(c *model.Corpus) *meta {
	m := corpusMeta(c)
	m.Examples = examples.Queries(c)
	return m
}

// corpusMeta is the metadata of c without the examples, which take most
// of its time.
func corpusMeta(c *model.Corpus) *meta {
	m := &meta{Version: metaVersion, Docs: map[string]string{}}
	for _, d := range c.Documents {
		m.Docs[d.ID] = d.ListedTitle()
	}
	for _, t := range c.Terms {
		e := termEntry{Term: t.Term, Kind: t.Kind, URL: t.URL, Forms: termForms(t)}
		if t.DefinedIn != nil {
			e.Doc, e.Article, e.Paragraph = t.DefinedIn.Document, t.DefinedIn.Article, t.DefinedIn.Paragraph
		}
		m.Terms = append(m.Terms, e)
	}
	slices.SortStableFunc(m.Terms, func(a, b termEntry) int { return cmp.Compare(a.Term, b.Term) })
	return m
}

// termForms are the other spellings that find a term: an acronym's
// expansion, an abbreviation's full form.
func termForms(t *model.Term) []string {
	var out []string
	if t.Expansion != "" && t.Expansion != t.Term {
		out = append(out, t.Expansion)
	}
	short := t.Kind == model.TermAcronym || t.Kind == model.TermAbbreviation
	def := t.Definition
	if short && t.Expansion == "" && def != "" && def != t.Term && utf8.RuneCountInString(def) <= maxFormRunes {
		out = append(out, def)
	}
	return out
}

func (m *meta) encode() ([]byte, error) { return json.Marshal(m) }

func decodeMeta(b []byte) (*meta, error) {
	m := &meta{}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, err
	}
	return m, nil
}

// termTable finds the terms a query word names.
type termTable struct {
	entries []termEntry
	byKey   map[string][]int
}

func newTermTable(entries []termEntry) *termTable {
	tt := &termTable{entries: entries, byKey: map[string][]int{}}
	for i, e := range entries {
		keys := append([]string{e.Term}, e.Forms...)
		for _, k := range keys {
			k = termKey(k)
			if k == "" {
				continue
			}
			list := tt.byKey[k]
			if len(list) == 0 || list[len(list)-1] != i {
				tt.byKey[k] = append(list, i)
			}
		}
	}
	return tt
}

// lookup returns the terms a word names, in table order.
func (tt *termTable) lookup(word string) []termEntry {
	if tt == nil {
		return nil
	}
	var out []termEntry
	for _, i := range tt.byKey[termKey(word)] {
		out = append(out, tt.entries[i])
	}
	return out
}

// maxForms bounds the other spellings one query word takes: a short
// title such as 《条例》 can abbreviate many documents.
const maxForms = 8

// forms returns the other spellings of word: the term and its forms, for
// every term the word names, at most maxForms. A spelling that contains
// the word or another spelling (《中华人民共和国民事诉讼法》 for 民事诉讼法)
// finds nothing they do not, and is left out.
func (tt *termTable) forms(word string) []string {
	key := termKey(word)
	var keys []string
	byKey := map[string]string{}
	for _, e := range tt.lookup(word) {
		for _, f := range append([]string{e.Term}, e.Forms...) {
			k := termKey(f)
			if _, dup := byKey[k]; k != "" && !dup && !strings.Contains(k, key) {
				byKey[k] = f
				keys = append(keys, k)
			}
		}
	}
	var out []string
	for _, k := range keys {
		if !containsOther(k, keys) && len(out) < maxForms {
			out = append(out, byKey[k])
		}
	}
	return out
}

// containsOther reports whether k contains one of keys other than itself.
func containsOther(k string, keys []string) bool {
	for _, o := range keys {
		if o != k && strings.Contains(k, o) {
			return true
		}
	}
	return false
}
