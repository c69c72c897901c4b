package search

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// SynonymsFile is the editors' table of synonyms in the content folder;
// the build keeps a copy of it in the index folder, under the same name,
// for the searches of that site.
const SynonymsFile = "synonyms.yaml"

// defaultSynonyms is the table that ships with the program.
//
//go:embed synonyms.yaml
var defaultSynonyms []byte

// synonyms maps a reader's word to the words the statutes use for it.
type synonyms struct {
	to map[string][]string
}

// of returns the statute's words for a reader's word.
func (s *synonyms) of(word string) []string {
	if s == nil {
		return nil
	}
	return s.to[termKey(word)]
}

// parseSynonyms reads a table of synonyms: a YAML mapping of words to
// lists of words.
func parseSynonyms(b []byte) (map[string][]string, error) {
	m := map[string][]string{}
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// CheckSynonyms reports whether b is a table of synonyms, with an error
// that says where it is not.
func CheckSynonyms(b []byte) error {
	_, err := parseSynonyms(b)
	return err
}

// loadSynonyms is the default table with the editors' copy in the index
// folder dir laid over it: their entry replaces the default one, an empty
// list removes it.
func loadSynonyms(dir string) (*synonyms, error) {
	def, err := parseSynonyms(defaultSynonyms)
	if err != nil {
		return nil, fmt.Errorf("default synonyms: %w", err)
	}
	s := &synonyms{to: map[string][]string{}}
	add := func(m map[string][]string) {
		for k, v := range m {
			if len(v) == 0 {
				delete(s.to, termKey(k))
				continue
			}
			s.to[termKey(k)] = v
		}
	}
	add(def)
	b, err := os.ReadFile(filepath.Join(dir, SynonymsFile))
	if os.IsNotExist(err) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	m, err := parseSynonyms(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SynonymsFile, err)
	}
	add(m)
	return s, nil
}
