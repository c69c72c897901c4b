package link_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tiaoli/generator"
	"tiaoli/generator/link"
	"tiaoli/generator/model"
	"tiaoli/internal/golden"
	"tiaoli/internal/testdir"
)

func glossary(t *testing.T) []byte {
	data, err := os.ReadFile(filepath.Join(testdir.Root(t), "content", "glossary.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSamples links the documents of the two sample pages, built by hand
// as the ingest and regulation stages are to build them, and checks them
// against a golden file and the points the linking issue names.
func TestSamples(t *testing.T) {
	c := link.SampleCorpus(t)
	if errs := link.Link(c, glossary(t)); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
	golden.Check(t, filepath.Join("testdata", "samples.golden"), []byte(link.Dump(c)))
	link.CheckLinks(t, c)
	checkSamples(t, c)
}

// TestParsedSamples does the same through generator.Parse over the content
// folder, once the ingest and regulation stages read the sample regulation
// (20 articles).
func TestParsedSamples(t *testing.T) {
	c := generator.Parse(os.DirFS(filepath.Join(testdir.Root(t), "content")))
	if reg := sampleRegulation(c); reg == nil || len(reg.Articles) != 20 {
		t.Skip("generator.Parse does not yet give the sample regulation with 20 articles")
	}
	golden.Check(t, filepath.Join("testdata", "parsed-samples.golden"), []byte(link.DumpLinks(c)))
	link.CheckLinks(t, c)
	checkSamples(t, c)
}

func sampleRegulation(c *model.Corpus) *model.Document {
	for _, d := range c.Documents {
		if d.Kind == model.KindRegulation && strings.Contains(d.Title, "监督谈话工作办法") {
			return d
		}
	}
	return nil
}

func term(t *testing.T, c *model.Corpus, name string) *model.Term {
	t.Helper()
	for _, x := range c.Terms {
		if x.Term == name {
			return x
		}
	}
	t.Fatalf("no term %s", name)
	return nil
}

// usedIn reports whether a term occurs in the given article of the
// document (and paragraph, when not 0).
func usedIn(x *model.Term, doc, article string, paragraph int) bool {
	for _, o := range x.Occurrences {
		if o.Document == doc && o.Article == article && (paragraph == 0 || o.Paragraph == paragraph) {
			return true
		}
	}
	return false
}

func checkSamples(t *testing.T, c *model.Corpus) {
	reg := sampleRegulation(c)
	if reg == nil {
		t.Fatal("no sample regulation")
	}
	checkTalks(t, c, reg.ID)
	checkNotice(t, c)
	checkAcronym(t, c)
	checkScope(t, c, reg.ID)
	checkReferences(t, c, reg.ID)
	checkCited(t, c)
}

func checkTalks(t *testing.T, c *model.Corpus, reg string) {
	talk := term(t, c, "监督谈话")
	if talk.DefinedIn == nil || talk.DefinedIn.Document != reg || talk.DefinedIn.Article != "第二条" || talk.DefinedIn.Paragraph != 1 {
		t.Errorf("监督谈话 defined in %+v, want 第二条 paragraph 1", talk.DefinedIn)
	}
	if !strings.Contains(talk.Definition, "开展的谈话") || len(talk.Occurrences) < 15 || !usedIn(talk, reg, "第五条", 1) {
		t.Errorf("监督谈话: definition %q, %d occurrences", talk.Definition, len(talk.Occurrences))
	}
	if strings.Join(talk.Includes, ",") != "定期谈话,及时谈话" {
		t.Errorf("监督谈话 includes %v", talk.Includes)
	}
	lower := term(t, c, "下级党组织")
	if lower.DefinedIn == nil || lower.DefinedIn.Article != "第二条" || !strings.Contains(lower.Definition, "单位党组织") || !usedIn(lower, reg, "第三条", 1) {
		t.Errorf("下级党组织: %+v", lower)
	}
	for _, name := range []string{"定期谈话", "及时谈话"} {
		x := term(t, c, name)
		if x.KindOf != "监督谈话" || x.DefinedIn == nil || x.DefinedIn.Article != "第五条" || x.DefinedIn.Paragraph != 1 {
			t.Errorf("%s: kind of %q, defined in %+v", name, x.KindOf, x.DefinedIn)
		}
	}
	if x := term(t, c, "定期谈话"); !usedIn(x, reg, "第七条", 0) || !usedIn(x, reg, "第十条", 1) {
		t.Errorf("定期谈话 not linked in 第七条 and 第十条: %v", x.Occurrences)
	}
	if x := term(t, c, "及时谈话"); !usedIn(x, reg, "第五条", 3) || !usedIn(x, reg, "第十条", 2) {
		t.Errorf("及时谈话 not linked in 第五条第三款 and 第十条第二款: %v", x.Occurrences)
	}
	if x := term(t, c, "一把手"); !usedIn(x, reg, "第三条", 1) || x.Kind != model.TermGlossary {
		t.Errorf("一把手 (glossary) not linked in 第三条: %+v", x)
	}
	if x := term(t, c, "四风"); !usedIn(x, reg, "第五条", 3) || x.Count != 4 {
		t.Errorf("四风 (glossary list) not linked in 第五条第三款: %+v", x)
	}
}

func checkNotice(t *testing.T, c *model.Corpus) {
	ten := term(t, c, "十严禁")
	if ten.Kind != model.TermList || ten.Count != 10 || len(ten.Members) != 10 {
		t.Errorf("十严禁: kind %s, count %d, %d members %q", ten.Kind, ten.Count, len(ten.Members), ten.Members)
	}
	if len(ten.Members) == 10 && (ten.Members[0] != "严禁结党营私、搞小圈子" || ten.Members[9] != "严禁干扰换届") {
		t.Errorf("十严禁 members %q", ten.Members)
	}
	abbr := term(t, c, "《通知》")
	if abbr.Kind != model.TermAbbreviation || abbr.Expansion != "《关于严肃换届纪律加强换届风气监督的通知》" || len(abbr.Occurrences) < 5 {
		t.Errorf("《通知》: %+v", abbr)
	}
	n := 0
	for _, r := range c.References {
		if r.Text == "《通知》" {
			n++
			if r.To == nil || r.Problem != "" || r.To.Document != abbr.DefinedIn.Document {
				t.Errorf("《通知》 at %+v resolves to %+v (%s), want the news item on the notice", r.From, r.To, r.Problem)
			}
		}
	}
	if n < 5 {
		t.Errorf("%d references 《通知》, want at least 5", n)
	}
}

func checkAcronym(t *testing.T, c *model.Corpus) {
	aeo := term(t, c, "AEO")
	if aeo.Kind != model.TermAcronym || aeo.Expansion != "经认证的经营者" || len(aeo.Occurrences) < 8 || aeo.Scope != "corpus" {
		t.Errorf("AEO: %+v", aeo)
	}
	if exp := term(t, c, "经认证的经营者"); exp.Acronym != "AEO" {
		t.Errorf("经认证的经营者 does not name its acronym: %+v", exp)
	}
}

func checkScope(t *testing.T, c *model.Corpus, reg string) {
	// Parsed, the brackets between Han characters are full width; the
	// fixture keeps the sample's lines as printed.
	name, def := "办公厅（室）", "履行办公厅（室）职责的部门"
	for _, x := range c.Terms {
		if x.Term == "办公厅(室)" {
			name, def = "办公厅(室)", "履行办公厅(室)职责的部门"
		}
	}
	office := term(t, c, name)
	if office.Scope != "rest" || office.DefinedIn == nil || office.DefinedIn.Article != "第六条" ||
		office.Definition != def || !usedIn(office, reg, "第十二条", 1) {
		t.Errorf("%s: %+v", name, office)
	}
}

func checkReferences(t *testing.T, c *model.Corpus, reg string) {
	found := false
	for _, r := range c.References {
		if r.Text == "前款" && r.From.Document == reg && r.From.Article == "第十条" {
			found = true
			if r.To == nil || r.To.Document != reg || r.To.Article != "第十条" || r.To.Paragraph != 1 || r.To.Item != 0 {
				t.Errorf("第十条's 前款 resolves to %+v, want 第十条第一款", r.To)
			}
		}
		if r.Kind == "above" && r.From.Article == "第九条" && (len(r.Antecedents) != 2 || r.External || r.To != nil) {
			t.Errorf("第九条's 上述法规文件: %+v", r)
		}
		if r.Kind == "document" && r.From.Document == reg && (r.To == nil || r.To.Document != reg) {
			t.Errorf("%s in %s resolves to %+v", r.Text, r.From.Article, r.To)
		}
	}
	if !found {
		t.Error("no 前款 in 第十条")
	}
}

func checkCited(t *testing.T, c *model.Corpus) {
	var got []string
	for _, cd := range c.Cited {
		got = append(got, cd.Title)
		if len(cd.CitedBy) == 0 {
			t.Errorf("《%s》 is cited by nothing", cd.Title)
		}
	}
	slices.Sort(got)
	want := []string{
		"中共中央关于加强对“一把手”和领导班子监督的意见",
		"中国共产党党内监督条例",
		"中国共产党党组工作条例",
		"党委(党组)落实全面从严治党主体责任规定",
	}
	// Parsed text has full-width brackets between Han characters; the
	// fixture keeps them as printed.
	narrow := strings.NewReplacer("（", "(", "）", ")")
	if narrow.Replace(strings.Join(got, "\n")) != strings.Join(want, "\n") {
		t.Errorf("cited documents not in the corpus:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
