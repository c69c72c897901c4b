package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/model"
)

// RepairSplit is the repair kind of an article printed on the line of the
// article before it and opened as an article of its own.
const RepairSplit = "split-article"

// sentenceEnds end a sentence; a 第X条 after one can open an article.
const sentenceEnds = "。；！？"

// runOnArticle finds the next article printed inside s, text of the
// current article: a 第X条 that opens an article as a line would
// (label.ArticleLine, so 第十六条规定的 cites), stands after a sentence end
// (。；！？, a closing quote or bracket after one, and spaces), and is
// numbered the article after the current one (第十六条 after 第十五条, or
// 第十五条之一) and before the next article that opens a line. It returns
// where the label starts and the label. Only the number that fits keeps a
// citation (依照第十六条) from opening an article.
func (b *builder) runOnArticle(s string) (at int, lab label.ArticleStart, ok bool) {
	if b.article == nil {
		return 0, label.ArticleStart{}, false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], "第")
		if i < 0 {
			return 0, label.ArticleStart{}, false
		}
		i += from
		if endsSentence(s[:i]) {
			if lab, ok := label.ArticleLine(s[i:]); ok && b.follows(lab) {
				return i, lab, true
			}
		}
		from = i + len("第")
	}
}

// follows reports whether lab numbers the article right after the current
// one and comes before the next article that opens a line.
func (b *builder) follows(lab label.ArticleStart) bool {
	a := b.article
	next := lab.N == a.Number+1 && lab.Suffix == 0 || lab.N == a.Number && lab.Suffix == a.Suffix+1
	return next && (b.limit < 0 || articleKey(lab.N, lab.Suffix) < b.limit)
}

// endsSentence reports whether s, spaces trimmed at its end, ends a
// sentence: with 。；！？ or with closing quotes or brackets after one.
func endsSentence(s string) bool { return endsWithMark(s, sentenceEnds) }

// endsWithMark reports whether s, spaces trimmed at its end, ends with one
// of marks, or with closing quotes or brackets after one.
func endsWithMark(s, marks string) bool {
	s = strings.TrimRightFunc(s, label.IsSpace)
	for {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case size == 0:
			return false
		case strings.ContainsRune(marks, r):
			return true
		case closes(r):
			s = s[:len(s)-size]
		default:
			return false
		}
	}
}

// splitArticle adds the text of line l before byte at to the current
// article and opens the article lab printed from there, recording the
// repair.
func (b *builder) splitArticle(l line, index, at int, lab label.ArticleStart) {
	head := l.text[:at]
	b.body(line{text: trimSpace(head), para: l.para}, index)
	text := label.ArticleText(lab.N, lab.Suffix)
	b.reg.Repairs = append(b.reg.Repairs, model.Repair{
		Position: l.para.Position, Kind: RepairSplit,
		Before: tail(head) + text, After: tail(trimSpace(head)) + "\n" + text,
		Message: text + "与上一条印在同一行，已分为一条",
	})
	b.openArticle(l, lab)
}

// articleKey orders articles: 第五条 before 第五条之一 before 第六条.
func articleKey(n, suffix int) int { return n*1000 + suffix }

// nextArticleKey is the key of the first article opening a line after
// line i, or -1 when none does.
func (b *builder) nextArticleKey(i int) int {
	for j := i + 1; j < len(b.lines); j++ {
		if lab, ok := b.accepted[j]; ok {
			return articleKey(lab.N, lab.Suffix)
		}
	}
	return -1
}

// closes reports a closing bracket or quote.
func closes(r rune) bool { return label.IsClose(r) || strings.ContainsRune("”’」』\"", r) }
