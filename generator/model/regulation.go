package model

import "strings"

// Regulation is the structure of a regulation, down to the item. Its fields
// appear inline in a Document's JSON; they stay empty for other kinds.
type Regulation struct {
	Issuer   string   `json:"issuer,omitempty"`
	Approval string   `json:"approval,omitempty"` // (2026年1月30日中共中央批准 …发布)
	History  []string `json:"history,omitempty"`  // dated history lines
	// Published and ValidFrom are YYYY-MM-DD dates read from the approval or
	// history lines.
	Published string `json:"published,omitempty"`
	ValidFrom string `json:"valid_from,omitempty"`
	// OnPublication says the text takes effect the day it is published
	// (本条例自公布之日起施行): ValidFrom is Published, however late that is
	// known (a metadata table's date).
	OnPublication bool `json:"-"`
	// ValidFromPrinted says ValidFrom is the day an article of the text
	// prints (本条例自2001年9月1日起施行), not one its history or a metadata
	// table gives.
	ValidFromPrinted bool `json:"valid_from_printed,omitempty"`
	// PrintedValidFrom is the day the text's article says it takes effect
	// (本条例自2001年9月1日起施行) when that day is before the last amendment
	// of its history: the day of a version before that amendment (the
	// first version's, or an earlier amended one's), which an amended text
	// keeps printing. It is no day of this version, and says that the text
	// prints none of its own (ValidFrom stays for the history or a
	// metadata table).
	PrintedValidFrom string `json:"printed_valid_from,omitempty"`

	Preamble []Paragraph `json:"preamble,omitempty"` // 序言, text before 第一条
	// Decision is how many paragraphs at the start of Preamble are a
	// decision that amends the text and then prints it whole (…作如下修改：
	// 一、… 附： and the title again): the decision's own text. The title
	// printed again, a heading paragraph, opens the rest. 0 for any other
	// text.
	Decision int `json:"decision,omitempty"`
	// Attached says that the source marks the text after the decision as
	// attached with a line 附： (left out of Preamble); false when the
	// decision runs straight into the title printed again.
	Attached bool        `json:"attached,omitempty"`
	Headings []Heading   `json:"headings,omitempty"` // 编/分编/章/节 in order
	Articles []*Article  `json:"articles,omitempty"`
	Sections []*Section  `json:"sections,omitempty"` // documents without 条
	Appendix []Paragraph `json:"appendix,omitempty"` // 附件 and text after the last article

	Variants []Variant `json:"variants,omitempty"`
	Repairs  []Repair  `json:"repairs,omitempty"`
	// Suspects are places that look broken (a bracket without its
	// partner) where no rule decides the repair: left as printed.
	Suspects []Repair `json:"suspects,omitempty"`

	// Parent is the ID of the news item that carries this regulation;
	// Carries lists the regulations a news item carries.
	Parent  string   `json:"parent,omitempty"`
	Carries []string `json:"carries,omitempty"`
	// Versions lists the IDs of other dated versions of the same regulation.
	Versions []string `json:"versions,omitempty"`
	// Parts lists, for a code printed as several files (民法典 总则,
	// 物权编 …), the IDs of all its parts, this one among them, in corpus
	// order: the regulations that share its title and its date. Set by
	// linking (package link owns the rule); nil for a text printed whole.
	Parts []string `json:"parts,omitempty"`

	// Carrier points at the news item carrying this regulation until
	// addressing turns it into Parent and Carries.
	Carrier *Document `json:"-"`
	// VersionDocs point at the other dated versions of this document until
	// addressing turns them into Versions.
	VersionDocs []*Document `json:"-"`
}

// Heading is a 编, 分编, 章 or 节 heading.
type Heading struct {
	Level string `json:"level"` // 编, 分编, 章, 节
	Depth int    `json:"depth"` // 0 for the outermost level the document uses
	Label string `json:"label"` // 第一章
	Title string `json:"title"` // 总则
	// Number is the division's number (2 for 第二章), 0 when unnumbered.
	Number int `json:"number,omitempty"`
	// Anchor is its id on the document page (zhang2-jie1), given by
	// package address.
	Anchor string `json:"anchor"`
	// Article is the index in Articles of the first article under it, or
	// len(Articles) when none follows.
	Article int `json:"article"`
	Position
}

