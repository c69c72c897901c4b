package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/ingest/normalize"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
)

// TestCorpus runs ingest over every file of the shared corpus and checks
// what must hold of any input: no panic, positions inside the file, clean
// text, non-empty documents, and a regulation document from every file
// that prints a regulation's articles.
func TestCorpus(t *testing.T) {
	root := testdir.Corpus(t)
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if testing.Short() && len(files) > 400 {
		files = files[:400]
	}
	kinds := map[string]int{}
	var docs, errFiles, regFiles, regMissed int
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		src, ds, errs := File(rel, data)
		checkFile(t, rel, data, src, ds, errs)
		if len(errs) > 0 {
			errFiles++
		}
		docs += len(ds)
		for _, d := range ds {
			kinds[d.Kind]++
		}
		if lawFile(rel) && !hasKind(ds, model.KindRegulation) && !hasKind(ds, model.KindNotice) {
			t.Errorf("%s: a law file yields no regulation or notice: %s", rel, kindsOf(ds))
		}
		if printsArticles(string(data)) {
			regFiles++
			if !hasKind(ds, model.KindRegulation) {
				regMissed++
				t.Errorf("%s: prints articles but yields no regulation document", rel)
			}
		}
	}
	t.Logf("%d files, %d documents, %d files with errors; %d files print a regulation's articles from 第一条, %d without a regulation document",
		len(files), docs, errFiles, regFiles, regMissed)
	t.Logf("documents by kind: %s", kindCounts(kinds))
}

// checkFile asserts the invariants of one file's result.
func checkFile(t *testing.T, rel string, data []byte, src *model.Source, docs []*model.Document, errs []model.Error) {
	t.Helper()
	lines := strings.Count(string(data), "\n") + 1
	if src == nil || src.Path != rel {
		t.Errorf("%s: source missing or misnamed", rel)
	}
	for _, e := range errs {
		if strings.Contains(e.Message, "internal error") {
			t.Errorf("%s: %s", rel, e.Message)
		}
		if e.Path != rel {
			t.Errorf("%s: error names %q", rel, e.Path)
		}
	}
	for _, d := range docs {
		if d.Title == "" || len(d.Body) == 0 || len(d.Sources) == 0 {
			t.Errorf("%s: empty document %q (%d paragraphs)", rel, d.Title, len(d.Body))
		}
		if !validKind(d.Kind) {
			t.Errorf("%s: unknown kind %q", rel, d.Kind)
		}
		for _, p := range d.Body {
			checkParagraph(t, rel, lines, p)
		}
	}
}

func checkParagraph(t *testing.T, rel string, lines int, p model.Paragraph) {
	t.Helper()
	switch {
	case p.Path != rel || p.Line < 1 || p.Line > lines:
		t.Errorf("%s: paragraph at %s outside the file (%d lines)", rel, p.Position, lines)
	case strings.TrimSpace(p.Text) == "":
		t.Errorf("%s:%d: empty paragraph", rel, p.Line)
	case normalize.HasInvisible(p.Text) || !utf8.ValidString(p.Text):
		t.Errorf("%s:%d: invisible or invalid characters left in %q", rel, p.Line, p.Text)
	}
}

// printsArticles reports whether a file prints a regulation's articles
// from the first: its first line that starts with a 第X条 label (bold or
// not) is 第一条, and at least three such lines follow. Commentary that
// quotes articles here and there does not.
func printsArticles(s string) bool {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimLeft(strings.TrimSpace(l), "*# \u3000")
		lab, ok := label.ArticleLine(strings.ReplaceAll(l, "**", " "))
		if !ok {
			continue
		}
		if n == 0 && lab.N != 1 {
			return false
		}
		if n++; n >= 3 {
			return true
		}
	}
	return false
}

// lawFile reports whether a corpus file holds statute text: every
// LawRefBook file but the case write-ups and the technical standards.
func lawFile(rel string) bool {
	return strings.HasPrefix(rel, "lawrefbook-laws/") && !strings.HasPrefix(rel, "lawrefbook-laws/案例/") &&
		!strings.HasPrefix(rel, "lawrefbook-laws/其他/")
}

func kindsOf(docs []*model.Document) string {
	var ks []string
	for _, d := range docs {
		ks = append(ks, d.Kind+":"+d.Title)
	}
	return strings.Join(ks, ", ")
}

func hasKind(docs []*model.Document, kind string) bool {
	for _, d := range docs {
		if d.Kind == kind {
			return true
		}
	}
	return false
}

func validKind(k string) bool {
	for _, v := range model.Kinds {
		if v == k {
			return true
		}
	}
	return false
}

func kindCounts(m map[string]int) string {
	var parts []string
	for k, n := range m {
		parts = append(parts, k+"="+strconv.Itoa(n))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}
