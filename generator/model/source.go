package model

// Source is one input file: usually one printed newspaper page, or one
// regulation saved as a file.
type Source struct {
	ID       string `json:"id"`       // stable ASCII identifier, set by addressing
	Path     string `json:"path"`     // relative to the content folder
	URL      string `json:"url"`      // the source's page in the site
	Format   string `json:"format"`   // "text", "markdown" or "html"
	Encoding string `json:"encoding"` // "utf-8" or "gb18030"
	// Metadata from front matter or the page itself.
	Title       string `json:"title,omitempty"`
	Date        string `json:"date,omitempty"` // YYYY-MM-DD
	Publication string `json:"publication,omitempty"`
	Page        string `json:"page,omitempty"`      // 第10版, as printed
	PageName    string `json:"page_name,omitempty"` // the page's 版名: 要闻
	// Name is how readers and editors know the source: its paper, date,
	// page and 版名, else its title, else its date and its lead item
	// (package sourcename). Unique in a corpus.
	Name string `json:"name"`
	// Documents lists the IDs of the documents on this source, in the
	// order they appear.
	Documents []string `json:"documents"`
}
