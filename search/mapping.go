package search

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Fields of a search document. Text fields use the cjk analyzer (bigrams
// of Han characters, width folding, lower case); chars holds the same text
// as single characters for query words a bigram cannot match (党, 第5条).
const (
	fieldTitle   = "title"   // document title, term, headline
	fieldHeading = "heading" // kicker, subtitle, 编/章/节 titles, section title
	fieldLabel   = "label"   // 第五条 and 第5条
	fieldText    = "text"    // the body: one line per 款 or 项
	fieldChars   = "chars"   // title, heading, label and text as unigrams
	fieldIssuer  = "issuer"
	fieldKind    = "kind" // keyword: a document kind or "term"
	fieldDoc     = "doc"  // keyword: the document's ID
	fieldYear    = "year" // keyword: 2026
	fieldDate    = "date" // stored only: YYYY-MM-DD
	fieldAnchors = "anchors"
	fieldArticle = "article" // stored only: 第五条 as the model spells it
)

// charsAnalyzer is the name of the unigram analyzer of fieldChars: the
// cjk analyzer without its bigram filter.
const charsAnalyzer = "tiaoli_chars"

// newMapping returns the index mapping: explicit fields only (no _all, no
// dynamic fields), term vectors where phrase queries run, doc values only
// on the facet fields, and only what results show is stored.
func newMapping() (mapping.IndexMapping, error) {
	m := mapping.NewIndexMapping()
	err := m.AddCustomAnalyzer(charsAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{cjk.WidthName, lowercase.Name},
	})
	if err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = cjk.AnalyzerName
	m.DefaultField = fieldText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.TypeField = "_type_unused"

	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, textField(cjk.AnalyzerName, true))
	doc.AddFieldMappingsAt(fieldHeading, textField(cjk.AnalyzerName, true))
	doc.AddFieldMappingsAt(fieldLabel, textField(cjk.AnalyzerName, false))
	doc.AddFieldMappingsAt(fieldText, textField(cjk.AnalyzerName, true))
	doc.AddFieldMappingsAt(fieldChars, textField(charsAnalyzer, false))
	doc.AddFieldMappingsAt(fieldIssuer, textField(cjk.AnalyzerName, false))
	doc.AddFieldMappingsAt(fieldKind, keywordField(true))
	doc.AddFieldMappingsAt(fieldDoc, keywordField(true))
	doc.AddFieldMappingsAt(fieldYear, keywordField(false))
	doc.AddFieldMappingsAt(fieldDate, storedField())
	doc.AddFieldMappingsAt(fieldAnchors, storedField())
	doc.AddFieldMappingsAt(fieldArticle, storedField())
	m.DefaultMapping = doc
	return m, nil
}

// textField is an analyzed field with term vectors (phrase queries need
// them) and no doc values.
func textField(analyzer string, store bool) *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = store
	f.IncludeInAll = false
	f.DocValues = false
	f.IncludeTermVectors = true
	return f
}

// keywordField is a facet and filter field: one term, doc values, no term
// vectors.
func keywordField(store bool) *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = true
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
