package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
)

// What a reference takes from the text before it: 本法第十条 is one
// reference; 《刑法》第十条 belongs to the citation; 第三条第一款、第二款
// carries 第三条 to 第二款; 第十条至第十二条 and 第十条～第十二条 are ranges
// (label.JoinsOf says which words join).

// joins reports whether the words between two references join them (see
// label.JoinsOf).
func joins(between string) bool {
	join, _ := label.JoinsOf(between)
	return join
}

func isChain(k refKind) bool { return k == refArticle || k == refParagraph || k == refItem }

func addRef(s string, refs []rawRef, ref rawRef) []rawRef {
	if n := len(refs); n > 0 && ref.Qual == qualNone && isChain(ref.Kind) {
		p := &refs[n-1]
		between := strings.TrimSpace(s[p.End:ref.Start])
		switch {
		case p.Kind == refDocument && between == "":
			ref.Start, ref.Qual, ref.Title = p.Start, qualSelf, p.Title
			refs[n-1] = ref
			return refs
		case p.Kind == refCitation && ref.Kind == refArticle && (between == "" || noteAfter(between)):
			ref.Qual, ref.Title = qualCitation, p.Title
			return append(refs, ref)
		case joins(between):
			ref = inherit(*p, ref)
			if _, through := label.JoinsOf(between); through && p.Kind == ref.Kind && p.Through == nil && p.Qual == ref.Qual {
				through := ref.P
				p.Through, p.End = &through, ref.End
				return refs
			}
			if ref.Qual != qualNone {
				return append(refs, ref)
			}
		}
	}
	if !strings.HasPrefix(s[ref.Start:], "本") {
		ref = withContext(refs, ref) // 本条第二款 names its own article
	}
	if ref.Kind == refArticle && ref.Qual == qualNone {
		if name := namedBefore(s, ref.Start); name != "" {
			ref.Qual, ref.Title = qualNamed, name
		}
	}
	return append(refs, ref)
}

// noteAfter reports whether what stands between a citation and a 第X条
// is a bracket that only notes something about the citation (《X》（以下简称
// 《Y》）第五条, 《X》（2018年修正）第五条) or the end of such a bracket
// that holds the citation (（以下简称《Y》）第五条): the article is the
// cited document's all the same.
func noteAfter(between string) bool {
	closing := true
	for _, r := range between {
		if !isClose(r) && !isQuoteClose(r) {
			closing = false
			break
		}
	}
	if closing {
		return true
	}
	return isOpen(firstRune(between)) && closeOf(between, 0) == len(between)-utf8.RuneLen(lastRune(between))
}

// inherit gives ref what it leaves out from the reference p it follows in
// an enumeration: its document, article and paragraph.
func inherit(p, ref rawRef) rawRef {
	switch ref.Kind {
	case refArticle:
		if p.Kind == refArticle {
			ref.Qual, ref.Title = p.Qual, p.Title
		}
	case refParagraph:
		if p.Kind == refArticle || p.Kind == refPrevArticle || p.Kind == refThisArticle {
			para := ref.P.Para
			ref.Kind, ref.Qual, ref.Title, ref.Back = p.Kind, p.Qual, p.Title, p.Back
			ref.P = label.Parts{Article: p.P.Article, Suffix: p.P.Suffix, Para: para, Item: ref.P.Item, Sub: ref.P.Sub}
		}
	case refItem:
		if isContext(p.Kind) {
			item, sub := ref.P.Item, ref.P.Sub
			ref.Kind, ref.Qual, ref.Title, ref.Back, ref.P = p.Kind, p.Qual, p.Title, p.Back, p.P
			ref.P.Item, ref.P.Sub = item, sub
		}
	}
	return ref
}

// isContext reports whether a reference of kind k can give a following
// 第N项 or 第N款 the article or paragraph it belongs to.
func isContext(k refKind) bool {
	switch k {
	case refArticle, refParagraph, refItem, refPrevArticle, refPrevParagraph, refThisArticle, refThisParagraph:
		return true
	}
	return false
}

// withContext records on a bare 第N项 or 第N款 the nearest reference before
// it in the text that could own it (前款第（一）项中的…、第（二）项中的…):
// resolution falls back on it when the text's own article has no such
// paragraph or item.
func withContext(refs []rawRef, ref rawRef) rawRef {
	if ref.Qual != qualNone || (ref.Kind != refItem && ref.Kind != refParagraph) {
		return ref
	}
	for i := len(refs) - 1; i >= 0; i-- {
		owner := refs[i]
		if owner.Ctx != nil {
			owner = *owner.Ctx
		}
		if isContext(owner.Kind) {
			ctx := inherit(owner, ref)
			if ctx.Kind != ref.Kind || ctx.P != ref.P {
				ref.Ctx = &ctx
			}
			return ref
		}
	}
	return ref
}

// lawSuffixes end the names of laws and rules.
var lawSuffixes = []string{
	"法典", "法", "条例", "规定", "办法", "细则", "规则", "解释", "决定", "通则", "准则", "规程", "章程", "公约", "协定",
}

// namedBefore returns the words printed right before start when they end
// like the name of a law printed without 《》 (应当认定为刑法 before
// 第十条), or "". The part of the law the article is in may stand between
// them (触犯刑法分则第九章第三百九十八条: see beforeDivision). Which tail
// of the words names the law is decided on resolution, from the titles the
// corpus knows (see namedTitle).
func namedBefore(s string, start int) string {
	start = beforeDivision(s, start)
	from := start
	for n := 0; from > 0 && n < 30; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:from])
		if !isHan(r) {
			break
		}
		from -= size
	}
	run := s[from:start]
	if !hasLawSuffix(run) || runeCount(run) < 2 || namesItself(run) {
		return ""
	}
	return run
}

// namesItself reports whether words end in 本法, 本条例 … (构成本法第十条,
// where 成本 kept 本 from being read as 本法), or in 本条例规定 (违反本条例规定
// 第三十二条): the document itself.
func namesItself(words string) bool {
	bare := strings.TrimSuffix(strings.TrimSuffix(words, "规定"), "的")
	for _, w := range docWords {
		if strings.HasSuffix(words, "本"+w) || strings.HasSuffix(bare, "本"+w) {
			return true
		}
	}
	return false
}

// partWords name the two halves of a code before its divisions (刑法分则第九章).
var partWords = []string{"分则", "总则"}

// beforeDivision is where the divisions printed right before start begin
// (第九章, 第三章第二节, 分则第九章), or start when none is: the law named
// before them is the article's.
func beforeDivision(s string, start int) int {
	at := start
	for {
		i := strings.LastIndex(s[:at], "第")
		if i < 0 {
			break
		}
		l, ok := label.Read(s[i:at])
		if !ok || !l.Unit.Division() || i+l.End != at {
			break
		}
		at = i
	}
	if at == start {
		return start
	}
	for _, w := range partWords {
		if strings.HasSuffix(s[:at], w) {
			return at - len(w)
		}
	}
	return at
}
