package search

import (
	"cmp"
	"html"
	"slices"
	"strings"
	"unicode/utf8"
)

// Fragment sizes, in characters.
const (
	maxFragments     = 3
	fragmentRunes    = 120 // a longer line is cut around its matches
	fragmentLeadIn   = 24  // characters kept before the first match
	fallbackFragment = 80  // the opening of a text with no match
	trailRunes       = 6   // characters kept after a match the cut would split
)

// line is one line of a stored text (a 款, a 项, a paragraph) and the
// matches inside it, with offsets into the text.
type line struct {
	index      int
	start, end int
	spans      []span
}

// splitSpans cuts text into its lines and hands each its matches.
func splitSpans(text string, spans []span) []line {
	var out []line
	start, k := 0, 0
	for i := 0; start <= len(text); i++ {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		l := line{index: i, start: start, end: end}
		for k < len(spans) && spans[k].start < end {
			if spans[k].start >= start {
				l.spans = append(l.spans, spans[k])
			}
			k++
		}
		out = append(out, l)
		start = end + 1
	}
	return out
}

// hit turns a ranked candidate into a result: fragments of its best lines
// and the anchor of the best one.
func (c *candidate) hit(m *matcher) Hit {
	h := Hit{
		URL: c.id, Title: c.title, Kind: c.kind, Document: c.doc, Article: c.article,
		Heading: c.heading, Date: c.date, Status: c.status, Score: round(c.score), Fragments: []string{},
	}
	if c.kind == KindTerm {
		h.Article = ""
	}
	if !c.ranked { // beyond the rank window
		c.spans, c.ranked = m.findText(c.text), true
	}
	lines := bestLines(splitSpans(c.text, c.spans), len(m.patterns))
	for _, l := range lines {
		h.Fragments = append(h.Fragments, fragment(c.text, l))
	}
	if len(lines) == 0 && c.text != "" {
		h.Fragments = append(h.Fragments, opening(c.text))
	}
	if len(lines) > 0 && lines[0].index < len(c.anchors) && c.anchors[lines[0].index] != "" {
		h.URL += "#" + c.anchors[lines[0].index]
	}
	return h
}

func round(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// bestLines picks up to maxFragments lines with matches: the lines with
// the most clauses first, then in text order. The first returned line is
// the best; the rest follow in text order.
func bestLines(lines []line, n int) []line {
	var with []line
	for _, l := range lines {
		if len(l.spans) > 0 {
			with = append(with, l)
		}
	}
	slices.SortStableFunc(with, func(a, b line) int {
		return cmp.Compare(fraction(clausesIn(b.spans, n)), fraction(clausesIn(a.spans, n)))
	})
	if len(with) > maxFragments {
		with = with[:maxFragments]
	}
	if len(with) > 1 {
		rest := with[1:]
		slices.SortFunc(rest, func(a, b line) int { return cmp.Compare(a.index, b.index) })
	}
	return with
}

// fragment is a line as escaped HTML with its matches marked, cut to
// about fragmentRunes characters around the first match.
func fragment(text string, l line) string {
	spans := mergeSpans(l.spans)
	from, to := l.start, l.end
	if utf8.RuneCountInString(text[from:to]) > fragmentRunes {
		from = backRunes(text, spans[0].start, fragmentLeadIn, l.start)
		to = forwardRunes(text, from, fragmentRunes, l.end)
		from, to = fragmentEdges(text, spans, from, to, l.start, l.end)
	}
	var b strings.Builder
	if from > l.start {
		b.WriteString("…")
	}
	at := from
	for _, s := range spans {
		if s.start < at || s.start >= to {
			continue
		}
		end := min(s.end, to)
		b.WriteString(html.EscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:end]))
		b.WriteString("</mark>")
		at = end
	}
	b.WriteString(html.EscapeString(text[at:to]))
	if to < l.end {
		b.WriteString("…")
	}
	return b.String()
}

// fragmentEdges moves the ends of a fragment so that it cuts neither a match
// nor a word of Latin letters or digits: the end goes on past a match it
// would cut, with a few characters of what follows, and either end to the
// edge of the word it falls in.
func fragmentEdges(text string, spans []span, from, to, floor, ceil int) (int, int) {
	for _, s := range spans {
		if s.start < to && s.end > to {
			to = forwardRunes(text, s.end, trailRunes, ceil)
		}
	}
	for from > floor && isWordByte(text[from-1]) && isWordByte(text[from]) {
		from--
	}
	for to < ceil && to > 0 && isWordByte(text[to-1]) && isWordByte(text[to]) {
		to++
	}
	return from, to
}

// isWordByte reports an ASCII letter or digit.
func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// opening is the escaped start of a text without matches.
func opening(text string) string {
	end := strings.IndexByte(text, '\n')
	if end < 0 {
		end = len(text)
	}
	cut := forwardRunes(text, 0, fallbackFragment, end)
	s := html.EscapeString(text[:cut])
	if cut < len(text) {
		s += "…"
	}
	return s
}

// backRunes moves n characters back from i, not before floor.
func backRunes(s string, i, n, floor int) int {
	for ; n > 0 && i > floor; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forwardRunes moves n characters on from i, not past ceil.
func forwardRunes(s string, i, n, ceil int) int {
	for ; n > 0 && i < ceil; n-- {
		_, size := utf8.DecodeRuneInString(s[i:ceil])
		i += size
	}
	return i
}
