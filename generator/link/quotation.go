package link

import "strings"

// QuoteDepth is the number of quotations (“…”, 「…」) left open at the end
// of s when depth quotations were open at its start; never below 0. A
// paragraph that starts with “ while a quotation is open goes on with it:
// a quotation of several paragraphs opens each with “ and closes only the
// last.
func QuoteDepth(s string, depth int) int {
	if depth > 0 {
		if rest, ok := strings.CutPrefix(s, "“"); ok {
			s = rest
		} else if rest, ok := strings.CutPrefix(s, "「"); ok {
			s = rest
		}
	}
	for _, r := range s {
		depth = max(depth+quoteMark(r), 0)
	}
	return depth
}

// quoteMark is +1 for a mark that opens a quotation (“, 「), -1 for one
// that closes it (”, 」), 0 for any other rune.
func quoteMark(r rune) int {
	switch r {
	case '“', '「':
		return 1
	case '”', '」':
		return -1
	}
	return 0
}

// InQuotation reports whether byte offset off of a paragraph lies inside
// a quotation that opens in that paragraph.
func InQuotation(text string, off int) bool { return quotationStart(text, off) >= 0 }

// quoted reports whether offset off of text ti of the document lies
// inside a quotation.
func (r *docRefs) quoted(ti, off int) bool {
	return InQuotation(r.l.texts[r.di][ti].p.Text, off)
}

// amendedDest is the law an amendment's quotations belong to: the law the
// section being read amends when the document amends several (修改《甲》等
// 二十七件…的决定: the one its text cited last outside quotations), the law
// its title names otherwise.
func (r *docRefs) amendedDest() (dest, bool) {
	if r.amendsMany && (r.lastAmended.doc >= 0 || r.lastAmended.title != "") {
		return r.lastAmended, true
	}
	if r.subjectTitle != "" {
		return dest{doc: -1, title: r.subjectTitle}, true
	}
	return dest{doc: r.subject}, r.subject >= 0
}

// quotedLaw is the document whose words a quotation holding offset off of
// text ti prints, for the 本法 or 本条例 (word: 法, 条例) in it: the
// document the reference right before the quotation names
// (刑法第三百八十六条规定：“…依照本法第三百八十三条…”), when that is another
// document than this one, resolved without a problem (or with the problem
// of a later version than the one cited: laterThanCited), and the word
// fits its title. False when the quotation follows no such reference in its
// paragraph, and in a decision printed before the text it amends, whose
// quotations are that text's new wording.
func (r *docRefs) quotedLaw(ti, off int, word string) (dest, bool) {
	if r.inDecision(ti) {
		return noDest, false // the new wording of the text the decision amends
	}
	text := r.l.texts[r.di][ti].p.Text
	open := quotationStart(text, off)
	if open < 0 {
		return noDest, false
	}
	for i := len(r.made) - 1; i >= 0; i-- {
		m := r.made[i]
		ref := r.refs[m.index]
		if m.text != ti || ref.From.End > open {
			continue
		}
		if gap := text[ref.From.End:open]; runeCount(gap) > maxQuoteLead || strings.ContainsAny(gap, "。；！？“”") {
			return noDest, false
		}
		dst := dest{doc: -1, title: ref.Title}
		if ref.To != nil {
			dst.doc = r.l.byID[ref.To.Document]
		}
		if (ref.Problem != "" && !r.laterThanCited(dst.doc)) || dst.doc == r.di || (dst.doc < 0 && (dst.title == "" || isGenericTitle(dst.title))) ||
			!namesKind(r.titleOf(dst), word) {
			return noDest, false
		}
		return dst, true
	}
	return noDest, false
}

// maxQuoteLead is the most runes between a reference and the quotation of
// its words (规定：, 明确规定, 之规定：).
const maxQuoteLead = 8

// quotationStart is the byte offset of the quotation mark that opens the
// quotation holding offset off of text, or -1 when off is in none that
// opens in text.
func quotationStart(text string, off int) int {
	open, depth := -1, 0
	for i, r := range text[:min(max(off, 0), len(text))] {
		if depth == 0 && quoteMark(r) > 0 {
			open = i
		}
		depth = max(depth+quoteMark(r), 0)
	}
	if depth == 0 {
		return -1
	}
	return open
}
