package link

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// folded is normTitle of t through the folding of every rune, and whether
// it could be forced there: a tab, which the folding drops, put after the
// first rune of t's trimmed core keeps normTitle from giving t back as it
// is. A core of fewer than two runes has no middle to put it in (a tab at
// an end would be trimmed with the spaces and test nothing).
func folded(t string) (string, bool) {
	core := strings.TrimSpace(t)
	if utf8.RuneCountInString(core) < 2 {
		return "", false
	}
	_, n := utf8.DecodeRuneInString(core)
	at := strings.Index(t, core) + n
	return normTitle(t[:at] + "\t" + t[at:]), true
}

// TestNormTitleAsFoldingAll: a title normTitle gives back as it is would
// have come out of the folding of every rune the same.
func TestNormTitleAsFoldingAll(t *testing.T) {
	for _, title := range []string{
		"", "《》", "中华人民共和国刑法", "《中华人民共和国刑法》", " 刑法 ", "刑法（试行）", "刑法(试行)",
		"关于修改〈中华人民共和国刑法〉的决定", "关于修改《刑法》的决定", "关于<刑法>的解释", "关于＜刑法＞的解释", "a<b", "刑　法", "刑\t法\n", "“三定”规定",
		" 刑法（试行）", "\u3000“三定”规定 ", "a,b;c:d", "a，b；c：d", "〔2003〕", "[2003]", "‘x’", "\xff刑法", "刑法\xe4\xb8", "\uFFFD", "《《刑法》》", "修改〈刑法", "刑法〉的决定", "刑法，", "刑\n法", "刑 法",
	} {
		want, ok := folded(title)
		if !ok {
			continue
		}
		if got := normTitle(title); got != want {
			t.Errorf("normTitle(%q) = %q, folding every rune gives %q", title, got, want)
		}
	}
}

func FuzzNormTitle(f *testing.F) {
	f.Add("关于修改〈中华人民共和国刑法〉的决定")
	f.Add("《刑法（试行）》")
	f.Fuzz(func(t *testing.T, title string) {
		want, ok := folded(title)
		if !ok {
			t.Skip("no middle to mark")
		}
		if got := normTitle(title); got != want {
			t.Errorf("normTitle(%q) = %q, folding every rune gives %q", title, got, want)
		}
	})
}

// TestInnerTitleInAngleBrackets: a title cited with the title inside it
// in <> or ＜＞ (as some sources print 〈〉) names the document whose title
// prints it in 《》, and the document whose title prints ＜＞ is found by a
// citation with 〈〉.
func TestInnerTitleInAngleBrackets(t *testing.T) {
	cases := []struct{ text, want string }{
		{"依照《关于<中华人民共和国某法>第九章的解释》的规定。", "D1"},
		{"依照《关于＜中华人民共和国某法＞第九章的解释》的规定。", "D1"},
		{"依照《关于〈中华人民共和国某法〉第九章的解释》的规定。", "D1"},
		{"依照《关于修改〈某市某条例〉的决定》的规定。", "D2"},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			c, ids := indexedCorpus(newsDoc("评论", tc.text),
				regulationDoc("关于《中华人民共和国某法》第九章的解释", "第一条 总则。"),
				regulationDoc("关于修改＜某市某条例＞的决定", "第一条 总则。"))
			Link(c, nil)
			var got []string
			for _, r := range c.References {
				if r.Kind == "citation" {
					got = append(got, to(r, ids))
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}
