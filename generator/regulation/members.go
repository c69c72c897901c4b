package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// listMember handles a line printed as one member of a list that a 款
// ending in "：" opens, with no label of its own. A member ending in "，"
// or "、" (由下列人员组成： / 委员长， / 副委员长若干人，…) goes on with the
// 款's sentence and is joined to it; one ending in "；" is an item without
// a label, and so is one ending in "。" right after such an item. A 款 is
// never a line that ends in a comma, and a list of "；" members is one 款.
// A member cut by the layout is one too when the line after it finishes
// it so (memberCut).
// It reports false when the line is no member.
func (b *builder) listMember(l line, index int) bool {
	if b.clause == nil || b.last == nil || l.para.Heading > 0 || quoted(l.text) {
		return false
	}
	end := lastRune(l.text)
	switch {
	case b.last == &b.clause.Paragraph && len(b.clause.Items) == 0 && endsInColon(b.clause.Text):
		if strings.ContainsRune("，、,", end) {
			b.join(l)
			return true
		}
		if !strings.ContainsRune("；;", end) && !b.memberCut(index, "；;") {
			return false
		}
	case b.item == nil && b.lastItemUnlabelled():
		if !strings.ContainsRune("；;。", end) && !b.memberCut(index, "；;。") {
			return false
		}
	default:
		return false
	}
	it := &model.Item{Paragraph: paragraph(l, l.text)}
	b.clause.Items = append(b.clause.Items, it)
	b.last = &it.Paragraph
	b.labelText = false
	return true
}

// memberCut reports whether line i is cut inside a member: the next line
// continues it (see continues; a short line only when cut at the
// document's column width) and ends with one of ends.
func (b *builder) memberCut(i int, ends string) bool {
	if i+1 >= len(b.lines) {
		return false
	}
	next := b.lines[i+1]
	return continues(b.lines[i].text, b.cut[i], next) && strings.ContainsRune(ends, lastRune(next.text))
}

// lastItemUnlabelled reports whether the 款's last item is a member
// without a label that ends in "；": the list goes on.
func (b *builder) lastItemUnlabelled() bool {
	n := len(b.clause.Items)
	if n == 0 || b.last != &b.clause.Items[n-1].Paragraph {
		return false
	}
	it := b.clause.Items[n-1]
	return it.Label == "" && strings.ContainsRune("；;", lastRune(it.Text))
}

func endsInColon(s string) bool { return strings.ContainsRune("：:", lastRune(s)) }

func quoted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("“\"「‘", r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(trimSpace(s))
	return r
}
