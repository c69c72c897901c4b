package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/publish"
	"tiaoli/search"
	"tiaoli/templates"
)

// buildOptions are the flags of tiaoli build.
type buildOptions struct {
	content, out, base, templates string
	keepGoing, noSearch, fresh    bool
	prof                          profiles
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("build", "[--content DIR] [--out DIR] [--base PATH]", stderr)
	var o buildOptions
	fl.StringVar(&o.content, "content", "content", "the content folder to read")
	fl.StringVar(&o.out, "out", "public", "the site folder to write; replaced whole or not at all")
	fl.StringVar(&o.base, "base", "/", "the URL path the site is published under, e.g. /fagui/")
	fl.StringVar(&o.templates, "templates", "", "a folder whose templates and assets override the built-in ones")
	fl.BoolVar(&o.keepGoing, "keep-going", false, "publish the files that parsed and list the others in the editor's report")
	fl.BoolVar(&o.noSearch, "no-search", false, "do not build the search index")
	fl.BoolVar(&o.fresh, "fresh", false, "render every page, keeping none from the published build")
	fl.StringVar(&o.prof.cpu, "cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	fl.StringVar(&o.prof.mem, "memprofile", "", "write a memory (allocations) profile of the build to this file")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	if st, err := os.Stat(o.content); err != nil || !st.IsDir() {
		return usageError(fl, "content folder %q not found", o.content)
	}
	limitMemory()
	stop, err := o.prof.start()
	if err == nil {
		err = build(o, stderr)
		if perr := stop(); err == nil {
			err = perr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "tiaoli build: %v\n", err)
		return 1
	}
	return 0
}

// buildMemoryLimit is the Go heap a build aims to stay under unless the
// GOMEMLIMIT environment variable sets another. Left to itself the heap
// grows to twice what is live; while the search index is built that is
// over 1.7 GB on the LawRefBook corpus, and with this limit the process's
// peak fell from 2.1 to 1.3 GB for a fifth more CPU time in the collector.
const buildMemoryLimit = 1 << 30

// limitMemory sets the soft memory limit of a build.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}

// build parses the content, renders the site and its index into a staging
// folder and swaps it in. On any failure the published site is untouched.
func build(o buildOptions, stderr io.Writer) (err error) {
	stat := newStatus(stderr)
	stat.phase("parse")
	c := generator.Parse(os.DirFS(o.content))
	for _, e := range c.Errors {
		fmt.Fprintf(stderr, "%s\n", withDir(o.content, e))
	}
	if len(c.Errors) > 0 && !o.keepGoing {
		stat.end()
		return fmt.Errorf("%d problems in %s; %s left as it was (use --keep-going to publish the rest)",
			len(c.Errors), o.content, o.out)
	}
	st, err := publish.Begin(o.out)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			stat.end()
			st.Abort()
		}
	}()
	if o.noSearch {
		stat.phase("pages")
	} else {
		stat.phase("pages and search index")
	}
	opts := site.Options{
		Base:      o.base,
		Templates: templates.FS(o.templates),
		Now:       stat.start,
		Progress:  stat.progress,
		Build:     programDigest(),
	}
	if !o.fresh {
		opts.Previous = site.ReadState(st.Published())
	}
	pagesDone := func() { stat.draw(fmt.Sprintf("%s: pages done, search index…", stat.name)) }
	if err := renderAndIndex(c, opts, st, o.noSearch, pagesDone); err != nil {
		return err
	}
	stat.phase("publish")
	if err := st.Commit(); err != nil {
		return err
	}
	phases := stat.end()
	ps := st.Stats()
	fmt.Fprintf(stderr, "built %s: %d documents from %d sources in %.1fs (%s); %d files new or changed, %d unchanged\n",
		o.out, len(c.Documents), len(c.Sources), time.Since(stat.start).Seconds(), phases, ps.Written, ps.Kept)
	if len(c.Errors) > 0 {
		fmt.Fprintf(stderr, "published without what the %d problems above skipped; the editor's report (report/) lists them\n", len(c.Errors))
	}
	return nil
}

// renderAndIndex renders the pages and, unless noSearch, builds the search
// index at the same time: the index's last phase, merging its segments,
// runs on one core, and the pages keep the other busy. pagesDone is called
// when the pages are rendered.
func renderAndIndex(c *model.Corpus, opts site.Options, st *publish.Staging, noSearch bool, pagesDone func()) error {
	var wg sync.WaitGroup
	var indexErr error
	if !noSearch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prev := ""
			if opts.Previous != nil { // not --fresh
				prev = filepath.Join(st.Published(), search.IndexDir)
			}
			if err := search.Build(c, filepath.Join(st.Dir(), search.IndexDir), prev, opts.Build); err != nil {
				indexErr = fmt.Errorf("search index: %w", err)
			}
		}()
	}
	err := site.Render(c, opts, st)
	if err == nil && !noSearch {
		pagesDone()
	}
	wg.Wait() // also on error: the index must be done with the staging folder before it goes
	if err != nil {
		return err
	}
	return indexErr
}

// programDigest identifies this program by the digest of its executable,
// so that pages a build keeps were rendered by the same code; "" (which
// keeps nothing) when the executable cannot be read.
func programDigest() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// withDir names an error's file by its path on disk.
func withDir(dir string, e model.Error) string {
	e.Path = filepath.Join(dir, filepath.FromSlash(e.Path))
	return e.Error()
}
