package main

import (
	"fmt"
	"io"
	"os"

	"tiaoli/generator"
	"tiaoli/generator/audit"
)

// runAudit parses a content folder and prints, per class of misreading,
// the number of suspect cases and the first examples with file and line.
// Suspects are not errors: it exits 0 whatever it finds.
func runAudit(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("audit", "[--content DIR] [--class KEY] [-n N]", stderr)
	content := fl.String("content", "content", "the content folder to read")
	class := fl.String("class", "", "print only this class (its key), every case of it")
	n := fl.Int("n", 5, "examples to print per class")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		return usageError(fl, "folder %q not found", *content)
	}
	if *class != "" && !knownClass(*class) {
		return usageError(fl, "unknown class %q", *class)
	}
	results := audit.Run(generator.Parse(os.DirFS(*content)))
	total := 0
	for _, r := range results {
		if *class != "" && r.Class != *class {
			continue
		}
		total += len(r.Findings)
		limit := *n
		if *class != "" {
			limit = len(r.Findings)
		}
		writeResult(stdout, r, limit)
	}
	fmt.Fprintf(stdout, "%d suspects\n", total)
	return 0
}

func knownClass(key string) bool {
	for _, ch := range audit.Checks {
		if ch.Class == key {
			return true
		}
	}
	return false
}

// writeResult prints a class's name, key and count, then up to limit of
// its findings as path:line: message.
func writeResult(w io.Writer, r audit.Result, limit int) {
	fmt.Fprintf(w, "%s %s: %d\n", r.Class, r.Name, len(r.Findings))
	for i, f := range r.Findings {
		if i == limit {
			fmt.Fprintf(w, "  … %d more (--class %s)\n", len(r.Findings)-limit, r.Class)
			break
		}
		fmt.Fprintf(w, "  %s:%d: %s\n", f.Path, f.Line, f.Message)
	}
}
