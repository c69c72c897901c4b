package link

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/address"
	"tiaoli/generator/compare"
	"tiaoli/generator/model"
)

// corpusOf gives documents their IDs, as the pipeline does before linking.
func corpusOf(docs ...*model.Document) *model.Corpus {
	c := &model.Corpus{Documents: docs}
	address.Assign(c)
	return c
}

// indexedCorpus is corpusOf with the index of each document (D0, D1 …).
func indexedCorpus(docs ...*model.Document) (*model.Corpus, map[string]int) {
	c := corpusOf(docs...) // gives the IDs
	ids := map[string]int{}
	for i, d := range docs {
		ids[d.ID] = i
	}
	return c, ids
}

func regulationDoc(title string, lines ...string) *model.Document {
	d := docFromLines(model.KindRegulation, title, "reg.md", 1, lines)
	d.Date = "2026-01-30"
	return d
}

func newsDoc(title string, lines ...string) *model.Document {
	return docFromLines(model.KindNews, title, "news.txt", 1, lines)
}

// linked returns the spans of a text as "text:T" (a term), "text:=" (a
// definition) or "text:R" (a reference), in order.
func linked(p *model.Paragraph) []string {
	var out []string
	for _, l := range p.Links {
		kind := "T"
		switch {
		case l.Kind == "reference":
			kind = "R"
		case l.Definition:
			kind = "="
		}
		out = append(out, p.Text[l.Start:l.End]+":"+kind)
	}
	return out
}

func clause(d *model.Document, article, paragraph int) *model.Paragraph {
	return &d.Articles[article-1].Clauses[paragraph-1].Paragraph
}

func expectLinks(t *testing.T, p *model.Paragraph, want ...string) {
	t.Helper()
	if got := linked(p); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links of %q:\ngot  %q\nwant %q", p.Text, got, want)
	}
}

const talkGlossary = `
- term: 谈话
  definition: 一种工作方式。
- term: AEO
  kind: acronym
  expansion: 经认证的经营者
  definition: 经认证的经营者。
`

// TestPrecision: terms are linked longest match first, never inside a
// longer word of another sense, never inside their own defining sentence,
// and the defining span is marked as such.
func TestPrecision(t *testing.T) {
	reg := regulationDoc("某某工作办法",
		"第一条 谈话和监督谈话都很重要。",
		"第二条 党委同下级党组织开展的谈话(以下简称监督谈话)，监督谈话应当严肃。监督谈话由党委组织。",
		"第三条 开展监督谈话、谈话，被谈话人应当配合；谈话人应当保密。AEOS不是AEO，XAEO也不是。",
	)
	c := corpusOf(reg)
	if errs := Link(c, []byte(talkGlossary)); len(errs) > 0 {
		t.Fatal(errs)
	}
	// Before its definition 监督谈话 is not yet a term: 谈话 inside it is
	// not linked either (it would change its sense).
	expectLinks(t, clause(reg, 1, 1), "谈话:T")
	expectLinks(t, clause(reg, 2, 1), "谈话:T", "监督谈话:=", "监督谈话:T")
	expectLinks(t, clause(reg, 3, 1), "监督谈话:T", "谈话:T", "AEO:T")
	checkLinks(t, c)
}

// TestAbbreviationAcrossWords: an abbreviation made of characters picked
// from its expansion's words is not linked where the text goes on with the
// rest of the word its last character comes from: 社科普及 spells 普及 out.
func TestAbbreviationAcrossWords(t *testing.T) {
	reg := regulationDoc("某某普及条例",
		"第一条 本条例所称科学技术普及（以下简称科普），是指某种活动。",
		"第二条 每年设科普宣传周和社科普及周，开展科普活动。",
	)
	c := corpusOf(reg)
	if errs := Link(c, nil); len(errs) > 0 {
		t.Fatal(errs)
	}
	expectLinks(t, clause(reg, 2, 1), "科普:T", "科普:T")
	checkLinks(t, c)

	// 市人大会议 reads 大会, but no character before 市人大 makes a word
	// with its 市: the abbreviation is linked
	reg = regulationDoc("某市人民代表大会议事条例",
		"第一条 某市人民代表大会（以下简称市人大）依法行使职权。",
		"第二条 市人大会议期间，在市人大会议上提出议案。",
	)
	c = corpusOf(reg)
	if errs := Link(c, nil); len(errs) > 0 {
		t.Fatal(errs)
	}
	expectLinks(t, clause(reg, 2, 1), "市人大:T", "市人大:T")
	checkLinks(t, c)
}

// TestJointDefinition: a definition naming two things defines each, and
// the shorter term inside either is not linked (longest match).
func TestJointDefinition(t *testing.T) {
	reg := regulationDoc("某某检验管理条例",
		"第二条 本条例所称检验，是指对样品进行检测并出具意见的活动。",
		"第三条 本条例所称检验机构和检验人，是指经主管部门登记从事检验业务的机构和人员。",
		"第四条 检验机构应当聘用检验人；检验人不得同时在两个检验机构执业。",
		"第五条 开展检验应当遵守规程。",
	)
	c := corpusOf(reg)
	if errs := Link(c, nil); len(errs) > 0 {
		t.Fatal(errs)
	}
	// clause(reg, n, 1) is the nth article listed: 第二条 is 1.
	expectLinks(t, clause(reg, 2, 1), "本条例:R", "检验机构:=", "检验人:=", "检验:T")
	expectLinks(t, clause(reg, 3, 1), "检验机构:T", "检验人:T", "检验人:T", "检验机构:T")
	expectLinks(t, clause(reg, 4, 1), "检验:T")
	for _, p := range []*model.Paragraph{clause(reg, 3, 1)} {
		for _, l := range p.Links {
			if term := c.Terms[l.Term]; !strings.HasPrefix(term.Definition, "经主管部门登记") {
				t.Errorf("%s links to the definition %q", p.Text[l.Start:l.End], term.Definition)
			}
		}
	}
	checkLinks(t, c)
}

