package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// A build keeps the pages of a document from the published build, instead
// of rendering them again, when nothing they show can have changed: its
// own digest covers the files the document was read from and the
// references other documents make to it (with the paragraphs they are
// made in, which its pages quote), the places its references to other
// documents lead to (their tooltips quote the cited article) and the
// terms its pages show (those it defines and uses), and the headers
// (title, dates, article labels and addresses) of the documents its pages
// link or quote, itself included, and the sources it was read from; one
// Global digest covers what any page may show of the rest of the corpus:
// the cited titles, the works, the editorial files (pins, glossary,
// metadata tables), the templates, the options and the program itself.
// When Global changes, every page is rendered. A file added or deleted
// renders the pages of the documents that link it or are linked from it
// (and of the terms they show), besides the pages always rendered (the
// lists of documents and sources) and the page of its source. Term
// occurrences and the places of references inside a document show only
// on its own pages, on the pages of the terms it uses and on those of its
// sources (whose digests cover its own), so edits inside one file do not
// change Global; a changed definition renders the pages of the
// documents that define or use the term. A term's page, and a comparison
// of two versions, is kept when Global and its own digest did not change:
// the term itself, the addresses of the terms it links to, and the
// digests of the documents it quotes (that define and use the term, in
// the order its occurrences name them; the two versions). A source's page
// is kept from the published build on the same terms: the source itself
// and the digests of the documents it lists.
//
// The published build carries its State in StateFile, a hidden folder that
// tiaoli serve and the shipped nginx and Apache configurations refuse; a
// plain static file server would serve it (tiaoli check --site warns).

// StateFile is where a build leaves its State for the next one.
const StateFile = ".tiaoli/state.json"

// stateVersion changes when State's meaning does (3: no sum of every
// term; 4: the headers of other documents and the sources in each
// document's digest, not in Global; a number is never used again).
const stateVersion = 4

// State is what a build knows of the pages it wrote.
type State struct {
	Version int `json:"version"`
	// Global sums up what every page may show.
	Global string `json:"global"`
	// Docs sums up, for each document ID, the files it was read from and
	// the references other documents make to it.
	Docs map[string]string `json:"docs"`
	// Pages sums up, for each term, comparison and source page by its
	// URL, the documents it quotes; for the editor's report, what it
	// shows.
	Pages map[string]string `json:"pages,omitempty"`
	// site is the folder the State was read from; "" for a new one.
	site string
}

// ReadState reads the State a published site left; nil when it has none
// or one of another version.
func ReadState(site string) *State {
	data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(StateFile)))
	if err != nil {
		return nil
	}
	var s State
	if json.Unmarshal(data, &s) != nil || s.Version != stateVersion {
		return nil
	}
	s.site = site
	return &s
}

// newState sums up the corpus as r renders it.
func newState(r *renderer) (*State, error) {
	c := r.c
	g, err := r.globalDigest()
	if err != nil {
		return nil, err
	}
	s := &State{Version: stateVersion, Global: g, Docs: make(map[string]string, len(c.Documents))}
	views, err := termViews(c)
	if err != nil {
		return nil, err
	}
	heads, err := headerDigests(c)
	if err != nil {
		return nil, err
	}
	incoming, outgoing, shown, reached := r.incoming(), r.outgoing(), termsShown(c, views), reach(c)
	sources := make(map[string]*model.Source, len(c.Sources))
	for _, src := range c.Sources {
		sources[src.Path] = src
	}
	for _, d := range c.Documents {
		s.Docs[d.ID] = docDigest(c, d, incoming[d.ID]) + r.vx.digest(d.ID) + shown[d.ID] + outgoing[d.ID] +
			shownOthers(d, reached[d.ID], heads, sources)
	}
	s.Pages = make(map[string]string, len(c.Terms)+len(c.Comparisons))
	for i, t := range c.Terms {
		if _, seen := s.Pages[t.URL]; !seen && t.URL != "" { // a URL's page is its first term's
			s.Pages[t.URL] = s.termDigest(t, views[i], r.linkedTerms(t))
		}
	}
	for _, cmp := range c.Comparisons {
		if _, seen := s.Pages[cmp.URL]; !seen && cmp.URL != "" {
			s.Pages[cmp.URL] = s.docsDigest(cmp.URL, cmp.From, cmp.To)
		}
	}
	for _, src := range c.Sources {
		if _, seen := s.Pages[src.URL]; !seen && src.URL != "" {
			s.Pages[src.URL] = s.sourceDigest(src)
		}
	}
	return s, nil
}

