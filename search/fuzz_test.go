package search

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

var querySeeds = []string{
	"定期谈话 全覆盖", `"严禁拉票贿选"`, "-诫勉谈话 谈话", "定期谈话 OR 及时谈话", "kind:news doc:jdth year:2026",
	"ＡＥＯ 查验率", "３个月 整改", "党", "第5条", "党(工)委", "“一把手”", "OR", "- -", `"`, "kind:", "kind:新闻",
	"-kind:regulation 谈话", "a OR OR b", "year:2o26", "\x00\xff", "《通知》", "a:b c:", "－ＯＲ",
}

// FuzzParseQuery checks that the parser never panics, refuses only with a
// QueryError, and that a parsed query written back parses to itself.
func FuzzParseQuery(f *testing.F) {
	for _, s := range querySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q): %v is not a QueryError", s, err)
			}
			return
		}
		if utf8.RuneCountInString(s) > MaxQueryRunes {
			t.Fatalf("ParseQuery accepted %d characters", utf8.RuneCountInString(s))
		}
		for _, c := range q.Clauses {
			for _, a := range c {
				if strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
					t.Fatalf("ParseQuery(%q): atom %q", s, a.Text)
				}
			}
		}
		again, err := ParseQuery(q.String())
		if err != nil {
			return // written back it may exceed the limits
		}
		if again.String() != q.String() {
			t.Fatalf("ParseQuery(%q) = %q, which parses to %q", s, q.String(), again.String())
		}
	})
}
