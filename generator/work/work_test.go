package work

import (
	"strings"
	"testing"

	"tiaoli/generator/model"
)

func reg(path, title, published string, history ...string) *model.Document {
	return &model.Document{Kind: model.KindRegulation, Title: title,
		Regulation: model.Regulation{Published: published, History: history},
		Sources:    []model.Position{{Path: path, Line: 1}}}
}

// linked makes the documents versions of one another, as reconciliation
// does.
func linked(docs ...*model.Document) {
	for _, d := range docs {
		for _, o := range docs {
			if o != d {
				d.VersionDocs = append(d.VersionDocs, o)
			}
		}
	}
}

func TestGroup(t *testing.T) {
	a := reg("a/甲法(2009-06-27).md", "中华人民共和国甲法", "2009-06-27")
	b := reg("a/甲法(2024-09-13).md", "中华人民共和国甲法", "1983-12-08", "2024年9月13日第十四届全国人大常委会修正")
	u := reg("b/甲法.md", "甲法 2001", "")
	x := reg("c/乙修正案（1988年）.md", "乙修正案（1988年）", "1988-04-12")
	y := reg("c/乙修正案（1993年）.md", "乙修正案（1993年）", "1993-03-29")
	z := reg("d/丙规定.md", "丙规定（试行）", "2010-01-01")
	linked(a, b)
	linked(x, y)
	c := &model.Corpus{Documents: []*model.Document{a, b, u, x, y, z},
		Sources: []*model.Source{{Path: "a/甲法(2009-06-27).md", Date: "2009-06-27"}, {Path: "a/甲法(2024-09-13).md", Date: "2024-09-13"}}}
	edits, errs := ParseEdits([]byte("- join: [b/甲法.md, 中华人民共和国甲法]\n  title: 中华人民共和国甲法\n" +
		"- split: [乙修正案（1988年）]\n- split: [无此法]\n- join: [丙规定]\n- note: nothing\n"))
	if len(errs) != 2 || errs[0].Line != 5 || errs[1].Line != 6 {
		t.Errorf("parse errors %v, want lines 5 and 6", errs)
	}
	errs = Group(c, edits)
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "无此法") || errs[0].Line != 4 {
		t.Errorf("group errors %v", errs)
	}
	if len(c.Works) != 1 {
		t.Fatalf("%d works, want 1 (甲法; 乙 split apart)", len(c.Works))
	}
	w := c.Works[0]
	var got []string
	for _, v := range w.Versions {
		got = append(got, v.Doc.Sources[0].Path+"@"+v.Date)
	}
	want := "a/甲法(2024-09-13).md@2024-09-13 a/甲法(2009-06-27).md@2009-06-27 b/甲法.md@2001"
	if strings.Join(got, " ") != want || w.Title != "中华人民共和国甲法" {
		t.Errorf("work %q: %s\nwant %s", w.Title, strings.Join(got, " "), want)
	}
	if len(u.VersionDocs) != 2 || len(x.VersionDocs) != 0 || len(y.VersionDocs) != 0 {
		t.Errorf("version links: %d %d %d", len(u.VersionDocs), len(x.VersionDocs), len(y.VersionDocs))
	}
}

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		d    *model.Document
		want string
	}{
		{reg("x.md", "某条例", "1999-05-25", "2019年3月2日第一次修订", "2023年7月20日第二次修订"), "2023-07-20"},
		{reg("x.md", "某条例", "", "二〇一八年十二月二十九日修正"), "2018-12-29"},
		{reg("x.md", "某条例2003", ""), "2003"},
		{reg("x.md", "某条例", ""), ""},
	} {
		if got := Date(tc.d, nil); got != tc.want {
			t.Errorf("Date(%s %v) = %q, want %q", tc.d.Title, tc.d.History, got, tc.want)
		}
	}
}
