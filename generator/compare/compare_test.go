package compare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/model"
	"tiaoli/generator/regulation"
)

// TestCases aligns the two versions of every case file in testdata and
// compares the result with the alignment written by hand.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			sec := sections(t, f)
			old, new := document(t, f, sec["old"]), document(t, f, sec["new"])
			articles, headings := Align(old, new)
			check(t, "articles", articles, sec["want"])
			if want, ok := sec["headings"]; ok {
				check(t, "headings", headings, want)
			}
		})
	}
}

func check(t *testing.T, what string, got []model.Pair, want string) {
	t.Helper()
	if g, w := pairLines(got), strings.TrimSpace(want); g != w {
		t.Errorf("%s:\n%s\nwant:\n%s", what, g, w)
	}
}

// pairLines writes pairs as the case files do: OLD NEW KIND.
func pairLines(ps []model.Pair) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(sideLabel(p.Old) + " " + sideLabel(p.New) + " " + p.Kind + "\n")
	}
	return strings.TrimSpace(b.String())
}

func sideLabel(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// sections splits a case file at its "-- name --" lines.
func sections(t *testing.T, name string) map[string]string {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	cur := ""
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			cur = strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --")
			out[cur] = ""
			continue
		}
		if cur != "" {
			out[cur] += l + "\n"
		}
	}
	for _, s := range []string{"old", "new", "want"} {
		if _, ok := out[s]; !ok {
			t.Fatalf("%s: no -- %s -- section", name, s)
		}
	}
	return out
}

// document parses text as a regulation's body.
func document(t *testing.T, name, text string) *model.Document {
	d := &model.Document{Kind: model.KindRegulation, Title: "示例"}
	for i, l := range strings.Split(strings.TrimSpace(text), "\n") {
		d.Body = append(d.Body, model.Paragraph{Text: l, Position: model.Position{Path: name, Line: i + 1}})
	}
	if errs := regulation.Structure(d); len(errs) > 0 {
		t.Fatalf("%s: %v", name, errs)
	}
	return d
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"处一万元罚款。", "处一万元以上五万元以下罚款。", "处一万元[+以上五万元以下+]罚款。"},
		{"（一）依法办理；", "(一) 依法办理;", "(一) 依法办理;"},
		{"应当报告。", "应当及时报告。", "应当[+及时+]报告。"},
		{"由国务院规定。", "由省级人民政府规定。", "由[-国务院-][+省级人民政府+]规定。"},
		{"知悉的国家秘密、商业秘密和个人信息，应当予以保密。", "知悉的国家秘密、工作秘密、商业秘密、个人隐私和个人信息，应当予以保密，不得泄露。",
			"知悉的国家秘密、[+工作秘密、+]商业秘密[+、个人隐私+]和个人信息，应当予以保密[+，不得泄露+]。"},
	} {
		var b strings.Builder
		for _, s := range Diff(tc.old, tc.new) {
			switch s.Op {
			case Deleted:
				b.WriteString("[-" + s.Text + "-]")
			case Inserted:
				b.WriteString("[+" + s.Text + "+]")
			default:
				b.WriteString(s.Text)
			}
		}
		if b.String() != tc.want {
			t.Errorf("Diff(%q, %q) = %q, want %q", tc.old, tc.new, b.String(), tc.want)
		}
	}
}

// TestRenumbers: an alignment renumbers when it pairs articles of
// different numbers; a 第X条之一 inserted or the last article dropped does
// not.
func TestRenumbers(t *testing.T) {
	s := func(v string) *string { return &v }
	cases := []struct {
		name string
		al   []model.Pair
		want bool
	}{
		{"kept", []model.Pair{{Old: s("第一条"), New: s("第一条")}, {Old: s("第二条"), New: s("第二条")}}, false},
		{"之一 inserted", []model.Pair{{Old: s("第一条"), New: s("第一条")}, {New: s("第一条之一")}, {Old: s("第二条"), New: s("第二条")}}, false},
		{"last dropped", []model.Pair{{Old: s("第一条"), New: s("第一条")}, {Old: s("第二条")}}, false},
		{"split off into 之一", []model.Pair{{Old: s("第一条"), New: s("第一条")}, {Old: s("第一条"), New: s("第一条之一")}}, false},
		{"one inserted", []model.Pair{{New: s("第一条")}, {Old: s("第一条"), New: s("第二条")}}, true},
		{"same count, moved", []model.Pair{{Old: s("第一条")}, {New: s("第一条")}, {New: s("第二条")}, {Old: s("第二条"), New: s("第三条")}, {Old: s("第三条")}}, true},
	}
	for _, tc := range cases {
		if got := Renumbers(&model.Comparison{Alignment: tc.al}); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPairHoldsNoUnit: a pair's labels are copies, not pointers into the
// units compared, which would keep their folded texts and bigrams alive
// with the pair (in the corpus, and in a Memo between parses).
func TestPairHoldsNoUnit(t *testing.T) {
	old, new := newUnits([]input{{"第一条", "甲"}}), newUnits([]input{{"第二条", "甲乙"}})
	p := newAligner(old, new).pair1(0, 0, model.PairModified)
	if p.Old == nil || p.New == nil || *p.Old != "第一条" || *p.New != "第二条" {
		t.Fatalf("pair %+v", p)
	}
	if p.Old == &old[0].label || p.New == &new[0].label {
		t.Errorf("the pair points into the units")
	}
}
