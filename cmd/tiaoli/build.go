package main

import (
	"cmp"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/publish"
	"tiaoli/search"
	"tiaoli/server"
	"tiaoli/templates"
)

// buildOptions are the flags of tiaoli build.
type buildOptions struct {
	content, out, base, templates string
	keepGoing, noSearch, fresh    bool
	force, allowEmpty             bool
	prof                          profiles
	// cache, when not nil, keeps what each source gave from one build to
	// the next (tiaoli preview builds many times in one process).
	cache *generator.Cache
	// smallShare, when not 0, is the share of the corpus a rebuild may
	// parse and link anew and still be small (smallRebuild) instead of
	// defaultSmallShare.
	smallShare float64
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("build", "[--content DIR] [--out DIR] [--base PATH]", stderr)
	var o buildOptions
	o.siteFlags(fl, "the site folder to write; replaced whole or not at all")
	fl.BoolVar(&o.noSearch, "no-search", false, "do not build the search index")
	fl.BoolVar(&o.fresh, "fresh", false, "render every page, keeping none from the published build")
	fl.BoolVar(&o.force, "force", false, "replace --out even when it is a folder of files that is not a tiaoli site (its files are lost)")
	fl.BoolVar(&o.allowEmpty, "allow-empty", false, "publish a site with no documents over one that has some")
	fl.StringVar(&o.prof.cpu, "cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	fl.StringVar(&o.prof.mem, "memprofile", "", "write a memory (allocations) profile of the build to this file")
	fl.StringVar(&o.prof.trace, "trace", "", "write an execution trace of the build to this file (for go tool trace)")
	if st := parseFlags(fl, args, stdout); st >= 0 {
		return st
	}
	if fl.NArg() > 0 {
		return usageError(fl, "unexpected argument %q", fl.Arg(0))
	}
	if st := o.checkContent(fl); st >= 0 {
		return st
	}
	buildPace.set()
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

// siteFlags adds the flags that say what site to build from what: those
// tiaoli build and tiaoli preview share; out says what --out is for.
func (o *buildOptions) siteFlags(fl *flag.FlagSet, out string) {
	fl.StringVar(&o.content, "content", "content", "the content folder to read")
	fl.StringVar(&o.out, "out", "public", out)
	fl.StringVar(&o.base, "base", "/", "the URL path the site is published under, e.g. /fagui/")
	fl.StringVar(&o.templates, "templates", "", "a folder whose templates and assets override the built-in ones")
	fl.BoolVar(&o.keepGoing, "keep-going", false, "publish the files that parsed and list the others in the editor's report")
}

// checkContent reports a missing content folder as a usage error: the
// exit status, or -1 when the folder is there.
func (o *buildOptions) checkContent(fl *flag.FlagSet) int {
	if st, err := os.Stat(o.content); err != nil || !st.IsDir() {
		return missingFolder(fl, "content folder", o.content, "give the folder of sources with --content")
	}
	return -1
}

// pace is the soft memory limit and the collector's pace a command sets,
// unless the GOMEMLIMIT and GOGC environment variables set others.
type pace struct {
	memoryLimit int64
	gcPercent   int
}

// buildPace: a 1 GiB soft limit and twice Go's default growth between
// collections. Left to itself the heap grows to twice what is live; while
// the search index is built that is over 1.7 GB on the LawRefBook corpus,
// and with this limit the process's peak fell from 2.1 to 1.3 GB for a
// fifth more CPU time in the collector. Below the limit the collector runs
// half as often as by default; on 400 LawRefBook files that took 8% less
// CPU (medians of three runs), the peak going from 270 to 400 MB. On the
// whole corpus the live heap is over half the limit most of the build, and
// the limit, not the growth, sets when the collector runs.
var buildPace = pace{memoryLimit: 1 << 30, gcPercent: 200}

// previewPace: tiaoli preview keeps the corpus, its caches and the live
// search index between builds, 1.1 GB live on the LawRefBook corpus. Under
// the build's 1 GiB limit the collector ran without pause and an edit took
// 4.8 s to show instead of 1.3 s; Go's default growth under a 4 GiB
// ceiling keeps the process near 2.2 GB.
var previewPace = pace{memoryLimit: 4 << 30, gcPercent: 100}

// set sets the limit and the pace.
func (p pace) set() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(p.memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(p.gcPercent)
	}
}

// collectAtLimit has the garbage collector run only at the memory limit,
// when the process has one (debug.SetMemoryLimit), and returns what sets
// its pace back. A rebuild parses so (parseContent): what it reads back
// from the cache of parsed sources is nearly all kept, and each cycle
// while it grew marked the whole of it again, to free little. On the
// LawRefBook corpus that was a fifth of the CPU time of the parse; the
// heap then reaches 690 MB before the first cycle after it, which finds
// half of it live.
func collectAtLimit() (restore func()) {
	if debug.SetMemoryLimit(-1) == math.MaxInt64 {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(percent) }
}

// build parses the content, renders the site and its index into a staging
// folder and swaps it in. On any failure the published site is untouched.
func build(o buildOptions, stderr io.Writer) (err error) {
	stat := newProgressLine(stderr)
	stat.phase("parse")
	store, err := openStore(o, stderr)
	if err != nil {
		stat.end()
		return err
	}
	popts := publish.DefaultOptions
	// Start from the build before the published one, keeping its pages
	// that would be rendered the same (--fresh keeps none).
	popts.Force, popts.Apart, popts.Recycle = o.force, []string{o.content}, !o.fresh
	prepared := prepareOut(o.out, popts, o.fresh)
	c, err := parseContent(o.content, o.cache, store)
	if err == nil {
		err = checkParsed(c, o, stderr)
	}
	if err == nil {
		err = checkNotEmpty(c, o)
	}
	out := <-prepared
	if err == nil {
		err = out.err
	}
	if err != nil {
		out.release()
		stat.end()
		return err
	}
	st, err := out.pending.Begin(site.TreeRoots(c))
	if err != nil {
		stat.end()
		return err
	}
	defer func() {
		if err != nil {
			stat.end()
			st.Abort()
		}
	}()
	opts := site.Options{
		Base:      o.base,
		Templates: templates.FS(o.templates),
		Now:       stat.start,
		Progress:  stat.progress,
		Build:     programDigest(),
		Previous:  out.previous,
	}
	if st.Recycled() {
		opts.Recycled = out.recycled
	}
	// The editors' synonyms go with the index; none is no error.
	synonyms := readEditorial(o.content, search.SynonymsFile)
	early := opts.Previous != nil && smallRebuild(store, c, cmp.Or(o.smallShare, defaultSmallShare))
	check, err := renderAndIndex(c, opts, st, o.noSearch, synonyms, stat, early)
	if err != nil {
		return withSource(err, c, o.content)
	}
	stat.phase("publish")
	if err := check(st.Dir()); err != nil {
		return fmt.Errorf("the new build cannot be served: %w; %s left as it was", err, o.out)
	}
	if err := st.Commit(); err != nil {
		return err
	}
	if store != nil {
		if err := store.Prune(); err != nil {
			fmt.Fprintf(stderr, "tiaoli build: cleaning the cache of parsed sources: %v\n", err)
		}
	}
	phases := stat.end()
	ps := st.Stats()
	fmt.Fprintf(stderr, "built %s: %d documents from %d sources%s in %.1fs (%s); %d files new or changed, %d unchanged, %d folders of documents and terms kept in place\n",
		o.out, len(c.Documents), len(c.Sources), parsedNote(store), time.Since(stat.start).Seconds(), phases, ps.Written, ps.Kept, ps.Reused)
	if len(c.Errors) > 0 {
		fmt.Fprintf(stderr, "published without what the %d problems above skipped; the editor's report (report/) lists them\n", len(c.Errors))
	}
	return nil
}

// openStore opens the cache of parsed sources beside the site (package
// publish names it), for a build in a process of its own; nil, after a
// warning when it cannot be opened, parses every file. tiaoli preview,
// which keeps a Cache in memory, uses none. An out folder that overlaps
// the content folder is an error, before anything is written.
func openStore(o buildOptions, stderr io.Writer) (*generator.Store, error) {
	if o.cache != nil {
		return nil, nil
	}
	dir, err := publish.CacheDir(o.out, []string{o.content})
	if err != nil {
		return nil, err
	}
	s, err := generator.OpenStore(dir, programDigest(), o.fresh)
	if err != nil {
		fmt.Fprintf(stderr, "tiaoli build: not using the cache of parsed sources: %v\n", err)
		return nil, nil
	}
	return s, nil
}

// parsedNote says how many sources a build parsed and how many it read
// from the cache of parsed sources, and how many documents it linked
// without the links the cache kept; "" without a cache.
func parsedNote(s *generator.Store) string {
	if s == nil {
		return ""
	}
	_, linked := s.LinkedAnew()
	return fmt.Sprintf(" (%d parsed, %d as parsed before; %d linked anew)", s.Written.Load(), s.Read.Load(), linked)
}

// checkParsed says what parsing found wrong in the content and which
// files it passed over, and fails when something was wrong, unless
// --keep-going.
func checkParsed(c *model.Corpus, o buildOptions, stderr io.Writer) error {
	for _, e := range c.Errors {
		fmt.Fprintf(stderr, "%s\n", withDir(o.content, e))
	}
	printSkipped(stderr, o.content, c.Skipped, maxSkippedShown)
	if len(c.Errors) > 0 && !o.keepGoing {
		return fmt.Errorf("%d problems in %s; %s left as it was (use --keep-going to publish the rest)",
			len(c.Errors), o.content, o.out)
	}
	return nil
}

// renderAndIndex builds the search index, unless noSearch, and renders
// the pages. Indexing goes first and has both cores; its last step,
// merging segments and writing side files, runs on one core, so the pages
// start then and keep the other core busy. In a rebuild that changed
// little (early), the index is an update that runs on one core from the
// start (it sums up the corpus, carries over what did not change and
// indexes a few documents), so the pages start at once beside it. stat
// shows the phases. check is server.CheckSite, of which the part that
// opens the index ran once the index was done, beside the pages.
func renderAndIndex(c *model.Corpus, opts site.Options, st *publish.Staging, noSearch bool, synonyms []byte, stat *progressLine, early bool) (check func(dir string) error, err error) {
	if noSearch {
		stat.phase("pages")
		return server.CheckSite, site.Render(c, opts, st)
	}
	stat.phase(indexPhase(early))
	prev := ""
	if opts.Previous != nil { // not --fresh
		prev = filepath.Join(st.Published(), search.IndexDir)
	}
	indexed, finished := make(chan struct{}), make(chan struct{})
	var indexErr, pagesErr error
	var pages []string
	go func() {
		defer close(finished)
		err := search.Build(c, filepath.Join(st.Dir(), search.IndexDir),
			search.Options{Previous: prev, Program: opts.Build, Synonyms: synonyms, Indexed: func() { close(indexed) }})
		if err != nil {
			indexErr = fmt.Errorf("search index: %w", err)
			return
		}
		pages, pagesErr = server.IndexPages(st.Dir())
	}()
	check = func(dir string) error {
		if pagesErr != nil {
			return pagesErr
		}
		return server.CheckPages(dir, pages)
	}
	render := func() error { return site.Render(c, opts, st) }
	if early {
		rendered := make(chan error, 1)
		go func() { rendered <- site.Render(c, opts, st) }()
		render = func() error { return <-rendered }
	}
	<-indexed
	select {
	case <-finished:
		if indexErr != nil {
			if early {
				render() // the pages must be done with the staging folder before it goes
			}
			return nil, indexErr
		}
	default:
	}
	stat.phase("pages")
	err = render()
	if err == nil {
		stat.drawWaiting(finished, "done, merging the search index…")
	}
	<-finished // also on error: the index must be done with the staging folder before it goes
	if err != nil {
		return nil, err
	}
	return check, indexErr
}

// preparedOut is what a build learns of its out folder while it parses:
// its lock taken (publish.Pending), the State of the published build
// (none with fresh) and that of the build it will recycle (none when it
// will start from an empty folder), or why the folder cannot be built.
type preparedOut struct {
	pending            *publish.Pending
	previous, recycled *site.State
	err                error
}

// prepareOut takes the build lock of out and reads the States of the
// published build and of the one to recycle, at the same time, beside
// the parse: two JSON files of several megabytes on a large corpus, whose
// decoding, with the lock and the checks of the folders, was most of the
// time between the parse and the pages of a small rebuild. Nothing on
// disk changes until the build begins (publish.Pending), so a parse that
// fails leaves every folder as it was.
func prepareOut(out string, opts publish.Options, fresh bool) <-chan preparedOut {
	ch := make(chan preparedOut, 1)
	go func() {
		p, err := publish.Prepare(out, opts)
		if err != nil {
			ch <- preparedOut{err: err}
			return
		}
		r := preparedOut{pending: p}
		done := make(chan struct{})
		go func() {
			defer close(done)
			if from := p.Recyclable(); from != "" {
				r.recycled = site.ReadState(from)
			}
		}()
		if !fresh {
			r.previous = site.ReadState(p.Published())
		}
		<-done
		ch <- r
	}()
	return ch
}

// release gives up the lock of a build that does not begin.
func (r preparedOut) release() {
	if r.pending != nil {
		r.pending.Release()
	}
}

// indexPhase names the phase that builds the search index: with the
// pages beside it when they start at once (early), so that their
// progress and time are not the index's.
func indexPhase(early bool) string {
	if early {
		return "search index + pages"
	}
	return "search index"
}

// smallRebuild reports whether a build with the cache of parsed sources s
// parsed and linked anew at most share of the corpus c: the search
// index is then most likely updated, not built whole (search.Build).
func smallRebuild(s *generator.Store, c *model.Corpus, share float64) bool {
	if s == nil {
		return false
	}
	_, linked := s.LinkedAnew()
	return small(int(s.Written.Load()), len(c.Sources), share) && small(linked, len(c.Documents), share)
}

// small reports whether n of all is at most share of it.
func small(n, all int, share float64) bool { return float64(n) <= share*float64(all) }

// defaultSmallShare is the share of the corpus a rebuild may parse and
// link anew for its pages to start beside the index (smallRebuild).
const defaultSmallShare = 0.1

// programDigest identifies this program by a digest of its executable,
// so that pages a build keeps were rendered by the same code; "" (which
// keeps nothing) when the executable cannot be read. It is read once per
// process: tiaoli preview builds many times with the code it started with.
// The digest is the one the Go toolchain wrote into the executable (its
// build ID, which ends with the hash of the executable's content) when
// there is one, else the SHA-256 of the executable's bytes: hashing the
// 34 MB executable cost every build 25 ms before it could start parsing,
// a fiftieth of a build of 400 files. A build ID set by hand that has the
// go command's shape (-ldflags=-buildid=…) is taken at its word, so one
// kept across changes of the code would name stale code: such builds must
// leave the build ID alone or set it to something else.
var programDigest = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if id := goBuildID(exe); id != "" {
		return "go:" + id
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
})

