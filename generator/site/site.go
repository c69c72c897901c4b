// Package site renders the corpus as the static pages of the site.
//
// Every page is a folder with an index.html, at a URL relative to the site
// root (the URL scheme of package address, plus the browsing pages):
//
//	index.html          home: what is new, documents by kind, year and issuer
//	d/<doc>/            a document: metadata, table of contents, full text,
//	                    variants; d/<doc>/articles.json lists its articles
//	d/<doc>/a5/         an article (条) with anchors #p2 (款) and #p2-i3 (项)
//	d/<doc>/s2/         a section of a document without 条
//	w/<work>/           the versions of a regulation (versions.go)
//	w/<work>/<a>_<b>/   the 修订对照 of two versions (comparepage.go): rows
//	                    #n5 by the newer version's article, #o3 for one
//	                    the newer deleted
//	t/  t/<term>/       all terms; one term
//	s/  s/<source>/     all sources; one source (a printed page)
//	k/<kind>/           the documents of a kind, newest first
//	y/<year>/           the documents of a year
//	i/                  the documents by issuer
//	cited/              documents cited but not in the corpus
//	report/             the editor's report (package report)
//	search/             the search page (results come from tiaoli serve)
//	404.html  sitemap.xml  feed.xml  assets/
//	.tiaoli/state.json  what the next build needs to keep unchanged pages
//	                    (incremental.go); never served
//	.tiaoli/audit.json  what the audit found in each document, for the
//	                    next build's report (reportkeep.go); never served
//
// Render writes every file; Lazy prepares the same site without rendering
// a page, and renders each file when it is asked for (lazy.go), for a
// preview that shows an edit at once.
//
// Links between pages are relative, so the site works under any path of a
// web server and from a plain file server; only sitemap.xml, feed.xml and
// 404.html use Options.Base. Output depends only on the corpus and the
// templates: the same input gives the same bytes.
//
// Templates (package templates) are html/template files: layout.html and
// partials.html frame every page, one file per kind of page fills the
// block "content". Running text (articles, 款, 项, paragraphs with their
// term and reference links) is written by this package, escaped, with
// the classes the stylesheet knows.
package site

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/templates"
)

// Writer receives the files of the site; names are slash-separated paths
// relative to the site root. Render calls WriteFile from several goroutines
// at once, and data is only valid during the call: a Writer that keeps it
// must copy it.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Options control rendering.
type Options struct {
	// Base is the URL the site is published under: a path ("/fagui/") or a
	// full URL ("http://intranet/fagui/"). "/" by default. Only the
	// sitemap, the feed and the 404 page use it.
	Base string
	// Templates holds the templates and assets (package templates); the
	// built-in ones when nil.
	Templates fs.FS
	// Now is unused by pages, which carry only the content's own dates so
	// that a rebuild of unchanged content gives the same bytes.
	Now time.Time
	// Progress, if set, is called now and then with pages done and total,
	// never from two goroutines at once.
	Progress func(done, total int)
	// SiteName is the name in every page's header, "条理" by default.
	SiteName string
	// Workers bounds how many pages are rendered at once; GOMAXPROCS by
	// default.
	Workers int
	// Previous is the State the published build left (ReadState). The
	// pages of documents that cannot have changed since are kept from it
	// when the Writer is a TreeKeeper; nil renders every page.
	Previous *State
	// Build identifies the program that renders (a digest of its
	// executable, say): pages rendered by another are never kept.
	Build string
	// Recycled is the State of the build the Writer starts from, when it
	// is a Retainer that starts from one (package publish recycling the
	// build before the published one); nil for none.
	Recycled *State
}

// Render writes every page of the site for c to w.
func Render(c *model.Corpus, opts Options, w Writer) error {
	r, err := newRenderer(c, opts.withDefaults())
	if err != nil {
		return err
	}
	if r.state, err = newState(r); err != nil {
		return err
	}
	if err := r.retain(w); err != nil {
		return err
	}
	if err := r.run(w); err != nil {
		return err
	}
	if err := r.writeReportKept(w, address.ReportURL); err != nil {
		return err
	}
	state, err := json.Marshal(r.state)
	if err != nil {
		return err
	}
	return w.WriteFile(StateFile, state)
}

// withDefaults fills in the options left empty.
func (opts Options) withDefaults() Options {
	if opts.Templates == nil {
		opts.Templates = templates.FS("")
	}
	if opts.SiteName == "" {
		opts.SiteName = "条理"
	}
	opts.Base = address.Base(opts.Base)
	return opts
}

// kindNames are the Chinese names of document kinds.
var kindNames = map[string]string{
	model.KindRegulation: "法规", model.KindNotice: "通知", model.KindNews: "新闻",
	model.KindCommentary: "评论", model.KindCase: "案例", model.KindPhoto: "图片", model.KindAnnouncement: "公告声明",
	model.KindAdvertisement: "广告", model.KindWeather: "天气", model.KindLottery: "彩票",
	model.KindOther: "其他",
}

// KindName is the Chinese name of a document kind.
func KindName(kind string) string {
	if n, ok := kindNames[kind]; ok {
		return n
	}
	return kind
}

// termKindNames are the Chinese names of term kinds.
var termKindNames = map[string]string{
	model.TermDefined: "定义", model.TermAbbreviation: "简称", model.TermAcronym: "缩写",
	model.TermList: "列举", model.TermGlossary: "词汇表", model.TermIntroduced: "出现",
}

// statusClasses give each status a class for its colour.
var statusClasses = map[string]string{
	model.StatusInForce: "valid", model.StatusAmended: "amended",
	model.StatusRepealed: "repealed", model.StatusNotInForce: "pending",
}

func statusClass(s string) string {
	if c, ok := statusClasses[s]; ok {
		return c
	}
	return "other"
}

// pageFile is the file a page URL is written to.
func pageFile(url string) string {
	if url == "" || strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// errorf wraps an error with the page it came from.
func errorf(url string, err error) error {
	return fmt.Errorf("render %s: %w", pageFile(url), err)
}
