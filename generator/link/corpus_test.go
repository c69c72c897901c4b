package link

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/ingest"
	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
	"tiaoli/internal/testdir"
)

// The shared corpus of real regulations (see its SOURCES.md) tests linking
// at scale. It is not part of the project: tests skip when it is absent
// (testdir.Corpus).

// corpusFolders hold regulations; case write-ups and commentary do not.
var corpusFolders = []string{"lawrefbook-laws", "xtjeyvc-jijian-notes/党内法规", "xtjeyvc-jijian-notes/八项规定", "xtjeyvc-jijian-notes/国家法律法规"}

// loadCorpus reads the regulations of the shared corpus: through ingest and
// regulation.Structure when those stages give articles, else with the
// minimal loader of these tests.
func loadCorpus(t testing.TB, limit int) *model.Corpus {
	root := testdir.Corpus(t)
	var paths []string
	for _, folder := range corpusFolders {
		filepath.WalkDir(filepath.Join(root, folder), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.Contains(p, "/案例/") {
				paths = append(paths, p)
			}
			return nil
		})
	}
	slices.Sort(paths)
	if limit > 0 && len(paths) > limit {
		paths = paths[:limit]
	}
	loaded := make([][]*model.Document, len(paths))
	parallel(len(paths), func(i int) {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			return
		}
		rel, _ := filepath.Rel(root, paths[i])
		loaded[i] = loadRegulation(filepath.ToSlash(rel), data)
	})
	c := &model.Corpus{}
	for _, docs := range loaded {
		c.Documents = append(c.Documents, docs...)
	}
	address.Assign(c)
	return c
}

var datedName = regexp.MustCompile(`\((\d{4}-\d{2}-\d{2})\)\.md$`)

func loadRegulation(path string, data []byte) []*model.Document {
	if _, docs, _ := ingest.File(path, data); len(docs) > 0 {
		var regs []*model.Document
		for _, d := range docs {
			if d.Kind == model.KindRegulation {
				regulation.Structure(d)
				if len(d.Articles) > 0 {
					regs = append(regs, d)
				}
			}
		}
		if len(regs) > 0 {
			return regs
		}
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	title := ""
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			title = strings.TrimSpace(strings.TrimLeft(l, "# "))
			break
		}
	}
	for i, l := range lines {
		if headingLine(l) {
			lines[i] = ""
		}
	}
	d := docFromLines(model.KindRegulation, title, path, 1, lines)
	if m := datedName.FindStringSubmatch(path); m != nil {
		d.Published, d.Date = m[1], m[1]
	}
	if len(d.Articles) == 0 {
		return nil
	}
	return []*model.Document{d}
}

var headingRE = regexp.MustCompile(`^\s*(\*\*)?\s*第[一二三四五六七八九十百零〇两0-9]+\s*[编章节]`)

// headingLine reports a 编/章/节 heading printed as a plain line.
func headingLine(l string) bool {
	return runeCount(l) < 40 && headingRE.MatchString(l)
}

// TestCorpus links the regulations of the shared corpus and checks that
// every 以下简称 yields a term, every 前款 names the paragraph before it and
// every 第X条 of a regulation names an article that exists in it.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("links the whole shared corpus")
	}
	c := loadCorpus(t, 0)
	if errs := Link(c, nil); len(errs) > 0 {
		t.Logf("%d errors, first: %v", len(errs), errs[0])
	}
	t.Logf("%d regulations, %d terms, %d references, %d cited documents not in the corpus",
		len(c.Documents), len(c.Terms), len(c.References), len(c.Cited))
	checkLinks(t, c)
	checkAbbreviations(t, c)
	checkPrevParagraphs(t, c)
	checkArticles(t, c)
}

// checkAbbreviations: every （以下简称X） in a text is the defining span of a
// term of its document.
func checkAbbreviations(t *testing.T, c *model.Corpus) {
	total, missed := 0, []string{}
	for _, d := range c.Documents {
		for _, tx := range textsOf(d) {
			s := tx.p.Text
			for off := 0; ; {
				j := strings.Index(s[off:], "以下简称")
				if j < 0 {
					break
				}
				at := off + j
				off = at + len("以下简称")
				if !isOpen(lastRune(strings.TrimRight(s[:at], " 　"))) {
					continue // not the start of a bracket: 以下简称为… in running text
				}
				total++
				if !hasDefinitionAfter(tx.p, c, at) {
					missed = append(missed, tx.p.Position.String()+": "+excerpt(s, at))
				}
			}
		}
	}
	t.Logf("以下简称: %d in brackets, %d yield a term", total, total-len(missed))
	for i, m := range missed {
		if i < 20 {
			t.Logf("  no term: %s", m)
		}
	}
	if len(missed) > total/200 { // explained below: unclosed brackets and over-long names
		t.Errorf("%d of %d 以下简称 yield no term", len(missed), total)
	}
}

func hasDefinitionAfter(p *model.Paragraph, c *model.Corpus, at int) bool {
	for _, l := range p.Links {
		if l.Kind == "term" && l.Definition && l.Start > at && l.Start-at < 40 {
			return true
		}
	}
	return false
}

