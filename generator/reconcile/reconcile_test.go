package reconcile

import (
	"fmt"
	"strings"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// body makes one paragraph per non-blank line of text, at its line.
func body(path, text string) []model.Paragraph {
	var out []model.Paragraph
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, model.Paragraph{Text: strings.TrimSpace(l), Position: model.Position{Path: path, Line: i + 1}})
		}
	}
	return out
}

// reg parses a regulation read from path.
func reg(path, text string) *model.Document {
	d := &model.Document{Kind: model.KindRegulation, Body: body(path, text)}
	d.Title = strings.TrimPrefix(d.Body[0].Text, "# ")
	d.Sources = []model.Position{{Path: path, Line: 1}}
	regulation.Structure(d)
	return d
}

func news(path, title, date, text string) *model.Document {
	return &model.Document{Kind: model.KindNews, Title: title, Date: date, Body: body(path, text),
		Sources: []model.Position{{Path: path, Line: 1}}}
}

const regA = `某某办法
(2026年1月30日某机关批准 2026年1月30日某办公厅发布)
第一条 为了规范谈话工作，提出被谈话人人选的建议，制定本办法。
第二条 开展谈话，应当遵循下列原则：
(一) 坚持问题导向；
(二) 坚持实事求是。
第三条 上级党组织应当注意发现和推动解决谈话工作存在的问题。
纪律检查机关应当把谈话情况纳入日常监督。
第四条 本办法自发布之日起施行。`

const regB = `某某办法
(2026年1月30日某机关批准 2026年1月30日某办公厅发布)
第一条 为了规范谈话工作,提出被谈话人入选的建议,制定本办法。
第二条 开展谈话,应当遵循下列原则:
(一)坚持问题导向;
(二)坚持实事求是。
第三条 上级党组织应当注意发现和推动解决谈话工作存在的问题。纪律检查机关应当把谈话情况纳入日常监督。
第四条 本办法自发布之日起施行。`

