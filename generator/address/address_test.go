package address

import (
	"strings"
	"testing"

	"github.com/mozillazg/go-pinyin"

	"tiaoli/generator/model"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"监督谈话工作办法", 8, "jian-du-tan-hua-gong-zuo-ban-fa"},
		{"AEO 这张“绿色通行证”", 8, "aeo-zhe-zhang-lv-se-tong-xing-zheng"},
		{"一箭7星!", 8, "yi-jian-7-xing"},
		{"中华人民共和国民法典", 3, "zhong-hua-ren"},
		// the words after max, Latin ones included, are cut whole
		{"ABC 中华 def ghi", 3, "abc-zhong-hua"},
		{"ABC def 中华", 2, "abc-def"},
		{"ABC def", 1, "abc"},
		{"中华", 0, ""},
		{"", 8, ""},
		{"！？", 8, ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in, tt.max); got != tt.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestArticleSlug(t *testing.T) {
	if got := ArticleSlug(5, 0); got != "a5" {
		t.Errorf("ArticleSlug(5, 0) = %q", got)
	}
	if got := ArticleSlug(103, 1); got != "a103-1" {
		t.Errorf("ArticleSlug(103, 1) = %q", got)
	}
}

// TestDocumentAnchors checks the anchors of headings, sections, 款, 项 and
// 目: 项 and 目 by their printed numbers.
func TestDocumentAnchors(t *testing.T) {
	item := func(n int, subs ...*model.Item) *model.Item { return &model.Item{Number: n, Items: subs} }
	d := &model.Document{Regulation: model.Regulation{
		Headings: []model.Heading{
			{Level: "编", Number: 2, Depth: 0},
			{Level: "章", Number: 1, Depth: 1},
			{Level: "节", Number: 3, Depth: 2},
			{Level: "章", Depth: 1}, // 附则 printed alone
			{Level: "章", Number: 4, Depth: 1},
		},
		Sections: []*model.Section{{}, {Sections: []*model.Section{{}, {}}}},
		Articles: []*model.Article{{Clauses: []*model.Clause{
			{},
			// （一）（三）（四）: anchored by the printed numbers, not positions.
			{Items: []*model.Item{item(1), item(3, item(1), item(2)), item(4)}},
			// （一）（一）（二）, and an item without a number.
			{Items: []*model.Item{item(1), item(1), item(2), item(0)}},
			// （二）printed three times, a missing item between.
			{Items: []*model.Item{item(2), item(2), nil, item(2)}},
		}, Notes: []*model.Note{{}, {}}}},
	}}
	DocumentAnchors(d)
	var got []string
	for _, h := range d.Headings {
		got = append(got, h.Anchor)
	}
	for _, s := range d.Sections {
		got = append(got, s.Anchor)
		for _, sub := range s.Sections {
			got = append(got, sub.Anchor)
		}
	}
	for _, c := range d.Articles[0].Clauses {
		got = append(got, c.Anchor)
		for _, it := range c.Items {
			if it == nil {
				continue
			}
			got = append(got, it.Anchor)
			for _, sub := range it.Items {
				got = append(got, sub.Anchor)
			}
		}
	}
	for _, n := range d.Articles[0].Notes {
		got = append(got, n.Anchor)
	}
	want := "bian2 bian2-zhang1 bian2-zhang1-jie3 h4 bian2-zhang4 s1 s2 s2-1 s2-2 " +
		"p1 p2 p2-i1 p2-i3 p2-i3-m1 p2-i3-m2 p2-i4 p3 p3-i1 p3-i1-2 p3-i2 p3-i4 p4 p4-i2 p4-i2-2 p4-i2-3 n1 n2"
	if strings.Join(got, " ") != want {
		t.Errorf("anchors:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestCitedAnchor(t *testing.T) {
	if a, b := CitedAnchor("甲法"), CitedAnchor("乙法"); a == b || len(a) != 12 {
		t.Errorf("anchors %q %q", a, b)
	}
}

func TestTerms(t *testing.T) {
	c := &model.Corpus{Terms: []*model.Term{{Term: "定期谈话"}, {Term: "定期谈话"}, {Term: "AEO", ID: "aeo"}}}
	Terms(c)
	id := c.Terms[0].ID
	if c.Terms[1].ID != id+"-2" || c.Terms[2].ID != "aeo" || c.Terms[0].URL != "t/"+id+"/" {
		t.Errorf("terms: %q %q %q, URL %q", c.Terms[0].ID, c.Terms[1].ID, c.Terms[2].ID, c.Terms[0].URL)
	}
}

// TestSlugCapped: a long Latin word (a file named with 250 letters) makes
// a slug short enough for a path element.
func TestSlugCapped(t *testing.T) {
	for _, text := range []string{strings.Repeat("b", 300), strings.Repeat("ab ", 100), "法" + strings.Repeat("x", 200)} {
		if got := Slug(text, 12); len(got) > maxSlugBytes || strings.HasSuffix(got, "-") || got == "" {
			t.Errorf("Slug(%.20q…) = %q (%d bytes)", text, got, len(got))
		}
	}
}

func TestBase(t *testing.T) {
	for in, want := range map[string]string{"": "/", "/": "/", "//": "/", "fagui": "/fagui/", "/fagui": "/fagui/", "fagui/": "/fagui/", "/a/b/": "/a/b/"} {
		if got := Base(in); got != want {
			t.Errorf("Base(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSyllable: a Han character's syllable is go-pinyin's, looked up or
// kept.
func TestSyllable(t *testing.T) {
	for r := rune(0x4E00); r < 0x4E00+3000; r++ {
		want := ""
		if py := pinyin.SinglePinyin(r, pinyin.NewArgs()); len(py) > 0 {
			want = py[0]
		}
		for range 2 {
			if got := syllable(r); got != want {
				t.Fatalf("syllable(%q) = %q, want %q", r, got, want)
			}
		}
	}
}

// TestArticleAnchorsFar checks the anchors of 款 and items beyond the
// first few, which are made as they are needed, against the same names.
func TestArticleAnchorsFar(t *testing.T) {
	clauses := make([]*model.Clause, 14)
	for i := range clauses {
		clauses[i] = &model.Clause{}
	}
	items := make([]*model.Item, 26)
	for i := range items {
		items[i] = &model.Item{Number: i + 1}
	}
	items[25].Number = 25 // printed twice
	items[24].Items = []*model.Item{{Number: 3}}
	clauses[12].Items = items
	a := &model.Article{Clauses: clauses}
	ArticleAnchors(a)
	for _, tc := range []struct{ got, want string }{
		{clauses[11].Anchor, "p12"},
		{clauses[13].Anchor, "p14"},
		{clauses[12].Items[0].Anchor, "p13-i1"},
		{clauses[12].Items[24].Items[0].Anchor, "p13-i25-m3"},
		{clauses[12].Items[25].Anchor, "p13-i25-2"},
	} {
		if tc.got != tc.want {
			t.Errorf("anchor %s, want %s", tc.got, tc.want)
		}
	}
	clauses[1].Items = []*model.Item{{Number: 24}, {Number: 25, Items: []*model.Item{{}}}}
	ArticleAnchors(a)
	if got := clauses[1].Items[0].Anchor + " " + clauses[1].Items[1].Anchor + " " + clauses[1].Items[1].Items[0].Anchor; got != "p2-i24 p2-i25 p2-i25-m1" {
		t.Errorf("anchors %s", got)
	}
}