// TestScopes: a term a document defines applies in that document only,
// from its definition on for 以下简称; corpus-wide terms apply everywhere;
// the regulation a news item carries shares its terms and its 本办法.
func TestScopes(t *testing.T) {
	news := newsDoc("中共中央办公厅印发《某某工作办法》", "近日印发了《某某工作办法》。本办法所说的监督谈话很重要，见第二条。")
	reg := regulationDoc("某某工作办法",
		"第一条 监督谈话很重要。",
		"第二条 开展的谈话(以下简称监督谈话)。AEO是“经认证的经营者”的英文缩写。",
		"第三条 监督谈话和AEO。",
	)
	reg.Carrier = news
	other := newsDoc("另一条新闻", "监督谈话和AEO都出现了。《通知》也出现了。")
	c := corpusOf(news, reg, other)
	Link(c, nil)
	expectLinks(t, clause(reg, 1, 1))
	expectLinks(t, clause(reg, 3, 1), "监督谈话:T", "AEO:T")
	expectLinks(t, &news.Body[0], "《某某工作办法》:R", "本办法:R", "监督谈话:T", "第二条:R")
	expectLinks(t, &other.Body[0], "AEO:T", "《通知》:R")
	for _, r := range c.References {
		switch {
		case r.From.Document == news.ID && r.Text == "第二条":
			if r.To == nil || r.To.Document != reg.ID || r.To.Article != "第二条" {
				t.Errorf("第二条 in the carrier resolves to %+v", r.To)
			}
		case r.From.Document == news.ID && r.Text == "本办法":
			if r.To == nil || r.To.Document != reg.ID {
				t.Errorf("本办法 in the carrier resolves to %+v", r.To)
			}
		case r.Text == "《通知》":
			if r.Problem == "" || !r.External {
				t.Errorf("an undefined 《通知》 is not reported: %+v", r)
			}
		}
	}
	checkLinks(t, c)
}

// TestReferences: every form of reference resolves to the place it names.
func TestReferences(t *testing.T) {
	reg := regulationDoc("某某条例",
		"第一条 总则。",
		"第二条 有下列情形之一的：",
		"（一）甲；",
		"（二）乙；",
		"（三）有前项情形又有第（一）项情形的。",
		"有前款第二项情形的，依照本条例第一条处理。",
		"前两款规定以外的，依照第五条之一、第一条第一款和《中华人民共和国刑法》第二十条处理。",
		"第三条 违反前条规定的，依照本条第二款和第二条至第三条处理；本条所称情形见上述条款。",
		"第五条之一 适用第九十九条。",
	)
	c := corpusOf(reg)
	Link(c, nil)
	got := map[string]string{}
	for _, r := range c.References {
		got[r.From.Article+"|"+r.Text] = to(r, map[string]int{reg.ID: 0}) + "|" + r.Problem
	}
	want := map[string]string{
		"第二条|前项":          "D0 第二条¶1(2)|",
		"第二条|第（一）项":       "D0 第二条¶1(1)|",
		"第二条|前款第二项":       "D0 第二条¶1(2)|",
		"第二条|本条例第一条":      "D0 第一条|",
		"第二条|前两款":         "D0 第二条¶1 through D0 第二条¶2|",
		"第二条|第五条之一":       "D0 第五条之一|",
		"第二条|第一条第一款":      "D0 第一条¶1|",
		"第二条|《中华人民共和国刑法》": "external 《中华人民共和国刑法》|",
		"第二条|第二十条":        "external 《中华人民共和国刑法》|",
		"第三条|前条":          "D0 第二条|",
		"第三条|本条第二款":       "D0 第三条¶2|第三条 has no 第二款",
		"第三条|第二条至第三条":     "D0 第二条 through D0 第三条|",
		"第三条|本条":          "D0 第三条|",
		"第三条|上述条款":        "", // no reference: 本条 in its sentence does not stand right before it
		"第五条之一|第九十九条":     "?|no 第九十九条 in 《某某条例》",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s → %q, want %q", k, got[k], v)
		}
	}
	checkLinks(t, c)
}

// TestItemLists: each item of a list of bracketed items under one 项
// (第（一）、（三）项, 第（一）至（三）项) is a reference of its own to that item,
// linked on its own span; 至 makes a range.
func TestItemLists(t *testing.T) {
	reg := regulationDoc("某某条例",
		"第一条 有下列情形之一的：",
		"（一）甲；",
		"（二）乙；",
		"（三）丙；",
		"（四）丁。",
		"有前款第（一）、（三）、（四）项情形的，从重处理。",
		"第二条 违反本条例第一条第一款第（二）和（四）项的，依照第一条第一款第（一）至（三）项处理。",
	)
	c := linkedReferences(t, reg,
		"第一条|前款第（一）|D0 第一条¶1(1)|",
		"第一条|（三）|D0 第一条¶1(3)|",
		"第一条|（四）项|D0 第一条¶1(4)|",
		"第二条|本条例第一条第一款第（二）|D0 第一条¶1(2)|",
		"第二条|（四）项|D0 第一条¶1(4)|",
		"第二条|第一条第一款第（一）至（三）项|D0 第一条¶1(1) through D0 第一条¶1(3)|",
	)
	expectLinks(t, clause(reg, 1, 2), "前款第（一）:R", "（三）:R", "（四）项:R")
	checkLinks(t, c)
}

// TestMissingArticleIsNoLink: a 第X条 that names an article its document
// does not have (two articles printed as one, a number of an earlier
// version, a law whose articles were not split) points nowhere: a link
// labelled 第X条 that lands on the top of the document would be false. The
// reference keeps its problem for the editor's report.
func TestMissingArticleIsNoLink(t *testing.T) {
	cases := []struct {
		name, text, ref, want string
	}{
		{"merged article", "第三条 议程由委员会决定。 第四条会议设立办公室，按照本条例第四条办理。", "第四条", "?|no 第四条 in 《某某规则》"},
		{"missing paragraph's article", "第三条 依照第九条第二款处理。", "第九条第二款", "?|no 第九条 in 《某某规则》"},
		{"range from a missing article", "第三条 第八条至第十条另行规定。", "第八条至第十条", "?|no 第八条 in 《某某规则》"},
		{"existing article", "第三条 依照第一条处理。", "第一条", "D0 第一条|"},
		{"existing article, missing paragraph", "第三条 依照第一条第五款处理。", "第一条第五款", "D0 第一条¶5|第一条 has no 第五款"},
		{"existing article, missing item", "第三条 依照第一条第（三）项处理。", "第一条第（三）项", "D0 第一条(3)|第一条 has no item 3"},
		{"existing paragraph, missing item", "第三条 依照第二条第一款第（三）项处理。", "第二条第一款第（三）项", "D0 第二条¶1(3)|第二条第一款 has no 第（三）项"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reg := regulationDoc("某某规则", "第一条 总则。", "第二条 适用范围。", tc.text)
			c := corpusOf(reg)
			Link(c, nil)
			got := map[string]string{}
			for _, r := range c.References {
				got[r.Text] = to(r, map[string]int{reg.ID: 0}) + "|" + r.Problem
			}
			if got[tc.ref] != tc.want {
				t.Errorf("%s → %q, want %q (all: %q)", tc.ref, got[tc.ref], tc.want, got)
			}
			checkLinks(t, c)
		})
	}
}

