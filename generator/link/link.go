// Package link finds defined terms, abbreviations, acronyms, named lists
// and cross-references in a corpus and links them in both directions.
//
// It works on the model, so every input format gets the same links. Link
// runs in two passes over the documents, each document in parallel:
//
//  1. discovery: every text (paragraph, 款, 项, 目) is read for the terms it
//     defines: （以下简称X）, （以下统称X）, 本办法所称X，是指…, X，是指… at the
//     start of a sentence of an article, X包括A和B (A and B become kinds of
//     X when X is a term), 〔…，下同〕 glosses, X是“Y”的英文缩写 (both ways),
//     and named lists such as “四个意识” whose members follow 即：. The
//     glossary file adds terms the corpus uses but does not define.
//  2. linking: references (第X条, 第X条第X款第X项, 前款, 前两款, 前条, 前项,
//     本条, ranges such as 第X条至第Y条; their grammar is package label's;
//     本办法, 《…》, 该法第X条, 刑法第X条, 上述…) are read and resolved
//     to a document, article, paragraph or item, or marked external; then
//     the occurrences of every term that applies there are found with one
//     Aho–Corasick automaton for the terms of the whole corpus and one for
//     the terms of the document, and kept longest first.
//
// Where a term applies is its scope: a named list, an acronym or a
// glossary entry applies everywhere; a term a document defines applies in
// that document (and in the news item that carries it, or the regulations
// a news item carries), from its definition on for 以下简称 and 下同, in
// its article for 本条所称. A term is not linked inside the sentence that
// defines it; its defining span gets a link marked Definition.
//
// Backlinks: Term.Occurrences lists every use of a term. What cites an
// article is not stored twice: it is every Reference whose To names that
// document and article. Documents cited by a normative title but absent
// from the corpus are listed in Corpus.Cited with what cites them.
//
// Output is deterministic: terms are numbered in the order they are
// defined (documents in corpus order, then the glossary), references in
// reading order, and every list is in reading order.
package link

import (
	"cmp"
	"crypto/sha256"
	"runtime"
	"slices"

	"tiaoli/generator/model"

	"golang.org/x/sync/errgroup"
)

// Link fills c.Terms, c.References, c.Cited and the Links of every text.
// glossary is the content of the glossary file, or nil. Problems (a named
// list whose count does not match its members, a bad glossary entry) come
// back as errors; linking goes on.
func Link(c *model.Corpus, glossary []byte) []model.Error { return link(c, glossary, nil) }

// link is Link, through memo when it is not nil.
func link(c *model.Corpus, glossary []byte, memo *Memo) []model.Error {
	memo.start()
	l := newLinker(c, memo)
	gsum := digest(sha256.Sum256(glossary))
	gdefs, errs := parseGlossary(glossary)
	discovered, cited := l.discover(gdefs, gsum)
	errs = append(errs, discovered...)
	l.titles.collectCited(cited)
	l.titles.collectForms(l.defs)
	l.titles.collectShort(l.defs)
	l.titles.collectInside()
	l.number(gdefs)
	if memo != nil {
		memo.useContext(l.contextKey(gsum, cited))
	}
	errs = append(errs, l.link()...)
	if memo != nil {
		memo.keepAlive(l, gsum)
	}
	model.SortErrors(errs)
	return errs
}

// linker holds what both passes share.
type linker struct {
	c      *model.Corpus
	docs   []*model.Document
	texts  [][]text
	family [][]int // the documents whose local terms apply in each
	titles *titleIndex
	defs   [][]*def // per document, in reading order
	terms  []*def   // every term, in Corpus.Terms order
	global *matcher // terms of corpus scope
	// dates are the dates each document is read at, to choose among the
	// versions of a law it cites (readingDate), set as it is linked.
	dates []string
	memo  *Memo          // nil when nothing is kept between runs
	keys  []docKey       // per document, with a memo
	byID  map[string]int // document indices
	order []int          // largestFirst
	// offsets are where the references of each document start in the
	// corpus, once numbered.
	offsets []int
}

func newLinker(c *model.Corpus, memo *Memo) *linker {
	l := &linker{c: c, docs: c.Documents, titles: newTitleIndex(c.Documents, c.Works, c.Comparisons), memo: memo}
	l.texts = make([][]text, len(l.docs))
	l.dates = make([]string, len(l.docs))
	l.keys = make([]docKey, len(l.docs))
	parallel(len(l.docs), func(i int) {
		l.texts[i] = textsOf(l.docs[i])
		if memo != nil {
			l.keys[i] = keyOf(l.docs[i], memo.stored, memo.spans)
		}
	})
	l.byID = make(map[string]int, len(l.docs))
	for i, d := range l.docs {
		l.byID[d.ID] = i
	}
	l.family = families(l.docs)
	l.defs = make([][]*def, len(l.docs))
	return l
}

// families lists for each document itself and the documents it carries or
// is carried by.
func families(docs []*model.Document) [][]int {
	index := map[string]int{}
	ptr := map[*model.Document]int{}
	for i, d := range docs {
		index[d.ID] = i
		ptr[d] = i
	}
	fam := make([][]int, len(docs))
	for i, d := range docs {
		fam[i] = []int{i}
		add := func(j int, ok bool) {
			if ok && j != i {
				fam[i] = appendOnceInt(fam[i], j)
			}
		}
		j, ok := index[d.Parent]
		add(j, ok && d.Parent != "")
		j, ok = ptr[d.Carrier]
		add(j, ok && d.Carrier != nil)
		for _, id := range d.Carries {
			j, ok := index[id]
			add(j, ok)
		}
	}
	return fam
}

func appendOnceInt(list []int, n int) []int {
	for _, x := range list {
		if x == n {
			return list
		}
	}
	return append(list, n)
}

// parallel calls fn for every document index on all cores.
func parallel(n int, fn func(i int)) { parallelIn(identity(n), fn) }

// parallelIn calls fn for every index of order on all cores, in that
// order.
func parallelIn(order []int, fn func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range order {
		g.Go(func() error {
			fn(i)
			return nil
		})
	}
	g.Wait()
}

// identity is 0, 1, … n-1.
func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// largestFirst orders the documents by the length of their text, the
// longest first, so that no core is left with a long one at the end.
func (l *linker) largestFirst() []int {
	if l.order != nil {
		return l.order
	}
	size := make([]int, len(l.docs))
	for i, ts := range l.texts {
		for _, t := range ts {
			size[i] += len(t.p.Text)
		}
	}
	l.order = identity(len(l.docs))
	slices.SortStableFunc(l.order, func(a, b int) int { return cmp.Compare(size[b], size[a]) })
	return l.order
}
