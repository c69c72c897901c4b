package search

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Fields of a search document. Each query word is looked for in two
// analysed fields, head and text, with the cjk analyzer (bigrams of Han
// characters, width folding, lower case), without term vectors (phrases
// are checked in a side file, see texts.go); fewer fields mean fewer
// searchers per word; an article label is a whole term of the label
// field. A query word of one character (党), which no bigram matches, is
// found in a side file of the index (see chars.go). facet holds the kind,
// document and year as one multi-valued keyword, so that the three facets
// cost one doc-value visit per hit. The other fields are stored for
// display and ranking only.
const (
	fieldHead  = "head"  // title, headings, issuer: analysed, not stored
	fieldText  = "text"  // the body, one line per 款 or 项: analysed and stored
	fieldFacet = "facet" // kind=…, doc=…, year=…
	fieldLabel = "label" // an article's labels as whole terms: 第五条, 第5条
	// fieldDocTitle holds the title of whole documents only: a word found
	// there raises the document into the hits ranking looks at (see
	// compile), however many articles also say the word.
	fieldDocTitle = "doctitle"

	fieldTitle   = "title"   // document title, term, headline
	fieldHeading = "heading" // kicker, subtitle, 编/章/节 titles, section title
	fieldArticle = "article" // 第五条 as the model spells it
	fieldKind    = "kind"    // a document kind or "term"
	fieldDoc     = "doc"     // the document's ID
	fieldDate    = "date"    // YYYY-MM-DD
	fieldAnchors = "anchors" // one anchor per line of text
	fieldStatus  = "status"  // 已修改, 已废止: a version no longer in force
)

// facetStatus names the facet term of a version no longer in force
// (status=superseded): the relaxed reading ranks it lower. It is no
// facet of a response.
const (
	facetStatus      = "status"
	statusSuperseded = "superseded"
)

// facetValue is the term of the facet field for a filter name and value.
func facetValue(name, value string) string { return name + "=" + value }

// unigramAnalyzer is the cjk analyzer without its bigram filter, reading
// characters in the form the index holds (fold.go), which highlighting and
// ranking use on stored text (no field uses it).
const unigramAnalyzer = "tiaoli_unigram"

// newMapping returns the index mapping: explicit fields only (no _all, no
// dynamic fields), term vectors only on doctitle, where bleve's phrase
// query runs, doc values only
// on the facet fields, and only what results show is stored.
func newMapping() (mapping.IndexMapping, error) {
	m := mapping.NewIndexMapping()
	err := m.AddCustomAnalyzer(unigramAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{formsFilterName},
		"tokenizer":     unicode.Name,
		"token_filters": []string{cjk.WidthName, lowercase.Name},
	})
	if err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = bigramAnalyzerName
	m.DefaultField = fieldText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.TypeField = "_type_unused"

	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldHead, textField(bigramAnalyzerName, false, false))
	doc.AddFieldMappingsAt(fieldText, textField(bigramAnalyzerName, true, false))
	doc.AddFieldMappingsAt(fieldFacet, keywordField())
	doc.AddFieldMappingsAt(fieldLabel, labelField())
	doc.AddFieldMappingsAt(fieldDocTitle, textField(bigramAnalyzerName, false, true))
	for _, f := range []string{fieldTitle, fieldHeading, fieldArticle, fieldKind, fieldDoc, fieldDate, fieldAnchors, fieldStatus} {
		doc.AddFieldMappingsAt(f, storedField())
	}
	// No _all: bleve builds it unless it is disabled, even when no field
	// is included in it, at a cost of a tenth of the indexing time.
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	m.DefaultMapping = doc
	return m, nil
}

// textField is an analyzed field without doc values, with term vectors
// when bleve's phrase queries run on it.
func textField(analyzer string, store, vectors bool) *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = store
	f.IncludeInAll = false
	f.DocValues = false
	f.IncludeTermVectors = vectors
	return f
}

// keywordField is a facet and filter field: whole values as terms, doc
// values, no term vectors, nothing stored.
func keywordField() *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = true
	return f
}

// labelField holds whole labels for term queries: a label is a word of
// its own, so 第五条 needs no phrase (which on bigrams also matches
// inside 第五十条 and costs a position check per candidate).
func labelField() *mapping.FieldMapping {
	f := keywordField()
	f.DocValues = false
	return f
}

// storedField is kept for display and never searched.
func storedField() *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = true
	f.Index = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}