func TestMergeTwoSources(t *testing.T) {
	a, b := reg("a.txt", regA), reg("b.txt", regB)
	out := Merge([]*model.Document{a, b}, Pins{})
	if len(out) != 1 || out[0] != a {
		t.Fatalf("Merge gave %d documents, want the first source only", len(out))
	}
	if len(a.Sources) != 2 || a.Sources[1].Path != "b.txt" {
		t.Errorf("sources %v, want both", a.Sources)
	}
	got := variants(a)
	want := []string{
		`第一条: a.txt:"人选" b.txt:"入选" -> "人选" first-source undecided`,
		`第三条: a.txt:"存在的问题。\n纪律检查机关" b.txt:"存在的问题。纪律检查机关" -> "存在的问题。\n纪律检查机关" paragraph-break`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("variants:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(a.Articles[2].Clauses) != 2 {
		t.Errorf("第三条 has %d 款, want the first source's two", len(a.Articles[2].Clauses))
	}
}

// variants renders a document's variants for comparison.
func variants(d *model.Document) []string {
	var out []string
	for _, v := range d.Variants {
		var rs []string
		for _, r := range v.Readings {
			rs = append(rs, fmt.Sprintf("%s:%q", r.Source, r.Text))
		}
		u := ""
		if v.Undecided {
			u = " undecided"
		}
		out = append(out, fmt.Sprintf("%s: %s -> %q %s%s", v.Where, strings.Join(rs, " "), v.Chosen, v.Rule, u))
	}
	return out
}

func TestPunctuationWidthIsNoVariant(t *testing.T) {
	a := reg("a.txt", "某某办法\n第一条 为了规范工作，制定本办法（试行）。应当在30日内报告。")
	b := reg("b.txt", "某某办法\n第一条 为了规范工作,制定本办法(试行)。应当在 30 日内报告。")
	Merge([]*model.Document{a, b}, Pins{})
	if len(a.Variants) != 0 {
		t.Errorf("variants %v, want none: punctuation width and spacing are typography", variants(a))
	}
}

func TestPinnedReading(t *testing.T) {
	pins, errs := ParsePins([]byte("- document: 某某办法\n  where: 第一条\n  reading: 人选\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	a, b := reg("a.txt", regB), reg("b.txt", regA) // the misreading comes first
	Merge([]*model.Document{a, b}, pins)
	v := a.Variants[0]
	if v.Rule != RulePinned || v.Chosen != "人选" || v.Undecided {
		t.Errorf("variant %+v, want 人选 pinned", v)
	}
	if !strings.Contains(a.Articles[0].Clauses[0].Text, "被谈话人人选的建议") {
		t.Errorf("chosen reading not applied: %q", a.Articles[0].Clauses[0].Text)
	}
}

func TestUnusedPins(t *testing.T) {
	pins, _ := ParsePins([]byte("- document: 某某办法\n  where: 第一条\n  reading: 人选\n- document: 某某办法\n  where: 第九条\n  reading: 甲\n"))
	a, b := reg("a.txt", regB), reg("b.txt", regA)
	docs := Merge([]*model.Document{a, b}, pins)
	errs := UnusedPins(docs, pins)
	if len(errs) != 1 || errs[0].Line != 4 {
		t.Errorf("UnusedPins = %v, want the second pin (line 4)", errs)
	}
}

func TestRepairedArtefactLoses(t *testing.T) {
	a := reg("a.txt", "某某办法\n第一条 对乡镇(街道)党(工委书记开展谈话。\n第二条 本办法自发布之日起施行。")
	b := reg("b.txt", "某某办法\n第一条 对乡镇(街道)党(工)委书记开展谈话。\n第二条 本办法自发布之日起施行。")
	if len(a.Suspects) != 1 {
		t.Fatalf("suspects %v, want the open bracket", a.Suspects)
	}
	Merge([]*model.Document{a, b}, Pins{})
	if len(a.Variants) != 1 || a.Variants[0].Rule != RuleRepair || a.Variants[0].Undecided {
		t.Fatalf("variants %v, want one chosen by repair", variants(a))
	}
	if got := a.Articles[0].Clauses[0].Text; !strings.Contains(got, "党(工)委书记") {
		t.Errorf("text %q, want the bracket back", got)
	}
}

func TestCorpusRule(t *testing.T) {
	a := reg("a.txt", "某某办法\n第一条 见人见事见思想，戒形式主义。\n第二条 本办法自发布之日起施行。")
	b := reg("b.txt", "某某办法\n第一条 见人见事见思想，力戒形式主义。\n第二条 本办法自发布之日起施行。")
	other := news("c.txt", "评论", "2026-02-01", "要力戒空谈。")
	out := Merge([]*model.Document{a, b, other}, Pins{})
	if len(out) != 2 {
		t.Fatalf("%d documents, want 2", len(out))
	}
	v := a.Variants[0]
	if v.Rule != RuleCorpus || v.Chosen != "力戒" {
		t.Errorf("variant %v, want 力戒 chosen by corpus", variants(a))
	}
}

// TestNumeralForm: two sources that write a number one in digits, the
// other in Chinese numerals, say the same; the merged text keeps the first
// source's form at every such place, even where the other's recurs in the
// corpus (六十亩 in another text), so that it never mixes the two.
func TestNumeralForm(t *testing.T) {
	a := reg("a.txt", "某某解释\n第一条 倒卖耕地5亩以上的，依照刑法处罚。\n第二条 占用耕地60亩以上的，依照刑法处罚。\n第三条 本解释自发布之日起施行。")
	b := reg("b.txt", "某某解释\n第一条 倒卖耕地五亩以上的，依照刑法处罚。\n第二条 占用耕地六十亩以上的，依照刑法处罚。\n第三条 本解释自发布之日起施行。")
	other := news("c.txt", "报道", "2026-02-01", "占用耕地六十亩以上的，依照刑法处罚。")
	Merge([]*model.Document{a, b, other}, Pins{})
	got := variants(a)
	want := []string{
		`第一条: a.txt:"5" b.txt:"五" -> "5" numeral-form`,
		`第二条: a.txt:"60" b.txt:"六十" -> "60" numeral-form`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("variants:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOneNumber(t *testing.T) {
	for _, c := range []struct {
		texts []string
		want  bool
	}{
		{[]string{"60", "六十"}, true},
		{[]string{"5", "五"}, true},
		{[]string{"100", "一百"}, true},
		{[]string{"60", "六"}, false},
		{[]string{"人选", "入选"}, false},
		{[]string{"60"}, false},
		{[]string{"6O", "六十"}, false},
	} {
		var rs []reading
		for _, s := range c.texts {
			rs = append(rs, reading{text: s})
		}
		if got := oneNumber(rs); got != c.want {
			t.Errorf("oneNumber(%q) = %v, want %v", c.texts, got, c.want)
		}
	}
}

func TestVersionsStaySeparate(t *testing.T) {
	v1 := reg("2003.md", "# 某某条例\n（2003年12月31日中共中央发布）\n第一条 为了维护纪律，制定本条例。\n第二条 本条例自发布之日起施行。")
	v2 := reg("2018.md", "# 某某条例\n（2018年8月18日中共中央发布）\n第一条 为了维护纪律，制定本条例。\n第二条 本条例自发布之日起施行。")
	out := Merge([]*model.Document{v1, v2}, Pins{})
	if len(out) != 2 {
		t.Fatalf("%d documents, want both versions", len(out))
	}
	if len(v1.VersionDocs) != 1 || v1.VersionDocs[0] != v2 || len(v2.VersionDocs) != 1 || v2.VersionDocs[0] != v1 {
		t.Errorf("versions not linked: %v %v", v1.VersionDocs, v2.VersionDocs)
	}
	if len(v1.Variants)+len(v2.Variants) != 0 {
		t.Error("versions compared as witnesses")
	}
}

func TestUndatedVersionsStaySeparate(t *testing.T) {
	v1 := reg("a.md", "# 某某条例1997\n第一条 为了维护纪律，制定本条例。\n第二条 本条例自发布之日起施行。")
	v2 := reg("b.md", "# 某某条例2003\n第一条 为了维护纪律，制定本条例。\n第二条 本条例自发布之日起施行。")
	v3 := reg("c.md", "# 某某条例\n第一条 为了严明纪律，制定本条例。\n第二条 本条例由某机关负责解释。\n第三条 本条例自发布之日起施行。")
	if out := Merge([]*model.Document{v1, v2, v3}, Pins{}); len(out) != 3 {
		t.Errorf("%d documents, want three versions: the titles name other years, the undated text differs", len(out))
	}
}

// TestTextsOfOneFileAreNoVersions: two texts one file prints under one
// title stay two documents and are not linked as versions of each other;
// the same texts in two files are.
func TestTextsOfOneFileAreNoVersions(t *testing.T) {
	a := reg("rules.md", "# 某某规定\n第一条 为了配合工作，制定本规定。\n第二条 本规定自发布之日起施行。")
	b := reg("rules.md", "# 某某规定\n第一条 为了开展工作，制定本规定。\n第二条 本规定由某机关负责解释。\n第三条 本规定自发布之日起施行。")
	if out := Merge([]*model.Document{a, b}, Pins{}); len(out) != 2 || len(a.VersionDocs)+len(b.VersionDocs) != 0 {
		t.Errorf("%d documents, versions %v %v: want two texts, not versions", len(out), a.VersionDocs, b.VersionDocs)
	}
	c := reg("other.md", "# 某某规定\n第一条 为了开展工作，制定本规定。\n第二条 本规定由某机关负责解释。\n第三条 本规定自发布之日起施行。")
	a.VersionDocs = nil
	if out := Merge([]*model.Document{a, c}, Pins{}); len(out) != 2 || len(a.VersionDocs) != 1 {
		t.Errorf("%d documents, versions %v: texts of two files under one title are versions", len(out), a.VersionDocs)
	}
}

func TestGrouping(t *testing.T) {
	text := "新华社北京2月12日电 近日，某机关印发了某办法，要求各地认真执行。"
	tests := []struct {
		name string
		a, b *model.Document
		one  bool
	}{
		{"same news on two pages", news("a", "某机关印发某办法", "2026-02-12", text), news("b", "某机关印发某办法", "2026-02-12", text), true},
		{"other date", news("a", "天气", "2026-02-12", "晴。"), news("b", "天气", "2026-02-13", "晴。"), false},
		{"same file", news("a", "某机关印发某办法", "2026-02-12", text), news("a", "某机关印发某办法", "2026-02-12", text), false},
		{"no title", news("a", "", "", text), news("b", "", "", text), false},
		{"other text", news("a", "图片新闻", "2026-02-12", text), news("b", "图片新闻", "2026-02-12", "另一幅完全不同的照片说明文字。"), false},
	}
	for _, tt := range tests {
		out := Merge([]*model.Document{tt.a, tt.b}, Pins{})
		if (len(out) == 1) != tt.one {
			t.Errorf("%s: %d documents", tt.name, len(out))
		}
	}
}

func TestCarrierMovesToSurvivor(t *testing.T) {
	text := "新华社北京2月12日电 近日，某机关印发了某办法，要求各地认真执行。"
	n1, n2 := news("a", "某机关印发某办法", "2026-02-12", text), news("b", "某机关印发某办法", "2026-02-12", text)
	r1, r2 := reg("a", regA), reg("b", regB)
	r1.Carrier, r2.Carrier = n1, n2
	out := Merge([]*model.Document{n1, r1, n2, r2}, Pins{})
	if len(out) != 2 || out[0] != n1 || out[1] != r1 {
		t.Fatalf("got %d documents", len(out))
	}
	if r1.Carrier != n1 {
		t.Error("carrier of the survivor moved")
	}
	n1, n2 = news("a", "某机关印发某办法", "2026-02-12", text), news("b", "某机关印发某办法", "2026-02-12", text)
	r3 := reg("c", regA)
	r3.Carrier = n2
	Merge([]*model.Document{n1, n2, r3}, Pins{})
	if r3.Carrier != n1 {
		t.Error("carrier pointing at a merged-away news item not moved to the survivor")
	}
}

func TestSplitParagraphChosenByPin(t *testing.T) {
	pins, _ := ParsePins([]byte("- document: 某某办法\n  where: 第三条\n  reading: 问题。纪律\n"))
	a, b := reg("a.txt", regA), reg("b.txt", regB)
	Merge([]*model.Document{a, b}, pins)
	if n := len(a.Articles[2].Clauses); n != 1 {
		t.Errorf("第三条 has %d 款, want the pinned single paragraph", n)
	}
	a, b = reg("a.txt", regB), reg("b.txt", regA)
	pins, _ = ParsePins([]byte("- document: 某某办法\n  where: 第三条\n  reading: \"问题。\\n纪律\"\n"))
	Merge([]*model.Document{a, b}, pins)
	if n := len(a.Articles[2].Clauses); n != 2 {
		t.Errorf("第三条 has %d 款, want the pinned two paragraphs; variants %v", n, variants(a))
	}
}

func TestMissingUnitsAreVariants(t *testing.T) {
	a := reg("a.txt", "某某办法\n(2026年1月30日某机关发布)\n第一条 应当遵循下列原则：\n(一) 坚持问题导向；\n(二) 坚持实事求是。\n第二条 本办法自发布之日起施行。")
	b := reg("b.txt", "某某办法\n(2026年1月30日某机关发布)\n第一条 应当遵循下列原则：\n(一) 坚持问题导向；\n第二条 本办法自发布之日起施行。\n第三条 本办法由某机关负责解释。")
	Merge([]*model.Document{a, b}, Pins{})
	got := strings.Join(variants(a), "\n")
	for _, want := range []string{"第一条第（二）项", "第三条"} {
		if !strings.Contains(got, want) {
			t.Errorf("no variant at %s:\n%s", want, got)
		}
	}
}

func TestExtraParagraphIsNoSplit(t *testing.T) {
	head := "某某解释\n(2022年2月15日某院发布)\n"
	a := reg("a.txt", head+"法释〔2022〕8号\n为正确审理案件，依法保护当事人合法权益，制定本规定。\n第一条 本规定自发布之日起施行。")
	b := reg("b.txt", head+"为正确审理案件，依法保护当事人合法权益，制定本规定。\n第一条 本规定自发布之日起施行。")
	Merge([]*model.Document{a, b}, Pins{})
	got := variants(a)
	if len(got) != 1 || !strings.HasPrefix(got[0], "序言第一段: a.txt:\"法释〔2022〕8号\" b.txt:\"\"") {
		t.Errorf("variants %q, want the first paragraph missing from b, not a split", got)
	}
}

func TestParsePins(t *testing.T) {
	tests := []struct {
		in      string
		pins    int
		errLine int
	}{
		{"", 0, 0},
		{"# nothing pinned yet\n", 0, 0},
		{"- document: 某某办法\n  where: 第六条\n  reading: 人选\n  note: OCR\n", 1, 0},
		{"- document: 某某办法\n  where: 第六条\n", 0, 1},
		{"document: 某某办法\n", 0, 1},
		{"- document: [\n", 0, 1},
	}
	for _, tt := range tests {
		p, errs := ParsePins([]byte(tt.in))
		if len(p.List()) != tt.pins {
			t.Errorf("ParsePins(%q): %d pins, want %d", tt.in, len(p.List()), tt.pins)
		}
		if tt.errLine == 0 && len(errs) > 0 || tt.errLine > 0 && (len(errs) != 1 || errs[0].Line < 1 || errs[0].Path != PinsFile) {
			t.Errorf("ParsePins(%q): errors %v", tt.in, errs)
		}
	}
}

func TestArticleOf(t *testing.T) {
	for where, want := range map[string]string{
		"第五条之一第二款":     "第五条之一",
		"第十三条第二款第（一）项": "第十三条",
		"第5条第二款":       "第5条",
		"第六条":          "第六条",
		"第二章":          "",
		"序言第二段":        "",
		"一、（二）第一段":     "",
	} {
		if got := articleOf(where); got != want {
			t.Errorf("articleOf(%q) = %q, want %q", where, got, want)
		}
	}
}

// TestBylinesFromACopy: a merged document with no bylines takes those of
// the first copy that prints any, with their affiliation; its own stay.
func TestBylinesFromACopy(t *testing.T) {
	text := "笔者认为，某某行为应当认定为受贿，理由如下。"
	a, b, c := news("a", "某某行为辨析", "2021-03-25", text), news("b", "某某行为辨析", "2021-03-25", text), news("c", "某某行为辨析", "2021-03-25", text)
	b.Bylines, b.Affiliation = []string{"张三"}, "某市纪委监委"
	c.Bylines, c.Affiliation = []string{"李四"}, "某区纪委监委"
	if out := Merge([]*model.Document{a, b, c}, Pins{}); len(out) != 1 || out[0] != a {
		t.Fatalf("got %d documents", len(out))
	}
	if strings.Join(a.Bylines, "/") != "张三" || a.Affiliation != "某市纪委监委" {
		t.Errorf("bylines %q affiliation %q, want the first copy's", a.Bylines, a.Affiliation)
	}
	a, b = news("a", "某某行为辨析", "2021-03-25", text), news("b", "某某行为辨析", "2021-03-25", text)
	a.Bylines, b.Bylines, b.Affiliation = []string{"王五"}, []string{"张三"}, "某市纪委监委"
	Merge([]*model.Document{a, b}, Pins{})
	if strings.Join(a.Bylines, "/") != "王五" || a.Affiliation != "" {
		t.Errorf("bylines %q affiliation %q, want its own", a.Bylines, a.Affiliation)
	}
}
