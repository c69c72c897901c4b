// Package generator turns a content folder into a corpus: it reads every
// source, parses regulations, reconciles documents read from several
// sources, gives everything an address and links terms and references.
//
// The stages live in packages of their own (ingest, regulation, reconcile,
// address, link) and share the types of package model. Data flows one way,
// from content to corpus; only the CLI touches the disk.
//
// Content files:
//
//	*.txt, *.md, *.markdown, *.html, *.htm   sources (any folder depth)
//	glossary.yaml                              terms the corpus uses but does not define
//	pins.yaml                                  readings an editor pinned at variants
//	works.yaml                                 versions an editor joined into works or split off (package work)
//	_metadata/*.csv                            status and dates of source files (package status)
//
// Files and folders whose names start with "." are skipped and listed in
// Corpus.Skipped, as are links to folders and the files that describe a
// folder (README.md, SOURCES.md, LICENSE: FolderNotes). Only regular files are read: a
// named pipe, device or socket is an error naming it. Parse reads what
// fsys gives; to read a folder on disk without following links out of
// it, give it a contentdir.FS.
package generator

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"tiaoli/generator/address"
	"tiaoli/generator/compare"
	"tiaoli/generator/contentdir"
	"tiaoli/generator/ingest"
	"tiaoli/generator/ingest/decode"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
	"tiaoli/generator/regulation"
	"tiaoli/generator/sourcename"
	"tiaoli/generator/status"
	"tiaoli/generator/work"

	"golang.org/x/sync/errgroup"
)

// Editorial files at the top of the content folder.
const (
	GlossaryFile = "glossary.yaml"
	PinsFile     = "pins.yaml"
)

// sourceExts are the file endings read as sources.
var sourceExts = map[string]bool{
	".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true,
}

// Parse reads every source in fsys and returns the linked corpus. Problems
// with single files are in Corpus.Errors; the other files are still read.
func Parse(fsys fs.FS) *model.Corpus { return parse(fsys, nil, nil, nil) }

// parse is Parse, reading files through cache and store and computing
// through the memos m when they are not nil.
func parse(fsys fs.FS, cache *Cache, store *Store, m *memos) *model.Corpus {
	c, tables := readSources(fsys, cache, store)
	complete(fsys, c, tables, m)
	return c
}

// readSources reads every source of fsys, through cache and store, into
// a corpus of its sources and documents as each file gave them; tables
// are the metadata tables found.
func readSources(fsys fs.FS, cache *Cache, store *Store) (c *model.Corpus, tables []string) {
	paths, tables, errs, skipped := contentPaths(fsys)
	c = &model.Corpus{Errors: errs, Skipped: skipped, Digests: map[string]string{}}
	cache.keepOnly(paths)
	for i, r := range ingestAll(fsys, paths, cache, store) {
		if r.digest != "" {
			c.Digests[paths[i]] = r.digest
		}
		c.Errors = append(c.Errors, r.errs...)
		if r.source != nil {
			c.Sources = append(c.Sources, r.source)
		}
		c.Documents = append(c.Documents, r.docs...)
	}
	return c, tables
}

// complete takes the corpus readSources gave through the stages after
// reading (reconcile, works, status, address, link), computing through
// the memos m when they are not nil.
func complete(fsys fs.FS, c *model.Corpus, tables []string, m *memos) {
	pins, perrs := reconcile.ParsePins(readOptional(fsys, PinsFile, c))
	c.Errors = append(c.Errors, perrs...)
	c.Documents = m.merger().Merge(c.Documents, pins)
	c.Errors = append(c.Errors, reconcile.UnusedPins(c.Documents, pins)...)
	edits, werrs := work.ParseEdits(readOptional(fsys, work.File, c))
	c.Errors = append(c.Errors, werrs...)
	c.Errors = append(c.Errors, work.Group(c, edits)...)
	status.Apply(c, readTables(fsys, tables, c))
	work.Fill(c)
	c.Comparisons = compare.Works(c.Works, m.alignments())
	address.Assign(c)
	fillSourceDocuments(c)
	sourcename.Assign(c)
	c.Errors = append(c.Errors, m.links().Link(c, readOptional(fsys, GlossaryFile, c))...)
	address.Terms(c)
	model.SortErrors(c.Errors)
}

