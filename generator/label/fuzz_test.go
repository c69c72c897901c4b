package label

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLabels checks that the readers never panic, that what they read lies
// inside the input, and that a label they accept (an item label in the
// form ReadItem gives it) reads the same again.
func FuzzLabels(f *testing.F) {
	for _, s := range []string{
		"第一百零三条之一 内容", "第 十五 条 公务员", "第三十－条", "第（一）、（二）项的", "第一分编 通则",
		"第五条前款规定的情形", "第五条修改为：", "第五条～第七条", "依照本条第二款第（三）项", "前两款第一项",
		"（十）", "附 则", "總綱", "目錄：", "附\u3000件1", "十．严禁", "1．1—苯基—2—丙酮", "5.1.1 重伤", "①注", "(以下简称本法)", "〔2002〕", "一 、总则", "第１０３条", "第", "第一", "第（", "前", "本", "基本条件", "第五条之",
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
		if it, ok := ReadItem(s); ok {
			if it.N <= 0 || !strings.Contains(s, it.Rest) {
				t.Fatalf("ReadItem(%q) = %+v", s, it)
			}
			if again, ok := ReadItem(it.Label); !ok || again.Kind != it.Kind || again.N != it.N || again.Label != it.Label || again.Rest != "" {
				t.Fatalf("ReadItem(%q) = %+v, but of its label %+v, %v", s, it, again, ok)
			}
		}
		_, article := ArticleLine(s)
		_, _, part := PartLine(s)
		if got, want := Structural(s), article || part || ItemLine(s) || openerRE.MatchString(Fold(s)); got != want {
			t.Fatalf("Structural(%q) = %v, want %v", s, got, want)
		}
		if got, want := OpenerLine(s), openerRE.MatchString(Fold(s)); got != want {
			t.Fatalf("OpenerLine(%q) = %v, want %v", s, got, want)
		}
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
