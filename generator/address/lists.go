package address

// The pages that list things, relative to the site root.
const (
	TermsURL   = "t/"      // every term; a term's page is t/<term>/
	SourcesURL = "s/"      // every source; a source's page is s/<source>/
	CitedURL   = "cited/"  // documents cited but not in the corpus (CitedAnchor)
	IssuersURL = "i/"      // documents by issuer
	ReportURL  = "report/" // the editor's report
	SearchURL  = "search/" // the search page
)

// KindURL is the page listing the documents of a kind: k/regulation/.
func KindURL(kind string) string { return "k/" + Slug(kind, 4) + "/" }

// YearURL is the page listing the documents of a year (YYYY), y/undated/
// for those without a date.
func YearURL(year string) string {
	if year == "" {
		return "y/undated/"
	}
	return "y/" + year + "/"
}
