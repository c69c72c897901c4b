package search

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"

	"tiaoli/internal/testdir"
)

// bigramPair returns bleve's cjk analyzer and bigramAnalyzer.
func bigramPair(t testing.TB) (want, got analysis.Analyzer) {
	cache := registry.NewCache()
	want, err := cache.AnalyzerNamed(cjk.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	got, err = cache.AnalyzerNamed(bigramAnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	return want, got
}

// sameTokens describes the first difference between two token streams,
// "" when there is none.
func sameTokens(want, got analysis.TokenStream) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		if i >= len(want) || i >= len(got) {
			return fmt.Sprintf("%d tokens, want %d", len(got), len(want))
		}
		w, g := want[i], got[i]
		if !bytes.Equal(w.Term, g.Term) || w.Start != g.Start || w.End != g.End ||
			w.Position != g.Position || w.Type != g.Type {
			return fmt.Sprintf("token %d: %q %d-%d @%d type %d, want %q %d-%d @%d type %d", i,
				g.Term, g.Start, g.End, g.Position, g.Type, w.Term, w.Start, w.End, w.Position, w.Type)
		}
	}
	return ""
}

var bigramCases = []string{
	"", "党", "定期谈话", "定期谈话全覆盖。", "第5条", "第五条之一", "AEO资信", "AEO 查验率 3个月", "3.5%的",
	"党(工)委", "“一把手”", "www.gov.cn网站", "e-mail和don't", "中华人民共和国个人信息保护法（2021年）",
	"ＡＥＯ３个月", "日本の法律", "カタカナ法", "한국법", "字\u0301", "字\uFE00字", "a\u200Db", "〇二〇年々",
	"𠀀𠀁字", "\xff\xfe乱码", "Ⅳ级", "①项", "㈠", "  ", "\n第一条\n第二条", "ß法ǅ", "法\u00ADr",
	"勞動合同", "裏面的綫", "㑮字", "字\u0301勞動",
	"法，律。\n条", "法\t“”（）条", "法_条", "法＿条", "法$+=条", "法'.条", "法 a.b 条", "法×÷条", "法…—条",
}

// bigramTexts are the tricky strings and every text of the sample site,
// whole and line by line.
func bigramTexts(t *testing.T) []string {
	texts := append([]string{}, bigramCases...)
	root := testdir.Root(t)
	filepath.WalkDir(filepath.Join(root, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, strings.Split(string(b), "\n")...)
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	return texts
}

// TestBigramAnalyzer: bigramAnalyzer gives what the cjk analyzer gives,
// on the text with its character forms folded (fold.go), on tricky strings
// and on every text of the sample site.
func TestBigramAnalyzer(t *testing.T) {
	want, got := bigramPair(t)
	for _, s := range bigramTexts(t) {
		if diff := sameTokens(want.Analyze(foldForms([]byte(s))), got.Analyze([]byte(s))); diff != "" {
			t.Errorf("%q: %s", s, diff)
		}
	}
}

// FuzzBigramAnalyzer: bigramAnalyzer gives what the cjk analyzer gives on
// any input, its character forms folded, tokens and term frequencies.
func FuzzBigramAnalyzer(f *testing.F) {
	for _, s := range bigramCases {
		f.Add(s)
	}
	want, got := bigramPair(f)
	f.Fuzz(func(t *testing.T, s string) {
		if diff := sameTokens(want.Analyze(foldForms([]byte(s))), got.Analyze([]byte(s))); diff != "" {
			t.Errorf("%q: %s", s, diff)
		}
		if diff := sameFrequencies(want, got, s); diff != "" {
			t.Errorf("%q: frequencies: %s", s, diff)
		}
	})
}

// sameFrequencies describes how the frequencies and token count of
// bigramAnalyzer.frequencies differ from what bleve makes of the tokens
// the cjk analyzer gives, "" when they do not.
func sameFrequencies(cjkA, a analysis.Analyzer, s string) string {
	tokens := cjkA.Analyze(foldForms([]byte(s)))
	want := analysis.TokenFrequency(tokens, nil, index.IndexField)
	n, got := a.(*bigramAnalyzer).frequencies([]byte(s))
	if n != len(tokens) {
		return fmt.Sprintf("%d tokens, want %d", n, len(tokens))
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d terms, want %d", len(got), len(want))
	}
	for term, w := range want {
		g := got[term]
		if g == nil || g.Frequency() != w.Frequency() || len(g.Locations) != 0 {
			return fmt.Sprintf("term %q: %+v, want %+v", term, g, w)
		}
	}
	return ""
}

// TestBigramFrequencies: the frequencies bigramField gives bleve are those
// bleve makes of the cjk analyzer's tokens.
func TestBigramFrequencies(t *testing.T) {
	want, got := bigramPair(t)
	for _, s := range bigramTexts(t) {
		if diff := sameFrequencies(want, got, s); diff != "" {
			t.Errorf("%q: %s", s, diff)
		}
	}
}

// BenchmarkBigramAnalyzer analyses an article's text with bigramAnalyzer
// and with bleve's cjk analyzer.
func BenchmarkBigramAnalyzer(b *testing.B) {
	cjkA, fast := bigramPair(b)
	text := []byte(strings.Repeat("党委(党组)应当结合巡视巡察、纪律审查、审计监督等情况，制定开展定期谈话的年度计划。", 4))
	for _, c := range []struct {
		name string
		a    analysis.Analyzer
	}{{"tiaoli_cjk", fast}, {"cjk", cjkA}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.a.Analyze(text)
			}
		})
	}
}

// BenchmarkBigramFrequencies makes the term frequencies of an article's
// text straight and from the token stream, as bleve would.
func BenchmarkBigramFrequencies(b *testing.B) {
	_, a := bigramPair(b)
	text := []byte(strings.Repeat("党委(党组)应当结合巡视巡察、纪律审查、审计监督等情况，制定开展定期谈话的年度计划。", 4))
	b.Run("straight", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			a.(*bigramAnalyzer).frequencies(text)
		}
	})
	b.Run("tokens", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			analysis.TokenFrequency(a.Analyze(text), nil, index.IndexField)
		}
	})
}

// TestWordless: no character wordless counts as no part of a word gives
// the tokenizer bigramAnalyzer skips a token, alone or after a letter.
func TestWordless(t *testing.T) {
	_, a := bigramPair(t)
	words := a.(*bigramAnalyzer).words
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !wordless(r) {
			continue
		}
		n++
		if toks := words.Analyze([]byte(string(r))); len(toks) != 0 {
			t.Errorf("%U %q: %d tokens, the first %q", r, r, len(toks), toks[0].Term)
		}
	}
	if n == 0 {
		t.Fatal("no character is wordless")
	}
}
