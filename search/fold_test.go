package search

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// TestFoldForms: a text folds character for character to the index's
// form, keeping every byte offset; folding twice changes nothing more.
func TestFoldForms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"勞動合同", "劳动合同"},
		{"劳动合同", "劳动合同"},
		{"裏面", "里面"}, // a variant form
		{"ASCII 与 勞動 mixed", "ASCII 与 劳动 mixed"},
		{"㑮", "㑮"},         // its simplified form is outside the basic plane: left
		{"\xff勞", "\xff劳"}, // bytes that are not UTF-8 stay
		{"", ""},
	} {
		got := foldFormsString(c.in)
		if got != c.want {
			t.Errorf("foldFormsString(%q) = %q, want %q", c.in, got, c.want)
		}
		if b := foldForms([]byte(c.in)); string(b) != c.want {
			t.Errorf("foldForms(%q) = %q, want %q", c.in, b, c.want)
		}
	}
	in := []byte("不变的文字")
	if out := foldForms(in); &out[0] != &in[0] {
		t.Error("a text with nothing to fold is copied")
	}
	ft := formTable()
	for from, to := range ft.all {
		f := ft.fold(from)
		if f != from && (f != to || utf8.RuneLen(f) != utf8.RuneLen(from)) {
			t.Errorf("%c folds to %c, want %c of the same length", from, f, to)
		}
		if ft.fold(f) != f {
			t.Errorf("%c folds to %c, which folds again", from, f)
		}
	}
}

// TestFoldedAnalysis: the analyzers and the side file of texts read a
// traditional text as its simplified form, with the offsets of the text
// as printed.
func TestFoldedAnalysis(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := newAnalyzers(m)
	printed := "第一条 勞動者享有平等就業的權利。"
	for name, c := range map[string]struct {
		a    analysis.Analyzer
		want string
	}{
		"bigram":  {an.bigram, "劳动=勞動"},
		"unigram": {an.unigram, "劳=勞"},
	} {
		var got []string
		for _, tok := range c.a.Analyze([]byte(printed)) {
			got = append(got, string(tok.Term)+"="+printed[tok.Start:tok.End])
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("%s analyzer: tokens %v, want %s", name, got, c.want)
		}
	}
	if !bytes.Equal(normalNeedle(printed), normalNeedle(simplify(printed))) {
		t.Errorf("side file form of %q differs from its simplified form", printed)
	}
}

// BenchmarkFoldForms folds an article's text that needs no folding (the
// common case, and what every indexed text costs) and one in traditional
// characters; BenchmarkBigramAnalyzer analyses the same simplified text.
func BenchmarkFoldForms(b *testing.B) {
	simplified := []byte(strings.Repeat("党委(党组)应当结合巡视巡察、纪律审查、审计监督等情况，制定开展定期谈话的年度计划。", 4))
	traditional := []byte(strings.Repeat("黨委(黨組)應當結合巡視巡察、紀律審查、審計監督等情況，制定開展定期談話的年度計劃。", 4))
	for name, text := range map[string][]byte{"simplified": simplified, "traditional": traditional} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				foldForms(text)
			}
		})
	}
}
