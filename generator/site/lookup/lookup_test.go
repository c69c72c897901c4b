package lookup

import (
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

func corpus() *model.Corpus {
	art := func(label, url string, clauses ...*model.Clause) *model.Article {
		a := &model.Article{Label: label, URL: url, Clauses: clauses}
		address.ArticleAnchors(a)
		return a
	}
	items := func() []*model.Item {
		return []*model.Item{{Label: "（一）", Paragraph: model.Paragraph{Text: "甲"}},
			{Label: "（二）", Paragraph: model.Paragraph{Text: "乙"}, Items: []*model.Item{{Label: "1.", Paragraph: model.Paragraph{Text: "子目"}}}}}
	}
	// The list of 第四条 skips （二）: its second item is （三）.
	skipping := []*model.Item{{Label: "（一）", Number: 1, Paragraph: model.Paragraph{Text: "首项"}},
		{Label: "（三）", Number: 3, Paragraph: model.Paragraph{Text: "次项"}, Items: []*model.Item{{Label: "2.", Number: 2, Paragraph: model.Paragraph{Text: "二目"}}}},
		{Label: "（四）", Number: 4, Paragraph: model.Paragraph{Text: "末项"}}}
	reg := &model.Document{ID: "r", URL: "d/r/", Title: "规定", Kind: model.KindRegulation,
		Regulation: model.Regulation{
			Preamble: []model.Paragraph{{Text: "序"}},
			Articles: []*model.Article{
				art("第一条", "d/r/a1/", &model.Clause{Paragraph: model.Paragraph{Text: "一款"}}),
				art("第二条", "d/r/a2/", &model.Clause{Paragraph: model.Paragraph{Text: "首款"}},
					&model.Clause{Paragraph: model.Paragraph{Text: "次款"}, Items: items()}),
				art("第三条", "d/r/a3/", &model.Clause{Paragraph: model.Paragraph{Text: "只一款"}, Items: items()}),
				art("第四条", "d/r/a4/", &model.Clause{Paragraph: model.Paragraph{Text: "列举"}, Items: skipping}),
			},
			Appendix: []model.Paragraph{{Text: "附"}},
		}}
	notice := &model.Document{ID: "n", URL: "d/n/", Title: "通知", Regulation: model.Regulation{Sections: []*model.Section{
		{Label: "一、", Title: "总体", URL: "d/n/s1/", Body: []model.Paragraph{{Text: "总"}}},
		{Label: "二、", Title: "分项", URL: "d/n/s2/", Body: []model.Paragraph{{Text: "分"}},
			Sections: []*model.Section{{Label: "（一）", Body: []model.Paragraph{{Text: "细"}, {Text: "再细"}}}}},
	}}}
	address.DocumentAnchors(notice)
	news := &model.Document{ID: "x", URL: "d/x/", Title: "新闻", Body: []model.Paragraph{{Text: "第一段"}, {Text: "第二段"}}}
	return &model.Corpus{Documents: []*model.Document{reg, notice, news}}
}

func TestResolve(t *testing.T) {
	x := New(corpus())
	tests := []struct {
		loc                   model.Location
		ok                    bool
		url, where, text, cit string
	}{
		{model.Location{Document: "r"}, true, "d/r/", "", "", "《规定》"},
		{model.Location{Document: "r", Article: "第一条"}, true, "d/r/a1/", "第一条", "", "《规定》第一条"},
		{model.Location{Document: "r", Article: "第一条", Paragraph: 1}, true, "d/r/a1/#p1", "第一条", "一款", "《规定》第一条"},
		{model.Location{Document: "r", Article: "第二条", Paragraph: 2}, true, "d/r/a2/#p2", "第二条第二款", "次款", ""},
		{model.Location{Document: "r", Article: "第二条", Paragraph: 2, Item: 2}, true, "d/r/a2/#p2-i2", "第二条第二款第（二）项", "乙", ""},
		{model.Location{Document: "r", Article: "第二条", Paragraph: 2, Item: 2, Subitem: 1}, true, "d/r/a2/#p2-i2-m1", "第二条第二款第（二）项第1目", "子目", ""},
		{model.Location{Document: "r", Article: "第三条", Paragraph: 1, Item: 1}, true, "d/r/a3/#p1-i1", "第三条第（一）项", "甲", ""},
		// Items are anchored and cited by their printed numbers.
		{model.Location{Document: "r", Article: "第四条", Paragraph: 1, Item: 2}, true, "d/r/a4/#p1-i3", "第四条第（三）项", "次项", "《规定》第四条第（三）项"},
		{model.Location{Document: "r", Article: "第四条", Paragraph: 1, Item: 3}, true, "d/r/a4/#p1-i4", "第四条第（四）项", "末项", ""},
		{model.Location{Document: "r", Article: "第四条", Paragraph: 1, Item: 2, Subitem: 1}, true, "d/r/a4/#p1-i3-m2", "第四条第（三）项第2目", "二目", ""},
		{model.Location{Document: "r", Part: "preamble", Paragraph: 1}, true, "d/r/#pre1", "序言第1段", "序", ""},
		{model.Location{Document: "r", Part: "appendix", Paragraph: 1}, true, "d/r/#app1", "附件第1段", "附", ""},
		{model.Location{Document: "n", Section: "1", Paragraph: 1}, true, "d/n/s1/#s1-p1", "一、总体第1段", "总", ""},
		{model.Location{Document: "n", Section: "2.1", Paragraph: 2}, true, "d/n/s2/#s2-1-p2", "（一）第2段", "再细", ""},
		{model.Location{Document: "x", Paragraph: 2}, true, "d/x/#b2", "第2段", "第二段", ""},
		// What does not exist.
		{model.Location{Document: "nope"}, false, "", "", "", ""},
		{model.Location{Document: "r", Article: "第九条"}, false, "d/r/", "", "", ""},
		{model.Location{Document: "r", Article: "第一条", Paragraph: 2}, false, "d/r/a1/", "第一条", "", ""},
		{model.Location{Document: "r", Article: "第二条", Paragraph: 2, Item: 9}, false, "d/r/a2/#p2", "第二条第二款第（九）项", "次款", ""},
		{model.Location{Document: "n", Section: "3"}, false, "d/n/", "", "", ""},
		{model.Location{Document: "n", Section: "x.1"}, false, "d/n/", "", "", ""},
		{model.Location{Document: "x", Paragraph: 3}, false, "d/x/#b3", "第3段", "", ""},
	}
	for _, tt := range tests {
		got, ok := x.Resolve(tt.loc)
		if ok != tt.ok || got.URL() != tt.url || got.Where() != tt.where || got.Text != tt.text {
			t.Errorf("Resolve(%+v) = %v, %q, %q, %q; want %v, %q, %q, %q",
				tt.loc, ok, got.URL(), got.Where(), got.Text, tt.ok, tt.url, tt.where, tt.text)
		}
		if tt.cit != "" && got.Citation() != tt.cit {
			t.Errorf("Citation(%+v) = %q, want %q", tt.loc, got.Citation(), tt.cit)
		}
	}
}

func TestWhere(t *testing.T) {
	clause := func(numbers ...int) *model.Clause {
		c := &model.Clause{}
		for _, n := range numbers {
			c.Items = append(c.Items, &model.Item{Number: n})
		}
		return c
	}
	three := &model.Article{Label: "第五条", Clauses: []*model.Clause{clause(), clause(1, 2, 3), clause()}}
	one := &model.Article{Label: "第五条", Clauses: []*model.Clause{clause(1, 3, 4)}}
	long := &model.Article{Label: "第五条之一", Clauses: make([]*model.Clause, 12)}
	tests := []struct {
		a          *model.Article
		para, item int
		want       string
	}{
		{three, 0, 0, "第五条"},
		{three, 2, 0, "第五条第二款"},
		{three, 2, 3, "第五条第二款第（三）项"},
		{one, 1, 0, "第五条"},
		{one, 1, 2, "第五条第（三）项"}, // the second item is printed （三）
		{one, 1, 3, "第五条第（四）项"},
		{long, 12, 11, "第五条之一第十二款第（十一）项"}, // no such item: its position
	}
	for _, tt := range tests {
		if got := Where(tt.a, tt.para, tt.item, 0); got != tt.want {
			t.Errorf("Where(%s, %d, %d) = %q, want %q", tt.a.Label, tt.para, tt.item, got, tt.want)
		}
	}
}

func TestCited(t *testing.T) {
	c := &model.Corpus{
		Cited: []*model.CitedDocument{{Title: "甲法", CitedBy: []model.Location{{Document: "a"}}}},
		References: []*model.Reference{
			{External: true, Title: "甲法", From: model.Location{Document: "b"}},
			{External: true, Title: "乙法", From: model.Location{Document: "c"}},
			{External: true, Title: "乙法", From: model.Location{Document: "d"}},
			{External: false, Title: "丙法"},
		},
	}
	got := Cited(c)
	if len(got) != 2 || got[0].Title != "甲法" || len(got[0].CitedBy) != 1 || got[1].Title != "乙法" || len(got[1].CitedBy) != 2 {
		t.Errorf("Cited = %+v", got)
	}
}

// TestCite: a regulation is cited by its title in 《》, a version mark its
// title carries after the 《》; an amending act keeps its year, which is
// part of its title; a title naming another inside it gives that one
// single marks; a news item by its headline.
func TestCite(t *testing.T) {
	for _, tc := range []struct{ kind, title, want string }{
		{model.KindRegulation, "某某条例", "《某某条例》"},
		{model.KindRegulation, "《某某条例》", "《某某条例》"},
		{model.KindRegulation, "某某条例2015", "《某某条例》（2015）"},
		{model.KindRegulation, "某某条例 2018", "《某某条例》（2018）"},
		{model.KindRegulation, "刑法（2020年修订）", "《刑法》（2020年修订）"},
		{model.KindRegulation, "关于某某问题的批复 （2000）", "《关于某某问题的批复》（2000）"},
		{model.KindRegulation, "某某法修正案（1999年）", "《某某法修正案（1999年）》"},
		{model.KindNews, "某地2015", "某地2015"},
		{model.KindRegulation, "某省实施《某某法》办法", "《某省实施〈某某法〉办法》"},
		{model.KindRegulation, "关于修改〈某某条例〉的决定", "《关于修改〈某某条例〉的决定》"},
		{model.KindRegulation, "某省实施《某某法》办法（2017年修正）", "《某省实施〈某某法〉办法》（2017年修正）"},
	} {
		if got := Cite(&model.Document{Kind: tc.kind, Title: tc.title}); got != tc.want {
			t.Errorf("Cite(%s %q) = %q, want %q", tc.kind, tc.title, got, tc.want)
		}
	}
	// A title whose version mark reconcile took off cites as it did with it.
	for _, tc := range []struct{ title, mark, want string }{
		{"某某条例", "2015", "《某某条例》（2015）"},
		{"关于某某问题的批复", "（2000）", "《关于某某问题的批复》（2000）"},
		{"某省实施《某某法》办法", "（2017年修正）", "《某省实施〈某某法〉办法》（2017年修正）"},
	} {
		d := &model.Document{Kind: model.KindRegulation, Title: tc.title, VersionMark: tc.mark}
		if got := Cite(d); got != tc.want {
			t.Errorf("Cite(%q, mark %q) = %q, want %q", tc.title, tc.mark, got, tc.want)
		}
	}
}

func TestWhereThrough(t *testing.T) {
	x := New(corpus())
	at := func(l model.Location) Target {
		got, _ := x.Resolve(l)
		return got
	}
	tests := []struct {
		from, through model.Location
		want          string
	}{
		{loc("第二条", 1, 0), loc("第二条", 2, 0), "第二条第一款至第二款"},        // 前两款
		{loc("第二条", 2, 1), loc("第二条", 2, 2), "第二条第二款第（一）项至第（二）项"}, // one 款's items
		{loc("第四条", 1, 1), loc("第四条", 1, 3), "第四条第（一）项至第（四）项"},    // printed numbers
		{loc("第一条", 0, 0), loc("第三条", 0, 0), "第一条至第三条"},
		{loc("第二条", 2, 2), loc("第三条", 0, 0), "第二条第二款第（二）项至第三条"},
		{loc("第二条", 1, 0), loc("第二条", 1, 0), "第二条第一款"},              // no stretch
		{loc("第二条", 1, 0), model.Location{}, "第二条第一款"},              // no range
		{loc("第二条", 1, 0), model.Location{Document: "n"}, "第二条第一款"}, // another document
	}
	for _, tt := range tests {
		if got := at(tt.from).WhereThrough(at(tt.through)); got != tt.want {
			t.Errorf("WhereThrough(%+v, %+v) = %q, want %q", tt.from, tt.through, got, tt.want)
		}
	}
	if got := at(loc("第一条", 0, 0)).CitationThrough(at(loc("第三条", 0, 0))); got != "《规定》第一条至第三条" {
		t.Errorf("CitationThrough = %q", got)
	}
}

// loc is a place in the regulation of corpus.
func loc(article string, paragraph, item int) model.Location {
	return model.Location{Document: "r", Article: article, Paragraph: paragraph, Item: item}
}

// TestFirsts checks that the first document of an ID wins, in Firsts as
// in what New finds.
func TestFirsts(t *testing.T) {
	a1, b, a2, c := &model.Document{ID: "a"}, &model.Document{ID: "b"}, &model.Document{ID: "a"}, &model.Document{ID: "c"}
	docs := []*model.Document{a1, b, a2, c}
	notB := func(id string) bool { return id != "b" }
	for _, tc := range []struct {
		name string
		keep func(string) bool
		want []*model.Document
	}{
		{"all", nil, []*model.Document{a1, b, c}},
		{"kept", notB, []*model.Document{a1, c}},
	} {
		got := Firsts(docs, tc.keep)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %d documents, want %d", tc.name, len(got), len(tc.want))
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: document %d is %p (ID %s), want %p", tc.name, i, got[i], got[i].ID, tc.want[i])
			}
		}
	}
	if New(&model.Corpus{Documents: docs}).Document("a") != a1 {
		t.Error("New finds a later document of an ID")
	}
}
