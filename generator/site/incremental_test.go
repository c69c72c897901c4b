package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/sitefiles"
	"tiaoli/publish"
	"tiaoli/templates"
)

// rendered lists the names written under a folder.
func rendered(w *sitefiles.Writer, dir string) []string {
	var out []string
	for _, n := range w.Names() {
		if strings.HasPrefix(n, dir) {
			out = append(out, n)
		}
	}
	return out
}

// buildKeeping renders c into out, keeping what the published build's
// state allows, and returns what was rendered.
func buildKeeping(t *testing.T, c *model.Corpus, out string, opts site.Options) *sitefiles.Writer {
	t.Helper()
	st, err := publish.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	rec := &sitefiles.Writer{Next: st}
	opts.Base, opts.Previous = "/", site.ReadState(out)
	if opts.Build == "" {
		opts.Build = "test"
	}
	if err := site.Render(c, opts, rec); err != nil {
		st.Abort()
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return rec
}

// changeFile changes the text of c's document i as if its file changed.
func changeFile(c *model.Corpus, i int) *model.Document {
	d := c.Documents[i]
	if len(d.Body) > 0 {
		d.Body[0].Text += "（又讯）"
	} else {
		d.Articles[0].Clauses[0].Text += "（又讯）"
	}
	if c.Digests == nil {
		c.Digests = map[string]string{}
	}
	c.Digests[d.Sources[0].Path] = "changed"
	return d
}

// TestKeepUnchangedDocuments: after one file changes, the pages of the
// other documents are kept from the published build without rendering,
// and the site is the same as one built afresh.
func TestKeepUnchangedDocuments(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	first := buildKeeping(t, sitetest.Corpus(), out, site.Options{})
	reg := sitetest.Corpus().Documents[1]
	if len(rendered(first, strings.TrimSuffix(reg.URL, "/"))) == 0 {
		t.Fatalf("the first build rendered no page of %s", reg.URL)
	}
	c := sitetest.Corpus()
	old := changeFile(c, 5) // the only document of its file
	again := buildKeeping(t, c, out, site.Options{})
	if got := rendered(again, strings.TrimSuffix(reg.URL, "/")); len(got) != 0 {
		t.Errorf("pages of the unchanged regulation rendered again: %q", got)
	}
	if len(rendered(again, strings.TrimSuffix(old.URL, "/"))) == 0 {
		t.Errorf("the changed regulation's pages were not rendered")
	}
	if len(rendered(again, "t/")) == 0 {
		t.Errorf("term pages were not rendered")
	}

	fresh := filepath.Join(dir, "fresh")
	c = sitetest.Corpus()
	changeFile(c, 5)
	buildKeeping(t, c, fresh, site.Options{})
	if diff := compareTrees(t, out, fresh); diff != "" {
		t.Errorf("kept site differs from a fresh build: %s", diff)
	}
}

// TestGlobalChangeRendersAll: a change to what every page may show (a
// template, the program) renders every page again.
func TestGlobalChangeRendersAll(t *testing.T) {
	layout, err := fs.ReadFile(templates.FS(""), "layout.html")
	if err != nil {
		t.Fatal(err)
	}
	tdir := t.TempDir()
	if err := os.WriteFile(filepath.Join(tdir, "layout.html"), append(layout, "\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	changedTemplates := templates.FS(tdir)
	for name, change := range map[string]func(*model.Corpus, *site.Options){
		"template": func(_ *model.Corpus, o *site.Options) { o.Templates = changedTemplates },
		"program":  func(_ *model.Corpus, o *site.Options) { o.Build = "another" },
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			buildKeeping(t, sitetest.Corpus(), out, site.Options{})
			c, opts := sitetest.Corpus(), site.Options{}
			change(c, &opts)
			again := buildKeeping(t, c, out, opts)
			for _, d := range c.Documents {
				if len(rendered(again, strings.TrimSuffix(d.URL, "/"))) == 0 {
					t.Errorf("%s was kept", d.URL)
				}
			}
		})
	}
}

// TestTermChangeRendersItsPages: a changed definition renders again the
// pages that show the term (those of the documents that define and use
// it, whose links carry the definition, and the term's own page) and
// keeps the others; the site is the same as one built afresh.
func TestTermChangeRendersItsPages(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	buildKeeping(t, sitetest.Corpus(), out, site.Options{})
	change := func(c *model.Corpus) *model.Term {
		term := c.Terms[sitetest.TermRegular]
		term.Definition += "及其记录"
		return term
	}
	c := sitetest.Corpus()
	term := change(c)
	again := buildKeeping(t, c, out, site.Options{})
	showing := map[string]bool{term.DefinedIn.Document: true}
	for _, o := range term.Occurrences {
		showing[o.Document] = true
	}
	kept := 0
	for _, d := range c.Documents {
		got := len(rendered(again, strings.TrimSuffix(d.URL, "/")))
		switch {
		case showing[d.ID] && got == 0:
			t.Errorf("%s kept, though it shows the changed term", d.URL)
		case !showing[d.ID] && got > 0:
			t.Errorf("%s rendered again, though it does not show the changed term", d.URL)
		case !showing[d.ID]:
			kept++
		}
	}
	if kept == 0 {
		t.Error("the fixture has no document without the term")
	}
	if len(rendered(again, strings.TrimSuffix(term.URL, "/"))) == 0 {
		t.Errorf("the page of the changed term %s was kept", term.URL)
	}
	sameAsFresh(t, out, func(c *model.Corpus) { change(c) })
}

// sameAsFresh checks that the site in out, built keeping pages, is the
// site built afresh from the fixture with change made.
func sameAsFresh(t *testing.T, out string, change func(c *model.Corpus)) {
	t.Helper()
	c := sitetest.Corpus()
	change(c)
	fresh := filepath.Join(t.TempDir(), "fresh")
	buildKeeping(t, c, fresh, site.Options{})
	if diff := compareTrees(t, out, fresh); diff != "" {
		t.Errorf("kept site differs from a fresh build: %s", diff)
	}
}

// compareTrees reports the first difference between two folders, files
// under .tiaoli aside.
func compareTrees(t *testing.T, a, b string) string {
	t.Helper()
	files := func(root string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				out[strings.TrimPrefix(p, root)] = data
			}
			return err
		})
		return out
	}
	fa, fb := files(a), files(b)
	if len(fa) != len(fb) {
		return "different file counts"
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			return name
		}
	}
	return ""
}

