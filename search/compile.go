package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/blevesearch/bleve/v2/search/query"

	"tiaoli/generator/label"
)

// Boosts of the fields a word is looked for in: a match in a title,
// heading or label outweighs one in the text. Ranking (rank.go) weighs
// title, heading and label matches apart on the stored fields.
const (
	headBoost = 3
	textBoost = 1
)

// labelBoost weighs a match of an article's label.
const labelBoost = 4

// plan is a query ready to run: the bleve query, and for ranking and
// highlighting the forms each required clause may take.
type plan struct {
	q       query.Query
	clauses []clausePlan
	terms   []termEntry // terms the query words name
	empty   bool        // nothing can match
	// char is the query of a lone Han character when it is all the query
	// asks (党): its bitmap gives the total and facets at once, and since
	// every hit scores the same, its first hits are the best.
	char *charQuery
}

// clausePlan is one required clause: the forms that satisfy it.
type clausePlan struct {
	forms []form
}

// form is one spelling of a word to look for.
type form struct {
	text string
	// char marks a form that is one lone Han character (党): no bigram
	// holds it, so it is found in the side file of characters.
	char bool
	// edges marks a form with a lone Han character among other tokens
	// (第5条, 党(工)委, AEO资): its edge characters may sit in a bigram of
	// the text (规定第5条), so its documents are found by characters and
	// checked in the side file of texts (see phraseQuery).
	edges bool
	// label marks the other spelling of an article label the reader typed
	// (第5条 for 第五条) when it has lone characters: it is looked for as
	// a label only. In the text, the phrase of its edge characters reads
	// thousands of bigrams, and the label as typed already finds the
	// citations that spell it that way.
	label bool
}

// compile turns a parsed query into a plan.
func (ix *Index) compile(q *Query) *plan {
	p := &plan{}
	var must, should []query.Query
	for _, c := range q.Clauses {
		cp := ix.clause(c, p)
		if len(cp.forms) == 0 {
			continue // only punctuation: ignore the word
		}
		p.clauses = append(p.clauses, cp)
		must = append(must, ix.formsQuery(cp.forms))
		should = append(should, docTitleQueries(cp.forms)...)
	}
	must = append(must, filterQueries(q.Filters)...)
	if len(must) == 0 {
		p.empty = true
		return p
	}
	b := query.NewBooleanQuery(must, should, nil)
	for _, a := range q.Excludes {
		forms := ix.atomForms(a, nil)
		if len(forms) == 0 {
			continue
		}
		b.AddMustNot(ix.formsQuery(forms))
	}
	b.AddMustNot(filterQueries(q.NotFilters)...)
	p.q = b
	p.char = loneChar(q, p, must)
	return p
}

// loneChar returns the query of a lone character that is the whole
// query, nil otherwise.
func loneChar(q *Query, p *plan, must []query.Query) *charQuery {
	if len(must) != 1 || len(p.clauses) != 1 || len(q.Excludes) > 0 || len(q.NotFilters) > 0 {
		return nil
	}
	if c, ok := must[0].(charQuery); ok {
		return &c
	}
	return nil
}

// clause collects the forms of a clause's atoms and the terms they name.
func (ix *Index) clause(atoms []Atom, p *plan) clausePlan {
	var cp clausePlan
	seen := map[form]bool{}
	for _, a := range atoms {
		for _, f := range ix.atomForms(a, p) {
			if !seen[f] {
				seen[f] = true
				cp.forms = append(cp.forms, f)
			}
		}
	}
	return cp
}

// atomForms returns the spellings to look for: the atom itself, an
// article label with other digits (第5条, 第五条), and unless the atom is
// an exact phrase, the other forms of a term it names. Terms found are
// added to p when p is not nil.
func (ix *Index) atomForms(a Atom, p *plan) []form {
	texts := []string{a.Text}
	if s := simplify(a.Text); s != a.Text {
		texts = append(texts, s)
	}
	variant := labelVariant(a.Text)
	if variant != "" {
		texts = append(texts, variant)
	}
	if !a.Exact {
		texts = append(texts, ix.terms.forms(simplify(a.Text))...)
		if p != nil {
			p.terms = append(p.terms, ix.terms.lookup(simplify(a.Text))...)
		}
	}
	var out []form
	for _, t := range texts {
		toks := ix.an.bigram.Analyze([]byte(t))
		if len(toks) == 0 {
			continue
		}
		f := form{text: t}
		for _, tok := range toks {
			if tok.Type == analysis.Single {
				f.edges = true
			}
		}
		f.char = f.edges && len(toks) == 1
		f.edges = f.edges && !f.char
		f.label = f.edges && t == variant
		out = append(out, f)
	}
	return out
}

