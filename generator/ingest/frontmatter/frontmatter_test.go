package frontmatter

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	src := "---\ntitle: \"758项新版职业教育专业教学标准发布\"\ndate: 2025-02-12\nsection: \"第10版\"\nauthor: \"韩  鑫\"\nkeywords: [a, b]\n---\n\n# 标题\n"
	m, body, probs := Split(src)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	if m.Title != "758项新版职业教育专业教学标准发布" || m.Date != "2025-02-12" || m.Page != "第10版" || m.Author != "韩  鑫" || m.TitleLine != 2 {
		t.Errorf("meta %+v", m)
	}
	if strings.Count(body, "\n") != strings.Count(src, "\n") || !strings.HasSuffix(body, "\n\n# 标题\n") || strings.Contains(body, "title") {
		t.Errorf("body %q does not keep the lines", body)
	}
}

func TestSplitNone(t *testing.T) {
	for _, src := range []string{"# 标题\n", "---\n\n正文\n---\n", "---\n只有开头\n"} {
		if _, body, _ := Split(src); body != src {
			t.Errorf("Split(%q) changed the text to %q", src, body)
		}
	}
}

func TestSplitProblems(t *testing.T) {
	_, _, probs := Split("\n---\ntitle: a\ndate: 明天\n---\n")
	if len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Message, "不是日期") {
		t.Errorf("problems %+v", probs)
	}
	_, _, probs = Split("---\ntitle: a\n  bad: [\n---\n")
	if len(probs) != 1 || probs[0].Line < 2 || !strings.Contains(probs[0].Message, "YAML") {
		t.Errorf("problems %+v", probs)
	}
}

func TestDate(t *testing.T) {
	cases := map[string]string{
		"2025-02-12": "2025-02-12", "2025/2/3": "2025-02-03", "2025年2月3日": "2025-02-03",
		"2017-03-26 10:00": "2017-03-26", "2025-02-30": "", "明天": "",
	}
	for in, want := range cases {
		if got, _ := Date(in); got != want {
			t.Errorf("Date(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSplit checks that front matter never changes the number of lines.
func FuzzSplit(f *testing.F) {
	f.Add("---\ntitle: x\ndate: 2025-01-01\n---\nbody")
	f.Add("---\n: [\n---\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, body, _ := Split(s)
		if strings.Count(body, "\n") != strings.Count(s, "\n") {
			t.Fatalf("lines changed: %q → %q", s, body)
		}
	})
}
