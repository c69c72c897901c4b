package generator_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/generator"
	"tiaoli/generator/model"
)

const rule = `# 某某事项办理规定

第一条 为了规范办理工作，制定本规定。

第二条 本规定所称办理事项，是指依申请作出的决定。

第三条 有下列情形之一的，不予办理：
（一）材料不齐全的；
（二）超过办理期限的。

第四条 本规定自发布之日起施行。
`

// content is a content folder with every kind of file Parse reads or
// skips.
func content() fstest.MapFS {
	return fstest.MapFS{
		"regs/rule.md": {Data: []byte(rule)},
		// The same regulation from a second source, one word different.
		"pages/copy.md":           {Data: []byte(strings.Replace(rule, "依申请", "依中请", 1))},
		"pages/news.txt":          {Data: []byte("某某事项办理规定印发\n\n本报讯 近日，有关部门印发了《某某事项办理规定》，要求认真执行。\n")},
		"glossary.yaml":           {Data: []byte("- term: 办理期限\n  definition: 作出决定的期限。\n")},
		"regs/_metadata/laws.csv": {Data: []byte("path,valid_from\nrule.md,2026-01-01\n\"broken\n")},
		"regs/.draft.md":          {Data: []byte(rule)},
		".hidden/rule.md":         {Data: []byte(rule)},
		"regs/scan.pdf":           {Data: []byte("%PDF")},
		"pages/bad.txt":           {Data: []byte("好\n好\n\xff\xff\xff\xff")},
	}
}

// TestParse checks what Parse makes of a content folder: one regulation
// from two sources with its variant, the news item, the glossary's term
// with its address, the metadata table, the files skipped, and errors that
// name their file while the other files are still read.
func TestParse(t *testing.T) {
	c := generator.Parse(content())
	var reg *model.Document
	for _, d := range c.Documents {
		if d.Kind == model.KindRegulation {
			if reg != nil {
				t.Fatalf("two regulations: %q and %q (the copies were not merged)", reg.Title, d.Title)
			}
			reg = d
		}
	}
	if reg == nil || len(reg.Articles) != 4 {
		t.Fatalf("no regulation of four articles: %+v", c.Documents)
	}
	if len(reg.Sources) != 2 || len(reg.Variants) != 1 {
		t.Errorf("regulation from %d sources with %d variants, want 2 and 1", len(reg.Sources), len(reg.Variants))
	}
	if reg.URL == "" || reg.Articles[2].URL == "" || reg.Articles[2].Clauses[0].Items[1].Anchor != "p1-i2" {
		t.Errorf("addresses missing: %q %q", reg.URL, reg.Articles[2].URL)
	}
	var paths []string
	for _, s := range c.Sources {
		paths = append(paths, s.Path)
		if len(s.Documents) == 0 && s.Path != "pages/bad.txt" {
			t.Errorf("source %s lists no documents", s.Path)
		}
	}
	// A file that cannot be decoded is still a source (without documents).
	if got := strings.Join(paths, " "); got != "pages/bad.txt pages/copy.md pages/news.txt regs/rule.md" {
		t.Errorf("sources %s; want the four sources, hidden files and other endings skipped", got)
	}
	var term *model.Term
	for _, tm := range c.Terms {
		if tm.Term == "办理期限" {
			term = tm
		}
	}
	if term == nil || term.URL == "" || len(term.Occurrences) == 0 {
		t.Errorf("the glossary's term is missing, without address or occurrences: %+v", term)
	}
	for _, name := range []string{"regs/rule.md", "glossary.yaml", "regs/_metadata/laws.csv"} {
		if c.Digests[name] == "" {
			t.Errorf("no digest of %s", name)
		}
	}
	if len(c.Errors) != 2 || c.Errors[0].Path != "pages/bad.txt" || c.Errors[0].Line != 3 || c.Errors[1].Path != "regs/_metadata/laws.csv" || c.Errors[1].Line != 3 {
		t.Errorf("errors %+v; want pages/bad.txt line 3, then the table's line 3, sorted", c.Errors)
	}
}

// TestParseDeterministic parses the same folder twice.
func TestParseDeterministic(t *testing.T) {
	a, err := json.Marshal(generator.Parse(content()))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(generator.Parse(content()))
	if string(a) != string(b) {
		t.Error("two parses of one folder differ")
	}
}

// TestCopiesOfOneArticle parses three saved copies of one article whose
// file names differ by what saving added (a copy number, the website's
// name after dashes): they are one document, titled without those marks,
// with three sources and no variant.
func TestCopiesOfOneArticle(t *testing.T) {
	article := []byte("　　某某行为是指国家工作人员利用职务上的便利收受财物的行为。\n\n" +
		"　　一、行为的认定\n\n　　认定时应当综合考察行为人的主观故意和客观行为，不能只看形式。\n\n" +
		"　　二、数额的认定\n\n　　数额按实际取得的财物计算，孳息一并计入。\n")
	paths := []string{
		"notes/某某行为如何定性.md",
		"notes/某某行为如何定性 (1).md",
		"notes/某某行为如何定性————业务探讨——某某委员会网站.md",
	}
	fsys := fstest.MapFS{}
	for _, p := range paths {
		fsys[p] = &fstest.MapFile{Data: article}
	}
	c := generator.Parse(fsys)
	if len(c.Documents) != 1 {
		var titles []string
		for _, d := range c.Documents {
			titles = append(titles, d.Title)
		}
		t.Fatalf("%d documents %q, want one", len(c.Documents), titles)
	}
	d := c.Documents[0]
	if d.Title != "某某行为如何定性" || len(d.Sources) != 3 || len(d.Variants) != 0 {
		t.Errorf("document %q from %d sources with %d variants, want 某某行为如何定性 from 3 with none",
			d.Title, len(d.Sources), len(d.Variants))
	}
	for _, s := range c.Sources {
		if len(s.Documents) != 1 || s.Documents[0] != d.ID {
			t.Errorf("source %s lists %v, want [%s]", s.Path, s.Documents, d.ID)
		}
	}
}