// contentPaths lists the source files and the metadata tables of fsys in
// lexical order. Files that are not regular files (named pipes, devices,
// sockets) and links that cannot be followed are errors; hidden names and
// links to folders are skipped and listed.
func contentPaths(fsys fs.FS) (sources, tables []string, errs, skipped []model.Error) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, model.Error{Path: p, Message: walkMessage(err)})
			return nil
		}
		if p == "." {
			return nil
		}
		if e, skip := skipEntry(fsys, p, d); skip {
			if e.Message != "" {
				skipped = append(skipped, e)
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if msg := checkFile(fsys, p, d); msg != "" {
			errs = append(errs, model.Error{Path: p, Message: msg})
			return nil
		}
		switch {
		case sourceExts[strings.ToLower(path.Ext(p))]:
			sources = append(sources, p)
		case status.IsTable(p):
			tables = append(tables, p)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, model.Error{Path: ".", Message: walkMessage(err)})
	}
	slices.Sort(sources)
	slices.Sort(tables)
	return sources, tables, errs, skipped
}

// Hidden reports whether a file or folder of this name is passed over as
// hidden: its name starts with "." (an editor's swap or lock file, a
// version-control folder).
func Hidden(name string) bool { return strings.HasPrefix(name, ".") }

// folderNotes are the names, in capitals, of the files that describe a
// folder instead of belonging to it: README.md, SOURCES.md, LICENSE.
var folderNotes = map[string]bool{
	"README": true, "SOURCES": true, "LICENSE": true, "LICENCE": true, "COPYING": true,
	"CHANGELOG": true, "CONTRIBUTING": true, "AUTHORS": true,
}

// FolderNotes reports whether a file of this name describes its folder
// (README.md, SOURCES.md, LICENSE.txt): it is passed over, not read as a
// source. Only the name in capitals counts; readme.md may be a text.
func FolderNotes(name string) bool {
	return folderNotes[strings.TrimSuffix(name, path.Ext(name))]
}

// skipEntry reports whether an entry is passed over: a hidden name (one
// starting with "."), or a link to a folder (its files are read where
// they are). The Error says why, for the build to list.
func skipEntry(fsys fs.FS, p string, d fs.DirEntry) (model.Error, bool) {
	if !d.IsDir() && FolderNotes(d.Name()) {
		return model.Error{Path: p, Message: "内容文件夹的说明文件（" + d.Name() + "），不作为文件收录"}, true
	}
	if Hidden(d.Name()) {
		what := "隐藏文件"
		if d.IsDir() {
			what = "隐藏文件夹"
		}
		return model.Error{Path: p, Message: what + "（名称以“.”开头），不读"}, true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return model.Error{}, false
	}
	if fi, err := fs.Stat(fsys, p); err == nil && fi.IsDir() {
		return model.Error{Path: p, Message: "指向文件夹的链接，不跟随（所指的文件在原处读取）"}, true
	}
	return model.Error{}, false
}

// checkFile says what is wrong with a file before it is opened: a link
// that leaves the folder, a file that is not a regular file. "" when
// nothing is.
func checkFile(fsys fs.FS, p string, d fs.DirEntry) string {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		fi, err := fs.Stat(fsys, p)
		if err != nil {
			return walkMessage(err)
		}
		mode = fi.Mode()
	}
	if !mode.IsRegular() {
		return contentdir.KindError(mode).Error()
	}
	return ""
}

// walkMessage is the message of a file system error without the path,
// which the model.Error carries.
// The system's own words (permission denied, …) are quoted after a
// Chinese one; the folder reader's errors are Chinese already.
func walkMessage(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	errno, isErrno := err.(syscall.Errno)
	switch {
	case err == fs.ErrPermission || isErrno && errno.Is(fs.ErrPermission):
		return "没有读取权限"
	case err == fs.ErrNotExist || isErrno && errno.Is(fs.ErrNotExist):
		return "文件不存在"
	case isErrno:
		return "读取出错：「" + err.Error() + "」"
	}
	return err.Error()
}

// readTables reads the metadata tables (package status).
func readTables(fsys fs.FS, names []string, c *model.Corpus) status.Table {
	t := status.Table{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			c.Errors = append(c.Errors, model.Error{Path: name, Message: walkMessage(err)})
			continue
		}
		c.Digests[name] = digest(data)
		text, _, err := decode.Decode(data) // UTF-8 or GB18030, as sources
		if err != nil {
			e := model.Error{Path: name, Message: walkMessage(err)}
			if de, ok := err.(*decode.Error); ok {
				e.Line, e.Message = de.Line, de.Message
			}
			c.Errors = append(c.Errors, e)
			continue
		}
		c.Errors = append(c.Errors, status.ParseTable(t, name, []byte(text))...)
	}
	return t
}

type ingested struct {
	source *model.Source
	docs   []*model.Document
	errs   []model.Error
	digest string // of the file's bytes, "" when it was not read
}

