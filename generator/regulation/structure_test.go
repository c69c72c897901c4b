package regulation

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/internal/golden"
)

// TestStructureCases runs the case files of testdata/structure: each has a
// line saying what it shows, an input section (a body as a file prints it)
// and a want section (the outline Structure makes of it). Run with -update
// to rewrite the want sections, then review the diff.
func TestStructureCases(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "structure", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no case files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			head, input, want := splitCase(string(data))
			d := &model.Document{Kind: model.KindRegulation, Body: linesOf("case.md", []byte(input))}
			errs := Structure(d)
			got := outline(d, errs)
			if golden.Updating() {
				golden.Write(t, f, []byte(head+"-- input --\n"+input+"-- want --\n"+got))
				return
			}
			if d := golden.Diff(want, got); d != "" {
				t.Errorf("%s: the outline differs (run go test -update and review the diff):\n%s", f, d)
			}
		})
	}
}

// splitCase cuts a case file into its description, input and want.
func splitCase(s string) (head, input, want string) {
	head, rest, _ := strings.Cut(s, "-- input --\n")
	input, want, _ = strings.Cut(rest, "-- want --\n")
	return head, input, want
}

// outline writes what Structure made of a body, one fact a line, with the
// anchors package address gives its headings and sections.
func outline(d *model.Document, errs []model.Error) string {
	address.DocumentAnchors(d)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("title: %s | %s", d.Title, d.Subtitle)
	p("meta: approval=%q issuer=%q published=%q valid_from=%q date=%q", d.Approval, d.Issuer, d.Published, d.ValidFrom, d.Date)
	for _, h := range d.History {
		p("history: %s", h)
	}
	for i, x := range d.Preamble {
		part := "preamble"
		if i < d.Decision {
			part = "decision"
		}
		if x.Heading > 0 {
			p("%s %d (heading %d): %s", part, x.Line, x.Heading, x.Text)
			continue
		}
		p("%s %d: %s", part, x.Line, x.Text)
	}
	for _, h := range d.Headings {
		p("heading %d: %s depth %d %s %s #%s before article %d", h.Line, h.Level, h.Depth, h.Label, h.Title, h.Anchor, h.Article)
	}
	for _, a := range d.Articles {
		p("article %d: %s %v", a.Line, a.Label, a.Path)
		for i, c := range a.Clauses {
			p("  款%d: %s", i+1, c.Text)
			outlineItems(p, c.Items, "    ")
		}
		for _, n := range a.Notes {
			p("  note %d: %s", n.Line, n.Text)
		}
	}
	for _, s := range d.Sections {
		outlineSection(p, s, "")
	}
	for _, x := range d.Appendix {
		p("appendix %d: %s", x.Line, x.Text)
	}
	for _, r := range d.Repairs {
		p("repair %d: %s %q -> %q", r.Line, r.Kind, r.Before, r.After)
	}
	for _, r := range d.Suspects {
		p("suspect %d: %s %q", r.Line, r.Kind, r.Before)
	}
	for _, e := range errs {
		p("error %d: %s", e.Line, e.Message)
	}
	return b.String()
}

func outlineItems(p func(string, ...any), items []*model.Item, indent string) {
	for _, it := range items {
		p("%s%s %s", indent, it.Label, it.Text)
		outlineItems(p, it.Items, indent+"  ")
	}
}

func outlineSection(p func(string, ...any), s *model.Section, indent string) {
	p("%ssection %d: %s %s #%s", indent, s.Line, s.Label, s.Title, s.Anchor)
	for _, x := range s.Body {
		p("%s  %s", indent, x.Text)
	}
	for _, c := range s.Sections {
		outlineSection(p, c, indent+"  ")
	}
}
