package link

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"tiaoli/generator/model"
)

// GlossaryFile is where parseGlossary's errors say they come from.
const GlossaryFile = "glossary.yaml"

// glossaryEntry is one entry of the glossary file: a term the corpus uses
// but does not define. See docs/model.md, "Terms and references".
type glossaryEntry struct {
	Term       string   `yaml:"term"`
	Kind       string   `yaml:"kind"` // glossary (default), list, acronym
	Definition string   `yaml:"definition"`
	Expansion  string   `yaml:"expansion"` // of an acronym
	Members    []string `yaml:"members"`   // of a list
	Aliases    []string `yaml:"aliases"`
	Source     string   `yaml:"source"`
}

// parseGlossary reads the glossary file: a YAML list of entries. Bad
// entries are reported with their line and left out.
func parseGlossary(data []byte) ([]*def, []model.Error) {
	entries, errs := model.YAMLList(GlossaryFile, data, "术语表应为词条的列表")
	if errs != nil {
		return nil, errs
	}
	var defs []*def
	seen := map[string]int{}
	for _, n := range entries {
		d, err := glossaryDef(n, seen)
		if err != "" {
			errs = append(errs, model.Error{Path: GlossaryFile, Line: n.Line, Message: err})
			continue
		}
		defs = append(defs, d)
	}
	return defs, errs
}

// glossaryDef checks one entry and makes its term.
func glossaryDef(n *yaml.Node, seen map[string]int) (*def, string) {
	var e glossaryEntry
	if err := n.Decode(&e); err != nil {
		return nil, "这一条读不出：「" + err.Error() + "」"
	}
	e.Term = strings.TrimSpace(e.Term)
	if runeCount(e.Term) < 2 {
		return nil, fmt.Sprintf("词条「%s」：术语至少两个字", e.Term)
	}
	if line, dup := seen[e.Term]; dup {
		return nil, fmt.Sprintf("词条「%s」：第%d行已定义", e.Term, line)
	}
	t := &model.Term{Term: e.Term, Kind: model.TermGlossary, Definition: strings.TrimSpace(e.Definition),
		Aliases: e.Aliases, Source: e.Source, Scope: scopeCorpus, Members: e.Members}
	switch e.Kind {
	case "", model.TermGlossary:
	case model.TermList:
		count, _, ok := listName(e.Term)
		if !ok || len(e.Members) == 0 {
			return nil, fmt.Sprintf("词条「%s」：列举项应以项数开头，并列出各项", e.Term)
		}
		if count != len(e.Members) {
			return nil, fmt.Sprintf("词条「%s」：名称称有%d项，词条列出%d项", e.Term, count, len(e.Members))
		}
		t.Kind, t.Count = model.TermList, count
	case model.TermAcronym:
		if e.Expansion == "" {
			return nil, fmt.Sprintf("词条「%s」：缩写须写明全称", e.Term)
		}
		t.Kind, t.Expansion = model.TermAcronym, e.Expansion
		t.Aliases = appendOnceString(t.Aliases, e.Expansion)
	default:
		return nil, fmt.Sprintf("词条「%s」：类别「%s」未知（应为「glossary」「list」或「acronym」）", e.Term, e.Kind)
	}
	if t.Definition == "" && len(t.Members) == 0 {
		return nil, fmt.Sprintf("词条「%s」：没有定义", e.Term)
	}
	seen[e.Term] = n.Line
	d := &def{term: t, doc: -1, art: -1, text: -1}
	d.forms = matchForms(t)
	return d, ""
}
