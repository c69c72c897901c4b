package model

// Term kinds.
const (
	TermDefined      = "defined"
	TermAbbreviation = "abbreviation"
	TermAcronym      = "acronym"
	TermList         = "list"
	TermGlossary     = "glossary"
)

// Term is a defined term, abbreviation, acronym or named list.
type Term struct {
	ID         string   `json:"id"` // stable ASCII identifier
	Term       string   `json:"term"`
	Kind       string   `json:"kind"`
	Definition string   `json:"definition"`
	Expansion  string   `json:"expansion,omitempty"` // AEO → 经认证的经营者
	Members    []string `json:"members,omitempty"`   // of a named list
	// Count is the number a list's name announces (十 = 10), 0 otherwise.
	Count       int        `json:"count,omitempty"`
	Scope       string     `json:"scope,omitempty"` // 下同: the rest of the document
	DefinedIn   *Location  `json:"defined_in"`
	URL         string     `json:"url"`
	Occurrences []Location `json:"occurrences"`
}

// Location is a place in the corpus. Document is a document's ID, Article
// an article's label (第五条), Paragraph and Item count from 1 as 第一款 and
// 第（一）项 do; 0 means the whole of the enclosing unit.
type Location struct {
	Document  string `json:"document"`
	Article   string `json:"article,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	Item      int    `json:"item,omitempty"`
	// Start and End are byte offsets in the text of that paragraph or item.
	Start int `json:"start,omitempty"`
	End   int `json:"end,omitempty"`
}

// Reference is a cross-reference: 第X条, 前款, 本办法, 《…》.
type Reference struct {
	From     Location  `json:"from"`
	Text     string    `json:"text"`
	To       *Location `json:"to"`
	External bool      `json:"external"`
	// Title is the cited title for 《…》 references.
	Title string `json:"title,omitempty"`
}

// CitedDocument is a document cited by title but not in the corpus.
type CitedDocument struct {
	Title   string     `json:"title"`
	CitedBy []Location `json:"cited_by"`
}
