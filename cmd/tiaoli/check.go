package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"tiaoli/generator/site"
	"tiaoli/generator/site/report"
	"tiaoli/linkcheck"
	"tiaoli/search"
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
			return missingFolder(fl, "folder", dir, "give a content folder with --content or a built site with --site")
		}
	}
	if *content != "" {
		c, err := parseContent(*content, nil, nil)
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
		warnPrivate(stdout, *siteDir)
		if len(problems) > 0 {
			status = 1
		}
	}
	return status
}

// privateDirs are the folders of a built site that are for tiaoli, not
// for readers: the build's state and the search index.
var privateDirs = []string{path.Dir(site.StateFile), search.IndexDir}

// warnPrivate warns when a site folder holds what no reader should fetch:
// tiaoli serve and the shipped web server configurations refuse those
// folders, but a plain static file server serves them.
func warnPrivate(w io.Writer, dir string) {
	for _, p := range privateDirs {
		if st, err := os.Stat(filepath.Join(dir, p)); err == nil && st.IsDir() {
			fmt.Fprintf(w, "warning: %s holds %s/, which a plain static file server would serve; "+
				"deny it on the web server (deploy/DEPLOY.md) or publish a copy without it\n",
				dir, p)
		}
	}
}
