package model

// Work is one text in all its versions: the documents that are dated
// versions of one regulation (package work groups them).
type Work struct {
	ID    string `json:"id"` // stable ASCII identifier
	Title string `json:"title"`
	URL   string `json:"url"` // the work's page: its versions
	// Key is what the titles of its versions share (package reconcile's
	// TitleKey of Title): its identifier is made from it.
	Key string `json:"-"`
	// Versions are the documents of the work, newest first.
	Versions []Version `json:"versions"`
}

// Version is one document of a work.
type Version struct {
	Document string `json:"document"` // the document's ID
	// Date is when the version was adopted or published: YYYY-MM-DD, a
	// year alone when the title only names one, "" when unknown.
	Date   string `json:"date"`
	Status string `json:"status,omitempty"` // the document's status

	// Doc points at the document until addressing fills Document.
	Doc *Document `json:"-"`
}

// Comparison pairs the articles of two consecutive versions of a work,
// the older (From) and the newer (To).
type Comparison struct {
	Work string `json:"work"` // the work's ID
	From string `json:"from"` // the older version's document ID
	To   string `json:"to"`   // the newer version's document ID
	URL  string `json:"url"`  // its 修订对照 page
	// Alignment pairs the articles in the order of the newer version,
	// with what only the older one has after the article it followed.
	Alignment []Pair `json:"alignment"`
	// Headings pairs the 编/章/节 headings the same way, by their labels.
	Headings []Pair `json:"headings,omitempty"`

	// FromDoc and ToDoc point at the versions until addressing fills
	// From, To and URL.
	FromDoc *Document `json:"-"`
	ToDoc   *Document `json:"-"`
}

// Alignment kinds.
const (
	PairUnchanged  = "unchanged"  // same text (spacing and punctuation width aside), same label
	PairModified   = "modified"   // the text changed (the label may have too)
	PairRenumbered = "renumbered" // same text under another label
	PairAdded      = "added"      // only in the newer version
	PairDeleted    = "deleted"    // only in the older version
	PairMerged     = "merged"     // one of several older articles made into one
	PairSplit      = "split"      // one older article made into several
)

// Pair is one entry of an alignment: an older and a newer article (or
// heading) by label, either nil when only one side has it.
type Pair struct {
	Old  *string `json:"old"`
	New  *string `json:"new"`
	Kind string  `json:"kind"`
	// Similarity of the two texts, 0 to 1 (1 for the same text), 0 when a
	// side is missing.
	Similarity float64 `json:"similarity"`
	// OldIndex and NewIndex are the indexes of the articles (or headings)
	// in their documents, -1 for a missing side.
	OldIndex int `json:"-"`
	NewIndex int `json:"-"`
}
