package link

import (
	"testing"
	"unicode/utf8"
)

// folded is normTitle of t through the folding of every rune: a tab, which
// the folding drops, put after t's first rune keeps normTitle from giving
// t back as it is.
func folded(t string) string {
	_, n := utf8.DecodeRuneInString(t)
	return normTitle(t[:n] + "\t" + t[n:])
}

// TestNormTitleAsFoldingAll: a title normTitle gives back as it is would
// have come out of the folding of every rune the same.
func TestNormTitleAsFoldingAll(t *testing.T) {
	for _, title := range []string{
		"", "《》", "中华人民共和国刑法", "《中华人民共和国刑法》", " 刑法 ", "刑法（试行）", "刑法(试行)",
		"关于修改〈中华人民共和国刑法〉的决定", "关于修改《刑法》的决定", "刑　法", "刑\t法\n", "“三定”规定",
		"a,b;c:d", "a，b；c：d", "〔2003〕", "[2003]", "‘x’", "\xff刑法", "刑法\xe4\xb8", "\uFFFD", "《《刑法》》", "修改〈刑法", "刑法〉的决定", "刑法，", "刑\n法", "刑 法",
	} {
		if got, want := normTitle(title), folded(title); got != want {
			t.Errorf("normTitle(%q) = %q, folding every rune gives %q", title, got, want)
		}
	}
}

func FuzzNormTitle(f *testing.F) {
	f.Add("关于修改〈中华人民共和国刑法〉的决定")
	f.Add("《刑法（试行）》")
	f.Fuzz(func(t *testing.T, title string) {
		if got, want := normTitle(title), folded(title); got != want {
			t.Errorf("normTitle(%q) = %q, folding every rune gives %q", title, got, want)
		}
	})
}
