package regulation

import (
	"os"
	"path/filepath"
	"testing"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// FuzzStructure parses arbitrary text as a regulation: it must not panic,
// articles must strictly increase, every article must open on a line that
// prints its label (at its start, or after a sentence for an article run
// on from the one before), and headings must point inside the articles.
func FuzzStructure(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "structure", "*.txt"))
	for _, p := range files {
		data, _ := os.ReadFile(p)
		_, input, _ := splitCase(string(data))
		f.Add(input)
	}
	for _, s := range []string{"第一条\n第一条\n第二条之一 x", "第一章\n第一节\n第一编\n（一）\n1.", "目录\n第一章 a\n第一章 a", "(工\n委", "一、\n（一）\n1.\n（1）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		d := &model.Document{Kind: model.KindRegulation, Body: linesOf("f.md", []byte(input))}
		Structure(d)
		checkInvariants(t, d)
	})
}

// checkInvariants fails when a parsed document breaks what every reader of
// the model relies on.
func checkInvariants(t *testing.T, d *model.Document) {
	byLine := map[int]string{}
	for _, p := range d.Body {
		byLine[p.Line] = p.Text
	}
	last := -1
	for _, a := range d.Articles {
		k := a.Number*1000 + a.Suffix
		if k <= last {
			t.Fatalf("%s after %s", a.Label, labelOfKey(last))
		}
		last = k
		if !printsLabel(cleanText(byLine[a.Line]), a) {
			t.Fatalf("%s opens on line %d %q", a.Label, a.Line, byLine[a.Line])
		}
		for _, c := range a.Clauses {
			if c.Items == nil {
				t.Fatalf("%s: nil items", a.Label)
			}
		}
	}
	for _, h := range d.Headings {
		if u, ok := label.UnitNamed(h.Level); !ok || !u.Division() || h.Article < 0 || h.Article > len(d.Articles) {
			t.Fatalf("heading %+v", h)
		}
	}
	if len(d.Articles) > 0 && len(d.Sections) > 0 {
		t.Fatal("articles and sections both")
	}
}

// printsLabel reports whether line s opens with the label of a, or prints
// it after a sentence end.
func printsLabel(s string, a *model.Article) bool {
	for i := range s {
		if i > 0 && !endsSentence(s[:i]) {
			continue
		}
		if lab, ok := label.ArticleLine(s[i:]); ok && lab.N == a.Number && lab.Suffix == a.Suffix {
			return true
		}
	}
	return false
}
