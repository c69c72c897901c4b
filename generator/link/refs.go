package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/label"
	"tiaoli/generator/runeset"
)

// What a reference names, as printed; resolution turns it into a place.
type refKind int

const (
	refArticle       refKind = iota + 1 // 第五条, 第五条第二款第（三）项
	refParagraph                        // 第二款, 本条第二款
	refItem                             // 第（三）项, 本款第三项
	refPrevArticle                      // 前条, 前两条
	refPrevParagraph                    // 前款, 前两款, 前款第一项
	refPrevItem                         // 前项
	refThisArticle                      // 本条
	refThisParagraph                    // 本款
	refThisItem                         // 本项
	refDocument                         // 本办法, 本条例, 本法
	refCitation                         // 《…》
	refAbove                            // 上述法规文件
	refBare                             // 根据传染病防治法: a law named without 《》 or article
)

// qual says which document a 第X条 belongs to.
type qual int

const (
	qualNone     qual = iota // the document the text is in
	qualSelf                 // 本法第十条
	qualCitation             // 《…》第十条: the citation before it
	qualThat                 // 该法第十条: the document cited last
	qualNamed                // 刑法第十条: a law named without 《》
)

// rawRef is a reference found in a text, before resolution.
type rawRef struct {
	Kind       refKind
	Start, End int
	P          label.Parts
	Back       int          // how many units 前N款 goes back
	Through    *label.Parts // the end of a range: 第十条至第十二条
	Title      string       // a citation's title, 本X's X, 上述's noun, a named law
	Qual       qual
	// Ctx is what a bare 第N项 or 第N款 means if the text's own article
	// has no such item or paragraph (see withContext).
	Ctx *rawRef
}

// scanRefs finds the references in s, in order, without overlaps.
func scanRefs(s string) []rawRef {
	var refs []rawRef
	for i := 0; i < len(s); {
		k := refStarts.Index(s[i:])
		if k < 0 {
			break // no rune a reference starts with
		}
		i += k
		r, size := utf8.DecodeRuneInString(s[i:])
		if ref, ok := scanRefAt(s, i, r); ok {
			first, rest, _ := splitItemList(s, withRange(s, ref))
			refs = addItems(addRef(s, refs, first), rest)
			i = max(first.End, refs[len(refs)-1].End)
			continue
		}
		i += size
	}
	return addBare(s, refs)
}

// refScanners read the references scanRefs finds, each at the rune it
// starts with.
var refScanners = []struct {
	first rune
	scan  func(s string, i int) (rawRef, bool)
}{
	{'第', scanNumbered},
	{'前', scanPrev},
	{'本', scanThis},
	{'《', scanCitation},
	{'上', scanAbove},
	{'该', scanThat},
	{'該', scanThat},
}

// refStarts are the runes a reference scanRefs reads can start with: the
// first runes of refScanners.
var refStarts = func() runeset.Set {
	var firsts strings.Builder
	for _, sc := range refScanners {
		firsts.WriteRune(sc.first)
	}
	return runeset.Of(firsts.String())
}()

// scanRefAt reads a reference at i, where s has the rune r, by the
// scanner of r.
func scanRefAt(s string, i int, r rune) (rawRef, bool) {
	for _, sc := range refScanners {
		if sc.first == r {
			return sc.scan(s, i)
		}
	}
	return rawRef{}, false
}

// scanNumbered reads a reference at 第: a chain (第五条第二款), a list of
// items (第（一）至（三）项) or a range of numerals (第一至三项).
func scanNumbered(s string, i int) (rawRef, bool) {
	if ref, ok := scanChain(s, i); ok {
		return ref, true
	}
	if ref, ok := scanItemList(s, i); ok {
		return ref, true
	}
	return scanNumeralRange(s, i)
}

// chainKinds, prevKinds and thisKinds are the kinds of the references
// the label grammar reads, by the unit they start with.
var (
	chainKinds = map[label.Unit]refKind{label.Article: refArticle, label.Paragraph: refParagraph, label.Item: refItem}
	prevKinds  = map[label.Unit]refKind{label.Article: refPrevArticle, label.Paragraph: refPrevParagraph, label.Item: refPrevItem}
	thisKinds  = map[label.Unit]refKind{label.Article: refThisArticle, label.Paragraph: refThisParagraph, label.Item: refThisItem}
)

// scanChain reads 第五条第二款第（三）项 at i.
func scanChain(s string, i int) (rawRef, bool) {
	r, ok := label.ChainAt(s, i)
	if !ok {
		return rawRef{}, false
	}
	return rawRef{Kind: chainKinds[r.Unit], Start: i, End: r.End, P: r.P}, true
}