// Text is the heading as printed: its label and title, with a space
// between them (第二章 谈话的开展) unless the label ends in 、 or a bracket
// (一、管辖, （一）动产质押).
func (h Heading) Text() string {
	sep := " "
	if strings.HasSuffix(h.Label, "、") || strings.HasSuffix(h.Label, "）") {
		sep = ""
	}
	return strings.TrimSpace(h.Label + sep + h.Title)
}

// Article is one 条.
type Article struct {
	Number  int       `json:"number"` // 5 for 第五条
	Suffix  int       `json:"suffix"` // 1 for 第五条之一
	Label   string    `json:"label"`  // 第五条, 第五条之一
	URL     string    `json:"url"`
	Path    []string  `json:"path"`       // the titles of its 编/章/节, outermost first
	Clauses []*Clause `json:"paragraphs"` // 款, in order (JSON: paragraphs)
	// Notes are footnotes printed after the article (① …): apparatus of
	// the edition, not 款 or items of the text.
	Notes []*Note `json:"notes,omitempty"`
	Position
}

// Note is a footnote of an article.
type Note struct {
	Paragraph
	// Anchor is the id of the note on its article page (n1 for the first),
	// given by package address.
	Anchor string `json:"anchor,omitempty"`
}

// Clause is one 款: a paragraph of an article, with its items.
type Clause struct {
	Paragraph
	// Anchor is the id of the 款 on its article page (p2 for 第二款), given
	// by package address.
	Anchor string  `json:"anchor,omitempty"`
	Items  []*Item `json:"items"`
}

// Item is a 项 ((一)) or a 目 (1. or (1)).
type Item struct {
	Label  string `json:"label"`  // as printed, normalised: （一）
	Number int    `json:"number"` // as printed: 3 for （三）, 0 when it has none
	// Anchor is the id of the item on its article page, given by package
	// address from its printed number: p2-i3 for the 项 （三） of 第二款,
	// p2-i3-m1 for the 目 1. under it.
	Anchor string `json:"anchor,omitempty"`
	Paragraph
	Items []*Item `json:"items,omitempty"` // 目 under a 项
}

// Section is a part of a document without 条: 一、 or （一） structure.
type Section struct {
	Label    string      `json:"label"` // 一、
	Title    string      `json:"title"`
	URL      string      `json:"url"`
	Anchor   string      `json:"anchor"` // s2-1, given by package address
	Body     []Paragraph `json:"body"`
	Sections []*Section  `json:"sections,omitempty"`
	Position
}

// Variant is a place where the sources of one document disagree.
type Variant struct {
	Where     string `json:"where"` // 第六条, 第六条第二款, or a body paragraph
	Article   string `json:"article,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	// Item is the item's position in its 款 (from 1) when the variant is
	// inside an item, 0 otherwise; Where names it by its printed number.
	Item     int       `json:"item,omitempty"`
	Readings []Reading `json:"readings"`
	// ContextBefore and ContextAfter are a few characters of the chosen
	// text on either side of the variant.
	ContextBefore string `json:"context_before,omitempty"`
	ContextAfter  string `json:"context_after,omitempty"`
	Chosen        string `json:"chosen"` // the text chosen
	// Rule names why: "repair" (a repaired artefact loses), "corpus" (its
	// words recur elsewhere), "pinned" (an editor chose), "paragraph-break"
	// (the readings differ only where a paragraph breaks), "first-source"
	// (undecided).
	Rule      string `json:"rule"`
	Undecided bool   `json:"undecided,omitempty"`
}

// Reading is one source's text at a variant.
type Reading struct {
	Source string `json:"source"` // the source's path
	Text   string `json:"text"`
	Line   int    `json:"line,omitempty"`
}

// Repair is one change the parser made to what a source printed.
type Repair struct {
	Position
	Kind    string `json:"kind"` // "duplicate-char", "bracket", "join", "list-marker", …
	Before  string `json:"before"`
	After   string `json:"after"`
	Message string `json:"message"`
}
