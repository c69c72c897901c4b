package search

// synonyms maps a reader's word to the words the statutes use for it.
type synonyms struct {
	to map[string][]string
}

// of returns the statute's words for a reader's word.
func (s *synonyms) of(word string) []string {
	if s == nil {
		return nil
	}
	return s.to[word]
}
