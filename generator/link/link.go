// Package link finds defined terms, abbreviations, acronyms, named lists
// and cross-references in a corpus and links them in both directions.
package link

import "tiaoli/generator/model"

// Link fills c.Terms, c.References, c.Cited and the Links of every
// paragraph. glossary is the content of the glossary file, or nil.
func Link(c *model.Corpus, glossary []byte) []model.Error {
	return nil
}
