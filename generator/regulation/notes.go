package regulation

import (
	"strings"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// note handles a footnote printed after an article's text: a line opening
// with ① that no ② follows before the next article or division (a list
// counts on). It becomes a Note of the article, not an item. It reports
// false for any other line.
func (b *builder) note(l line, index int) bool {
	m, ok := label.ReadItem(l.text)
	if !ok || m.Kind != label.CircledItem || m.N != 1 || index < 0 || b.article == nil {
		return false
	}
	for j := index + 1; j < len(b.lines); j++ {
		if hasKey(b.accepted, j) || isDivisionLine(b.lines[j]) {
			break
		}
		if strings.HasPrefix(b.lines[j].text, "②") || strings.Contains(l.text, "②") {
			return false
		}
	}
	b.article.Notes = append(b.article.Notes, &model.Note{Paragraph: paragraph(l, l.text)})
	b.last = nil
	return true
}
