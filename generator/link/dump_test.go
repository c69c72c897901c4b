package link

import (
	"fmt"
	"strings"

	"tiaoli/generator/model"
)

// Exported for the tests of package link_test, which also import the
// generator (and cannot live in package link without an import cycle).
var (
	SampleCorpus = sampleCorpus
	Dump         = dump
	DumpLinks    = dumpLinks
	CheckLinks   = checkLinks
)

// dump renders what linking found, for golden files: terms, references,
// cited documents, then every linked text with its links marked
// ⟦term⟧, ⟦=definition⟧ and ⟪reference⟫.
func dump(c *model.Corpus) string {
	var b strings.Builder
	docs := map[string]int{}
	for i, d := range c.Documents {
		docs[d.ID] = i
	}
	b.WriteString("# documents\n")
	for i, d := range c.Documents {
		fmt.Fprintf(&b, "D%d %s %s 《%s》\n", i, d.ID, d.Kind, d.Title)
	}
	b.WriteString("\n# terms\n")
	for i, t := range c.Terms {
		dumpTerm(&b, i, t, docs)
	}
	b.WriteString("\n# references\n")
	for i, r := range c.References {
		fmt.Fprintf(&b, "R%d %s %q → %s", i, dumpLocation(r.From, docs), r.Text, to(r, docs))
		if r.Kind != "" {
			fmt.Fprintf(&b, " [%s]", r.Kind)
		}
		if len(r.Antecedents) > 0 {
			fmt.Fprintf(&b, " antecedents=%v", r.Antecedents)
		}
		if r.Problem != "" {
			fmt.Fprintf(&b, " PROBLEM: %s", r.Problem)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n# cited, not in the corpus\n")
	for _, cd := range c.Cited {
		var by []string
		for _, l := range cd.CitedBy {
			by = append(by, dumpLocation(l, docs))
		}
		fmt.Fprintf(&b, "《%s》 ← %s\n", cd.Title, strings.Join(by, ", "))
	}
	b.WriteString(dumpTexts(c, docs))
	return b.String()
}

// dumpLinks is dump without the document IDs and the linked texts: what
// linking found, less sensitive to changes in the earlier stages.
func dumpLinks(c *model.Corpus) string {
	s := dump(c)
	s = s[strings.Index(s, "# terms"):]
	return s[:strings.Index(s, "\n# linked texts")+1]
}

func dumpTexts(c *model.Corpus, docs map[string]int) string {
	var b strings.Builder
	b.WriteString("\n# linked texts\n")
	for _, d := range c.Documents {
		for _, t := range textsOf(d) {
			if len(t.p.Links) > 0 {
				fmt.Fprintf(&b, "%s: %s\n", dumpLocation(t.loc(), docs), marked(t.p))
			}
		}
	}
	return b.String()
}

func dumpTerm(b *strings.Builder, i int, t *model.Term, docs map[string]int) {
	fmt.Fprintf(b, "T%d %s [%s, %s]", i, t.Term, t.Kind, t.Scope)
	if t.DefinedIn != nil {
		fmt.Fprintf(b, " defined in %s", dumpLocation(*t.DefinedIn, docs))
	}
	b.WriteString("\n")
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(b, "    %s: %s\n", name, v)
		}
	}
	field("definition", t.Definition)
	field("expansion", t.Expansion)
	field("acronym", t.Acronym)
	field("kind of", t.KindOf)
	field("includes", strings.Join(t.Includes, " | "))
	field("members", strings.Join(t.Members, " | "))
	if t.Count > 0 {
		field("count", fmt.Sprint(t.Count))
	}
	var occ []string
	for _, l := range t.Occurrences {
		occ = append(occ, dumpLocation(l, docs))
	}
	fmt.Fprintf(b, "    occurrences (%d): %s\n", len(occ), strings.Join(occ, ", "))
}

// dumpLocation writes a location as D1 第五条¶2(3) @start-end.
func dumpLocation(l model.Location, docs map[string]int) string {
	s := fmt.Sprintf("D%d", docs[l.Document])
	if l.Part != "" {
		s += " " + l.Part
	}
	if l.Section != "" {
		s += " §" + l.Section
	}
	if l.Article != "" {
		s += " " + l.Article
	}
	if l.Paragraph > 0 {
		s += fmt.Sprintf("¶%d", l.Paragraph)
	}
	if l.Item > 0 {
		s += fmt.Sprintf("(%d)", l.Item)
	}
	if l.Subitem > 0 {
		s += fmt.Sprintf("[%d]", l.Subitem)
	}
	if l.End > 0 {
		s += fmt.Sprintf(" @%d-%d", l.Start, l.End)
	}
	return s
}

func to(r *model.Reference, docs map[string]int) string {
	s := "?"
	switch {
	case r.To != nil:
		s = dumpLocation(*r.To, docs)
	case r.External:
		s = "external 《" + r.Title + "》"
	}
	if r.Through != nil {
		s += " through " + dumpLocation(*r.Through, docs)
	}
	return s
}

// marked writes a text with its links marked.
func marked(p *model.Paragraph) string {
	var b strings.Builder
	last := 0
	for _, l := range p.Links {
		if l.Start < last || l.End > len(p.Text) {
			return p.Text + "  [BAD LINKS]"
		}
		b.WriteString(p.Text[last:l.Start])
		span := p.Text[l.Start:l.End]
		switch {
		case l.Kind == "reference":
			fmt.Fprintf(&b, "⟪%s⟫R%d", span, l.Reference)
		case l.Definition:
			fmt.Fprintf(&b, "⟦=%s⟧T%d", span, l.Term)
		default:
			fmt.Fprintf(&b, "⟦%s⟧T%d", span, l.Term)
		}
		last = l.End
	}
	b.WriteString(p.Text[last:])
	return b.String()
}