// keeps reports whether the pages of d can be kept from the build whose
// state was prev.
func (s *State) keeps(prev *State, d *model.Document) bool {
	return prev != nil && s.Global != "" && prev.Global == s.Global && prev.Docs[d.ID] == s.Docs[d.ID]
}

// keepsPage reports whether the term or comparison page at url can be
// kept from the build whose state was prev.
func (s *State) keepsPage(prev *State, url string) bool {
	return prev != nil && s.Global != "" && prev.Global == s.Global && prev.Pages[url] != "" &&
		prev.Pages[url] == s.Pages[url]
}

// docsDigest sums up the documents of the IDs docs, which the page at url
// quotes.
func (s *State) docsDigest(url string, docs ...string) string {
	h := sha256.New()
	io.WriteString(h, url+"\x00")
	for _, d := range docs {
		io.WriteString(h, d+"\x00"+s.Docs[d]+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sourceDigest sums up what the page of src shows besides what Global
// covers: the source itself and the documents it lists (their headers
// and their leads, which their digests cover).
func (s *State) sourceDigest(src *model.Source) string {
	h := sha256.New()
	json.NewEncoder(h).Encode(src)
	io.WriteString(h, s.docsDigest(src.URL, src.Documents...))
	return hex.EncodeToString(h.Sum(nil))
}

// termDigest sums up what the page of t shows besides what Global covers
// (the titles and labels of the documents): the term itself (its view,
// as termViews writes it), the addresses of the terms it links to
// (linked), and the text of the documents that define and use it, at the
// places its occurrences name, which are theirs.
func (s *State) termDigest(t *model.Term, view []byte, linked string) string {
	h := sha256.New()
	io.WriteString(h, t.URL+"\x00"+strconv.Itoa(len(t.Occurrences))+"\x00"+linked+"\x00")
	h.Write(view)
	if t.DefinedIn != nil {
		io.WriteString(h, t.DefinedIn.Document+"\x00"+s.Docs[t.DefinedIn.Document]+"\x00")
	}
	last := ""
	for i, o := range t.Occurrences {
		if i == 0 || o.Document != last {
			io.WriteString(h, "\x01"+o.Document+"\x00"+s.Docs[o.Document]+"\x00")
			last = o.Document
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// docDigest sums up the files d was read from, where they start, its
// address and the references other documents make to it.
func docDigest(c *model.Corpus, d *model.Document, in []citing) string {
	h := sha256.New()
	io.WriteString(h, d.ID+"\x00"+d.URL+"\x00")
	for _, p := range d.Sources {
		io.WriteString(h, p.String()+"\x00"+c.Digests[p.Path]+"\x00")
	}
	json.NewEncoder(h).Encode(in)
	return hex.EncodeToString(h.Sum(nil))
}

// citing is a reference another document makes, with what the cited
// page shows of the place it is made in: the text of its paragraph, its
// citation (which names the 款 only when its article has more than one)
// and its URL.
type citing struct {
	Ref            model.Reference
	Text, From, At string
}

// incoming lists, by document ID, the references other documents make to
// it.
func (r *renderer) incoming() map[string][]citing {
	out := map[string][]citing{}
	for _, ref := range r.c.References {
		if ref.To == nil || ref.To.Document == "" || ref.To.Document == ref.From.Document {
			continue
		}
		t, _ := r.x.Resolve(ref.From)
		cr := citing{Ref: *ref, Text: t.Text, From: t.Citation(), At: t.URL()}
		cr.Ref.Antecedents = nil // indices into the whole list
		out[ref.To.Document] = append(out[ref.To.Document], cr)
	}
	return out
}

// outgoing sums up, by document ID, what its pages show of the places
// its references to other documents lead to: their addresses and
// tooltips, which quote the text of the cited article.
func (r *renderer) outgoing() map[string]string {
	hs := map[string]hash.Hash{}
	for _, ref := range r.c.References {
		if ref.To != nil && ref.To.Document == ref.From.Document {
			continue
		}
		h := hs[ref.From.Document]
		if h == nil {
			h = sha256.New()
			hs[ref.From.Document] = h
		}
		url, tip, class := r.refShown(ref)
		io.WriteString(h, url+"\x00"+tip+"\x00"+class+"\x01")
	}
	out := make(map[string]string, len(hs))
	for d, h := range hs {
		out[d] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

// globalDigest sums up what any page may show of the corpus besides its
// own document's text: among it the paragraphs that cite another
// document, which the cited page quotes.
func (r *renderer) globalDigest() (string, error) {
	c, opts := r.c, r.opts
	if opts.Build == "" {
		return "", nil // an unknown program: keep nothing
	}
	h := sha256.New()
	io.WriteString(h, opts.Build+"\x00"+opts.Base+"\x00"+opts.SiteName+"\x00")
	if err := hashFS(h, opts.Templates); err != nil {
		return "", err
	}
	enc := json.NewEncoder(h)
	for _, v := range []any{citedTitles(c), editorial(c), c.Works} {
		if err := enc.Encode(v); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// termViews writes, for each term of c (by index), the JSON of the term
// as other pages show it: without its occurrences, and its definition's
// place without offsets.
func termViews(c *model.Corpus) ([][]byte, error) {
	out := make([][]byte, len(c.Terms))
	for i, t := range c.Terms {
		u := *t
		u.Occurrences = nil
		if t.DefinedIn != nil {
			l := *t.DefinedIn
			l.Start, l.End = 0, 0
			u.DefinedIn = &l
		}
		var err error
		if out[i], err = json.Marshal(&u); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// termsShown sums up, by document ID, the terms the pages of a document
// show (its text links them with their definitions as tooltips, its
// pages list them): the view (termViews) of each term it defines or
// uses, once, in the corpus's order of terms. Where it uses them is
// left out: that follows from its text, which its own digest covers
// (docDigest), and from the terms, which their views cover.
func termsShown(c *model.Corpus, views [][]byte) map[string]string {
	hs := map[string]hash.Hash{}
	last := map[string]int{} // by document: 1 + the last term written
	for i, t := range c.Terms {
		add := func(doc string) {
			if last[doc] == i+1 {
				return
			}
			last[doc] = i + 1
			h := hs[doc]
			if h == nil {
				h = sha256.New()
				hs[doc] = h
			}
			h.Write(append(views[i], 2))
		}
		if t.DefinedIn != nil {
			add(t.DefinedIn.Document)
		}
		for _, o := range t.Occurrences {
			add(o.Document)
		}
	}
	out := make(map[string]string, len(hs))
	for d, h := range hs {
		out[d] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

// citedTitles lists the titles cited but not in the corpus.
func citedTitles(c *model.Corpus) []string {
	out := make([]string, 0, len(c.Cited))
	for _, cd := range c.Cited {
		out = append(out, cd.Title)
	}
	return out
}

// headerDigests sums up, by document ID, what other pages show of each
// document: the document but its text and the lines things start on (the
// JSON of every field, so that a field added to the model counts), then
// the labels and addresses of its articles and sections, written out
// (149k articles on the LawRefBook corpus, which as JSON took most of the
// digest's time).
func headerDigests(c *model.Corpus) (map[string]string, error) {
	out := make(map[string]string, len(c.Documents))
	var b []byte
	for _, d := range c.Documents {
		h := sha256.New()
		doc := *d
		doc.Body, doc.Preamble, doc.Appendix = nil, nil, nil
		doc.Articles, doc.Sections = nil, nil
		doc.Variants, doc.Repairs, doc.Suspects, doc.Headings = nil, nil, nil, nil
		if err := json.NewEncoder(h).Encode(&doc); err != nil {
			return nil, err
		}
		b = b[:0]
		for _, a := range d.Articles {
			if a != nil {
				b = strconv.AppendInt(append(b, 'a'), int64(a.Number), 10)
				b = strconv.AppendInt(append(b, '.'), int64(a.Suffix), 10)
				b = appendFields(b, a.Label, a.URL)
				b = append(appendFields(strconv.AppendInt(b, int64(len(a.Path)), 10), a.Path...), 1)
			}
		}
		for _, s := range d.Sections {
			if s != nil {
				b = append(appendFields(append(b, 's'), s.Label, s.Title, s.URL, s.Anchor), 1)
			}
		}
		h.Write(b)
		out[d.ID] = hex.EncodeToString(h.Sum(nil))
	}
	return out, nil
}

// reach lists, by document ID, the other documents whose headers
// (headerDigests) its pages may show: the news item that carries it and
// those it carries, its other versions and the documents of its works
// and comparisons, the documents its references lead to and through and
// those whose references lead to it, and the documents that define the
// terms it defines and uses. A document added or deleted changes the
// pages of the documents that reach it, and no other's.
func reach(c *model.Corpus) map[string][]string {
	out := map[string][]string{}
	add := func(from string, to ...string) {
		for _, id := range to {
			if id != "" && id != from {
				out[from] = append(out[from], id)
			}
		}
	}
	both := func(a, b string) {
		add(a, b)
		add(b, a)
	}
	for _, d := range c.Documents {
		add(d.ID, d.Parent)
		add(d.ID, d.Carries...)
		add(d.ID, d.Versions...)
	}
	for _, w := range c.Works {
		for _, v := range w.Versions {
			for _, o := range w.Versions {
				add(v.Document, o.Document)
			}
		}
	}
	for _, cmp := range c.Comparisons {
		both(cmp.From, cmp.To)
	}
	for _, ref := range c.References {
		if ref.To != nil {
			both(ref.From.Document, ref.To.Document)
		}
		if ref.Through != nil {
			both(ref.From.Document, ref.Through.Document)
		}
	}
	for _, t := range c.Terms {
		if t.DefinedIn == nil {
			continue
		}
		last := ""
		for _, o := range t.Occurrences {
			if o.Document != last {
				add(o.Document, t.DefinedIn.Document)
				last = o.Document
			}
		}
	}
	return out
}

// shownOthers sums up what the pages of d show of other documents and of
// the sources: the headers (heads) of itself and the documents it
// reaches (reach), each once, and the sources it and its readings were
// read from.
func shownOthers(d *model.Document, reached []string, heads map[string]string, sources map[string]*model.Source) string {
	ids := append(slices.Clone(reached), d.ID)
	slices.Sort(ids)
	h := sha256.New()
	for _, id := range slices.Compact(ids) {
		io.WriteString(h, id+"\x00"+heads[id]+"\x00")
	}
	var paths []string
	for _, p := range d.Sources {
		paths = append(paths, p.Path)
	}
	for _, v := range d.Variants {
		for _, rd := range v.Readings {
			paths = append(paths, rd.Source)
		}
	}
	slices.Sort(paths)
	enc := json.NewEncoder(h)
	for _, p := range slices.Compact(paths) {
		io.WriteString(h, p+"\x00")
		enc.Encode(sources[p])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// appendFields appends each of fields to b, each after a NUL byte (an
// article or section ends with byte 1).
func appendFields(b []byte, fields ...string) []byte {
	for _, f := range fields {
		b = append(append(b, 0), f...)
	}
	return b
}

// editorial lists the digests of the content files that are not sources.
func editorial(c *model.Corpus) []string {
	sources := make(map[string]bool, len(c.Sources))
	for _, s := range c.Sources {
		sources[s.Path] = true
	}
	var out []string
	for p, sum := range c.Digests {
		if !sources[p] {
			out = append(out, p+"\x00"+sum)
		}
	}
	slices.Sort(out)
	return out
}

// hashFS writes the names and bytes of every file of fsys to h.
func hashFS(h hash.Hash, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		io.WriteString(h, p+"\x00")
		h.Write(data)
		return nil
	})
}

// TreeKeeper is a Writer that can keep a folder of the published build as
// it is (package publish's Staging is one). KeepTree reports false when
// the published build has no such folder.
type TreeKeeper interface {
	KeepTree(dir string) (bool, error)
}

// Retainer is a Writer that starts from the files of an earlier build
// (package publish's Staging, recycling the build before the published
// one) and must be told, before anything is written, which folders of it
// stay as they are: the rest of it goes.
type Retainer interface {
	Retain(dirs []string) error
}

// retain tells a Retainer w which document folders of the build it
// starts from (Options.Recycled) show what this build would render: the
// pages of documents whose digests are unchanged since.
func (r *renderer) retain(w Writer) error {
	rt, ok := w.(Retainer)
	if !ok {
		return nil
	}
	var keep []string
	for _, d := range r.c.Documents {
		if d.URL != "" && r.state.keeps(r.opts.Recycled, d) {
			keep = append(keep, treeOf(d.URL))
		}
	}
	seen := map[string]bool{}
	for _, t := range r.c.Terms {
		if claim(seen, t.URL) && r.state.keepsPage(r.opts.Recycled, t.URL) {
			keep = append(keep, treeOf(t.URL))
		}
	}
	for _, cmp := range r.c.Comparisons {
		if claim(seen, cmp.URL) && r.state.keepsPage(r.opts.Recycled, cmp.URL) {
			keep = append(keep, treeOf(cmp.URL))
		}
	}
	return rt.Retain(keep)
}

// TreeRoots are the top-level folders that hold the folders of the
// documents', terms' and comparisons' pages: those of a build a Retainer
// may keep.
func TreeRoots(c *model.Corpus) []string {
	var roots []string
	add := func(url string) {
		root, _, _ := strings.Cut(treeOf(url), "/")
		if root != "" && !slices.Contains(roots, root) {
			roots = append(roots, root)
		}
	}
	for _, d := range c.Documents {
		add(d.URL)
	}
	if len(c.Terms) > 0 {
		add(address.TermsURL)
	}
	for _, cmp := range c.Comparisons {
		add(cmp.URL)
	}
	return roots
}

// treeOf is the folder of the pages at url and below it (a document's,
// a term's, a comparison's).
func treeOf(url string) string { return strings.TrimSuffix(url, "/") }