func excerpt(s string, at int) string {
	from := max(0, at-30)
	for from > 0 && !utf8RuneStart(s[from]) {
		from--
	}
	to := min(len(s), at+60)
	for to < len(s) && !utf8RuneStart(s[to]) {
		to++
	}
	return s[from:to]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// checkPrevParagraphs: every 前款 in an article names the paragraph before
// the one it is in.
func checkPrevParagraphs(t *testing.T, c *model.Corpus) {
	total, bad := 0, []string{}
	for _, r := range c.References {
		if !strings.HasPrefix(r.Text, "前款") || r.From.Article == "" {
			continue
		}
		total++
		ok := r.To != nil && r.Problem == "" && r.To.Document == r.From.Document &&
			r.To.Article == r.From.Article && r.To.Paragraph == r.From.Paragraph-1
		if !ok {
			bad = append(bad, describeRef(r)+" | "+fromText(c, r))
		}
	}
	t.Logf("前款: %d, %d name the previous paragraph", total, total-len(bad))
	for i, b := range bad {
		if i < 20 {
			t.Logf("  %s", b)
		}
	}
	if len(bad) > total/100 {
		t.Errorf("%d of %d 前款 do not name the previous paragraph", len(bad), total)
	}
}

func describeRef(r *model.Reference) string {
	to := "nil"
	if r.To != nil {
		to = r.To.Article + "¶" + strconv.Itoa(r.To.Paragraph)
	}
	return r.From.Document + " " + r.From.Article + "¶" + strconv.Itoa(r.From.Paragraph) + " " + r.Text + " → " + to + " " + r.Problem
}

// checkArticles: every 第X条 of a regulation that is not part of a citation
// of another law names an article of the same regulation that exists.
// Failures are sorted into explained kinds: the article is printed inside
// another one's text (the source joined them: "…决定。 第十六条…", which the
// structure stage has not split), or the article exists but has no such
// 款 or 项 (a label the source dropped, or a wrong number in the source).
func checkArticles(t *testing.T, c *model.Corpus) {
	total, other := 0, 0
	kinds := map[string][]string{}
	for _, r := range c.References {
		if r.Kind != "article" && r.Kind != "paragraph" && r.Kind != "item" {
			continue
		}
		if !strings.HasPrefix(r.Text, "第") && !strings.HasPrefix(r.Text, "本") {
			continue // 前款, 前条, 该法第X条
		}
		if r.Title != "" || r.External || (r.To != nil && r.To.Document != r.From.Document) {
			other++ // 《刑法》第X条, 刑法第X条, an amendment's 第X条
			continue
		}
		total++
		if r.To != nil && r.Problem == "" {
			continue
		}
		kind := "unexplained"
		switch {
		case r.To != nil && r.To.Article != "":
			kind = "article exists, 款 or 项 missing"
		case joinedArticle(c.Document(r.From.Document), r.Problem):
			kind = "article joined to another in the source"
		}
		kinds[kind] = append(kinds[kind], describeRef(r)+" | "+fromText(c, r))
	}
	bad := total
	for _, v := range kinds {
		bad -= len(v)
	}
	t.Logf("第X条 in the regulation itself: %d, %d resolve; %d name another law", total, bad, other)
	for _, k := range []string{"article joined to another in the source", "article exists, 款 or 项 missing", "unexplained"} {
		t.Logf("  %s: %d", k, len(kinds[k]))
		for i, b := range kinds[k] {
			if i < 10 {
				t.Logf("    %s", b)
			}
		}
	}
	if n := len(kinds["unexplained"]); n > total/200 {
		t.Errorf("%d of %d 第X条 do not resolve, unexplained", n, total)
	}
}

// joinedArticle reports whether the article a problem says is missing is
// printed inside the text of another: after a full stop, with its text.
func joinedArticle(d *model.Document, problem string) bool {
	label, _, ok := strings.Cut(strings.TrimPrefix(problem, "no "), " in ")
	if d == nil || !ok {
		return false
	}
	for _, tx := range textsOf(d) {
		s := tx.p.Text
		for off := 0; ; {
			i := strings.Index(s[off:], label)
			if i < 0 {
				break
			}
			at := off + i
			before := strings.TrimRight(s[:at], " 　")
			if strings.HasSuffix(before, "。") || strings.HasSuffix(before, "；") || strings.HasSuffix(before, "）") {
				return true
			}
			off = at + len(label)
		}
	}
	return false
}

// fromText is an excerpt of the text a reference is in.
func fromText(c *model.Corpus, r *model.Reference) string {
	d := c.Document(r.From.Document)
	if d == nil {
		return ""
	}
	for _, tx := range textsOf(d) {
		l := tx.loc()
		if l.Article == r.From.Article && l.Paragraph == r.From.Paragraph && l.Item == r.From.Item &&
			l.Subitem == r.From.Subitem && l.Part == r.From.Part && l.Section == r.From.Section {
			return tx.p.Position.String() + " " + excerpt(tx.p.Text, r.From.Start)
		}
	}
	return ""
}
