package search

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestNormalText: the side file of texts holds what the analyzer reads:
// width folded, lower case, letters, digits and marks only.
func TestNormalText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"定期谈话", "定期谈话"},
		{"第五条　监督谈话，", "第五条 监督谈话"},      // a break between Han characters stays
		{"ＡＥＯ（经认证的经营者）", "aeo经认证的经营者"}, // between a word and Han it goes
		{"３个月 内", "3个月 内"},
		{"PRSC-EO 2026年", "prsc eo 2026年"},
		{"《条例》\n第（一）项", "条例 第 一 项"},
		{"", ""},
	} {
		if got := unitsString(normalText(nil, tc.in)); got != tc.want {
			t.Errorf("normalText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTextsFile writes the side file of texts and reads it back by the
// numbers the index gives documents; a number no document has (one an
// update deleted) has no text.
func TestTextsFile(t *testing.T) {
	dir := t.TempDir()
	writeTexts(t, dir, []uint32{3, 0, 1}, // number 2 is deleted
		"监督谈话办法", "第一条　为了规范监督谈话，", "", "AEO 认证", "标题", "")
	ts, err := openTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	for _, tc := range []struct {
		n          uint64
		head, text string
	}{
		{3, "监督谈话办法", "第一条 为了规范监督谈话"}, {0, "", "aeo认证"}, {1, "标题", ""}, {2, "", ""}, {4, "", ""},
	} {
		if got := unitsString(ts.part(tc.n, partHead)); got != tc.head {
			t.Errorf("head of %d: %q, want %q", tc.n, got, tc.head)
		}
		if got := unitsString(ts.part(tc.n, partText)); got != tc.text {
			t.Errorf("text of %d: %q, want %q", tc.n, got, tc.text)
		}
	}
	if !ts.holds(3, partText, normalNeedle("监督谈话")) || ts.holds(3, partText, normalNeedle("办法")) ||
		!ts.holds(3, partHead, normalNeedle("办法")) {
		t.Errorf("holds looks in the wrong part")
	}
}

// TestNeedles: a needle matches where the analyzer's tokens of the word
// stand in a row in the text.
func TestNeedles(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"定期谈话制度", "期谈话", true}, {"党委(党组)书记", "党委(党组)", true}, {"党委(党组)书记", "党委党组", false},
		{"AEO 认证", "AEO认证", true}, {"PRSC-EO", "eo", true}, {"PRSCEO", "eo", false}, {"AEO资质", "aeo", true},
		{"aeox", "aeo", false}, {"第5条规定", "第5条", true}, {"第55条", "第5条", false}, {"，第五条，", "，第五条", true},
	} {
		if got := containsUnits(normalText(nil, tc.text), normalNeedle(tc.word)); got != tc.want {
			t.Errorf("%q in %q: %t, want %t", tc.word, tc.text, got, tc.want)
		}
	}
}

// TestContainsUnits: a needle matches at unit boundaries only.
func TestContainsUnits(t *testing.T) {
	text := []byte{0x01, 0x4E, 0x02, 0x4E, 0x03, 0x4E} // 丁丂七
	for _, tc := range []struct {
		needle []byte
		want   bool
	}{
		{[]byte{0x02, 0x4E}, true}, {[]byte{0x4E, 0x02}, false}, {[]byte{0x4E, 0x02, 0x4E}, false},
		{[]byte{}, true}, {text, true}, {append(text, 0x04, 0x4E), false},
	} {
		if got := containsUnits(text, tc.needle); got != tc.want {
			t.Errorf("containsUnits(% x) = %t, want %t", tc.needle, got, tc.want)
		}
	}
}

// unitsString decodes the UTF-16 code units of the side file of texts.
func unitsString(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// FuzzTextsFile: a damaged side file of texts is refused or read within
// its bounds, never a panic.
func FuzzTextsFile(f *testing.F) {
	dir := f.TempDir()
	writeTexts(f, dir, []uint32{0}, "标题", "正文")
	good, err := os.ReadFile(filepath.Join(dir, textsFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(textsMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, textsFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
		ts, err := openTexts(dir)
		if err != nil {
			return
		}
		defer ts.Close()
		for n := uint64(0); n < 4; n++ {
			ts.holds(n, partHead, []byte("标"))
			ts.holds(n, partText, []byte("正"))
		}
	})
}

// writeTexts writes a side file of texts into dir: the documents' heads
// and texts in pairs, numbered by numbers.
func writeTexts(tb testing.TB, dir string, numbers []uint32, headsAndTexts ...string) {
	tb.Helper()
	tw, err := createTexts(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i+1 < len(headsAndTexts); i += 2 {
		tw.add(headsAndTexts[i], headsAndTexts[i+1])
	}
	if err := tw.finish(numbers); err != nil {
		tb.Fatal(err)
	}
}

// FuzzHeadsFile: a damaged side file of heads is refused or read, never
// a panic, and what is read answers a query.
func FuzzHeadsFile(f *testing.F) {
	dir := f.TempDir()
	writeHeads(f, dir)
	good, err := os.ReadFile(filepath.Join(dir, headsFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(headsMagic + "\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ht, err := readHeads(bytes.NewReader(data))
		if err != nil {
			return
		}
		ht.docs(normalNeedle("总则"))
	})
}

// TestHeadsFile writes the side file of heads and reads it back: each
// distinct head once, with its documents by their numbers in the index.
func TestHeadsFile(t *testing.T) {
	dir := t.TempDir()
	writeHeads(t, dir)
	ht, err := openHeads(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ht.heads) != 2 {
		t.Fatalf("%d heads, want 2", len(ht.heads))
	}
	for word, want := range map[string][]uint32{"总则": {0, 2}, "aeo": {1}, "谈话办法": {0, 2}, "法第": nil, "，": nil} {
		if got := bitmapList(ht.docs(normalNeedle(word))); !slices.Equal(got, want) {
			t.Errorf("%s: documents %v, want %v", word, got, want)
		}
	}
}

// writeHeads writes a side file of heads into dir: two documents share
// a head, a third has its own; they are numbered 0, 2 and 1.
func writeHeads(tb testing.TB, dir string) {
	tb.Helper()
	hp := newHeadPostings()
	hp.add(0, "监督谈话办法\n第一章　总则")
	hp.add(1, "监督谈话办法\n第一章　总则")
	hp.add(2, "AEO")
	if err := hp.write(dir, []uint32{0, 2, 1}); err != nil {
		tb.Fatal(err)
	}
}

// FuzzNeedles: any text holds itself as a needle, and holds each of its
// words.
func FuzzNeedles(f *testing.F) {
	for _, s := range []string{"定期谈话", "党委(党组)书记", "AEO 认证", "PRSC-EO 2026年", "第5条规定", "é́x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := normalText(nil, s)
		if !containsUnits(text, normalNeedle(s)) {
			t.Errorf("%q does not hold itself", s)
		}
		for _, w := range strings.Fields(s) {
			if !containsUnits(text, normalNeedle(w)) {
				t.Errorf("%q does not hold its word %q", s, w)
			}
		}
	})
}

// TestBitmapCache: the cache answers what it was given and starts afresh
// when a new entry would pass its bound.
func TestBitmapCache(t *testing.T) {
	c := newBitmapCache[string, int](10)
	c.put("a", 1, 6)
	if v, ok := c.get("a"); !ok || v != 1 {
		t.Errorf("get(a) = %d, %t", v, ok)
	}
	c.put("b", 2, 6) // 12 bytes: a goes
	if _, ok := c.get("a"); ok {
		t.Errorf("a is still there past the bound")
	}
	if v, ok := c.get("b"); !ok || v != 2 {
		t.Errorf("get(b) = %d, %t", v, ok)
	}
}