// ingestAll reads and parses the files in parallel, keeping their order
// in the result. The largest files go first, so that no core is left with
// a big one at the end while the others wait.
func ingestAll(fsys fs.FS, paths []string, cache *Cache, store *Store) []ingested {
	out := make([]ingested, len(paths))
	looks := lookAll(fsys, paths)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range largestFirst(looks) {
		g.Go(func() error {
			out[i] = ingestFile(fsys, paths[i], looks[i], cache, store)
			return nil
		})
	}
	g.Wait()
	return out
}

// look is what the file system said of a file when asked, before it was
// read: its FileInfo or the error, and when it was asked.
type look struct {
	fi  fs.FileInfo
	err error
	at  time.Time
}

// lookAll asks the file system about every file once, on all cores: the
// order of reading and the cache both go by what it said (a stat through
// a contentdir.FS walks the path from the folder's root and is not cheap).
func lookAll(fsys fs.FS, paths []string) []look {
	out := make([]look, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		g.Go(func() error {
			out[i].at = clock()
			out[i].fi, out[i].err = fs.Stat(fsys, p)
			return nil
		})
	}
	g.Wait()
	return out
}

// largestFirst lists the indexes of looks, the largest file first.
func largestFirst(looks []look) []int {
	order := make([]int, len(looks))
	size := make([]int64, len(looks))
	for i, l := range looks {
		order[i] = i
		if l.err == nil {
			size[i] = l.fi.Size()
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size[b], size[a]) })
	return order
}

// ingestFile reads one source, which the file system described as l, and
// gives the structure of the regulations it holds, on the goroutine that
// read it; from cache or store when they hold the file as it is.
func ingestFile(fsys fs.FS, p string, l look, cache *Cache, store *Store) ingested {
	if l.err == nil && l.fi.Size() > decode.MaxSize {
		return ingested{errs: []model.Error{{Path: p, Message: decode.TooLarge(l.fi.Size()).Message}}}
	}
	var s stamp
	if l.err == nil {
		s = stampOf(l.fi, l.at)
		if r, ok := cache.unchanged(p, s); ok {
			return r
		}
		if r, ok := storedUnchanged(p, s, store); ok {
			cache.put(p, r, s)
			return r
		}
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return ingested{errs: []model.Error{{Path: p, Message: walkMessage(err)}}}
	}
	sum := digest(data)
	if r, ok := cache.get(p, sum, s); ok {
		return r
	}
	r, ok := store.load(p, sum)
	if !ok {
		r = store.save(p, ingestData(p, data, sum))
	}
	store.keep(p, s, sum)
	cache.put(p, r, s)
	return r
}

// storedUnchanged returns what the source at p gave from the Store when
// its stamp s is the one the Store kept of it and the Store holds the
// entry of the digest kept with it: the file is not read.
func storedUnchanged(p string, s stamp, store *Store) (ingested, bool) {
	sum, ok := store.known(p, s)
	if !ok {
		return ingested{}, false
	}
	r, ok := store.load(p, sum)
	if ok {
		store.keep(p, s, sum)
	}
	return r, ok
}

// ingestData parses the bytes of the source at p, whose digest is sum.
func ingestData(p string, data []byte, sum string) ingested {
	src, docs, errs := ingest.File(p, data)
	for _, d := range docs {
		if d.Kind == model.KindRegulation {
			errs = append(errs, regulation.Structure(d)...)
		}
	}
	if big := oversized(docs); len(big) > 0 { // refused whole
		return ingested{errs: append(errs, big...)}
	}
	return ingested{source: src, docs: docs, errs: errs, digest: sum}
}

// readOptional returns the content of an editorial file, or nil when there
// is none, and records its digest.
func readOptional(fsys fs.FS, name string, c *model.Corpus) []byte {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			c.Errors = append(c.Errors, model.Error{Path: name, Message: walkMessage(err)})
		}
		return nil
	}
	c.Digests[name] = digest(data)
	return data
}

// digest is the SHA-256 sum of data in hex.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// fillSourceDocuments lists on every source the documents it carries, in
// the order they start on it.
func fillSourceDocuments(c *model.Corpus) {
	type at struct {
		line int
		id   string
	}
	bySource := map[string][]at{}
	for _, d := range c.Documents {
		for _, p := range d.Sources {
			bySource[p.Path] = append(bySource[p.Path], at{p.Line, d.ID})
		}
	}
	for _, s := range c.Sources {
		list := bySource[s.Path]
		slices.SortStableFunc(list, func(a, b at) int { return cmp.Compare(a.line, b.line) })
		s.Documents = s.Documents[:0]
		for _, a := range list {
			s.Documents = append(s.Documents, a.id)
		}
	}
}