// scanPrev reads 前条, 前款, 前项 and 前N款 (and what follows: 前款第一项).
func scanPrev(s string, i int) (rawRef, bool) {
	r, ok := label.PreviousAt(s, i)
	if !ok {
		return rawRef{}, false
	}
	return rawRef{Kind: prevKinds[r.Unit], Start: i, End: r.End, Back: r.Back, P: r.P}, true
}

// docWords name a document after 本 (本办法) or 该 (该法), longest first.
var docWords = []string{
	"实施细则", "实施办法", "暂行办法", "修正案", "暂行条例", "暂行规定", "条例", "办法", "规定", "细则", "规则", "准则",
	"决定", "解释", "意见", "通知", "规范", "规程", "章程", "纲要", "守则", "制度", "公约", "协定", "决议",
	"方案", "指引", "法典", "法",
}

// scanThis reads 本条, 本款, 本项 (and a chain after them) and 本办法 (also
// printed 本《办法》).
func scanThis(s string, i int) (rawRef, bool) {
	if !label.IsThis(s, i) {
		return rawRef{}, false
	}
	if r, ok := label.ThisAt(s, i); ok {
		ref := rawRef{Kind: thisKinds[r.Unit], Start: i, End: r.End, P: r.P}
		ref.Kind = deepest(ref)
		return ref, true
	}
	j := i + len("本")
	if strings.HasPrefix(s[j:], "《") { // 本《条例》: 本条例 printed with title marks
		for _, w := range docWords {
			if strings.HasPrefix(s[j+len("《"):], w+"》") {
				return rawRef{Kind: refDocument, Start: i, End: j + len("《"+w+"》"), Title: w}, true
			}
		}
	}
	for _, w := range docWords {
		if !label.HasWord(s[j:], w) {
			continue
		}
		end := j + len(w)
		if w == "法" && strings.ContainsRune("人院官庭医师学", firstRune(s[end:])) {
			return rawRef{}, false
		}
		return rawRef{Kind: refDocument, Start: i, End: end, Title: w}, true
	}
	return rawRef{}, false
}

// deepest turns 本条第二款 into a paragraph and 本款第三项 into an item.
func deepest(ref rawRef) refKind {
	switch {
	case ref.P.Item > 0:
		return refItem
	case ref.P.Para > 0:
		return refParagraph
	}
	return ref.Kind
}

// scanThat reads 该法第十条: a chain in the document cited last.
func scanThat(s string, i int) (rawRef, bool) {
	rest := s[i+len("该"):] // 該 is as long
	for _, w := range docWords {
		if !label.HasWord(rest, w) {
			continue
		}
		ref, ok := scanChain(s, i+len("该")+len(w))
		if !ok || ref.Kind != refArticle {
			return rawRef{}, false
		}
		ref.Start, ref.Qual, ref.Title = i, qualThat, w
		return ref, true
	}
	return rawRef{}, false
}

// scanCitation reads 《…》 at i, with nested titles (〈〉 or 《》) inside.
func scanCitation(s string, i int) (rawRef, bool) {
	depth, n := 0, 0
	for j, r := range s[i:] {
		switch r {
		case '《':
			depth++
		case '》':
			depth--
			if depth == 0 {
				title := strings.TrimSpace(s[i+len("《") : i+j])
				if title == "" {
					return rawRef{}, false
				}
				return rawRef{Kind: refCitation, Start: i, End: i + j + len("》"), Title: title}, true
			}
		case '\n', '。':
			return rawRef{}, false
		}
		if n++; n > 120 {
			return rawRef{}, false
		}
	}
	return rawRef{}, false
}

// aboveNouns follow 上述 in a reference to what was cited before.
var aboveNouns = []string{
	"法律、法规", "法律法规", "法规文件", "法律文件", "规范性文件", "党内法规", "法规", "文件", "规定", "条例",
	"办法", "法律", "意见", "通知", "决定", "条款", "各条", "各款", "规章", "细则", "准则", "规则",
}

func scanAbove(s string, i int) (rawRef, bool) {
	if !label.HasWord(s[i:], "上述") {
		return rawRef{}, false
	}
	j := i + len("上述")
	for _, w := range aboveNouns {
		if label.HasWord(s[j:], w) {
			return rawRef{Kind: refAbove, Start: i, End: j + len(w), Title: w}, true
		}
	}
	return rawRef{}, false
}
