package audit

import (
	"fmt"
	"regexp"
	"strings"

	"tiaoli/generator/model"
)

// tableAsText finds the rows of a Markdown table (| a | b |) filed as
// text: each should be a row of a table, its cells apart.
func tableAsText(x *scan, d *model.Document) []Finding {
	var out []Finding
	for _, u := range x.units {
		if u.Row == "" && tableRow(u.Text) {
			msg := "表格行被读作正文：" + clip(u.Text, 40)
			out = append(out, find(d, u.Position, u.URL(), msg))
		}
	}
	return out
}

// tableRow reports whether s holds a row of a pipe table.
func tableRow(s string) bool {
	return strings.Count(s, "|") >= 2 || strings.Count(s, "｜") >= 2
}

// apparatus finds the apparatus of a text read as its body: a footnote
// (① …, with no ② after it) filed as a 款 or item, a Markdown heading
// filed as text, and a regulation without a date although a date line
// stands alone in its text (the 印发通知 that carries it).
func apparatus(x *scan, d *model.Document) []Finding {
	var out []Finding
	us := x.units
	for i, u := range us {
		switch {
		case u.Heading > 0 && (u.Kind == "clause" || u.Kind == "item" || u.Kind == "section"):
			msg := fmt.Sprintf("标题被读作正文（%s）：%s", kindName[u.Kind], clip(u.Text, 30))
			out = append(out, find(d, u.Position, u.URL(), msg))
		case footnote(us, i):
			msg := fmt.Sprintf("注释被读作%s：%s", kindName[u.Kind], clip(u.Text, 30))
			out = append(out, find(d, u.Position, u.URL(), msg))
		}
	}
	out = append(out, undated(d)...)
	return out
}

var kindName = map[string]string{
	"clause": "款", "item": "项", "preamble": "序言", "section": "正文",
	"appendix": "附件", "body": "正文",
}

// circled are the marks of footnotes and of circled lists.
const circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

// footnote reports whether the i-th unit starts with a circled number that
// is not followed, in the next units, by the next circled number: a note,
// not a member of a circled list.
func footnote(us []unit, i int) bool {
	t := strings.TrimSpace(us[i].Text)
	k := strings.IndexRune(circled, firstRune(t))
	if k < 0 || us[i].Kind == "body" {
		return false
	}
	if k > 0 {
		return false // the second or later member of a list
	}
	next := string([]rune(circled)[1])
	for _, u := range us[i+1 : min(len(us), i+30)] {
		if strings.HasPrefix(strings.TrimSpace(u.Text), next) || strings.Contains(t, next) {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// dateLine is a line that holds a date and nothing else: the date under
// the signature of a notice.
var dateLine = regexp.MustCompile(`^[（(]?\s*[0-9０-９〇○零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*[）)]?$`)

// undated finds a regulation with no date of its own although a date line
// stands alone in its preamble: the date of the notice that issues it.
func undated(d *model.Document) []Finding {
	if d.Kind != model.KindRegulation || d.Date != "" || d.Published != "" {
		return nil
	}
	for _, p := range d.Preamble {
		if dateLine.MatchString(strings.TrimSpace(p.Text)) {
			msg := "文件没有日期，序言中的落款日期未被读取：" + strings.TrimSpace(p.Text)
			return []Finding{find(d, p.Position, d.URL, msg)}
		}
	}
	return nil
}

// clip shortens s to n characters.
func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
