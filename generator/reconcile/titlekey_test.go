package reconcile

import (
	"strings"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
)

// TestTitleKey checks which titles name versions of one text: a year mark
// is dropped, except from the title of an act that amends another, where
// the year tells two acts apart.
func TestTitleKey(t *testing.T) {
	same := [][2]string{
		{"中华人民共和国统计法（2009年修订）", "统计法2024"},
		{"某某条例_2018", "某某条例（2003年）"},
	}
	for _, p := range same {
		if TitleKey(p[0]) != TitleKey(p[1]) {
			t.Errorf("%s and %s: keys %q and %q differ", p[0], p[1], TitleKey(p[0]), TitleKey(p[1]))
		}
	}
	apart := [][2]string{
		{"某法修正案（1988年）", "某法修正案（1993年）"},
		{"关于修改《某某条例》的决定（2011年）", "关于修改《某某条例》的决定（2016年）"},
	}
	for _, p := range apart {
		if TitleKey(p[0]) == TitleKey(p[1]) {
			t.Errorf("%s and %s: one key %q", p[0], p[1], TitleKey(p[0]))
		}
		if BareTitle(p[0]) != p[0] {
			t.Errorf("BareTitle(%s) = %s", p[0], BareTitle(p[0]))
		}
	}
}

// TestBareTitle: a title loses its version mark, and any other title is
// left as printed (without surrounding spaces), whatever it ends in;
// VersionMark gives the mark, when there is one.
func TestBareTitle(t *testing.T) {
	for in, want := range map[string]string{
		"某某条例2018":         "某某条例",
		"某某条例 2018":        "某某条例",
		"刑法（2020年修订）":      "刑法",
		"关于某某问题的批复 （2000）": "关于某某问题的批复",
		" 某某条例 ":           "某某条例",
		"某某条例（试行）":         "某某条例（试行）",
		"某某第3号":            "某某第3号",
		"某法修正案（1999年）":     "某法修正案（1999年）",
	} {
		if got := BareTitle(in); got != want {
			t.Errorf("BareTitle(%q) = %q, want %q", in, got, want)
		}
		if mark := VersionMark(in); (mark == "") != (want == strings.TrimSpace(in)) {
			t.Errorf("VersionMark(%q) = %q", in, mark)
		}
	}
}

func TestVersionMark(t *testing.T) {
	for in, want := range map[string]string{"某某条例_2018": "2018", "某某条例 2018": "2018", "刑法（2020年修订）": "（2020年修订）", "某某条例": "",
		"某某批复(2000)": "(2000)", "某某设计规范GB 12345-2014": "", "某某法修正案（1999年）": "", "2003": ""} {
		if got := VersionMark(in); got != want {
			t.Errorf("VersionMark(%q) = %q, want %q", in, got, want)
		}
	}
	// a code's year is its title's, as printed and cited, but versions of
	// the code differ by it
	if b := BareTitle("某某设计规范GB 12345-2014"); b != "某某设计规范GB 12345-2014" {
		t.Errorf("BareTitle of a code = %q, want it whole", b)
	}
	if a, b := TitleKey("某某设计规范GB 12345-2014"), TitleKey("某某设计规范GB 12345-2018"); a != b {
		t.Errorf("TitleKey of two editions of a code: %q, %q, want one", a, b)
	}
}

func TestVersionYear(t *testing.T) {
	for in, want := range map[string]string{"某某条例_2018": "2018", "刑法（2020年修订）": "2020", "刑法（２０２０年修订）": "2020", "某某条例": "", "某某条例（试行）": ""} {
		if got := VersionYear(in); got != want {
			t.Errorf("VersionYear(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOwnTitle: the version mark a collector adds to a regulation's or a
// notice's title (a year from a file name, a bracketed year or revision
// note from a heading) leaves the title for VersionMark, and the year it
// names still dates the document (DocumentYear, which reads a title's
// mark as VersionYear does when it is still on); an amending act keeps its year, an
// edition its 版, any other kind its title. The document keeps its
// address.
func TestOwnTitle(t *testing.T) {
	for _, tc := range []struct{ kind, title, want, mark, year string }{
		{model.KindRegulation, "某某纪律处分条例2003", "某某纪律处分条例", "2003", "2003"},
		{model.KindRegulation, "某某纪律处分条例 2018", "某某纪律处分条例", "2018", "2018"},
		{model.KindRegulation, "某某院关于某某问题的批复（2000）", "某某院关于某某问题的批复", "（2000）", "2000"},
		{model.KindRegulation, "某某院关于某某问题的答复 （2006）", "某某院关于某某问题的答复", "（2006）", "2006"},
		{model.KindRegulation, "某某院关于某某问题的批复(2000)", "某某院关于某某问题的批复", "(2000)", "2000"},
		{model.KindRegulation, "刑法（2020年修订）", "刑法", "（2020年修订）", "2020"},
		{model.KindNotice, "关于某某问题的通知（2008）", "关于某某问题的通知", "（2008）", "2008"},
		{model.KindRegulation, "某某法修正案（1999年）", "某某法修正案（1999年）", "", ""},
		{model.KindRegulation, "某某目录（2019年版）", "某某目录（2019年版）", "", "2019"},
		{model.KindCommentary, "回望2003", "回望2003", "", "2003"},
		{model.KindRegulation, "某某条例", "某某条例", "", ""},
		{model.KindRegulation, "某某设计规范GB 12345-2014", "某某设计规范GB 12345-2014", "", "2014"},
		{model.KindRegulation, "某某技术规程GB/T 2014", "某某技术规程GB/T 2014", "", "2014"},
		{model.KindRegulation, "某某技术标准JGJ 123 2014", "某某技术标准JGJ 123 2014", "", "2014"},
	} {
		d := &model.Document{Kind: tc.kind, Title: tc.title, Date: "2001-02-03"}
		id := address.DocumentID(d)
		Merge([]*model.Document{d}, Pins{})
		year := DocumentYear(d)
		if d.Title != tc.want || d.VersionMark != tc.mark || year != tc.year {
			t.Errorf("%s %q: title %q, mark %q, year %q; want %q, %q, %q", tc.kind, tc.title, d.Title, d.VersionMark, year, tc.want, tc.mark, tc.year)
		}
		if got := address.DocumentID(d); got != id && !strings.Contains(tc.title, " ") {
			t.Errorf("%q: the ID moved from %s to %s", tc.title, id, got)
		}
	}
}
