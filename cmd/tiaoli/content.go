package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"tiaoli/generator"
	"tiaoli/generator/contentdir"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/publish"
)

// parseContent parses the content folder dir, reading only what is inside
// it (package contentdir), through cache or store when one is not nil.
func parseContent(dir string, cache *generator.Cache, store *generator.Store) (*model.Corpus, error) {
	fsys, err := contentdir.Open(dir)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	switch {
	case cache != nil:
		return cache.Parse(fsys), nil
	case store != nil:
		if store.Rebuilding() {
			defer collectAtLimit()()
		}
		return generator.ParseStored(fsys, store), nil
	}
	return generator.Parse(fsys), nil
}

// readEditorial reads the editorial file name of the content folder dir
// under the same rules as the sources (package contentdir): a regular file
// inside the folder, never a named pipe or a link out of it. A file that is
// absent or refused gives nil; the walk of the folder reports why.
func readEditorial(dir, name string) []byte {
	fsys, err := contentdir.Open(dir)
	if err != nil {
		return nil
	}
	defer fsys.Close()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	return data
}

// maxSkippedShown bounds the skipped files a build names.
const maxSkippedShown = 5

// printSkipped says which files and folders of the content folder were
// passed over on purpose (hidden names, links to folders), naming at most
// max (all when max < 0).
func printSkipped(w io.Writer, dir string, skipped []model.Error, max int) {
	for i, e := range skipped {
		if i == max {
			fmt.Fprintf(w, "and %d more files or folders skipped (tiaoli check --content %s lists them)\n", len(skipped)-i, dir)
			return
		}
		fmt.Fprintf(w, "%s\n", withDir(dir, e))
	}
}

// checkNotEmpty refuses to publish a site without documents over a
// published one that has some, unless --allow-empty: an empty or
// mistyped content folder must not wipe a site out.
func checkNotEmpty(c *model.Corpus, o buildOptions) error {
	if len(c.Documents) > 0 || o.allowEmpty {
		return nil
	}
	n := publishedDocuments(o.out)
	if n == 0 {
		return nil
	}
	return fmt.Errorf("%s has no documents, and %s has %d: refusing to replace it with an empty site; "+
		"%s left as it was (check --content, or give --allow-empty to publish an empty site)",
		o.content, o.out, n, o.out)
}

// publishedDocuments counts the documents of the site published at out,
// from the state its build left or, for a site without one, its folders
// of documents.
func publishedDocuments(out string) int {
	if !publish.IsSite(out) {
		return 0
	}
	if st := site.ReadState(out); st != nil {
		return len(st.Docs)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "d"))
	return len(entries)
}

// withSource adds to an error writing a document's page the source the
// document was read from, so that an editor knows which file to look at.
func withSource(err error, c *model.Corpus, dir string) error {
	msg := err.Error()
	for _, d := range c.Documents {
		if d.URL == "" || len(d.Sources) == 0 || !strings.Contains(msg, " "+d.URL) {
			continue
		}
		e := model.Error{Path: d.Sources[0].Path, Line: d.Sources[0].Line}
		return fmt.Errorf("%w (a page of the document read from %s)", err, strings.TrimSuffix(withDir(dir, e), ": "))
	}
	return err
}
