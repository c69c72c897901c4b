package generator

import (
	"testing"
	"testing/fstest"
)

// TestPreparerStopsForParseBegunBefore: a parse that begins after the
// preparer is taken and before its copying runs (an edit saved while the
// collection before the copying runs) stops the copying: no copy is left
// to be held through the next build.
func TestPreparerStopsForParseBegunBefore(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("# 某某管理办法\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法自发布之日起施行。\n")},
		"b.md": {Data: []byte("# 某某实施细则\n\n第一条 根据《某某管理办法》，制定本细则。\n")},
	}
	k := NewCache()
	k.Parse(fsys)
	prepare := k.Preparer()
	k.Parse(fsys)
	prepare()
	if n := spares(k); n != 0 {
		t.Errorf("%d copies made after a parse began", n)
	}
	k.Preparer()()
	if n := spares(k); n != 2 {
		t.Errorf("%d copies made between parses, want 2", n)
	}
}

// spares counts the files whose copy is made ahead.
func spares(k *Cache) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := 0
	for _, f := range k.files {
		if f.spare != nil {
			n++
		}
	}
	return n
}
