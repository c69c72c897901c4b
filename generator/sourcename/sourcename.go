// Package sourcename names every source of a corpus as readers and
// editors know it, never by its file's path:
//
//   - a printed page by its paper, date, page and 版名, as far as the file
//     or its byline says them: 《人民日报》2025年2月12日第10版（要闻）;
//   - else a file by its title (front matter, an HTML <title>);
//   - else a file of one document (or of several that share a title: a
//     file printing two texts under one name) by that title and the
//     file's date: 某市城市绿化条例（2020年9月17日）;
//   - else, a page of several items, by its date and lead item:
//     2026年2月13日版面：一箭7星等13篇.
//
// Names are unique in a corpus: two pages that the rules above name alike
// are told apart by their lead items, then by a number (来源二, 来源三:
// 之二 would read as a second part of one text).
package sourcename

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
)

// leadRunes is the longest a lead item's title runs in a name.
const leadRunes = 24

// Assign sets Name on every source of c. It reads the sources' documents,
// so it runs after they are listed on their sources.
func Assign(c *model.Corpus) {
	titles := make(map[string]string, len(c.Documents))
	for _, d := range c.Documents {
		if _, dup := titles[d.ID]; !dup {
			titles[d.ID] = d.Title
		}
	}
	base := make([]string, len(c.Sources))
	count := map[string]int{}
	for i, s := range c.Sources {
		base[i] = baseName(s, titles)
		count[base[i]]++
	}
	seen := map[string]int{}
	for i, s := range c.Sources {
		name := base[i]
		if count[name] > 1 && printedName(s) != "" {
			name += "：" + lead(s, titles)
		}
		if seen[name]++; seen[name] > 1 {
			name += "（来源" + numeral.Format(seen[name]) + "）"
		}
		s.Name = name
	}
}

// baseName is a source's name before names are told apart.
func baseName(s *model.Source, titles map[string]string) string {
	if n := printedName(s); n != "" {
		return n
	}
	if s.Title != "" {
		return s.Title
	}
	if t, ok := sharedTitle(s, titles); ok {
		if d := Date(s.Date); d != "" {
			return t + "（" + d + "）"
		}
		return t
	}
	n := Date(s.Date)
	if n == "" {
		n = "未注明日期的"
	}
	n += "版面"
	if l := lead(s, titles); l != "" {
		n += "：" + l
		if len(s.Documents) > 1 {
			n += "等" + strconv.Itoa(len(s.Documents)) + "篇"
		}
	}
	return n
}

// sharedTitle is the title of a source's documents when it has one
// document, or several that all bear the same title.
func sharedTitle(s *model.Source, titles map[string]string) (string, bool) {
	if len(s.Documents) == 0 {
		return "", false
	}
	t := strings.TrimSpace(titles[s.Documents[0]])
	for _, id := range s.Documents[1:] {
		if strings.TrimSpace(titles[id]) != t {
			return "", false
		}
	}
	return t, t != ""
}

// printedName is what a page says of where it was printed: the paper,
// the date, the page and its 版名; "" when it names neither paper nor
// page.
func printedName(s *model.Source) string {
	if s.Publication == "" && s.Page == "" {
		return ""
	}
	var b strings.Builder
	if s.Publication != "" {
		pub := strings.Trim(s.Publication, "《》 ")
		b.WriteString("《" + pub + "》")
	}
	b.WriteString(Date(s.Date))
	b.WriteString(Page(s.Page))
	if s.PageName != "" {
		b.WriteString("（" + strings.TrimSpace(s.PageName) + "）")
	}
	return b.String()
}

// lead is the title of a source's first item, shortened.
func lead(s *model.Source, titles map[string]string) string {
	for _, id := range s.Documents {
		if t := strings.TrimSpace(titles[id]); t != "" {
			return shorten(t, leadRunes)
		}
	}
	return ""
}

// shorten cuts s to about n characters and an ellipsis, before any
// bracket or quote the cut would leave open.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, i := len(s), 0
	for k := range s {
		if i == n {
			cut = k
			break
		}
		i++
	}
	if open := firstUnclosed(s[:cut]); open >= 4*3 { // keep at least a few characters
		cut = open
	}
	return s[:cut] + "…"
}

// firstUnclosed is the offset of the outermost bracket or quote that s
// opens and does not close, or -1.
func firstUnclosed(s string) int {
	var stack []int
	for k, r := range s {
		if strings.ContainsRune("《“‘（(「『【〔", r) {
			stack = append(stack, k)
		} else if strings.ContainsRune("》”’）)」』】〕", r) && len(stack) > 0 {
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return -1
	}
	return stack[0]
}

// Date writes a YYYY-MM-DD date as 2026年2月13日; "" for "" and the text
// itself when it is not such a date.
func Date(d string) string {
	var y, m, day int
	if _, err := fmt.Sscanf(d, "%4d-%2d-%2d", &y, &m, &day); err != nil || len(d) != 10 {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, day)
}

// Page writes a page as printed (第02版, 02, A3, 第 10 版) as 第2版, 第A3版.
func Page(p string) string {
	p = strings.Join(strings.Fields(p), "")
	if p == "" {
		return ""
	}
	core := strings.TrimSuffix(strings.TrimPrefix(p, "第"), "版")
	if n, err := strconv.Atoi(core); err == nil {
		core = strconv.Itoa(n)
	}
	return "第" + core + "版"
}
