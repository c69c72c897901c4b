package model

import (
	"encoding/json"
	"strings"
)

// Document kinds.
const (
	KindRegulation    = "regulation"
	KindNews          = "news"
	KindNotice        = "notice"
	KindCommentary    = "commentary"
	KindCase          = "case" // a court case written up: 基本案情, 裁判要旨
	KindPhoto         = "photo"
	KindAdvertisement = "advertisement"
	KindAnnouncement  = "announcement"
	KindWeather       = "weather"
	KindLottery       = "lottery"
	KindOther         = "other"
)

// Kinds lists every document kind, in the order a site shows them.
var Kinds = []string{
	KindRegulation, KindNotice, KindNews, KindCommentary, KindCase, KindPhoto,
	KindAnnouncement, KindAdvertisement, KindWeather, KindLottery, KindOther,
}

// Document is one item of a source: a regulation, a news item, a photo and
// its caption, an advertisement, and so on. A document read from several
// sources is one Document with several Sources.
type Document struct {
	ID    string `json:"id"` // stable ASCII identifier
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// VersionMark is what the title a collector gave a regulation or a
	// notice added to its own to name a version (2003 of 某条例2003,
	// （2000） of 某批复（2000）, （2020年修订）): Title is the text's own,
	// without it.
	VersionMark string     `json:"version_mark,omitempty"`
	Kicker      string     `json:"kicker"`   // 引题, before the title
	Subtitle    string     `json:"subtitle"` // 副题, after the title
	URL         string     `json:"url"`      // the path of its page in the site
	Sources     []Position `json:"sources"`  // where each source starts
	Dateline    *Dateline  `json:"dateline"`
	Date        string     `json:"date"` // YYYY-MM-DD, "" when unknown
	// Continuation marks: the page this continues from (上接第一版) and the
	// page it continues on (下转第二版), as printed.
	ContinuedFrom string   `json:"continued_from"`
	ContinuedTo   string   `json:"continued_to,omitempty"`
	Bylines       []string `json:"bylines,omitempty"` // reporters, authors
	// Affiliation is the unit or post of the authors, as their closing
	// line prints it: （作者：张三 单位：某市纪委监委） gives 某市纪委监委.
	Affiliation string      `json:"affiliation,omitempty"`
	Credits     []string    `json:"credits,omitempty"` // photo credits: 新华社发(郭金祺 摄)
	Body        []Paragraph `json:"body"`
	// Status: 有效, 已修改, 已废止, 尚未施行, "" when the source says nothing.
	Status string `json:"status,omitempty"`

	Regulation
}

// Outlined reports whether d's text is read from its articles and
// sections. Its Body then holds the same lines unstructured, for what
// reads the whole text (the pages, reconcile's bigrams): linking and the
// alignment of versions read the articles and sections instead, and no
// stage after parsing changes that Body, which copies of d share
// (CloneDocuments).
func (d *Document) Outlined() bool { return len(d.Articles) > 0 || len(d.Sections) > 0 }

// ListedTitle is the title as the collector listed the document: its own
// with the version mark the collector added (刑法（2020年修订）). Its
// address and the title index of links go by it, so that taking the mark
// off the title moves no page and changes no link.
func (d *Document) ListedTitle() string { return d.Title + d.VersionMark }

// Dateline is the 电头 of a news item: 新华社北京2月12日电(记者 孙萍).
type Dateline struct {
	Agency    string   `json:"agency"` // 新华社, 本报, 据新华社 …
	Place     string   `json:"place"`
	Date      string   `json:"date"` // YYYY-MM-DD
	Reporters []string `json:"reporters"`
	Text      string   `json:"text"` // as printed
}

// Paragraph is one paragraph of text with the file and line it came from.
//
// Ingest emits one Paragraph per printed line (a Markdown soft or hard line
// break starts a new one) after joining lines that layout repair found cut
// by a column or page break.
type Paragraph struct {
	Text string `json:"text"`
	Position
	// Heading is the Markdown or HTML heading level (1–6) of the line, 0
	// for ordinary text.
	Heading int `json:"heading,omitempty"`
	// ListItem marks a line printed as a list item (Markdown "- ", <li>);
	// the marker itself is not in Text.
	ListItem bool `json:"list_item,omitempty"`
	// Row marks a row of a table: RowHead for its header, RowBody for the
	// others, "" for text. Text holds the cells joined by CellSeparator.
	Row string `json:"row,omitempty"`
	// Header marks a line of the source's particulars block (title, dates
	// and history above LawRefBook's <!-- INFO END --> marker).
	Header bool `json:"header,omitempty"`
	// Rule marks a line printed right after a thematic break (a Markdown
	// `---` line): the source sets what follows apart.
	Rule bool `json:"rule,omitempty"`
	// Links are the term occurrences and references inside Text, in order.
	Links []Link `json:"links,omitempty"`
}

// Table rows.
const (
	RowHead = "head"
	RowBody = "body"
	// CellSeparator joins the cells of a table row in Paragraph.Text.
	CellSeparator = " | "
)

// Cells returns the byte spans of the cells of a table row's text.
func Cells(text string) [][2]int {
	var out [][2]int
	start := 0
	for {
		i := strings.Index(text[start:], CellSeparator)
		if i < 0 {
			return append(out, [2]int{start, len(text)})
		}
		out = append(out, [2]int{start, start + i})
		start += i + len(CellSeparator)
	}
}

// Headed is the text of a table row with each cell after its column's
// header, for a reader who sees the row alone (a search hit): 条文：第二条；
// 罪名：甲罪. Without a header, or with cells it cannot pair, it is the row.
func Headed(head, row string) string {
	hc, rc := Cells(head), Cells(row)
	if head == "" || len(hc) != len(rc) {
		return row
	}
	parts := make([]string, len(rc))
	for i := range rc {
		parts[i] = head[hc[i][0]:hc[i][1]] + "：" + row[rc[i][0]:rc[i][1]]
	}
	return strings.Join(parts, "；")
}

// Link is a span of a text that refers to something else: a term's
// definition or a reference's target. Start and End are byte offsets into
// the text that holds the link.
type Link struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"` // "term" or "reference"
	// Term is the index of the term in Corpus.Terms (Kind "term").
	Term int `json:"-"`
	// Reference is the index in Corpus.References (Kind "reference").
	Reference int `json:"-"`
	// Definition marks the span where a term is defined, not used.
	Definition bool `json:"definition,omitempty"`
}

// linkJSON is the JSON form of a Link: "term" appears for term links and
// "reference" for reference links, whatever the index, 0 included.
type linkJSON struct {
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Kind       string `json:"kind"`
	Term       *int   `json:"term,omitempty"`
	Reference  *int   `json:"reference,omitempty"`
	Definition bool   `json:"definition,omitempty"`
}

// MarshalJSON writes the index that goes with the link's kind.
func (l Link) MarshalJSON() ([]byte, error) {
	j := linkJSON{Start: l.Start, End: l.End, Kind: l.Kind, Definition: l.Definition}
	switch l.Kind {
	case "term":
		j.Term = &l.Term
	case "reference":
		j.Reference = &l.Reference
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (l *Link) UnmarshalJSON(data []byte) error {
	var j linkJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*l = Link{Start: j.Start, End: j.End, Kind: j.Kind, Definition: j.Definition}
	if j.Term != nil {
		l.Term = *j.Term
	}
	if j.Reference != nil {
		l.Reference = *j.Reference
	}
	return nil
}
