package main

import (
	"fmt"
	"io"
	"os"

	"tiaoli/publish"
	"tiaoli/server"
)

// runPublish installs a built site folder as the published one, or rolls
// the published one back to the build before it.
func runPublish(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("publish", "--site DIR --out DIR | --rollback --out DIR", stderr)
	site := fl.String("site", "", "a built site folder (from a release) to publish")
	out := fl.String("out", "public", "the published folder, replaced whole or not at all")
	force := fl.Bool("force", false, "replace --out even when it is a folder of files that is not a tiaoli site (its files are lost)")
	rollback := fl.Bool("rollback", false, "swap the published folder with the build before it (OUT"+publish.PrevSuffix+"); again to undo")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	switch {
	case *rollback && *site != "":
		return usageError(fl, "give --site or --rollback, not both")
	case *rollback:
		if err := publish.Rollback(*out); err != nil {
			fmt.Fprintf(stderr, "tiaoli publish: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "rolled %s back; the build it replaced is %s%s\n", *out, *out, publish.PrevSuffix)
		return 0
	case *site == "":
		return usageError(fl, "no --site given")
	}
	if st, err := os.Stat(*site); err != nil || !st.IsDir() {
		return missingFolder(fl, "site folder", *site, "give a built site with --site")
	}
	if err := server.CheckSite(*site); err != nil {
		fmt.Fprintf(stderr, "tiaoli publish: %s cannot be served: %v; %s left as it was\n", *site, err, *out)
		return 1
	}
	stats, err := publish.InstallOptions(*site, *out, publish.Options{Sync: true, Force: *force})
	if err != nil {
		fmt.Fprintf(stderr, "tiaoli publish: %v; %s left as it was\n", err, *out)
		return 1
	}
	fmt.Fprintf(stderr, "published %s as %s: %d new or changed, %d unchanged%s\n",
		*site, *out, stats.Written, stats.Kept, previousNote(*out))
	return 0
}

// previousNote names the build before out, "" when there is none (a
// first publish).
func previousNote(out string) string {
	prev := out + publish.PrevSuffix
	if _, err := os.Stat(prev); err != nil {
		return ""
	}
	return "; the previous build is " + prev
}
