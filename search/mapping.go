package search

import (
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Fields of a search document. Each query word is looked for in the head
// and the text, analysed with the cjk analyzer (bigrams of Han
// characters, width folding, lower case), without term vectors (phrases
// are checked in a side file, see texts.go): head is a field of bleve,
// the text's postings are in a side file (see textposts.go); fewer fields mean fewer
// searchers per word; an article label is a whole term of the label
// field. A query word of one character (党), which no bigram matches, is
// found in a side file of the index (see chars.go). facet holds the kind,
// document and year as one multi-valued keyword, so that the three facets
// cost one doc-value visit per hit. The other fields are stored for
// display and ranking only, in one field of bleve (fieldStored, see
// stored.go).
const (
	fieldHead = "head" // title, headings, issuer: analysed, not stored
	// fieldText is the body, one line per 款 or 项: not a field of bleve,
	// but kept inside fieldStored (see stored.go); its postings are in a
	// side file of the index (see textposts.go).
	fieldText  = "text"
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
	// No field is the default: every query here names its field, and one
	// that did not would look in fieldText, which bleve does not index,
	// and match nothing rather than search a field by chance.
	m.DefaultField = fieldText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.TypeField = "_type_unused"

	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldHead, textField(bigramAnalyzerName, false, false))
	doc.AddFieldMappingsAt(fieldFacet, keywordField())
	doc.AddFieldMappingsAt(fieldLabel, labelField())
	doc.AddFieldMappingsAt(fieldDocTitle, textField(bigramAnalyzerName, false, true))
	doc.AddFieldMappingsAt(fieldStored, storedField()) // see stored.go
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

// docMaker makes the bleve document of a search document's fields as the
// index mapping would (see mapping.IndexMappingImpl.MapDocument), without
// walking the fields by reflection: that walk was a quarter of the time
// of feeding the index, which one goroutine does for the whole build.
type docMaker struct{ fields map[string]fieldSpec }

// fieldSpec is how the mapping indexes one field.
type fieldSpec struct {
	options  index.FieldIndexingOptions
	analyzer analysis.Analyzer
	keyword  bool // the analyzer makes each value one term
}

// newDocMaker reads the fields of the mapping newMapping makes.
func newDocMaker() (*docMaker, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	m, ok := im.(*mapping.IndexMappingImpl)
	if !ok {
		return nil, errors.New("unexpected index mapping")
	}
	dm := &docMaker{fields: map[string]fieldSpec{}}
	for name, sub := range m.DefaultMapping.Properties {
		if !sub.Enabled || len(sub.Fields) != 1 || sub.Fields[0].Type != "text" {
			continue // _all, disabled
		}
		f := sub.Fields[0]
		a := m.AnalyzerNamed(f.Analyzer)
		if a == nil {
			return nil, fmt.Errorf("field %s: no analyzer %q", name, f.Analyzer)
		}
		dm.fields[name] = fieldSpec{options: f.Options(), analyzer: a, keyword: f.Analyzer == keyword.Name}
	}
	return dm, nil
}

// document is the bleve document of id with fields, as fields() gives
// them: strings, and lists of strings whose items bleve numbers by their
// place in the list.
func (dm *docMaker) document(id string, fields map[string]interface{}) *document.Document {
	doc := document.NewDocument(id)
	for name, v := range fields {
		spec, ok := dm.fields[name]
		if !ok {
			continue // the mapping is static: unmapped fields are dropped
		}
		switch v := v.(type) {
		case string:
			if b, ok := spec.analyzer.(*bigramAnalyzer); ok && !spec.options.IncludeTermVectors() && !spec.options.SkipFreqNorm() {
				doc.AddField(newBigramField(name, []byte(v), spec.options, b))
				continue
			}
			doc.AddField(document.NewTextFieldCustom(name, []uint64{}, []byte(v), spec.options, spec.analyzer))
		case []string:
			if isKeyword(spec) {
				doc.AddField(newTermsField(name, v, spec.options))
				continue
			}
			for i, s := range v {
				doc.AddField(document.NewTextFieldCustom(name, []uint64{uint64(i)}, []byte(s), spec.options, spec.analyzer))
			}
		}
	}
	if spec, ok := dm.fields[fieldStored]; ok {
		doc.AddField(document.NewTextFieldCustom(fieldStored, nil, packStored(nil, fields), spec.options, spec.analyzer))
	}
	doc.SetIndexed()
	return doc
}

// declareAll adds to doc, empty, each field of the mapping that fields
// lacks, so that the segment of a batch holding doc has every field. When
// all segments have the same fields, merging them copies the encoded
// frequencies, norms and stored values of each document as they are;
// when one lacks a field (a batch without a superseded version lacks
// status, one of terms lacks label), it decodes and encodes every
// posting again. An empty field adds no term and stores nothing: the one
// stored field, fieldStored, document adds to every document.
func (dm *docMaker) declareAll(doc *document.Document, fields map[string]interface{}) {
	for name, spec := range dm.fields {
		if _, ok := fields[name]; ok || name == fieldStored { // document adds fieldStored always
			continue
		}
		if isKeyword(spec) {
			doc.AddField(newTermsField(name, nil, spec.options))
			continue
		}
		doc.AddField(document.NewTextFieldCustom(name, nil, []byte{}, spec.options, spec.analyzer))
	}
}

// isKeyword reports whether a field indexes each value as one term and
// keeps nothing else of it: no stored value, no term vectors.
func isKeyword(spec fieldSpec) bool {
	return spec.keyword && !spec.options.IsStored() && !spec.options.IncludeTermVectors()
}

// termsField is a keyword field of several values made into one field
// whose terms are the values: what the index makes of one field per value
// (it adds up the lengths and frequencies of a document's fields of one
// name), without a token stream and a map of frequencies per value. The
// facet and label fields, of two to four values each, were half the
// fields of a search document.
type termsField struct {
	*document.TextField
	length int
	freqs  index.TokenFrequencies
}

// newTermsField is the keyword field name of values, indexed with
// options (neither stored nor with term vectors).
func newTermsField(name string, values []string, options index.FieldIndexingOptions) *termsField {
	var first []byte
	if len(values) > 0 {
		first = []byte(values[0])
	}
	f := &termsField{TextField: document.NewTextFieldCustom(name, nil, first, options, nil), length: len(values)}
	f.freqs = make(index.TokenFrequencies, len(values))
	slab := make([]index.TokenFreq, len(values))
	for i, v := range values {
		if tf := f.freqs[v]; tf != nil {
			tf.SetFrequency(tf.Frequency() + 1)
			continue
		}
		slab[i] = index.TokenFreq{Term: []byte(v)}
		slab[i].SetFrequency(1)
		f.freqs[v] = &slab[i]
	}
	return f
}

// Analyze does nothing: the terms are the values.
func (f *termsField) Analyze() {}

func (f *termsField) AnalyzedLength() int { return f.length }

func (f *termsField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

func (f *termsField) Size() int { return f.TextField.Size() + f.freqs.Size() }
