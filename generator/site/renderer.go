package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"tiaoli/generator/examples"
	"tiaoli/generator/model"
	"tiaoli/generator/reconcile"
	"tiaoli/generator/site/lookup"
)

// renderer holds what every page needs: the corpus, its indexes and the
// parsed templates. It is read-only while pages render, but for the
// cache of frames.
type renderer struct {
	c        *model.Corpus
	x        *lookup.Index
	opts     Options
	tmpl     map[string]*pageTemplate
	css, js  string
	refsFrom map[place][]int // references made in an article or document
	refsTo   map[place][]int // references pointing at an article or document
	termsAt  map[place][]int // terms used in an article or document
	// definedIn lists the terms each document defines.
	definedIn map[string][]int
	// termByName finds a term by its name (the first of that name);
	// termInDoc by the document that defines it and its name.
	termByName map[string]int
	termInDoc  map[docTerm]int
	tips       []string // the tooltip of each term
	byDate     []*model.Document
	vx         *versionIndex // works and comparisons (versions.go)
	// frames caches the shared frame of pages by depth and navigation
	// item; frameErr keeps the first error rendering one.
	framesMu sync.Mutex
	frames   map[frameKey]*Frame
	frameErr error
	// state sums up what this build's pages show (incremental.go).
	state *State
	// report is what the report page leaves for the next build
	// (reportkeep.go).
	reported reportKept
	// examples is the search boxes' hint, from the corpus's own texts.
	examples string
}

// place is an article of a document, or a whole document (article "").
type place struct{ doc, article string }

func newRenderer(c *model.Corpus, opts Options) (*renderer, error) {
	r, indexed, err := startRenderer(c, opts)
	if err != nil {
		return nil, err
	}
	indexed()
	return r, nil
}

// startRenderer makes the renderer of c and starts making its indexes;
// indexed waits until they are made. Until then only what startRenderer
// set itself may be read: the corpus, the options, the templates and
// assets, and the documents by date (byDate), which is all that jobs
// reads, so that Lazy lists the jobs beside the indexes.
func startRenderer(c *model.Corpus, opts Options) (r *renderer, indexed func(), err error) {
	tmpl, err := parseTemplates(opts.Templates)
	if err != nil {
		return nil, nil, err
	}
	css, js, err := AssetPaths(opts.Templates)
	if err != nil {
		return nil, nil, err
	}
	// The maps by place are sized as they grow on the LawRefBook corpus:
	// of its 149k documents and articles, terms are used in 68k, references
	// made in 38k and to 19k.
	places := len(c.Documents)
	for _, d := range c.Documents {
		places += len(d.Articles)
	}
	r = &renderer{c: c, opts: opts, tmpl: tmpl, css: css, js: js,
		refsFrom: make(map[place][]int, places/4), refsTo: make(map[place][]int, places/8),
		termsAt: make(map[place][]int, places/2), definedIn: map[string][]int{},
		frames: map[frameKey]*Frame{}, byDate: sortedByDate(c.Documents)}
	// The indexes read the corpus alone and fill fields of their own:
	// they are made side by side (in preview, after each edit).
	var g errgroup.Group
	g.Go(func() error { r.indexReferences(); return nil })
	g.Go(func() error { r.indexTerms(); return nil })
	g.Go(func() error {
		r.x = lookup.New(c)
		r.vx = newVersionIndex(c)
		r.examples = examples.Placeholder(examples.Queries(c))
		return nil
	})
	return r, func() { g.Wait(); r.indexRanges() }, nil
}

func (r *renderer) indexReferences() {
	for i, ref := range r.c.References {
		from := place{ref.From.Document, ref.From.Article}
		r.refsFrom[from] = append(r.refsFrom[from], i)
		if ref.To != nil && ref.To.Document != "" && ref.Problem == "" {
			to := place{ref.To.Document, ref.To.Article}
			r.refsTo[to] = append(r.refsTo[to], i)
			if ref.To.Article != "" && ref.To.Document != ref.From.Document {
				whole := place{ref.To.Document, ""}
				r.refsTo[whole] = append(r.refsTo[whole], i)
			}
		}
	}
}

