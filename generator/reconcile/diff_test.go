package reconcile

import (
	"math/rand"
	"testing"
)

// applySpans rebuilds b from a and the spans, to check them.
func applySpans(a, b []rune, spans []span) string {
	var out []rune
	last := 0
	for _, s := range spans {
		out = append(out, a[last:s.a0]...)
		out = append(out, b[s.b0:s.b1]...)
		last = s.a1
	}
	return string(append(out, a[last:]...))
}

func TestDiffRunes(t *testing.T) {
	tests := []struct {
		a, b string
		want int // spans
	}{
		{"被谈话人入选的建议", "被谈话人人选的建议", 1},
		{"见思想,戒形式主义", "见思想,力戒形式主义", 1},
		{"党(工)委书记", "党(工委书记", 1},
		{"谈话的情况", "谈话工作的情况", 1},
		{"abc", "abc", 0},
		{"", "abc", 1},
		{"甲乙丙丁戊", "甲丙丁戊己", 2},
	}
	for _, tt := range tests {
		a, b := []rune(tt.a), []rune(tt.b)
		spans := diffRunes(a, b)
		if len(spans) != tt.want {
			t.Errorf("diffRunes(%q, %q) = %v, want %d spans", tt.a, tt.b, spans, tt.want)
		}
		if got := applySpans(a, b, spans); got != tt.b {
			t.Errorf("diffRunes(%q, %q): applying gives %q", tt.a, tt.b, got)
		}
	}
}

func TestDiffRunesRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alphabet := []rune("甲乙丙丁,。")
	gen := func() []rune {
		out := make([]rune, r.Intn(30))
		for i := range out {
			out[i] = alphabet[r.Intn(len(alphabet))]
		}
		return out
	}
	for i := 0; i < 2000; i++ {
		a, b := gen(), gen()
		spans := diffRunes(a, b)
		if got := applySpans(a, b, spans); got != string(b) {
			t.Fatalf("diffRunes(%q, %q) = %v: applying gives %q", string(a), string(b), spans, got)
		}
	}
}

func TestBreaksOnly(t *testing.T) {
	rs := func(texts ...string) []reading {
		var out []reading
		for _, s := range texts {
			out = append(out, reading{text: s})
		}
		return out
	}
	tests := []struct {
		in   []reading
		want bool
	}{
		{rs("存在的问题。\n纪律检查机关", "存在的问题。纪律检查机关"), true},
		{rs("存在的问题。 \n 纪律", "存在的问题。纪律"), true},
		{rs("存在的问题。纪律", "存在的问题。纪律"), false}, // no break at all
		{rs("存在的问题。\n纪律", "存在问题。纪律"), false},
		{rs("一"), false},
	}
	for _, tt := range tests {
		if got := breaksOnly(tt.in); got != tt.want {
			t.Errorf("breaksOnly(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
