package search

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
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

// FuzzHandler sends any query, page and size to the handler over the
// fixture index: it answers 200 or 400 with JSON, never panics or fails.
func FuzzHandler(f *testing.F) {
	for _, s := range querySeeds {
		f.Add(s, "1", "10")
	}
	f.Add("谈话", "1000", "1")
	f.Add("谈话", "x", "-3")
	f.Add(strings.Repeat("谈", MaxQueryRunes+1), "", "")
	ix := openFixture(f)
	h := NewHandler(func() *Index { return ix }, HandlerOptions{})
	f.Fuzz(func(t *testing.T, q, page, size string) {
		target := "/api/search?" + url.Values{"q": {q}, "page": {page}, "size": {size}}.Encode()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		switch rec.Code {
		case 200:
			var resp Response
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			if len(resp.Hits) > MaxPageSize {
				t.Fatalf("%s: %d hits", target, len(resp.Hits))
			}
			for _, h := range resp.Hits {
				for _, f := range h.Fragments {
					bare := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(f)
					if strings.ContainsAny(bare, "<>") || strings.Count(f, "<mark>") != strings.Count(f, "</mark>") {
						t.Fatalf("%s: fragment %q is not escaped text with marks", target, f)
					}
				}
			}
		case 400:
			var e apiError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%s: 400 without a message: %s", target, rec.Body.String())
			}
		default:
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body.String())
		}
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, strings.Replace(target, "/api/search", "/search", 1), nil))
		if rec.Code != 200 && rec.Code != 400 {
			t.Fatalf("page %s: status %d", target, rec.Code)
		}
	})
}
