package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"tiaoli/generator/site/fastesc"
	"tiaoli/generator/site/lookup"
)

// Layout files: parsed into every page template. Page files define the
// blocks "content" (the main column) and, if they want, "head" (extra
// elements in <head>).
var layoutFiles = []string{"layout.html", "partials.html", "versions.html"}

// Chrome is what the layout needs from every page: execute template
// "layout" with a value that has a Chrome field.
type Chrome struct {
	// PageTitle is the text of <title>: the page's title and the site's
	// name.
	PageTitle string
	// Root leads from the page to the site root: "" at the root, "../../"
	// two folders down; on 404.html it is the site's base path, since a
	// server shows that page at any path.
	Root string
	// URL is the page's path below the site root ("d/x/a5/").
	URL string
	// BodyClass is the class of <body>: the kind of page.
	BodyClass string
	// NoIndex asks search engines to skip the page.
	NoIndex bool
	// Prev and Next link to the pages before and after this one, relative
	// to it, for <link rel> and the arrow keys.
	Prev, Next string
	// Frame holds the parts every page at this depth shares.
	Frame *Frame
}

// Home is the href of the home page from the page.
func (c Chrome) Home() string {
	if c.Root == "" {
		return "./"
	}
	return c.Root
}

// Frame is the part of a page that depends only on where the page is and
// which navigation item it belongs to: what goes into <head> (stylesheet,
// script, feed), the header with the navigation and search box, and the
// footer. They are rendered once from the templates "frame-head",
// "frame-header" and "frame-footer" and shared by every page alike.
type Frame struct {
	Head, Header, Footer template.HTML
}

// FrameData is what the frame templates get.
type FrameData struct {
	SiteName string
	Root     string // from the page to the site root
	// Nav names the navigation item the page belongs to: home,
	// regulation, terms, cited, sources, report, search.
	Nav string
	// CSS and JS are the root-relative paths of the stylesheet and
	// script, with a version that changes when their content does.
	CSS, JS string
	// Query is the search box's value.
	Query string
}

// Home is the href of the home page from the page.
func (f FrameData) Home() string {
	if f.Root == "" {
		return "./"
	}
	return f.Root
}

// NewFrame renders the frame of a page from the frame templates of t, for
// pages of other packages (search results) that want the site's look.
func NewFrame(t *template.Template, data FrameData) (*Frame, error) {
	var f Frame
	for i, out := range []*template.HTML{&f.Head, &f.Header, &f.Footer} {
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, frameParts[i], data); err != nil {
			return nil, err
		}
		*out = template.HTML(b.String())
	}
	return &f, nil
}

// frameParts are the templates of a Frame's Head, Header and Footer.
var frameParts = []string{"frame-head", "frame-header", "frame-footer"}

// ParsePage parses the layout and partials of fsys together with the named
// page files, ready to execute "layout" (with a Chrome whose Frame comes
// from NewFrame). Other packages use it to show pages of their own (search
// results) in the site's frame.
func ParsePage(fsys fs.FS, files ...string) (*template.Template, error) {
	base, err := parseLayout(fsys)
	if err != nil {
		return nil, err
	}
	return parseInto(base, fsys, files...)
}

func parseLayout(fsys fs.FS) (*template.Template, error) {
	t := template.New("layout").Funcs(funcs)
	for _, f := range layoutFiles {
		if err := parseFile(t, fsys, f); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func parseInto(base *template.Template, fsys fs.FS, files ...string) (*template.Template, error) {
	t, err := base.Clone()
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := parseFile(t, fsys, f); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("template %s: %w", name, err)
	}
	if _, err := t.New(name).Parse(string(data)); err != nil {
		return fmt.Errorf("template %w", err)
	}
	return nil
}

// funcs are the functions templates may call.
var funcs = template.FuncMap{
	"kindName": KindName,
	"quote":    lookup.Quote,
}

// pageFiles maps each kind of page to its template files. The search page
// shares the search box and help of the results page of tiaoli serve.
var pageFiles = map[string][]string{
	"home": {"home.html"}, "document": {"document.html"}, "article": {"article.html"},
	"section": {"section.html"}, "term": {"term.html"}, "terms": {"terms.html"},
	"cited": {"cited.html"}, "source": {"source.html"}, "sources": {"sources.html"},
	"list": {"list.html"}, "report": {"report.html"}, "query": {"query.html", "search_results.html"},
	"notfound": {"notfound.html"}, "work": {"work.html"}, "compare": {"compare.html"},
}

// pageTemplate is the template of a kind of page. Pages are many and
// alike: their escaping is made to take one call a value (fastesc) when
// the first page of the kind is rendered, so that a preview pays for the
// kinds it shows.
type pageTemplate struct {
	t *template.Template
	// exec executes t, once ready.
	exec *fastesc.Exec
	file string // the page's file, for errors
	once sync.Once
	err  error
}

// ready escapes the template (and the frame's, which NewFrame executes
// from its set) the first time, and returns it; exec is then set.
func (p *pageTemplate) ready() (*template.Template, error) {
	p.once.Do(func() {
		if err := fastesc.Install(p.t, frameParts...); err != nil {
			p.err = fmt.Errorf("template %s: %w", p.file, err)
			return
		}
		p.exec = fastesc.NewExec(p.t, funcs)
	})
	return p.t, p.err
}

// parseTemplates parses every page template once.
func parseTemplates(fsys fs.FS) (map[string]*pageTemplate, error) {
	base, err := parseLayout(fsys)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*pageTemplate, len(pageFiles))
	for kind, files := range pageFiles {
		t, err := parseInto(base, fsys, files...)
		if err != nil {
			return nil, err
		}
		out[kind] = &pageTemplate{t: t.Lookup("layout"), file: files[0]}
	}
	return out, nil
}

// AssetPaths names the stylesheet and script with a version from their
// content, so browsers may keep them as long as they like; the search
// results page uses it to name them as the site's pages do.
func AssetPaths(fsys fs.FS) (css, js string, err error) {
	version := func(name string) (string, error) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", fmt.Errorf("asset %s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		return name + "?v=" + hex.EncodeToString(sum[:4]), nil
	}
	if css, err = version("assets/site.css"); err != nil {
		return "", "", err
	}
	js, err = version("assets/site.js")
	return css, js, err
}

// rootOf is the relative path from a page at url (root-relative, a
// folder ending in "/" or a file) to the site root.
func rootOf(url string) string {
	dir := url
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir)
		if dir == "." {
			return ""
		}
		dir += "/"
	}
	return strings.Repeat("../", strings.Count(dir, "/"))
}
