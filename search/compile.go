package search

import (
	"regexp"
	"strconv"

	"github.com/blevesearch/bleve/v2/search/query"

	"tiaoli/generator/numeral"
)

// Boosts of the fields a word is looked for in. A label or title match
// outweighs a match in the text.
var fieldBoosts = []struct {
	field string
	boost float64
}{
	{fieldTitle, 3}, {fieldLabel, 4}, {fieldHeading, 1.5}, {fieldText, 1}, {fieldIssuer, 1},
}

// plan is a query ready to run: the bleve query, and for ranking and
// highlighting the forms each required clause may take.
type plan struct {
	q       query.Query
	clauses []clausePlan
	terms   []termEntry // terms the query words name
	empty   bool        // nothing can match
}

// clausePlan is one required clause: the forms that satisfy it.
type clausePlan struct {
	forms []form
}

// form is one spelling of a word to look for.
type form struct {
	text  string
	chars bool // matched on single characters (see needsChars)
}

// compile turns a parsed query into a plan.
func (ix *Index) compile(q *Query) *plan {
	p := &plan{}
	var must []query.Query
	for _, c := range q.Clauses {
		cp := ix.clause(c, p)
		if len(cp.forms) == 0 {
			continue // only punctuation: ignore the word
		}
		p.clauses = append(p.clauses, cp)
		must = append(must, ix.formsQuery(cp.forms))
	}
	must = append(must, filterQueries(q.Filters)...)
	if len(must) == 0 {
		p.empty = true
		return p
	}
	b := query.NewBooleanQuery(must, nil, nil)
	for _, a := range q.Excludes {
		if forms := ix.atomForms(a, nil); len(forms) > 0 {
			b.AddMustNot(ix.formsQuery(forms))
		}
	}
	b.AddMustNot(filterQueries(q.NotFilters)...)
	p.q = b
	return p
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
	if alt := labelVariant(a.Text); alt != "" {
		texts = append(texts, alt)
	}
	if !a.Exact {
		texts = append(texts, ix.terms.forms(a.Text)...)
		if p != nil {
			p.terms = append(p.terms, ix.terms.lookup(a.Text)...)
		}
	}
	var out []form
	for _, t := range texts {
		if len(ix.an.bigram.Analyze([]byte(t))) == 0 {
			continue
		}
		out = append(out, form{text: t, chars: ix.an.needsChars(t)})
	}
	return out
}

// labelRe matches an article label written with digits or numerals.
var labelRe = regexp.MustCompile(`^第([0-9]+|[〇零一二两三四五六七八九十百千]+)条(之[一二三四五六七八九十]+)?$`)

// labelVariant spells an article label the other way: 第5条 → 第五条,
// 第五条 → 第5条; "" for anything else.
func labelVariant(s string) string {
	m := labelRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	n, ok := numeral.Parse(m[1])
	if !ok {
		return ""
	}
	if _, err := strconv.Atoi(m[1]); err == nil {
		return "第" + numeral.Format(n) + "条" + m[2]
	}
	return "第" + strconv.Itoa(n) + "条" + m[2]
}

// formsQuery matches any of the forms: each form is one phrase, looked for
// in every searched field, or in the chars field for a form with a lone
// Han character.
func (ix *Index) formsQuery(forms []form) query.Query {
	var alts []query.Query
	for _, f := range forms {
		if f.chars {
			alts = append(alts, phrase(f.text, fieldChars, 1))
			continue
		}
		for _, fb := range fieldBoosts {
			alts = append(alts, phrase(f.text, fb.field, fb.boost))
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return query.NewDisjunctionQuery(alts)
}

func phrase(text, field string, boost float64) query.Query {
	q := query.NewMatchPhraseQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	return q
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
			t := query.NewTermQuery(v)
			t.SetField(name)
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
