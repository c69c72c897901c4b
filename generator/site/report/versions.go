package report

import (
	"fmt"
	"strings"

	"tiaoli/generator/model"
)

// Thresholds of a doubtful alignment.
const (
	// lowSimilarity: a pair of articles sharing less than this is
	// doubtful; an editor should check it against both texts.
	lowSimilarity = 0.25
	// fewPaired: when fewer than this share of the newer version's
	// articles have a counterpart, the two may not be versions of one
	// text (works.yaml can split them).
	fewPaired = 0.3
	// shownPairs caps the pairs an entry names.
	shownPairs = 5
)

// doubtful lists the comparisons whose alignment an editor should check:
// pairs of low similarity, or few articles paired at all.
func doubtful(c *model.Corpus) []Entry {
	titles := map[string]string{}
	for _, w := range c.Works {
		titles[w.ID] = w.Title
	}
	var out []Entry
	for _, cmp := range c.Comparisons {
		var low []string
		paired, news := 0, 0
		for _, p := range cmp.Alignment {
			if p.New != nil {
				news++
			}
			if p.Old == nil || p.New == nil {
				continue
			}
			paired++
			if p.Similarity < lowSimilarity && p.Kind == model.PairModified {
				low = append(low, fmt.Sprintf("%s→%s（%.2f）", *p.Old, *p.New, p.Similarity))
			}
		}
		e := Entry{Document: cmp.To, Title: titles[cmp.Work], URL: cmp.URL}
		var msgs []string
		if news > 0 && float64(paired) < fewPaired*float64(news) {
			msgs = append(msgs, fmt.Sprintf("新版%d条中只有%d条与旧版对应，两者可能不是同一法规的版本", news, paired))
		}
		if len(low) > 0 {
			more := ""
			if len(low) > shownPairs {
				low, more = low[:shownPairs], "等"
			}
			msgs = append(msgs, fmt.Sprintf("相似度低的对应：%s%s", strings.Join(low, "、"), more))
		}
		if len(msgs) > 0 {
			e.Message = strings.Join(msgs, "；")
			out = append(out, e)
		}
	}
	return out
}
