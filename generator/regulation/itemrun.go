package regulation

import (
	"strconv"
	"strings"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
)

// RepairItemText is the repair kind of a paragraph printed between two
// items of one list and read as part of the first.
const RepairItemText = "item-text"

// maxInterruption is how many lines without a label may stand between
// two items of one list, (二) and (三), and still belong to the first.
const maxInterruption = 3

// interruptsList handles a line without a label printed inside a list of
// items, which would otherwise open a 款 of its own and renumber every
// later 款 of the article: when the list of the current 款 goes on after it
// with the next number of the same kind ((二) … (三)), the line belongs to
// the item before it, as the rest of a sentence the page broke
// ((一)…业主委员会选举 / 情况的报告；) or as more of its text (a second
// sentence of a definition); when the list goes on with the number after
// next and this is the one line between, it is that item, printed without
// its label ((四)… / 物品摆放整齐…； / (六)…). It reports false for any other
// line.
func (b *builder) interruptsList(l line, index int) bool {
	if index < 0 || b.clause == nil || b.last == nil || l.para.Row != "" || l.para.Heading > 0 {
		return false
	}
	n := len(b.clause.Items)
	if n == 0 || b.clause.Items[n-1].Label == "" {
		return false
	}
	last := b.clause.Items[n-1]
	kind, ok := itemKind(last.Label)
	if !ok {
		return false
	}
	gap, next, ok := b.nextItem(index, kind)
	switch {
	case ok && next == last.Number+1:
		b.continueItem(l, last)
	case ok && next == last.Number+2 && gap == 1 && b.last == &last.Paragraph:
		it := &model.Item{Paragraph: paragraph(l, l.text)}
		b.restoreLabel(it, l, kind, last.Label, last.Number+1)
		b.clause.Items = append(b.clause.Items, it)
		b.last = &it.Paragraph
	default:
		return false
	}
	b.labelText = false
	return true
}

// RepairLostLabel is the repair kind of an item printed without its label
// as the one line between the two items numbered around it.
const RepairLostLabel = "lost-label"

// restoreLabel gives it, the one line printed between the items numbered
// n-1 and n+1 of one list, the label n in the form of the label before it
// (prev): （七） between （六） and （八）, so that citations of the item
// find it. A form that would not read back as item n leaves it without one.
func (b *builder) restoreLabel(it *model.Item, l line, kind label.ItemKind, prev string, n int) {
	lab := itemLabelText(kind, prev, n)
	if m, ok := label.ReadItem(lab + l.text); !ok || m.Kind != kind || m.N != n || m.Label != lab {
		return
	}
	it.Label, it.Number = lab, n
	b.reg.Repairs = append(b.reg.Repairs, model.Repair{
		Position: l.para.Position, Kind: RepairLostLabel,
		Before: head(l.text), After: lab + head(l.text),
		Message: "此项印在" + prev + "与下一项之间，缺少项号，补为" + lab,
	})
}

