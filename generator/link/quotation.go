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
		switch r {
		case '“', '「':
			depth++
		case '”', '」':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth
}

// InQuotation reports whether byte offset off of a paragraph lies inside
// a quotation that opens in that paragraph.
func InQuotation(text string, off int) bool {
	if off > len(text) {
		off = len(text)
	}
	return QuoteDepth(text[:off], 0) > 0
}

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
