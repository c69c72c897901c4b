package search

import (
	"strings"
	"testing"
)

// TestFragmentEdges checks that a long line cut around its match keeps
// the match whole and cuts no Latin word, and that the text keeps its
// printed punctuation.
func TestFragmentEdges(t *testing.T) {
	head := strings.Repeat("贸", 30)
	// The cut falls 96 characters after the first match, inside AEO.
	text := head + "，" + strings.Repeat("易", 93) + "AEO制度“含金量”日益提升，" + strings.Repeat("额", 40)
	at := strings.Index(text, "AEO")
	l := line{start: 0, end: len(text), spans: []span{{start: len(head) - len("贸"), end: len(head)}, {start: at, end: at + 3}}}
	got := fragment(text, l)
	if !strings.Contains(got, "<mark>AEO</mark>") {
		t.Errorf("fragment cuts a match: %s", got)
	}
	if !strings.Contains(got, "，") {
		t.Errorf("fragment lost the printed punctuation: %s", got)
	}
	// A cut that falls inside a Latin word moves to its end.
	if from, to := fragmentEdges("abc def", nil, 1, 5, 0, 7); from != 0 || to != 7 {
		t.Errorf("fragmentEdges = %d, %d, want 0, 7", from, to)
	}
}
