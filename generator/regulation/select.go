package regulation

import (
	"strings"

	"tiaoli/generator/label"
)

// candidate is a line that opens with a 第X条 label.
type candidate struct {
	index int // in the lines
	lab   label.ArticleStart
}

func (c candidate) key() int { return articleKey(c.lab.N, c.lab.Suffix) }

// maxLookBack bounds how far back selectArticles looks for a predecessor,
// keeping it linear on huge inputs.
const maxLookBack = 400

// selectArticles finds the lines that open articles. Every 第X条 line is a
// candidate; the articles are the candidates that form the best strictly
// increasing sequence, where a step to the next number (or to 之一) counts
// more than a jump and a label standing apart more than one run into its
// text. A quoted or restarted count falls out of the sequence and stays
// text. It returns the accepted candidates by line index.
func selectArticles(lines []line) map[int]label.ArticleStart {
	var cands []candidate
	for i, l := range lines {
		if isTableRow(l.text) {
			continue
		}
		if lab, ok := label.ArticleLine(l.text); ok && !(i > 0 && announces(lines[i-1].text, lab)) {
			cands = append(cands, candidate{i, lab})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	score := make([]int, len(cands))
	prev := make([]int, len(cands))
	best := 0
	for j, c := range cands {
		score[j], prev[j] = weight(c), -1
		if c.lab.N == 1 && c.lab.Suffix == 0 {
			score[j]++
		}
		for i := j - 1; i >= 0 && i >= j-maxLookBack; i-- {
			if cands[i].key() >= c.key() {
				continue
			}
			if s := score[i] + weight(c) + step(cands[i], c); s > score[j] {
				score[j], prev[j] = s, i
			}
		}
		if score[j] > score[best] {
			best = j
		}
	}
	out := map[int]label.ArticleStart{}
	for j := best; j >= 0; j = prev[j] {
		out[cands[j].index] = cands[j].lab
	}
	return out
}

func weight(c candidate) int {
	if c.lab.Separated {
		return 3
	}
	return 2
}

// step rewards consecutive numbering: 第五条 → 第六条, 第五条 → 第五条之一,
// 第五条之一 → 第六条.
func step(a, b candidate) int {
	an, as, bn, bs := a.lab.N, a.lab.Suffix, b.lab.N, b.lab.Suffix
	if bn == an+1 && bs == 0 || bn == an && bs == as+1 {
		return 3
	}
	return 0
}

// isTableRow reports a line that was a row of a table (cells joined by
// " | "): a table lists articles, it does not open them.
func isTableRow(s string) bool {
	return strings.Contains(s, " | ") || strings.HasPrefix(s, "|")
}

// announces reports whether prev, ending in "：", names the article lab
// opens: an amendment introducing the text it quotes (增加一条，作为第五条之一：
// / 第五条之一 …, 将第九条修改为： / 第九条 …). The article is quoted, not
// the document's own.
func announces(prev string, lab label.ArticleStart) bool {
	if !endsInColon(prev) {
		return false
	}
	for i := strings.Index(prev, "第"); i >= 0; {
		if m, ok := label.Read(prev[i:]); ok && m.Unit == label.Article && m.N == lab.N && m.Suffix == lab.Suffix {
			return true
		}
		next := strings.Index(prev[i+len("第"):], "第")
		if next < 0 {
			break
		}
		i += len("第") + next
	}
	return false
}
