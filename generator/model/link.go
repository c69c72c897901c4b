package model

// Term kinds.
const (
	TermDefined      = "defined"
	TermAbbreviation = "abbreviation"
	TermAcronym      = "acronym"
	TermList         = "list"
	TermGlossary     = "glossary"
	// TermIntroduced is a term a text only introduces as a kind of another
	// (定期谈话 in 监督谈话包括定期谈话和及时谈话), without defining it.
	TermIntroduced = "introduced"
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
	Count int `json:"count,omitempty"`
	// Scope is where the term applies: "corpus" (everywhere), "document"
	// (its document and the news item carrying it, or the regulations that
	// item carries), "rest" (from the definition to the end of the document:
	// 以下简称, 下同), "book", "chapter" or "section" (the 编, 章 or 节 it is
	// defined in: 本编所称, 本章所称, 本节所称) or "article" (本条所称, 前款所称).
	Scope     string    `json:"scope,omitempty"`
	DefinedIn *Location `json:"defined_in"`
	// Acronym is the acronym of an expansion (世界贸易组织 → WTO).
	Acronym string `json:"acronym,omitempty"`
	// KindOf names the term this one is a kind of (生物资源 → 自然资源,
	// from 自然资源包括生物资源和非生物资源); Includes lists the kinds a term
	// includes.
	KindOf   string   `json:"kind_of,omitempty"`
	Includes []string `json:"includes,omitempty"`
	// Aliases are other spellings linked to the term (from the glossary).
	Aliases []string `json:"aliases,omitempty"`
	// Source says where a glossary definition comes from.
	Source      string     `json:"source,omitempty"`
	URL         string     `json:"url"`
	Occurrences []Location `json:"occurrences"`
}

// Location is a place in the corpus. Document is a document's ID, Article
// an article's label (第五条), Paragraph and Item positions from 1 (the
// second 款, its third item, whatever number that item prints: package
// address anchors and names it by Item.Number); 0 means the whole of the
// enclosing unit.
type Location struct {
	Document  string `json:"document"`
	Article   string `json:"article,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	Item      int    `json:"item,omitempty"`
	// Subitem is the position of a 目 inside its item, from 1.
	Subitem int `json:"subitem,omitempty"`
	// Part is "preamble" or "appendix" for text outside the articles, ""
	// otherwise; Section is the 1-based path of a section of a document
	// without 条 ("2", "2.1"). Paragraph then counts inside that part.
	Part    string `json:"part,omitempty"`
	Section string `json:"section,omitempty"`
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
	// Kind is what the text names: "article" (第五条, 前条), "paragraph"
	// (前款, 本条第二款), "item" (前项, 第（一）项), "document" (本办法),
	// "citation" (《…》), "named" (a law named without 《》 or article:
	// 根据传染病防治法) or "above" (上述…).
	Kind string `json:"kind,omitempty"`
	// Through ends a range: 前两款 is To 第一款 Through 第二款, 第十条至第十二条
	// is To 第十条 Through 第十二条.
	Through *Location `json:"through,omitempty"`
	// Antecedents are the indices in Corpus.References of what a 上述…
	// reference points back to.
	Antecedents []int `json:"antecedents,omitempty"`
	// Problem says why a reference that should resolve does not (no such
	// article, an abbreviation never defined); "" when it resolves.
	Problem string `json:"problem,omitempty"`
	// Earlier is set when the reference names a text as it was before a
	// version, and the corpus holds no such earlier text: a decision
	// printed before the text it amends cites the text it amends; a text
	// repeals its own earlier version; 修订前的《X》 cites X before its
	// revision in force then. To is then nil and Problem says so.
	Earlier bool `json:"earlier,omitempty"`
	// Before is, with Earlier, the day (YYYY-MM-DD) that earlier text was
	// replaced when the corpus knows it to the day: the date of the
	// version it holds. "" otherwise.
	Before string `json:"before,omitempty"`
}

// CitedDocument is a document cited by title but not in the corpus.
type CitedDocument struct {
	Title   string     `json:"title"`
	CitedBy []Location `json:"cited_by"`
}