// indexRanges lists a reference to a range of articles (第十条至第十二条)
// among what cites each article of the range after the first, in the
// order of the references.
func (r *renderer) indexRanges() {
	touched := map[place]bool{}
	for i, ref := range r.c.References {
		t := ref.Through
		if ref.Problem != "" || ref.To == nil || t == nil || t.Document != ref.To.Document || t.Article == ref.To.Article {
			continue
		}
		d := r.x.Document(t.Document)
		if d == nil {
			continue
		}
		from, through := r.x.Article(d, ref.To.Article), r.x.Article(d, t.Article)
		if from < 0 || through <= from {
			continue
		}
		for _, a := range d.Articles[from+1 : through+1] {
			if a == nil {
				continue
			}
			at := place{d.ID, a.Label}
			r.refsTo[at] = append(r.refsTo[at], i)
			touched[at] = true
		}
	}
	for at := range touched {
		slices.Sort(r.refsTo[at])
	}
}

func (r *renderer) indexTerms() {
	r.tips = make([]string, len(r.c.Terms))
	r.termByName = make(map[string]int, len(r.c.Terms))
	r.termInDoc = make(map[docTerm]int, len(r.c.Terms))
	for i, t := range r.c.Terms {
		if _, ok := r.termByName[t.Term]; !ok {
			r.termByName[t.Term] = i
		}
		if t.DefinedIn != nil {
			k := docTerm{t.DefinedIn.Document, t.Term}
			if _, ok := r.termInDoc[k]; !ok {
				r.termInDoc[k] = i
			}
		}
		r.tips[i] = clip(tipOf(t), 160)
		// Terms are added in order: a place lists term i once if its
		// last term is not i yet.
		var last place // the place added last, to skip repeats fast
		added := false
		add := func(l model.Location) {
			p := place{l.Document, l.Article}
			if added && p == last {
				return
			}
			last, added = p, true
			if at := r.termsAt[p]; len(at) == 0 || at[len(at)-1] != i {
				r.termsAt[p] = append(at, i)
			}
		}
		if t.DefinedIn != nil {
			add(*t.DefinedIn)
			r.definedIn[t.DefinedIn.Document] = append(r.definedIn[t.DefinedIn.Document], i)
		}
		for _, o := range t.Occurrences {
			add(o)
		}
	}
}

// tipOf is what a term's tooltip says.
func tipOf(t *model.Term) string {
	var parts []string
	if t.Expansion != "" && t.Expansion != t.Definition {
		parts = append(parts, t.Expansion)
	}
	if t.Definition != "" {
		parts = append(parts, t.Definition)
	}
	if len(parts) == 0 && len(t.Members) > 0 {
		parts = append(parts, strings.Join(t.Members, "；"))
	}
	if len(parts) == 0 {
		return t.Term
	}
	return t.Term + "：" + strings.Join(parts, "；")
}

// clip cuts s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n {
			break
		}
		k++
	}
	return s[:i] + "…"
}

// docDate is the date a document is listed under: a full date, or the
// year of its version mark (see reconcile.ListedDate).
func docDate(d *model.Document) string {
	return reconcile.ListedDate(d)
}

// sortedByDate lists documents newest first, then by title and ID.
func sortedByDate(docs []*model.Document) []*model.Document {
	out := append([]*model.Document(nil), docs...)
	slices.SortStableFunc(out, func(a, b *model.Document) int {
		return cmp.Or(cmp.Compare(docDate(b), docDate(a)), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// chrome starts the frame of a page at url with a title ("" on the home
// page), belonging to navigation item nav.
func (r *renderer) chrome(url, title, nav, class string) Chrome {
	full := r.opts.SiteName
	if title != "" {
		full = title + " · " + full
	}
	root := rootOf(url)
	return Chrome{PageTitle: full, Root: root, URL: url, BodyClass: class, Frame: r.frame(root, nav)}
}

// frame returns the shared frame of pages at a depth and navigation item,
// rendering it the first time.
func (r *renderer) frame(root, nav string) *Frame {
	key := frameKey{root, nav}
	r.framesMu.Lock()
	defer r.framesMu.Unlock()
	if f, ok := r.frames[key]; ok {
		return f
	}
	t, err := r.tmpl["home"].ready()
	var f *Frame
	if err == nil {
		f, err = NewFrame(t, FrameData{SiteName: r.opts.SiteName, Root: root, Nav: nav, CSS: r.css, JS: r.js})
	}
	if err != nil {
		r.frameErr = err
		f = &Frame{}
	}
	r.frames[key] = f
	return f
}

// frameKey is what a frame depends on: the path to the root and the
// navigation item.
type frameKey struct{ root, nav string }

// frameError is the first error rendering a frame, nil when there was
// none.
func (r *renderer) frameError() error {
	r.framesMu.Lock()
	defer r.framesMu.Unlock()
	if r.frameErr != nil {
		return fmt.Errorf("render the frame of pages: %w", r.frameErr)
	}
	return nil
}
