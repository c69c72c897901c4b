package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/internal/golden"
)

// TestCases reads every case of testdata/cases: files of a content
// folder, and what the whole pipeline makes of them (documents with their
// dates, datelines, bylines and first lines of their body, or of a
// regulation's preamble; terms; references). See
// testdata/README.md.
func TestCases(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "cases", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no case files")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			head, files, want := splitCase(t, string(data))
			got := outline(generator.Parse(files))
			if golden.Updating() {
				golden.Write(t, path, []byte(head+caseFiles(string(data))+"-- want --\n"+got))
				return
			}
			if d := golden.Diff(want, got); d != "" {
				t.Errorf("%s: the want section differs from the output; run go test -update and review the diff.\n%s", path, d)
			}
		})
	}
}

// splitCase cuts a case into its description, its files and its want
// section.
func splitCase(t *testing.T, s string) (string, fstest.MapFS, string) {
	i := strings.Index(s, "\n-- ")
	if i < 0 {
		t.Fatal("no sections")
	}
	head, rest := s[:i+1], s[i+1:]
	files := fstest.MapFS{}
	want := ""
	for _, sec := range strings.Split("\n"+rest, "\n-- ")[1:] {
		name, body, _ := strings.Cut(sec, " --\n")
		if name == "want" {
			want = body
			continue
		}
		files[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return head, files, want
}

// caseFiles is the text of a case from its first section to its want.
func caseFiles(s string) string {
	i := strings.Index(s, "\n-- ")
	j := strings.Index(s, "\n-- want --\n")
	if j < 0 {
		return s[i+1:] + "\n"
	}
	return s[i+1 : j+1]
}

// outline is what a case checks, one line a fact.
func outline(c *model.Corpus) string {
	var b strings.Builder
	for i, d := range c.Documents {
		fmt.Fprintf(&b, "D%d %s 《%s》 date=%s", i, d.Kind, d.Title, d.Date)
		if d.Status != "" {
			fmt.Fprintf(&b, " status=%s", d.Status)
		}
		if d.Dateline != nil {
			fmt.Fprintf(&b, " dateline=%s|%s|%s", d.Dateline.Agency, d.Dateline.Place, d.Dateline.Date)
		}
		if len(d.Bylines) > 0 {
			fmt.Fprintf(&b, " bylines=%s", strings.Join(d.Bylines, ","))
		}
		if d.Kicker != "" || d.Subtitle != "" {
			fmt.Fprintf(&b, " kicker=%s subtitle=%s", d.Kicker, d.Subtitle)
		}
		b.WriteString("\n")
		for _, h := range d.History {
			fmt.Fprintf(&b, "  history: %s\n", h)
		}
		if d.Published != "" || d.ValidFrom != "" {
			fmt.Fprintf(&b, "  published=%s valid_from=%s\n", d.Published, d.ValidFrom)
		}
		lines := d.Body
		if d.Kind == model.KindRegulation {
			lines = d.Preamble
		}
		for _, p := range lines[:min(6, len(lines))] {
			fmt.Fprintf(&b, "  %d: %s\n", p.Line, p.Text)
		}
	}
	for _, t := range c.Terms {
		fmt.Fprintf(&b, "T %s [%s %s] = %s", t.Term, t.Kind, t.Scope, t.Definition)
		var uses []string
		for _, o := range t.Occurrences {
			uses = append(uses, o.Article)
		}
		if len(uses) > 0 {
			fmt.Fprintf(&b, " | used in %s", strings.Join(uses, ","))
		}
		b.WriteString("\n")
	}
	docs := map[string]int{}
	for i, d := range c.Documents {
		docs[d.ID] = i
	}
	for _, r := range c.References {
		fmt.Fprintf(&b, "R %s → %s\n", r.Text, target(r, docs))
	}
	return b.String()
}

// target names where a reference leads: D1 第三条, or external.
func target(r *model.Reference, docs map[string]int) string {
	s := ""
	switch {
	case r.To != nil:
		s = strings.TrimSpace(fmt.Sprintf("D%d %s", docs[r.To.Document], r.To.Article))
	case len(r.Antecedents) > 1:
		s = fmt.Sprintf("nowhere, after %d citations", len(r.Antecedents))
	case r.External && r.Title != "":
		s = "external 《" + r.Title + "》"
	default:
		s = "external"
	}
	if r.Problem != "" {
		s += " (" + r.Problem + ")"
	}
	return s
}
