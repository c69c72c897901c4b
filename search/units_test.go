package search

import (
	"reflect"
	"testing"
)

func TestFoldWidth(t *testing.T) {
	tests := map[string]string{
		"ＡＥＯ":       "AEO",
		"３个月":       "3个月",
		"kind：news": "kind:news",
		"谈话　全覆盖":    "谈话 全覆盖",
		"（一）":       "(一)",
		"没有全角":      "没有全角",
	}
	for in, want := range tests {
		if got := foldWidth(in); got != want {
			t.Errorf("foldWidth(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermKey(t *testing.T) {
	tests := map[string]string{
		"《通知》":   "通知",
		"ＡＥＯ":    "aeo",
		"“一把手”":  "一把手",
		"监督 谈话":  "监督谈话",
		"办公厅(室)": "办公厅(室)",
	}
	for in, want := range tests {
		if got := termKey(in); got != want {
			t.Errorf("termKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLabelVariant(t *testing.T) {
	tests := map[string]string{
		"第5条":    "第五条",
		"第五条":    "第5条",
		"第103条":  "第一百零三条",
		"第一百零三条": "第103条",
		"第十条之一":  "第10条之一",
		"第5款":    "",
		"五条":     "",
		"第5条规定":  "",
		"第５条":    "第五条",
		"第5条之一":  "第五条之一",
		"第0条":    "",
		"第一条件":   "",
	}
	for in, want := range tests {
		if got := labelVariant(in); got != want {
			t.Errorf("labelVariant(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want string // the query written back
	}{
		{"定期谈话  全覆盖", "定期谈话 全覆盖"},
		{`"严禁 拉票贿选"`, `"严禁拉票贿选"`},
		{`“一把手” 监督`, `"一把手" 监督`},
		{"谈话 -诫勉谈话", "谈话 -诫勉谈话"},
		{"定期谈话 OR 及时谈话 全覆盖", "定期谈话 OR 及时谈话 全覆盖"},
		{"OR 谈话", "谈话"},
		{"谈话 kind:新闻 year:2026 doc:abc -kind:photo", "谈话 kind:news -kind:photo doc:abc year:2026"},
		{"ＡＥＯ　查验率", "AEO 查验率"},
		{"12:00 谈话", `"12:00" 谈话`},
		{`"PRSC EO2" 卫星`, `"PRSC EO2" 卫星`},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCloseness(t *testing.T) {
	adjacent := []span{{0, 12, 0}, {12, 21, 1}}
	apart := []span{{0, 12, 0}, {300, 309, 1}}
	many := []span{{0, 6, 0}, {10, 16, 0}, {20, 26, 0}, {300, 309, 1}}
	if got := closeness(adjacent, 2); got != 1 {
		t.Errorf("adjacent: %v", got)
	}
	if got := closeness(apart, 2); got > 0.2 {
		t.Errorf("apart: %v", got)
	}
	if got := closeness(many, 2); got > 0.2 {
		t.Errorf("many matches of one word far from the other: %v", got)
	}
	if got := closeness(apart[:1], 2); got != 1 {
		t.Errorf("one clause: %v", got)
	}
}

func TestMatcherMarksWholeWords(t *testing.T) {
	ix := openFixture(t)
	text := "AEO企业平均进出口查验率仅为常规企业的18.5%,党(工)委书记,13个月,3个月。"
	tests := []struct {
		word string
		want []string
	}{
		{"查验率", []string{"查验率"}},
		{"aeo", []string{"AEO"}},
		{"3个月", []string{"3个月"}},
		{"党(工)委", []string{"党(工)委"}},
		{"18.5", []string{"18.5"}},
		{"企业", []string{"企业", "企业"}},
	}
	for _, tt := range tests {
		q, _ := ParseQuery(tt.word)
		p := ix.compile(q)
		var got []string
		for _, s := range newMatcher(ix.an, p.clauses).findText(text) {
			got = append(got, text[s.start:s.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: marks %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestTermForms(t *testing.T) {
	tt := newTermTable([]termEntry{
		{Term: "AEO", Kind: "acronym", Forms: []string{"经认证的经营者"}},
		{Term: "市人大常委会", Kind: "abbreviation", Forms: []string{"市人民代表大会常务委员会"}},
		{Term: "市人大常委会", Kind: "abbreviation", Forms: []string{"规范市人民代表大会常务委员会"}},
		{Term: "民事诉讼法", Kind: "abbreviation", Forms: []string{"《中华人民共和国民事诉讼法》"}},
		{Term: "《通知》", Kind: "abbreviation", Forms: []string{"《关于严肃换届纪律加强换届风气监督的通知》"}},
	})
	tests := map[string][]string{
		"AEO":     {"经认证的经营者"},
		"ａｅｏ":     {"经认证的经营者"},
		"经认证的经营者": {"AEO"},
		"市人大常委会":  {"市人民代表大会常务委员会"},
		"民事诉讼法":   nil,
		"《中华人民共和国民事诉讼法》": {"民事诉讼法"},
		"通知": nil,
		"谈话": nil,
	}
	for word, want := range tests {
		if got := tt.forms(word); !reflect.DeepEqual(got, want) {
			t.Errorf("forms(%q) = %q, want %q", word, got, want)
		}
	}
}