// articleLabel reads s when it is a whole 第X条 label: 第五条, 第5条,
// 第五条之一.
func articleLabel(s string) (label.Numbered, bool) {
	l, ok := label.Read(s)
	return l, ok && l.Unit == label.Article && l.End == len(s)
}

// labelVariant spells an article label the other way: 第5条 → 第五条,
// 第五条 → 第5条; "" for anything else.
func labelVariant(s string) string {
	l, ok := articleLabel(s)
	if !ok {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(l.Numeral); unicode.IsDigit(r) {
		return label.ArticleText(l.N, l.Suffix)
	}
	return label.ArticleDigits(l.N, l.Suffix)
}

// formsQuery matches any of the forms: each form is one phrase, looked for
// in every searched field; a lone character reads the side file of characters.
func (ix *Index) formsQuery(forms []form) query.Query {
	var alts []query.Query
	for _, f := range forms {
		if _, ok := articleLabel(f.text); ok {
			t := query.NewTermQuery(f.text)
			t.SetField(fieldLabel)
			t.SetBoost(labelBoost)
			alts = append(alts, t)
		}
		switch {
		case f.label:
		case f.char:
			term := ix.an.bigram.Analyze([]byte(f.text))[0].Term
			r, _ := utf8.DecodeRune(term)
			alts = append(alts, charQuery{ci: ix.chars, r: r, boost: 1})
		default:
			alts = append(alts, ix.wordQueries(f.text)...)
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return query.NewDisjunctionQuery(alts)
}

// wordQueries look for a word in the head and text fields and in the
// heads articles share, from one analysis of it.
func (ix *Index) wordQueries(word string) []query.Query {
	toks := ix.an.bigram.Analyze([]byte(word))
	needle := normalNeedle(word)
	return []query.Query{
		ix.fieldPhrase(toks, needle, partHead, headBoost),
		ix.fieldPhrase(toks, needle, partText, textBoost),
		headQuery{ht: ix.heads, needle: needle, boost: headBoost},
	}
}

// fieldPhrase is the query of a word, as toks and needle, in the head or
// text, which have no term vectors: a term query for a word of one token,
// else a phraseQuery.
func (ix *Index) fieldPhrase(toks analysis.TokenStream, needle []byte, part textPart, boost float64) query.Query {
	q := phraseQuery{part: part, needle: needle, ci: ix.chars, texts: ix.texts, posts: ix.posts, boost: boost}
	if len(toks) == 1 {
		if part == partText {
			return textTermQuery{posts: ix.posts, term: string(toks[0].Term), boost: boost}
		}
		t := query.NewTermQuery(string(toks[0].Term))
		t.SetField(fieldHead)
		t.SetBoost(boost)
		return t
	}
	seen := map[string]bool{}
	for _, t := range toks {
		term := string(t.Term)
		if seen[term] {
			continue
		}
		seen[term] = true
		if r, n := utf8.DecodeRuneInString(term); t.Type == analysis.Single && n == len(term) && isHanRune(r) {
			q.chars = append(q.chars, r)
		} else {
			q.terms = append(q.terms, term)
		}
	}
	return q
}

// docTitleBoost raises a whole document whose title has a word of the
// query above the articles that only say it.
const docTitleBoost = 5

// docTitleQueries look for the forms in the titles of whole documents;
// they are optional and only add to the score.
func docTitleQueries(forms []form) []query.Query {
	var out []query.Query
	for _, f := range forms {
		if !f.char && !f.edges {
			q := query.NewMatchPhraseQuery(f.text)
			q.SetField(fieldDocTitle)
			q.SetBoost(docTitleBoost)
			out = append(out, q)
		}
	}
	return out
}

// filterQueries is one required query per filter: any of its values.
func filterQueries(filters map[string][]string) []query.Query {
	var out []query.Query
	for _, name := range []string{FilterKind, FilterDoc, FilterYear} {
		values := filters[name]
		if len(values) == 0 {
			continue
		}
		var alts []query.Query
		for _, v := range values {
			t := query.NewTermQuery(facetValue(name, v))
			t.SetField(fieldFacet)
			alts = append(alts, t)
		}
		if len(alts) == 1 {
			out = append(out, alts[0])
		} else {
			out = append(out, query.NewDisjunctionQuery(alts))
		}
	}
	return out
}
