package automaton

import (
	"cmp"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// naive finds every occurrence by trying every pattern at every offset.
func naive(patterns []string, text string) []Match {
	var ms []Match
	seen := map[string]int{}
	for i, p := range patterns {
		if _, ok := seen[p]; !ok && p != "" {
			seen[p] = i
		}
	}
	for p, id := range seen {
		for off := 0; ; {
			j := strings.Index(text[off:], p)
			if j < 0 {
				break
			}
			ms = append(ms, Match{Pattern: id, Start: off + j, End: off + j + len(p)})
			off += j + 1
		}
	}
	return ms
}

func sorted(ms []Match) []Match {
	slices.SortFunc(ms, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return ms
}

func equal(a, b []Match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFind(t *testing.T) {
	patterns := []string{"谈话", "监督谈话", "定期谈话", "话", "AEO", "AEO企业", "he", "she", "his", "hers", ""}
	text := "开展监督谈话和定期谈话，AEO企业，ushers，谈话人"
	got := sorted(New(patterns, nil).FindAll(text))
	want := sorted(naive(patterns, text))
	if !equal(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
}

// TestFindLongPattern: a pattern longer than Find's ring on the stack
// (31 runes) is found whole.
func TestFindLongPattern(t *testing.T) {
	long := strings.Repeat("监督", 20)
	patterns := []string{long, "督监", long[:len(long)-len("督")]}
	text := "开展" + long + "谈话" + long[:len(long)-len("督")]
	got := sorted(New(patterns, nil).FindAll(text))
	want := sorted(naive(patterns, text))
	if !equal(got, want) || len(want) == 0 {
		t.Fatalf("got %v\nwant %v", got, want)
	}
}

func TestFindRandom(t *testing.T) {
	alphabet := []rune("ab谈话监督（）")
	rng := rand.New(rand.NewSource(1))
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		return b.String()
	}
	for round := 0; round < 300; round++ {
		var patterns []string
		for i := 0; i < 1+rng.Intn(8); i++ {
			patterns = append(patterns, word(1+rng.Intn(4)))
		}
		text := word(rng.Intn(40))
		got := sorted(New(patterns, nil).FindAll(text))
		want := sorted(naive(patterns, text))
		if !equal(got, want) {
			t.Fatalf("patterns %q text %q:\ngot %v\nwant %v", patterns, text, got, want)
		}
	}
}

func TestFoldKeepsOriginalOffsets(t *testing.T) {
	fold := func(r rune) rune {
		switch r {
		case '（':
			return '('
		case '）':
			return ')'
		}
		return r
	}
	a := New([]string{"办公厅(室)"}, fold)
	text := "党委（党组）办公厅（室）负责"
	ms := a.FindAll(text)
	if len(ms) != 1 || text[ms[0].Start:ms[0].End] != "办公厅（室）" {
		t.Fatalf("got %v", ms)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("谈话|监督谈话|话", "开展监督谈话")
	f.Add("ab|b|\xff", "a\xffbab")
	f.Fuzz(func(t *testing.T, pats, text string) {
		patterns := strings.Split(pats, "|")
		got := sorted(New(patterns, nil).FindAll(text))
		for _, m := range got {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad span %v in %q", m, text)
			}
		}
		// Invalid bytes all read as U+FFFD, so only valid texts can be
		// compared byte for byte.
		if !strings.ContainsRune(pats+text, 0xFFFD) && isValid(pats) && isValid(text) {
			if want := sorted(naive(patterns, text)); !equal(got, want) {
				t.Fatalf("got %v want %v", got, want)
			}
		}
	})
}

func isValid(s string) bool { return strings.ToValidUTF8(s, "") == s }