// itemLabelText writes the label numbered n of a list whose labels have
// kind and look like prev: （七） after （六）, 7. after 6., 7、 after 6、.
func itemLabelText(kind label.ItemKind, prev string, n int) string {
	switch kind {
	case label.HanItem:
		return numeral.Format(n) + "、"
	case label.HanParenItem:
		return "（" + numeral.Format(n) + "）"
	case label.DigitItem:
		return strconv.Itoa(n) + string(lastRune(prev))
	case label.DigitParenItem:
		return "（" + strconv.Itoa(n) + "）"
	case label.CircledItem:
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return ""
}

// itemKind is the kind of a normalised item label: （二） is a 项.
func itemKind(lab string) (label.ItemKind, bool) {
	m, ok := label.ReadItem(lab)
	return m.Kind, ok
}

// nextItem looks past the line at index for the next line with an item
// label, over at most maxInterruption lines without one: how many lines
// from index it stands (1 for the next line) and its number. ok is false
// when a line of another kind of label, an article, a heading or a
// division comes first, or none within reach.
func (b *builder) nextItem(index int, kind label.ItemKind) (gap, number int, ok bool) {
	for j := index + 1; j < len(b.lines) && j <= index+maxInterruption; j++ {
		l := b.lines[j]
		if hasKey(b.accepted, j) || l.para.Heading > 0 || l.para.Row != "" || isStructural(l.text) || isAppendixStart(l.text) {
			return 0, 0, false
		}
		if _, div := unnumberedDivision(l.text); div {
			return 0, 0, false
		}
		if m, isItem := label.ReadItem(l.text); isItem {
			return j - index, m.N, m.Kind == kind
		}
	}
	return 0, 0, false
}

// continueItem adds a line to the text of the list's last item (or of
// the 目 under it that came last): joined as a broken sentence when the
// text stopped mid-sentence, else as more of it.
func (b *builder) continueItem(l line, last *model.Item) {
	if b.last != &last.Paragraph && !b.inItem(last) {
		b.last = &last.Paragraph
	}
	if !strings.ContainsRune("。；;！？：:", lastRune(b.last.Text)) {
		b.join(l)
		return
	}
	before := tail(b.last.Text) + "\n" + head(l.text)
	b.last.Text += l.text
	b.reg.Repairs = append(b.reg.Repairs, model.Repair{
		Position: l.para.Position, Kind: RepairItemText,
		Before: before, After: tail(b.last.Text),
		Message: "此段印在" + last.Label + "与下一项之间，属于" + last.Label + "，已并入",
	})
}

// inItem reports whether the paragraph last written is a 目 of it.
func (b *builder) inItem(it *model.Item) bool {
	for _, sub := range it.Items {
		if b.last == &sub.Paragraph {
			return true
		}
	}
	return false
}

// RepairSplitItem is the repair kind of a 项 printed on the line of the 项
// before it and made an item of its own.
const RepairSplitItem = "split-item"

// runOnItem finds the next 项 printed inside the text of 项 m, on the line
// at index: a label of its kind numbered m's next （(二) after (一)), after
// a sentence end (；。, a closing quote or bracket after one) and spaces:
// (一)…罚款；  (二)…. It returns where that label starts in m.Rest and the
// label. When the list goes on with that number on a line of its own, the
// one inside the text is no label (a citation of the item) and ok is false.
func (b *builder) runOnItem(m label.ItemLabel, index int) (at int, next label.ItemLabel, ok bool) {
	if m.Kind != label.HanParenItem {
		return 0, label.ItemLabel{}, false
	}
	s := m.Rest
	for i, r := range s {
		if !strings.ContainsRune("（(", r) || !endsSentence(s[:i]) {
			continue
		}
		n, isItem := label.ReadItem(s[i:])
		if !isItem || n.Kind != m.Kind || n.N != m.N+1 || n.Rest == "" {
			continue
		}
		if _, number, listed := b.nextItem(index, m.Kind); index >= 0 && listed && number == n.N {
			return 0, label.ItemLabel{}, false
		}
		return i, n, true
	}
	return 0, label.ItemLabel{}, false
}

// spacedItem reads the line at index as an item labelled by digits and a
// space (label.ReadSpacedItem) when a list of such lines counts on there:
// item 1 with item 2 so as the next line that does not continue it, before
// the next article or the appendix, or the item
// numbered after the spaced item written last. A line cut inside an item
// of another kind (…应当在 / 3 日内受理) is read before as its continuation.
func (b *builder) spacedItem(l line, index int) (label.ItemLabel, bool) {
	m, ok := label.ReadSpacedItem(l.text)
	if !ok || index < 0 {
		return m, false
	}
	if m.N > 1 {
		return m, b.spacedLast != nil && b.last == b.spacedLast && b.lastItemNumber() == m.N-1
	}
	if m.N != 1 {
		return m, false
	}
	prev := m.Rest
	for j := index + 1; j < len(b.lines) && !hasKey(b.accepted, j) && !isAppendixStart(b.lines[j].text); j++ {
		next := b.lines[j]
		if n, ok := label.ReadSpacedItem(next.text); ok {
			return m, n.N == 2
		}
		if !continues(prev, false, next) {
			return m, false
		}
		prev = next.text
	}
	return m, false
}

// lastItemNumber is the number of the 项 or 目 written last, when it was
// the paragraph written last, else 0.
func (b *builder) lastItemNumber() int {
	if b.clause == nil {
		return 0
	}
	items := b.clause.Items
	if b.item != nil && len(b.item.Items) > 0 {
		items = b.item.Items
	}
	if n := len(items); n > 0 && b.last == &items[n-1].Paragraph {
		return items[n-1].Number
	}
	return 0
}