// TestQualifiedAbbreviation: 新《条例》 defined as an abbreviation is linked
// as one citation, and a bare 《条例》 in the same document is not.
func TestQualifiedAbbreviation(t *testing.T) {
	d := newsDoc("评论", "修订后的《某某条例》（以下简称新《条例》）施行。新《条例》规定了义务，《条例》则未定义。")
	c := corpusOf(d)
	Link(c, nil)
	expectLinks(t, &d.Body[0], "《某某条例》:R", "新《条例》:=", "新《条例》:R", "《条例》:R")
	var problems []string
	for _, r := range c.References {
		problems = append(problems, r.Problem)
	}
	if problems[1] != "" || problems[2] == "" {
		t.Errorf("problems %q", problems)
	}
	checkLinks(t, c)
}

// TestArticleOfQualifiedAbbreviation: the 第X条 after 新《条例》 is an
// article of the document the citation found, as after 《某某条例》 and
// after the bracket that defines the abbreviation.
func TestArticleOfQualifiedAbbreviation(t *testing.T) {
	reg := regulationDoc("某某条例", "第一条 总则。", "第二条 分则。")
	note := newsDoc("评论", "修订后的《某某条例》（以下简称新《条例》）第一条规定了总则。新《条例》第二条规定了分则。")
	c := corpusOf(reg, note)
	Link(c, nil)
	ids := map[string]int{reg.ID: 0, note.ID: 1}
	var got []string
	for _, r := range c.References {
		if r.From.Document == note.ID {
			got = append(got, r.Text+"|"+to(r, ids))
		}
	}
	want := []string{"《某某条例》|D0", "第一条|D0 第一条", "新《条例》|D0", "第二条|D0 第二条"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	checkLinks(t, c)
}

// TestListCountMismatch: a named list whose members do not match its
// count is reported, and the term keeps both figures.
func TestListCountMismatch(t *testing.T) {
	d := newsDoc("通知", "明确了“三严禁”，即：严禁甲，严禁乙。")
	c := corpusOf(d)
	errs := Link(c, nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "称有3项，正文列出2项") || errs[0].Line != 1 {
		t.Errorf("errors %v", errs)
	}
	if len(c.Terms) != 1 || c.Terms[0].Count != 3 || len(c.Terms[0].Members) != 2 {
		t.Errorf("terms %+v", c.Terms)
	}
}

func TestGlossaryErrors(t *testing.T) {
	data := `
- term: 四风
  kind: list
  members: [甲, 乙, 丙]
  definition: x
- term: 一把手
- term: 好词
  kind: other
  definition: x
- term: 好词
  definition: x
- term: 坏词
  definition: y
- term: 坏词
  definition: z
`
	defs, errs := parseGlossary([]byte(data))
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		`glossary.yaml:2: 词条「四风」：名称称有4项，词条列出3项`,
		`glossary.yaml:6: 词条「一把手」：没有定义`,
		`glossary.yaml:7: 词条「好词」：类别「other」未知（应为「glossary」「list」或「acronym」）`,
		`glossary.yaml:14: 词条「坏词」：第12行已定义`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if len(defs) != 2 {
		t.Errorf("%d entries kept, want 2", len(defs))
	}
	if _, errs := parseGlossary([]byte("term: x")); len(errs) != 1 {
		t.Errorf("a glossary that is not a list: %v", errs)
	}
}

// TestDeterministic: linking the same corpus twice gives the same result.
func TestDeterministic(t *testing.T) {
	a, b := sampleCorpus(t), sampleCorpus(t)
	Link(a, []byte(talkGlossary))
	Link(b, []byte(talkGlossary))
	if dump(a) != dump(b) {
		t.Error("two runs differ")
	}
}

// checkLinks asserts that every text's links are in order, do not
// overlap, lie on rune boundaries and point at existing terms and
// references; and that every reference and occurrence points back at a
// link.
func checkLinks(t testing.TB, c *model.Corpus) {
	t.Helper()
	for _, d := range c.Documents {
		for _, tx := range textsOf(d) {
			last := 0
			for _, l := range tx.p.Links {
				bad := l.Start < last || l.End <= l.Start || l.End > len(tx.p.Text)
				if !bad && utf8.ValidString(tx.p.Text) { // texts from ingest are valid
					bad = !utf8.RuneStart(tx.p.Text[l.Start]) || (l.End < len(tx.p.Text) && !utf8.RuneStart(tx.p.Text[l.End]))
				}
				switch l.Kind {
				case "term":
					bad = bad || l.Term < 0 || l.Term >= len(c.Terms)
				case "reference":
					bad = bad || l.Reference < 0 || l.Reference >= len(c.References) ||
						c.References[l.Reference].From.Start != l.Start
				default:
					bad = true
				}
				if bad {
					t.Fatalf("%s: bad link %+v in %q", tx.p.Position, l, tx.p.Text)
				}
				last = l.End
			}
		}
	}
}

// TestOwnTitleOfEarlierDate: a document that cites its own title after an
// earlier date (…1992年3月18日发布的《某某条例》同时废止), or as repealed, names the
// version before it: that version when the corpus holds it, and nothing
// when it does not; never the citing document itself.
func TestOwnTitleOfEarlierDate(t *testing.T) {
	repeal := "第三条 本条例自2004年1月1日起施行。1992年3月18日国务院发布的《某某条例》同时废止。"
	cases := []struct {
		name, text string
		older      bool // the corpus holds the 1992 version
		want       string
	}{
		{"earlier version held", repeal, true, "D1|"},
		{"earlier version not held", repeal, false, "?|《某某条例》 names a version before this one that the corpus does not hold"},
		{"own title undated", "第三条 《某某条例》由国务院解释。", true, "D0|"},
		{"date after the title's sentence", "第三条 2004年1月1日起施行。《某某条例》由国务院解释。", true, "D0|"},
		{"repealed, undated", "第三条 本条例施行后，《某某条例》（国发〔1992〕1号）同时废止。", true, "D1|"},
		{"repealed, undated, not held", "第三条 本条例施行后，《某某条例》同时废止。", false, "?|《某某条例》 names a version before this one that the corpus does not hold"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reg := regulationDoc("某某条例", "第一条 总则。", "第二条 适用范围。", tc.text)
			c, ids := withOlder(reg, tc.older, "1992-03-18", "第一条 旧的总则。")
			Link(c, nil)
			got := map[string]string{}
			for _, r := range c.References {
				got[r.Text] = to(r, ids) + "|" + r.Problem
			}
			if got["《某某条例》"] != tc.want {
				t.Errorf("《某某条例》 → %q, want %q (all: %q)", got["《某某条例》"], tc.want, got)
			}
			checkLinks(t, c)
		})
	}
}

