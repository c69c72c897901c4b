package label

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLabels checks that the readers never panic, that what they read lies
// inside the input, and that a label they accept reads the same again.
func FuzzLabels(f *testing.F) {
	for _, s := range []string{
		"第一百零三条之一 内容", "第 十五 条 公务员", "第三十－条", "第（一）、（二）项的", "第一分编 通则",
		"第五条前款规定的情形", "第五条修改为：", "第五条～第七条", "依照本条第二款第（三）项", "前两款第一项",
		"（十）", "附 则", "第１０３条", "第", "第一", "第（", "前", "本", "基本条件", "第五条之",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if l, ok := Read(s); ok {
			if l.End <= len("第") || l.End > len(s) || l.N <= 0 || l.Unit.String() == "" {
				t.Fatalf("Read(%q) = %+v", s, l)
			}
			if again, ok := Read(s[:l.End]); !ok || again != l {
				t.Fatalf("Read(%q) = %+v, but of its label %+v, %v", s, l, again, ok)
			}
		}
		if a, ok := ArticleLine(s); ok && (!strings.Contains(s, a.Rest) || a.N <= 0) {
			t.Fatalf("ArticleLine(%q) = %+v", s, a)
		}
		if _, title, ok := PartLine(s); ok && !strings.Contains(s, title) {
			t.Fatalf("PartLine(%q) title %q", s, title)
		}
		Structural(s)
		Names(s)
		for i := 0; i < len(s); {
			for _, read := range []func(string, int) (Ref, bool){ChainAt, PreviousAt, ThisAt} {
				if r, ok := read(s, i); ok && (r.End <= i || r.End > len(s)) {
					t.Fatalf("reference at %d of %q ends at %d", i, s, r.End)
				}
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	})
}
