package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/contentdir"
	"tiaoli/generator/model"
)

func runParse(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("parse", "[--json] PATH...", stderr)
	asJSON := fl.Bool("json", false, "print the model as JSON (the contract documented in docs/model.md)")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() == 0 {
		return usageError(fl, "no PATH given")
	}
	fsys, err := pathsFS(fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, "tiaoli parse: %v\n", err)
		return 1
	}
	c := generator.Parse(fsys)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(c); err != nil {
			fmt.Fprintf(stderr, "tiaoli parse: %v\n", err)
			return 1
		}
	} else {
		printSummary(stdout, c)
	}
	for _, e := range c.Errors {
		fmt.Fprintln(stderr, e.Error())
	}
	if len(c.Errors) > 0 {
		return 1
	}
	return 0
}

// pathsFS gathers files and folders named on the command line into one
// file system. A folder's files keep their paths below it; a file is named
// by its base name.
func pathsFS(paths []string) (fs.FS, error) {
	if len(paths) == 1 {
		if st, err := os.Stat(paths[0]); err == nil && st.IsDir() {
			return contentdir.Open(paths[0]) // released when the command ends
		}
	}
	m := fstest.MapFS{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			m[filepath.ToSlash(filepath.Base(p))] = &fstest.MapFile{Data: data}
			continue
		}
		if err := copyTree(m, p); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func copyTree(m fstest.MapFS, dir string) error {
	prefix := filepath.Base(filepath.Clean(dir))
	return fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err // folders are walked; links, pipes and devices are not read
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		m[prefix+"/"+p] = &fstest.MapFile{Data: data}
		return nil
	})
}

func printSummary(w io.Writer, c *model.Corpus) {
	for _, d := range c.Documents {
		fmt.Fprintf(w, "%-13s %-40s %s", d.Kind, d.ID, d.Title)
		if n := len(d.Articles); n > 0 {
			fmt.Fprintf(w, " (%d articles)", n)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d documents, %d terms, %d references, %d errors\n",
		len(c.Documents), len(c.Terms), len(c.References), len(c.Errors))
}