// TestCitedDocumentRendered: a document another file cites is rendered
// again when the citing paragraph changes, since its pages quote it.
func TestCitedDocumentRendered(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildKeeping(t, sitetest.Corpus(), out, site.Options{})
	c := sitetest.Corpus()
	byID := map[string]*model.Document{}
	for _, d := range c.Documents {
		byID[d.ID] = d
	}
	var cited *model.Document
	for _, ref := range c.References {
		if ref.To == nil || ref.To.Document == ref.From.Document || byID[ref.To.Document] == nil {
			continue
		}
		from, to := byID[ref.From.Document], byID[ref.To.Document]
		if from.Sources[0].Path != to.Sources[0].Path {
			ref.From.Start++ // the citing paragraph changed before the reference
			c.Digests = map[string]string{from.Sources[0].Path: "changed"}
			cited = to
			break
		}
	}
	if cited == nil {
		t.Fatal("the fixture has no reference across files")
	}
	again := buildKeeping(t, c, out, site.Options{})
	if len(rendered(again, strings.TrimSuffix(cited.URL, "/"))) == 0 {
		t.Errorf("%s kept, though a paragraph citing it changed", cited.URL)
	}
}

// TestKeptDocumentRenderedWhenNotKept: a document whose digests say its
// pages can be kept is rendered when the Writer cannot keep them, page
// for page as a render that keeps nothing, leaving the URLs an earlier
// document took to it.
func TestKeptDocumentRenderedWhenNotKept(t *testing.T) {
	corpus := func() *model.Corpus {
		c := sitetest.Corpus()
		reg := c.Documents[1]
		if len(reg.Articles) == 0 {
			t.Fatalf("%s has no articles", reg.ID)
		}
		// A later document that shares the regulation's article pages.
		twin := *reg
		twin.ID, twin.URL = reg.ID+"-twin", strings.TrimSuffix(reg.URL, "/")+"-twin/"
		c.Documents = append(c.Documents, &twin)
		return c
	}
	out := filepath.Join(t.TempDir(), "public")
	buildKeeping(t, corpus(), out, site.Options{})
	prev := site.ReadState(out)
	if prev == nil {
		t.Fatal("the first build left no state")
	}
	render := func(opts site.Options) map[string][]byte {
		w := &sitefiles.Writer{}
		opts.Base, opts.Build = "/", "test"
		if err := site.Render(corpus(), opts, w); err != nil {
			t.Fatal(err)
		}
		return w.Files()
	}
	kept, fresh := render(site.Options{Previous: prev}), render(site.Options{})
	if len(kept) != len(fresh) {
		t.Errorf("%d files rendered where the pages could not be kept, %d afresh", len(kept), len(fresh))
	}
	for name, data := range fresh {
		if !bytes.Equal(kept[name], data) {
			t.Errorf("%s differs from a fresh render", name)
		}
	}
}

// TestSourcePagesKept: a source's page is kept from the published build
// unless the source or a document it lists changed (a document read from
// a changed source changes with it, and so do the pages listing it); a
// kept page is the page a fresh build writes.
func TestSourcePagesKept(t *testing.T) {
	for name, change := range map[string]func(c *model.Corpus) *model.Source{
		"document": func(c *model.Corpus) *model.Source {
			d := changeFile(c, 5)
			for _, s := range c.Sources {
				if s.Path == d.Sources[0].Path {
					return s
				}
			}
			return nil
		},
		"source": func(c *model.Corpus) *model.Source {
			c.Sources[0].PageName = "要闻"
			return c.Sources[0]
		},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			first := buildKeeping(t, sitetest.Corpus(), out, site.Options{})
			c := sitetest.Corpus()
			changed := change(c)
			if changed == nil || len(c.Sources) < 2 {
				t.Fatal("the fixture has no such source, or one source only")
			}
			again := buildKeeping(t, c, out, site.Options{})
			kept := 0
			for _, s := range c.Sources {
				file := s.URL + "index.html"
				if !slices.Contains(first.Names(), file) {
					t.Fatalf("the first build did not render %s", file)
				}
				got := slices.Contains(again.Names(), file)
				if s == changed && !got {
					t.Errorf("%s kept, though it changed", file)
				}
				if !got {
					kept++
				}
			}
			if kept == 0 {
				t.Error("no source page kept")
			}
			sameAsFresh(t, out, func(c *model.Corpus) { change(c) })
		})
	}
}
