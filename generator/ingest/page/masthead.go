package page

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/frontmatter"
)

// Masthead is what the running head of a newspaper page prints: the
// paper, the date, the page and its 版名, "" for what it leaves out.
type Masthead struct {
	Publication, Date, Page, PageName string
}

// mastheadRE is a running head: 人民日报 2025年2月12日 星期三 第4版 要闻,
// 2026年2月13日 星期五 第3版：国际, 第A3版 · 体育. The page is required.
var mastheadRE = regexp.MustCompile(`^(?:《?(\p{Han}{2,10}?报)》?\s*)?` +
	`(?:(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*)?(?:(?:星期|周)[一二三四五六日天]\s*)?` +
	`(第\s*[A-Z]?\s*[0-9一二三四五六七八九十]{1,3}\s*版)\s*(?:[:：·|｜]\s*)?(\p{Han}{2,8})?$`)

// maxMastheadRunes is the longest running head read.
const maxMastheadRunes = 40

// ReadMasthead finds a running head among the first lines of a page and
// returns what it says and its index in lines, -1 when there is none. A
// line that is only a page (第3版) counts when it stands alone at the top.
func ReadMasthead(lines []block.Line) (Masthead, int) {
	for i, l := range lines {
		if i >= maxPrintedLines {
			break
		}
		t := strings.TrimSpace(l.Text)
		if !strings.Contains(t, "版") || utf8.RuneCountInString(t) > maxMastheadRunes {
			continue
		}
		m := mastheadRE.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		h := Masthead{Publication: m[1], Page: strings.Join(strings.Fields(m[3]), ""), PageName: m[4]}
		h.Date, _ = frontmatter.Date(m[2])
		return h, i
	}
	return Masthead{}, -1
}