// withOlder is a corpus of reg and, when older, a version of it dated
// date with the lines given, and the IDs of both (D0 reg, D1 the older).
func withOlder(reg *model.Document, older bool, date string, lines ...string) (*model.Corpus, map[string]int) {
	docs, ids := []*model.Document{reg}, map[string]int{reg.ID: 0}
	if older {
		old := docFromLines(model.KindRegulation, reg.Title, "old.md", 1, lines)
		old.Date = date
		docs = append(docs, old)
	}
	c := corpusOf(docs...)
	if older {
		ids[docs[1].ID] = 1
	}
	return c, ids
}

// linkedYearVersions links a note dated date (none when "") citing text
// against two versions of 某某条例 whose titles carry their year (2015 with
// three articles, 2018 with two) and whose work dates them, and returns
// each reference as "text → target" (D1 the 2015 version, D2 the 2018).
func linkedYearVersions(text, date string) []string {
	return linkedVersions(text, date, []string{"第一条 旧的总则。", "第二条 旧的范围。", "第三条 旧的附则。"},
		[]string{"第一条 新的总则。", "第二条 新的附则。"})
}

// linkedVersions is linkedYearVersions with the lines of each version.
func linkedVersions(text, date string, old, new []string) []string {
	c, ids := linkedVersionsCorpus(text, date, old, new)
	var got []string
	for _, r := range c.References {
		got = append(got, r.Text+" → "+to(r, ids))
	}
	return got
}

// linkedVersionsCorpus links the corpus of linkedVersions and returns it
// with the index of each document (D0 the note, D1 the 2015 version, D2 the
// 2018).
func linkedVersionsCorpus(text, date string, old, new []string) (*model.Corpus, map[string]int) {
	v15 := regulationDoc("某某条例2015", old...)
	v18 := regulationDoc("某某条例 2018", new...)
	v15.Date, v18.Date = "", ""
	note := newsDoc("评论", text)
	note.Date = date
	c := corpusOf(note, v15, v18)
	c.Works = []*model.Work{{Title: "某某条例", Versions: []model.Version{
		{Document: v18.ID, Date: "2018"}, {Document: v15.ID, Date: "2015"}}}}
	Link(c, nil)
	return c, map[string]int{note.ID: 0, v15.ID: 1, v18.ID: 2}
}

// TestWorkTitle: a citation of a work's title finds the versions whose own
// titles carry a year (某某条例2015, 某某条例 2018), and picks among them by
// the year their work gives them against the date of the citing text.
func TestWorkTitle(t *testing.T) {
	for _, tc := range []struct{ date, want string }{{"2017-05-01", "D1"}, {"2019-05-01", "D2"}} {
		got := linkedYearVersions("依照《某某条例》处理。", tc.date)
		if want := []string{"《某某条例》 → " + tc.want}; !slices.Equal(got, want) {
			t.Errorf("cited on %s: got %q, want %q", tc.date, got, want)
		}
	}
}

// TestUndatedArticleOfOlderVersion: a text of no known date that cites an
// article the newest version of a work lacks links it in the newest
// version that has it; a dated text keeps the version of its date.
func TestUndatedArticleOfOlderVersion(t *testing.T) {
	for _, tc := range []struct{ date, want string }{{"", "D1 第三条"}, {"2019-05-01", "?"}} {
		got := linkedYearVersions("依照《某某条例》第三条处理。", tc.date)
		if want := "第三条 → " + tc.want; len(got) != 2 || got[1] != want {
			t.Errorf("cited on %q: got %q, want the citation, then %q", tc.date, got, want)
		}
	}
}

