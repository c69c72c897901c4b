package address

import (
	"strconv"

	"tiaoli/generator/model"
)

// ArticleAnchors gives every 款, 项 and 目 of a its anchor on the article
// page: p2 for 第二款 (by position: a 款 has no printed number), p2-i3 for
// the 项 printed （三） in it and p2-i3-m1 for the 目 printed 1. under that
// 项. 项 and 目 go by their printed number, so that the anchor of （三) is
// i3 even when the list skips （二）, and a citation of 第（三）项 finds it.
// An item without a number takes its position; a number printed twice in
// one list gets -2, -3 after its second and later uses (p2-i3-2).
func ArticleAnchors(a *model.Article) {
	for i, c := range a.Paragraphs {
		if c == nil {
			continue
		}
		c.Anchor = "p" + strconv.Itoa(i+1)
		itemAnchors(c.Items, c.Anchor+"-i")
	}
}

// itemAnchors names the items of one list prefix and their number, and
// their 目 after them.
func itemAnchors(items []*model.Item, prefix string) {
	seen := map[string]int{}
	for i, it := range items {
		if it == nil {
			continue
		}
		it.Anchor = uniqueID(prefix+strconv.Itoa(ItemNumber(it, i+1)), seen)
		itemAnchors(it.Items, it.Anchor+"-m")
	}
}

// ItemNumber is the number a 项 or 目 is cited and anchored by: its
// printed number, or position (from 1) in its list when it has none.
func ItemNumber(it *model.Item, position int) int {
	if it.Number > 0 {
		return it.Number
	}
	return position
}
