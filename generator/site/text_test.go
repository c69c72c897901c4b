package site

import (
	"html"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tiaoli/generator/model"
	"tiaoli/generator/site/sitetest"
	"tiaoli/internal/sitefiles"
	"tiaoli/templates"
)

var tags = regexp.MustCompile(`<[^>]*>`)

// textWorker is a worker over the fixture corpus.
func textWorker(t testing.TB) *worker {
	r, err := newRenderer(sitetest.Corpus(), Options{Base: "/", Templates: templates.FS(""), SiteName: "条理"})
	if err != nil {
		t.Fatal(err)
	}
	return &worker{r: r, out: &sitefiles.Writer{Discard: true}}
}

func TestLinked(t *testing.T) {
	w := textWorker(t)
	p := fromPage{url: "d/x/a1/"}
	tests := []struct {
		text  string
		links []model.Link
		want  string
	}{
		{"a<b>&c", nil, "a&lt;b&gt;&amp;c"},
		{"用定期谈话。", []model.Link{{Start: 3, End: 15, Kind: "term", Term: sitetest.TermRegular}},
			`用<a class="term" href="../../../t/` + w.r.c.Terms[0].ID + `/" data-def="` + w.r.tips[0] + `">定期谈话</a>。`},
		{"定义处", []model.Link{{Start: 0, End: 6, Kind: "term", Term: 1, Definition: true}},
			`<dfn><a class="term" href="../../../t/` + w.r.c.Terms[1].ID + `/" data-def="` + w.r.tips[1] + `">定义</a></dfn>处`},
		// Bad spans are skipped; the text stays whole.
		{"中文", []model.Link{{Start: 1, End: 3, Kind: "term"}}, "中文"},
		{"中文", []model.Link{{Start: 0, End: 9, Kind: "term"}}, "中文"},
		{"中文", []model.Link{{Start: 0, End: 3, Kind: "term", Term: 99}}, "中文"},
		{"中文", []model.Link{{Start: 3, End: 6, Kind: "reference", Reference: 999}, {Start: 0, End: 6, Kind: "reference"}}, "中文"},
		{"中文", []model.Link{{Start: 0, End: 3, Kind: "other"}}, "中文"},
	}
	for _, tt := range tests {
		w.linked(&w.txt, tt.text, tt.links, p)
		if got := string(w.txt.take()); got != tt.want {
			t.Errorf("linked(%q, %v) =\n%s\nwant\n%s", tt.text, tt.links, got, tt.want)
		}
	}
}

// FuzzLinked checks that any text with any links comes out whole and
// escaped: its text content is the input, and no markup from it survives.
func FuzzLinked(f *testing.F) {
	f.Add("用定期谈话和前款。", 3, 15, 18, 24)
	f.Add("<script>alert(1)</script>", 0, 8, 8, 16)
	f.Add("\xff\xfe中", 0, 1, 2, 5)
	w := textWorker(f)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		links := []model.Link{
			{Start: s1, End: e1, Kind: "term", Term: sitetest.TermRegular},
			{Start: s2, End: e2, Kind: "reference", Reference: 1},
		}
		w.linked(&w.txt, text, links, fromPage{url: "d/x/a1/"})
		out := string(w.txt.take())
		if strings.Contains(out, "<script") {
			t.Fatalf("markup survived: %s", out)
		}
		if got := html.UnescapeString(tags.ReplaceAllString(out, "")); got != text && utf8.ValidString(text) {
			t.Fatalf("text changed: %q → %q", text, got)
		}
	})
}

// TestRangeNamed: a reference to a range (前两款, 第十条至第十二条) is named
// by the whole range, in the list of what an article cites, the list of
// what cites an article and the link's tip, not by the place it starts.
func TestRangeNamed(t *testing.T) {
	w := textWorker(t)
	var ref model.Reference // the fixture's 前款, made 前两款
	for _, r := range w.r.c.References {
		if r.Text == "前款" {
			ref = *r
		}
	}
	to, through := *ref.To, *ref.To
	to.Paragraph, through.Paragraph = 1, 2
	ref.Text, ref.To, ref.Through = "前两款", &to, &through
	if got, want := w.r.targetName(&ref), "《"+sitetest.RuleTitle+"》第三条第一款至第二款"; got != want {
		t.Errorf("targetName = %q, want %q", got, want)
	}
	if _, tip, _ := w.r.refTarget(&ref); !strings.HasPrefix(tip, "《"+sitetest.RuleTitle+"》第三条第一款至第二款：") {
		t.Errorf("tip = %q", tip)
	}
}

// TestRangeCitesEachArticle: the articles inside a range that runs over
// several (第一条至第三条) each list the reference among what cites them.
func TestRangeCitesEachArticle(t *testing.T) {
	c := sitetest.Corpus()
	var from model.Location // the fixture's 前款, made 第一条至第三条
	for _, r := range c.References {
		if r.Text == "前款" {
			from = r.From
		}
	}
	to, through := model.Location{Document: from.Document, Article: "第一条"}, model.Location{Document: from.Document, Article: "第三条"}
	c.References = append(c.References, &model.Reference{Text: "第一条至第三条", From: from, To: &to, Through: &through})
	r, err := newRenderer(c, Options{Base: "/", Templates: templates.FS(""), SiteName: "条理"})
	if err != nil {
		t.Fatal(err)
	}
	w := &worker{r: r, out: &sitefiles.Writer{Discard: true}}
	for _, a := range []string{"第一条", "第二条", "第三条"} {
		var named []string
		for _, row := range w.citedBy(place{from.Document, a}, fromPage{url: "d/x/a1/"}) {
			named = append(named, row.Target)
		}
		if !slices.Contains(named, "第一条至第三条") {
			t.Errorf("%s is cited by %q, want 第一条至第三条 among them", a, named)
		}
	}
	for _, a := range []string{"第五条"} {
		for _, row := range w.citedBy(place{from.Document, a}, fromPage{url: "d/x/a1/"}) {
			if row.Target == "第一条至第三条" {
				t.Errorf("%s outside the range lists it", a)
			}
		}
	}
}

// TestEscape: the five bytes markup reads are written as entities, every
// other byte as it is.
func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"第三条", "第三条"},
		{`<a href="x">'&'</a>`, "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"},
		{"企业&amp;", "企业&amp;amp;"},
		{"\x00\xff>", "\x00\xff&gt;"},
	} {
		var b textBuilder
		b.escape(c.in)
		if got := string(b.take()); got != c.want {
			t.Errorf("escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTakeKeepsEarlierTexts: what take returned stays as it was while
// more is written, whether the builder's memory grows or not, until reset.
func TestTakeKeepsEarlierTexts(t *testing.T) {
	var b textBuilder
	b.buf = make([]byte, 0, 8)
	b.WriteString("第一")
	first := b.take()
	b.WriteByte('x') // within the capacity
	second := b.take()
	b.WriteString(strings.Repeat("条", 100)) // grows
	third := b.take()
	if first != "第一" || second != "x" || third != template.HTML(strings.Repeat("条", 100)) {
		t.Errorf("took %q, %q, %q", first, second, third[:6])
	}
	b.reset()
	b.WriteString("新")
	if got := b.take(); got != "新" {
		t.Errorf("after reset took %q", got)
	}
}
