// Package site renders the corpus as the static pages of the site.
package site

import (
	"io/fs"
	"time"

	"tiaoli/generator/model"
)

// Writer receives the files of the site; names are slash-separated paths
// relative to the site root.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Options control rendering.
type Options struct {
	// Base is the URL path the site is published under, "/" by default.
	Base string
	// Templates holds the templates and assets (package templates).
	Templates fs.FS
	// Now stamps the feed and the home page.
	Now time.Time
	// Progress, if set, is called now and then with pages done and total.
	Progress func(done, total int)
}

// Render writes every page of the site for c to w.
func Render(c *model.Corpus, opts Options, w Writer) error {
	return nil
}