// goBuildID is the build ID the go command gave the ELF executable exe
// (four hashes: of the compile's inputs and output, of the link's inputs
// and of the executable written), "" when it has none or one not of that
// shape: a build ID set by hand (-buildid=redacted, say) names no content.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil || sec.Size > 1<<10 {
		return ""
	}
	note, err := sec.Data()
	if err != nil || len(note) < 16 {
		return ""
	}
	// An ELF note: the lengths of its name and description, its type,
	// then the name "Go" padded to four bytes and the description.
	order := f.ByteOrder
	nameLen, descLen := order.Uint32(note[0:]), order.Uint32(note[4:])
	if nameLen != 4 || string(note[12:16]) != "Go\x00\x00" || uint64(descLen) > uint64(len(note)-16) {
		return ""
	}
	if id := string(note[16 : 16+descLen]); hashedBuildID(id) {
		return id
	}
	return ""
}

// hashedBuildID reports whether id has the shape of a build ID the go
// command made: four hashes of 20 characters of base64url, slash-separated.
func hashedBuildID(id string) bool {
	parts := strings.Split(id, "/")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if len(p) != 20 || strings.Trim(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return false
		}
	}
	return true
}

// withDir names an error's file by its path on disk.
func withDir(dir string, e model.Error) string {
	e.Path = filepath.Join(dir, filepath.FromSlash(e.Path))
	return e.Error()
}