// TestTitleWithoutIssuer: 《关于…》 cited without its issuer finds the one
// title that reads so after its issuer, and none when two issuers' titles
// do; a title cited without its version mark (（2010）) finds it too.
func TestTitleWithoutIssuer(t *testing.T) {
	cases := []struct {
		name   string
		titles []string
		cited  string
		want   string
	}{
		{"one issuer", []string{"最高人民法院关于审理某某案件的解释"}, "《关于审理某某案件的解释》", "D1"},
		{"two issuers", []string{"最高人民法院关于审理某某案件的解释", "最高人民检察院关于审理某某案件的解释"}, "《关于审理某某案件的解释》", "external 《关于审理某某案件的解释》"},
		{"version mark", []string{"最高人民法院关于某某问题的批复（2010）"}, "《最高人民法院关于某某问题的批复》", "D1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			note := newsDoc("评论", "依照"+tc.cited+"处理。")
			docs := []*model.Document{note}
			for _, title := range tc.titles {
				d := regulationDoc(title, "第一条 总则。")
				docs = append(docs, d)
			}
			c, ids := indexedCorpus(docs...)
			Link(c, nil)
			var got []string
			for _, r := range c.References {
				got = append(got, r.Text+" → "+to(r, ids))
			}
			if want := []string{tc.cited + " → " + tc.want}; !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestIssuedPaperIsNoCitation: a title in 《》 that names a paper issued
// to someone (a certificate, licence, notice or form) is no citation of a
// document, so it links nowhere and is not listed as cited; a regulation
// cited beside it still is.
func TestIssuedPaperIsNoCitation(t *testing.T) {
	reg := regulationDoc("某某管理条例",
		"第一条 检验合格的，发给《某某质量合格证》，并按照《某某质量标准》检验。",
		"第二条 申请人应当领取《某某经营许可证》《营业执照》和《责令改正通知书》，填写《某某登记表》。")
	c := corpusOf(reg)
	Link(c, nil)
	expectLinks(t, clause(reg, 1, 1), "《某某质量标准》:R")
	expectLinks(t, clause(reg, 2, 1))
	var cited []string
	for _, r := range c.References {
		if r.External {
			cited = append(cited, r.Title)
		}
	}
	if strings.Join(cited, " ") != "某某质量标准" {
		t.Errorf("external references %q, want only 某某质量标准", cited)
	}
	checkLinks(t, c)
}

// TestArticleAfterAbbreviation: a 第X条 right after the bracket that
// abbreviates a citation (《X》（以下简称《Y》）第五条, spaces allowed before
// the bracket) is X's article, not one of the citing text's own; a bracket
// that abbreviates a name printed without 《》 (某某条例（以下简称《条例》）)
// borrows nothing from a citation further back in the text: 《Y》 is what
// the bracket's definition expands to.
func TestArticleAfterAbbreviation(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       map[string]string
	}{
		{"right after the citation", "根据《某某条例》（以下简称《条例》）第五条的规定处理。依照《某某条例》（2026年）第六条处理。",
			map[string]string{"第五条": "D0 第五条|", "第六条": "D0 第六条|"}},
		{"spaces before the bracket", "根据《某某条例》 （以下简称《条例》）第五条的规定处理。",
			map[string]string{"第五条": "D0 第五条|"}},
		{"a note between", "根据《某某条例》（2026年1月30日某会议通过）（以下简称《条例》）第五条的规定处理。",
			map[string]string{"第五条": "D0 第五条|"}},
		{"citation further back", "根据《甲法》的精神，某某条例（以下简称《条例》）第二条规定处理。",
			map[string]string{"第二条": "D0 第二条|"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := regulationDoc("某某条例", "第一条 总则。", "第二条 范围。", "第五条 甲。", "第六条 乙。")
			other := regulationDoc("甲法", "第一条 总则。", "第二条 范围。")
			note := docFromLines(model.KindCommentary, "谈某某条例", "note.md", 1, []string{tc.text})
			c := corpusOf(reg, other, note)
			Link(c, nil)
			got := map[string]string{}
			for _, r := range c.References {
				if r.From.Document == note.ID {
					got[r.Text] = to(r, map[string]int{reg.ID: 0, other.ID: 1}) + "|" + r.Problem
				}
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s → %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
			checkLinks(t, c)
		})
	}
}

// TestArticleOfNumberedParts: a regulation that numbers its parts 一、二、
// (an amendment) has them cited as 第一条, 第二条: 《X》第二条 is its second
// part; a 款 of it, or any 第X条 of a commentary's own parts, is not.
func TestArticleOfNumberedParts(t *testing.T) {
	amend := &model.Document{Kind: model.KindRegulation, Title: "某某法修正案", Date: "2026-01-30",
		Sources: []model.Position{{Path: "amend.md", Line: 1}}}
	for i, l := range []string{"一、", "二、", "三、"} {
		amend.Sections = append(amend.Sections, &model.Section{Label: l,
			Body: []model.Paragraph{{Text: "将第" + strings.Repeat("十", i+1) + "条修改为：……"}}})
	}
	note := &model.Document{Kind: model.KindCommentary, Title: "谈修正案", Sources: []model.Position{{Path: "note.md", Line: 1}}}
	note.Sections = []*model.Section{
		{Label: "一、", Body: []model.Paragraph{{Text: "《某某法修正案》第二条修改了该条，《某某法修正案》第三条第一款另有规定。"}}},
		{Label: "二、", Body: []model.Paragraph{{Text: "依照第一条处理。"}}},
	}
	c := corpusOf(amend, note)
	Link(c, nil)
	got := map[string]string{}
	for _, r := range c.References {
		if r.From.Document == note.ID && r.Kind != "citation" {
			to := "-"
			if r.To != nil {
				to = r.To.Document + "§" + r.To.Section
			}
			got[r.Text] = to
		}
	}
	want := map[string]string{"第二条": amend.ID + "§2", "第三条第一款": "-"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s → %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if g, ok := got["第一条"]; ok && g != "-" {
		t.Errorf("a commentary's bare 第一条 → %q, want no link", g)
	}
	checkLinks(t, c)
}

// TestUndatedParagraphOfOlderVersion: a text of no known date that cites a
// 款 the newest version's article lacks links it in the newest version
// whose article has it; a dated text keeps the version of its date, with a
// problem.
func TestUndatedParagraphOfOlderVersion(t *testing.T) {
	for _, tc := range []struct{ date, want string }{{"", "D1 第二条¶2"}, {"2019-05-01", "D2 第二条¶2"}} {
		got := linkedVersions("依照《某某条例》第二条第二款处理。", tc.date,
			[]string{"第一条 旧的总则。", "第二条 旧的范围。", "旧的例外。"}, []string{"第一条 新的总则。", "第二条 新的范围。"})
		if want := "第二条第二款 → " + tc.want; len(got) != 2 || got[1] != want {
			t.Errorf("cited on %q: got %q, want the citation, then %q", tc.date, got, want)
		}
	}
}

// TestCitingTitleYear: an undated regulation or notice whose title's
// version mark names a year (某某批复（2016）) cites the version of a work
// in force that year; without the mark it cites the newest, and a news
// headline's closing year (…2016) does not date it.
func TestCitingTitleYear(t *testing.T) {
	for _, tc := range []struct {
		kind, title, want string
	}{
		{model.KindRegulation, "某某机关关于某某问题的批复（2016）", "D2"},
		{model.KindNotice, "关于贯彻执行《某某规定》的通知_2016", "D2"},
		{model.KindRegulation, "某某机关关于某某问题的批复", "D3"},
		{model.KindNews, "回望2016", "D3"},
	} {
		citing := regulationDoc(tc.title, "第一条 依照《某某条例》处理。")
		citing.Kind, citing.Date = tc.kind, ""
		v15 := regulationDoc("某某条例2015", "第一条 旧的总则。")
		v18 := regulationDoc("某某条例 2018", "第一条 新的总则。")
		v15.Date, v18.Date = "", ""
		c := corpusOf(newsDoc("无关", "正文。"), citing, v15, v18)
		c.Works = []*model.Work{{Title: "某某条例", Versions: []model.Version{
			{Document: v18.ID, Date: "2018"}, {Document: v15.ID, Date: "2015"}}}}
		Link(c, nil)
		ids := map[string]int{citing.ID: 1, v15.ID: 2, v18.ID: 3}
		var got []string
		for _, r := range c.References {
			if r.Text == "《某某条例》" {
				got = append(got, to(r, ids))
			}
		}
		if !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%s %s: got %q, want %q", tc.kind, tc.title, got, tc.want)
		}
	}
}

// TestOwnTitleAmongVersions: a title found as one version's own title
// (中华人民共和国某某法) still picks among the versions of its work by date,
// one known by its title's year alone (某某法（2020年修订）) included; a
// title cited with its version mark names that version whatever the date.
// A version is dated by the latest of its dates: one whose publication
// printed is older than its last amendment (2020-12-26, amended 2023-12-29)
// is not the version of 2022.
func TestOwnTitleAmongVersions(t *testing.T) {
	for _, tc := range []struct{ cited, date, published, want string }{
		{"《中华人民共和国某某法》", "2022-05-01", "", "D2"},
		{"《中华人民共和国某某法》", "2024-05-01", "", "D3"},
		{"《某某法（2020年修订）》", "2024-05-01", "", "D2"},
		{"《中华人民共和国某某法》", "2022-05-01", "2020-12-26", "D2"},
		{"《中华人民共和国某某法》", "2024-05-01", "2020-12-26", "D3"},
	} {
		note := newsDoc("评论", "依照"+tc.cited+"处理。")
		note.Date = tc.date
		v20 := regulationDoc("某某法（2020年修订）", "第一条 旧的总则。")
		v23 := regulationDoc("中华人民共和国某某法", "第一条 新的总则。")
		v20.Date, v23.Date, v23.Published = "", "2023-12-29", tc.published
		c := corpusOf(note, v20, v23)
		c.Works = []*model.Work{{Title: "中华人民共和国某某法", Versions: []model.Version{
			{Document: v23.ID, Date: "2023-12-29"}, {Document: v20.ID, Date: "2020"}}}}
		Link(c, nil)
		ids := map[string]int{note.ID: 1, v20.ID: 2, v23.ID: 3}
		var got []string
		for _, r := range c.References {
			got = append(got, to(r, ids))
		}
		if !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%s on %s (published %q): got %q, want %q", tc.cited, tc.date, tc.published, got, tc.want)
		}
	}
}

// TestArticleCitedBeforeEveryVersion: a 第X条 cited in a year before every
// version of its law the corpus holds, when those versions renumber their
// articles (their alignment pairs articles of different numbers), was most
// likely another article then: it stays unresolved, with a problem. A law
// held in one version is linked (the site notes the later text) when the
// citing sentence speaks of the article (shares its rare words), else it
// stays unresolved too. A law held in versions that number alike (a
// 第X条之一 inserted, the last article dropped: the counts differ, the
// numbers of what both hold do not) is linked; so are a citation of the
// whole law, and one made while a held version was in force.
func TestArticleCitedBeforeEveryVersion(t *testing.T) {
	renumbered := [2][]string{{"第一条 为了规范某某活动，制定本条例。", "第二条 本条例适用于全省范围。", "第三条 本条例自公布之日起施行。"},
		{"第一条 为了规范某某活动，制定本条例。", "第二条 本条例自公布之日起施行。"}}
	kept := [2][]string{{"第一条 为了规范某某活动，制定本条例。", "第二条 本条例自公布之日起施行。"},
		{"第一条 为了规范某某活动，制定本条例。", "第一条之一 本条例适用于全省范围。", "第二条 本条例自公布之日起施行。"}}
	lastDropped := [2][]string{{"第一条 为了规范某某活动，制定本条例。", "第二条 本条例自公布之日起施行。", "第三条 旧的附件另行公布。"},
		{"第一条 为了规范某某活动，制定本条例。", "第二条 本条例自公布之日起施行。"}}
	cases := []struct {
		name, text, date string
		versions         [2][]string
		single           bool // the corpus holds the 2018 version alone
		problem          bool
	}{
		{"before every version, renumbered", "依照《某某条例》第二条处理。", "2010-05-01", renumbered, false, true},
		{"before the only version, speaking of its article", "依照《某某条例》第二条，该条例自公布之日起施行。", "2010-05-01", renumbered, true, false},
		{"before the only version, not speaking of it", "违反《某某条例》第二条，擅自转让许可证的，没收违法所得。", "2010-05-01", renumbered, true, true},
		{"before every version, numbers kept", "依照《某某条例》第二条处理。", "2010-05-01", kept, false, false},
		{"before every version, the last article dropped", "依照《某某条例》第二条处理。", "2010-05-01", lastDropped, false, false},
		{"while a held version was in force", "依照《某某条例》第二条处理。", "2016-05-01", renumbered, false, false},
		{"the whole law", "依照《某某条例》处理。", "2010-05-01", renumbered, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v15 := regulationDoc("某某条例2015", tc.versions[0]...)
			v18 := regulationDoc("某某条例 2018", tc.versions[1]...)
			v15.Date, v18.Date = "", ""
			note := newsDoc("评论", tc.text)
			note.Date = tc.date
			c := corpusOf(note, v15, v18)
			versions := []model.Version{{Document: v18.ID, Date: "2018", Doc: v18}, {Document: v15.ID, Date: "2015", Doc: v15}}
			if tc.single {
				c = corpusOf(note, v18)
				versions = versions[:1]
			}
			c.Works = []*model.Work{{Title: "某某条例", Versions: versions}}
			c.Comparisons = compare.Works(c.Works, nil)
			for _, cmp := range c.Comparisons {
				cmp.From, cmp.To = cmp.FromDoc.ID, cmp.ToDoc.ID
			}
			Link(c, nil)
			var last *model.Reference
			for _, r := range c.References {
				if r.From.Document == note.ID {
					last = r
				}
			}
			if last == nil || last.To == nil {
				t.Fatalf("%q resolves nowhere: %+v", last.Text, last)
			}
			if got := last.Problem != ""; got != tc.problem {
				t.Errorf("%q → %+v, problem %q; want a problem: %v", last.Text, *last.To, last.Problem, tc.problem)
			}
			checkLinks(t, c)
		})
	}
}

// TestCitationOfCodeInParts: a code printed as several files that share
// its title and date (its parts) is cited as a whole at the part that
// holds 第一条, whichever part the corpus lists first; a 第X条 after the
// citation still finds the part that holds it.
func TestCitationOfCodeInParts(t *testing.T) {
	later := regulationDoc("某某法典", "第五条 后编的第一条。", "第六条 后编的第二条。")
	first := regulationDoc("某某法典", "第一条 总则。", "第二条 范围。")
	first.Sources[0].Path = "first.md"
	note := docFromLines(model.KindCommentary, "谈某某法典", "note.md", 1, []string{"依照《某某法典》处理。依照《某某法典》第六条处理。"})
	note.Date = "2026-03-01"
	c := corpusOf(later, first, note)
	Link(c, nil)
	ids := map[string]int{later.ID: 0, first.ID: 1}
	var got []string
	for _, r := range c.References {
		if r.From.Document == note.ID {
			got = append(got, r.Text+" → "+to(r, ids))
		}
	}
	want := []string{"《某某法典》 → D1", "《某某法典》 → D1", "第六条 → D0 第六条"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	parts := []string{later.ID, first.ID}
	if !slices.Equal(later.Parts, parts) || !slices.Equal(first.Parts, parts) || note.Parts != nil {
		t.Errorf("parts: %q, %q, the note's %q; want %q twice and none", later.Parts, first.Parts, note.Parts, parts)
	}
	checkLinks(t, c)
}

// TestPartsShareADate: regulations of one title are the parts of a code
// only when they share a known date: undated ones, or of other dates
// (versions), are not.
func TestPartsShareADate(t *testing.T) {
	a := regulationDoc("某某规则", "第一条 总则。")
	b := regulationDoc("某某规则", "第二条 范围。")
	b.Sources[0].Path = "b.md"
	for _, dates := range [][2]string{{"", ""}, {"2019-01-01", "2020-01-01"}} {
		a.Date, b.Date = dates[0], dates[1]
		c := corpusOf(a, b)
		Link(c, nil)
		if a.Parts != nil || b.Parts != nil {
			t.Errorf("dated %q: parts %q, %q; want none", dates, a.Parts, b.Parts)
		}
	}
}

// TestPartsComeFromFilesOfTheirOwn: two texts one file prints one after
// the other, under one title and date, are no parts of one code.
func TestPartsComeFromFilesOfTheirOwn(t *testing.T) {
	a := regulationDoc("某某规则", "第一条 总则。")
	b := docFromLines(model.KindRegulation, "某某规则", "reg.md", 20, []string{"第一条 另一文本的总则。"})
	b.Date = a.Date
	c := corpusOf(a, b)
	Link(c, nil)
	if a.ID == b.ID {
		t.Fatalf("one id %q for both texts", a.ID)
	}
	if a.Parts != nil || b.Parts != nil {
		t.Errorf("parts %q, %q; want none", a.Parts, b.Parts)
	}
}

// TestSpeaksOf: a citing sentence speaks of the article it cites when it
// shares that article's rare words, more than most other articles do; the
// references and the cited title in it do not count.
func TestSpeaksOf(t *testing.T) {
	law := regulationDoc("某某管理法",
		"第一条 为了加强某某管理，制定本法。",
		"第二条 某某管理工作由县级以上人民政府负责。",
		"第三条 申请临时占用某某场地的，应当经县级以上人民政府批准。",
		"第四条 违反本法规定的，由县级以上人民政府责令改正。",
		"第五条 擅自转让经营许可证的，没收违法所得，并处罚款。")
	cases := []struct {
		text    string
		article int
		want    bool
	}{
		{"临时占用场地的，依照某某管理法第三条的规定办理。", 3, true},
		{"临时占用场地的，依照某某管理法第五条的规定办理。", 5, false},
		{"依照某某管理法第二条的规定办理。", 2, false},
		{"擅自转让许可证的，依照某某管理法第三条、第五条处罚。", 5, true},
	}
	for _, tc := range cases {
		raws := scanRefs(tc.text)
		var raw rawRef
		for _, r := range raws {
			if r.P.Article == tc.article {
				raw = r
			}
		}
		raw.Title = "某某管理法"
		if got := speaksOf(tc.text, raw, law, newTitleIndex([]*model.Document{law}, nil, nil).articleTexts(0), tc.article-1); got != tc.want {
			t.Errorf("%s (第%d条): got %v, want %v", tc.text, tc.article, got, tc.want)
		}
	}
}

// TestMemoRereadsWords: a document that cites an article of the only
// version of a law made after it reads the words of that law's articles
// (speaksOf); through a Memo it is linked anew when they change, and gives
// what a whole link gives.
func TestMemoRereadsWords(t *testing.T) {
	corpus := func(article string) *model.Corpus {
		law := regulationDoc("某某条例 2018", "第一条 为了规范某某活动，制定本条例。", article)
		note := newsDoc("评论", "依照《某某条例》第二条，该条例自公布之日起施行。")
		note.Date = "2010-05-01"
		return corpusOf(note, law)
	}
	problem := func(c *model.Corpus) string {
		for _, r := range c.References {
			if r.From.Document == c.Documents[0].ID && r.To != nil && r.To.Article != "" {
				return r.Problem
			}
		}
		t.Fatal("no reference to an article")
		return ""
	}
	m := NewMemo()
	c := corpus("第二条 本条例自公布之日起施行。")
	m.Link(c, nil)
	if p := problem(c); p != "" {
		t.Fatalf("the sentence that speaks of 第二条 is not linked: %s", p)
	}
	edited := corpus("第二条 某某活动由县级以上人民政府管理。")
	m.Link(edited, nil)
	if _, l := m.Anew(); l < 2 {
		t.Errorf("the law's words changed: %d documents linked anew, want the law and the note", l)
	}
	fresh := corpus("第二条 某某活动由县级以上人民政府管理。")
	Link(fresh, nil)
	if got, want := problem(edited), problem(fresh); got != want || got == "" {
		t.Errorf("through the memo the problem is %q, a whole link gives %q", got, want)
	}
}

// TestNameCutFromLongerName: a law named without 《》 whose words end in a
// title the corpus holds (仲裁法), after a character that makes it the tail
// of a longer name the corpus knows only as cited (甲乙调解仲裁法), names
// another law and links nowhere, whether the words are that longer name's
// tail (调解仲裁法) or another name of its shape (丙乙调解仲裁法); a name
// after a verb, a 我国 or 修改后的 still links, as does a short title (刑法
// of 中华人民共和国刑法). Unknown words (无名办法) show the reference left
// unresolved the same way.
func TestNameCutFromLongerName(t *testing.T) {
	cases := []struct{ text, want string }{
		{"依照甲乙调解仲裁法第一条处理。", "第一条 → external 《甲乙调解仲裁法》"},
		{"依照调解仲裁法第一条处理。", "第一条 → external 《》"},
		{"依照丙乙调解仲裁法第一条处理。", "第一条 → external 《》"},
		{"依照调解仲裁法的规定处理。", ""},
		{"依照某某仲裁法第一条处理。", "第一条 → external 《某某仲裁法》"},
		{"依照戊丁法实施条例第一条处理。", "第一条 → external 《》"},
		{"依照无名办法第一条处理。", "第一条 → external 《》"},
		{"依照仲裁法第一条处理。", "第一条 → D1 第一条"},
		{"依照我国仲裁法第一条处理。", "第一条 → D1 第一条"},
		{"依照修改后的仲裁法的规定处理。", "仲裁法 → D1"},
		{"构成刑法第一条规定的情形。", "第一条 → D3 第一条"},
		{"构成刑法分则第一章第一条规定的情形。", "第一条 → D3 第一条"},
		{"依照实施条例第一条处理。", "第一条 → D2 第一条"},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			note := newsDoc("评论", "另见《中华人民共和国甲乙调解仲裁法》、《某某仲裁法》和《丙丁法实施条例》。"+tc.text)
			docs := []*model.Document{note,
				regulationDoc("中华人民共和国仲裁法", "第一条 总则。"),
				regulationDoc("实施条例", "第一条 总则。"),
				regulationDoc("中华人民共和国刑法", "第一条 总则。")}
			c := corpusOf(docs...)
			ids := map[string]int{}
			for i, d := range docs {
				ids[d.ID] = i
			}
			Link(c, nil)
			var got []string
			for _, r := range c.References {
				if r.Kind != "citation" {
					got = append(got, r.Text+" → "+to(r, ids))
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

// TestItemParagraphOfLeadArticle: the items of a 款 whose lead says one
// whole article is violated (违反本条例第二条规定的，按照下列规定处罚：) name that
// article's 款 by a bare 第N款, even where their own article has a 款 of
// that number. A lead that cites an article otherwise (依照本条例第二条的规定
// 处罚：) leaves the items' 款 their own article's.
func TestItemParagraphOfLeadArticle(t *testing.T) {
	for _, tc := range []struct {
		lead string
		want []string
	}{
		{"第三条 违反本条例第二条规定的，由主管部门按照下列规定处罚：",
			[]string{"第一款 → D0 第二条¶1", "第二款 → D0 第二条¶2", "第三款 → D0 第二条¶3"}},
		{"第三条 违反本条例第二条的，由主管部门按照下列规定处罚：",
			[]string{"第一款 → D0 第二条¶1", "第二款 → D0 第二条¶2", "第三款 → D0 第二条¶3"}},
		{"第三条 有下列行为之一的，依照本条例第二条的规定处罚：",
			[]string{"第一款 → D0 第三条¶1", "第二款 → D0 第三条¶2", "第三款 → D0 第二条¶3"}}, // its own article has no 第三款},
	} {
		reg := regulationDoc("某某条例",
			"第一条 为了某某，制定本条例。",
			"第二条 建设单位应当委托检测。",
			"施工单位应当履行义务。",
			"监理单位应当报告。",
			tc.lead,
			"（一）违反第一款规定的，责令改正；",
			"（二）违反第二款、第三款规定的，处以罚款。",
			"前款第（一）项行为情节严重的，责令停业整顿。")
		c := corpusOf(reg)
		Link(c, nil)
		var got []string
		for _, r := range c.References {
			if r.From.Article == "第三条" && r.From.Item > 0 {
				got = append(got, r.Text+" → "+to(r, map[string]int{reg.ID: 0}))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: references:\n%q\nwant\n%q", tc.lead, got, tc.want)
		}
		checkLinks(t, c)
	}
}

// TestPriorRevisionCited: a 第X条 of a law named after 修订前的 (修改前的,
// 修正前的) is an article of the version before the one in force when the
// citing text was made, and the 《X》 before it names that version too:
// that version when the corpus holds it, else nothing, with Earlier and
// Before (the day of the version in force when the corpus holds it dated
// to the day; none for a version known by its year alone, or when the
// corpus holds no version in force at the citing date).
func TestPriorRevisionCited(t *testing.T) {
	old := []string{"第一条 旧的总则。", "第二条 旧的范围。", "第三条 旧的附则。"}
	new := []string{"第一条 新的总则。", "第二条 新的附则。"}
	for _, tc := range []struct {
		text, date string
		dated      bool // the versions are dated to the day, not by their titles' years
		want       []string
		before     string
	}{
		{"适用修订前的《某某条例》第二条的规定。", "2019-05-01", false, []string{"《某某条例》 → D1", "第二条 → D1 第二条"}, ""},
		{"适用修改前的某某条例第三条的规定。", "2019-05-01", false, []string{"第三条 → D1 第三条"}, ""},
		{"适用修订前的《某某条例》第二条的规定。", "2016-05-01", false, []string{"《某某条例》 → ?", "第二条 → ?"}, ""},
		{"适用修订前的《某某条例》第二条的规定。", "2016-05-01", true, []string{"《某某条例》 → ?", "第二条 → ?"}, "2015-03-01"},
		{"适用修订前的《某某条例》第二条的规定。", "2010-01-01", false, []string{"《某某条例》 → ?", "第二条 → ?"}, ""},
		{"适用《某某条例》第二条的规定。", "2019-05-01", false, []string{"《某某条例》 → D2", "第二条 → D2 第二条"}, ""},
	} {
		c, ids := linkedVersionsCorpus(tc.text, tc.date, old, new)
		if tc.dated {
			v15, v18 := c.Documents[1], c.Documents[2]
			v15.Title, v18.Title = "某某条例", "某某条例"
			v15.Date, v18.Date = "2015-03-01", "2018-06-01"
			c.Works = nil
			for _, d := range c.Documents {
				d.ID = ""
			}
			c = corpusOf(c.Documents...)
			ids = map[string]int{c.Documents[0].ID: 0, v15.ID: 1, v18.ID: 2}
			c.References = nil
			Link(c, nil)
		}
		var got []string
		for _, r := range c.References {
			got = append(got, r.Text+" → "+to(r, ids))
			if r.To == nil && (!r.Earlier || r.Before != tc.before || r.Problem == "") || r.To != nil && (r.Earlier || r.Before != "") {
				t.Errorf("%s cited on %s: %s earlier %v, before %q, problem %q; want before %q", tc.text, tc.date, r.Text, r.Earlier, r.Before, r.Problem, tc.before)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s cited on %s: %q, want %q", tc.text, tc.date, got, tc.want)
		}
	}
}
