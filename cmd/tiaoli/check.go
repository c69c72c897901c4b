package main

import (
	"fmt"
	"io"
	"os"

	"tiaoli/generator/site/report"
	"tiaoli/linkcheck"
)

// runCheck prints the editor's report of a content folder (--content)
// and checks a built site for broken links and anchors (--site). It exits
// 1 when either finds a problem. With neither flag it checks public/.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("check", "[--content DIR] [--site DIR] [--base PATH]", stderr)
	content := fl.String("content", "", "print the editor's report of this content folder")
	siteDir := fl.String("site", "", "check this built site for broken links and missing anchors (default public when --content is not given)")
	base := fl.String("base", "/", "the URL path the site is published under, for links that start with /")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	if *content == "" && *siteDir == "" {
		*siteDir = "public"
	}
	status := 0
	for _, dir := range []string{*content, *siteDir} {
		if dir == "" {
			continue
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return usageError(fl, "folder %q not found", dir)
		}
	}
	if *content != "" {
		c, err := parseContent(*content)
		if err != nil {
			fmt.Fprintf(stderr, "tiaoli check: %v\n", err)
			return 1
		}
		printSkipped(stdout, *content, c.Skipped, -1)
		rep := report.Build(c)
		if err := rep.WriteText(stdout); err != nil {
			fmt.Fprintf(stderr, "tiaoli check: %v\n", err)
			return 1
		}
		if rep.Problems() > 0 {
			status = 1
		}
	}
	if *siteDir != "" {
		problems, stats, err := linkcheck.Check(os.DirFS(*siteDir), linkcheck.Options{Base: *base})
		if err != nil {
			fmt.Fprintf(stderr, "tiaoli check: %v\n", err)
			return 1
		}
		for _, p := range problems {
			fmt.Fprintln(stdout, p)
		}
		fmt.Fprintf(stdout, "%s: %d pages, %d links, %d broken\n", *siteDir, stats.Pages, stats.Links, len(problems))
		if len(problems) > 0 {
			status = 1
		}
	}
	return status
}
