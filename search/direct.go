package search

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"tiaoli/generator/label"
)

// A query that names a document and an article of it (劳动法第三十六条,
// 劳动法 36条, 劳动法第36条) goes straight to that article: it comes
// first, then what the title and the label find as words. The title may
// be a document's full title or a short form of it (劳动法 for
// 中华人民共和国劳动法); where several versions share it, the one in
// force is taken.

// titleIndex maps the title forms of documents to their IDs.
type titleIndex struct {
	once    sync.Once
	byTitle map[string][]string
}

// docsTitled returns the documents a title names, the versions in force
// and the newest first.
func (ix *Index) docsTitled(title string) []string {
	ti := &ix.titles
	ti.once.Do(func() {
		ti.byTitle = map[string][]string{}
		for id, t := range ix.docs {
			for _, f := range titleForms(t) {
				f = simplify(f)
				ti.byTitle[f] = append(ti.byTitle[f], id)
			}
		}
		for _, ids := range ti.byTitle {
			slices.Sort(ids)
		}
	})
	return ti.byTitle[termKey(simplify(title))]
}

// directQuery reads a query naming a document's article: the documents
// the title names, the title as the query prints it and the article's
// label (第三十六条). ok is false for any other query.
func (ix *Index) directQuery(q *Query) (docs []string, title, article string, ok bool) {
	if len(q.Clauses) == 0 || len(q.Clauses) > 2 || len(q.Excludes) > 0 {
		return nil, "", "", false
	}
	for _, c := range q.Clauses {
		if len(c) != 1 || c[0].Exact {
			return nil, "", "", false
		}
	}
	title, l, ok := titledArticle(joinClauses(q))
	if !ok {
		return nil, "", "", false
	}
	docs = ix.docsTitled(title)
	if len(docs) == 0 {
		return nil, "", "", false
	}
	return docs, title, label.ArticleText(l.N, l.Suffix), true
}

// titledArticle reads a title followed by an article label, 第 optional
// (劳动法第三十六条, 劳动法 36条): the shortest title after which the rest
// of s is a whole label, as Read reads it.
func titledArticle(s string) (title string, l label.Numbered, ok bool) {
	for i := range s {
		if i == 0 {
			continue
		}
		rest := strings.TrimLeftFunc(s[i:], unicode.IsSpace)
		if !strings.HasPrefix(rest, "第") {
			rest = "第" + rest
		}
		if l, ok := articleLabel(rest); ok && strings.TrimSpace(s[:i]) != "" {
			return strings.TrimSpace(s[:i]), l, true
		}
	}
	return "", label.Numbered{}, false
}

// directHit finds the article label of the first of docs that has it,
// preferring the versions in force; nil when none has it.
func (ix *Index) directHit(ctx context.Context, docs []string, label string) (*candidate, error) {
	var alts []query.Query
	for _, d := range docs {
		doc := query.NewTermQuery(facetValue(FilterDoc, d))
		doc.SetField(fieldFacet)
		lab := query.NewTermQuery(label)
		lab.SetField(fieldLabel)
		alts = append(alts, query.NewConjunctionQuery([]query.Query{doc, lab}))
	}
	sr := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(alts), len(docs), 0, false)
	sr.Fields = storedFields
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil || len(res.Hits) == 0 {
		return nil, err
	}
	var best *candidate
	for _, h := range res.Hits {
		c := newCandidate(h)
		if best == nil || betterVersion(c, best) {
			best = c
		}
	}
	return best, nil
}

// betterVersion reports whether a is a better version to show than b: in
// force before superseded, then the newer.
func betterVersion(a, b *candidate) bool {
	if (a.status == "") != (b.status == "") {
		return a.status == ""
	}
	if a.date != b.date {
		return a.date > b.date
	}
	return a.id < b.id
}

// joinClauses is the words of a query's clauses run together.
func joinClauses(q *Query) string {
	var b strings.Builder
	for _, c := range q.Clauses {
		b.WriteString(c[0].Text)
	}
	return b.String()
}

// withWords is q with its clauses replaced by the given words.
func withWords(q *Query, ws ...string) *Query {
	out := *q
	out.Clauses = nil
	for _, w := range ws {
		out.Clauses = append(out.Clauses, []Atom{{Text: w}})
	}
	return &out
}

// putFirst puts the article the query names first among the ranked
// candidates, once.
func (ix *Index) putFirst(ctx context.Context, cands []*candidate, docs []string, label string) ([]*candidate, error) {
	first, err := ix.directHit(ctx, docs, label)
	if err != nil || first == nil {
		return cands, err
	}
	out := []*candidate{first}
	for _, c := range cands {
		if c.id != first.id {
			out = append(out, c)
		}
	}
	first.score = out[min(1, len(out)-1)].score + 1
	return out, nil
}
