package link

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/numeral"
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

// parts are the numbers of a 第…条…款…项…目 chain, 0 where not given.
type parts struct{ Article, Suffix, Para, Item, Sub int }

// rawRef is a reference found in a text, before resolution.
type rawRef struct {
	Kind       refKind
	Start, End int
	P          parts
	Back       int    // how many units 前N款 goes back
	Through    *parts // the end of a range: 第十条至第十二条
	Title      string // a citation's title, 本X's X, 上述's noun, a named law
	Qual       qual
	// Ctx is what a bare 第N项 or 第N款 means if the text's own article
	// has no such item or paragraph (see withContext).
	Ctx *rawRef
}

// scanRefs finds the references in s, in order, without overlaps.
func scanRefs(s string) []rawRef {
	var refs []rawRef
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var ref rawRef
		ok := false
		switch r {
		case '第':
			ref, ok = scanChain(s, i)
		case '前':
			ref, ok = scanPrev(s, i)
		case '本':
			ref, ok = scanThis(s, i)
		case '《':
			ref, ok = scanCitation(s, i)
		case '上':
			ref, ok = scanAbove(s, i)
		case '该':
			ref, ok = scanThat(s, i)
		}
		if ok {
			refs = addRef(s, refs, ref)
			i = ref.End
			continue
		}
		i += size
	}
	return refs
}

// Levels of a chain.
const (
	levelArticle = iota + 1
	levelPara
	levelItem
	levelSub
)

// component reads one 第N条 (之M), 第N款, 第N项, 第（N）项 or 第N目 at i.
func component(s string, i int) (level, n, suffix, end int, ok bool) {
	if !strings.HasPrefix(s[i:], "第") {
		return
	}
	j := i + len("第")
	bracket := j < len(s) && isOpen(firstRune(s[j:]))
	if bracket {
		j += runeLen(s, j)
	}
	num := j
	j = numeralEnd(s, j)
	if n, ok = numeral.Parse(s[num:j]); !ok || n == 0 {
		return 0, 0, 0, 0, false
	}
	if bracket {
		if j >= len(s) || !isClose(firstRune(s[j:])) {
			return 0, 0, 0, 0, false
		}
		j = bracketList(s, j+runeLen(s, j))
	}
	j = skipBlanks(s, j)
	level, j = unitAt(s, j, bracket)
	if level == 0 {
		return 0, 0, 0, 0, false
	}
	if level == levelArticle && strings.HasPrefix(s[j:], "之") {
		k := numeralEnd(s, j+len("之"))
		if m, ok := numeral.Parse(s[j+len("之") : k]); ok && m > 0 {
			suffix, j = m, k
		}
	}
	return level, n, suffix, j, true
}

// unitAt reads 条, 款, 项 or 目 at j, refusing words that only start with
// one (第一条件, 第三项目, 第二款式).
func unitAt(s string, j int, bracket bool) (int, int) {
	if j >= len(s) {
		return 0, j
	}
	u, size := utf8.DecodeRuneInString(s[j:])
	next := firstRune(s[j+size:])
	level := 0
	switch {
	case u == '条' && !bracket && !strings.ContainsRune("件幅鱼路线船腿心", next):
		level = levelArticle
	case u == '款' && !bracket && !strings.ContainsRune("式项", next):
		level = levelPara
	case u == '项' && next != '目':
		level = levelItem
	case u == '目' && next != '标' && next != '录':
		level = levelSub
	}
	return level, j + size
}

// bracketList skips the further numerals of 第（一）、（二）项 after the
// first: the reference names the first.
func bracketList(s string, j int) int {
	for strings.HasPrefix(s[j:], "、") {
		k := j + len("、")
		if k >= len(s) || !isOpen(firstRune(s[k:])) {
			return j
		}
		k += runeLen(s, k)
		e := numeralEnd(s, k)
		if e == k || e >= len(s) || !isClose(firstRune(s[e:])) {
			return j
		}
		j = e + runeLen(s, e)
	}
	return j
}

func numeralEnd(s string, j int) int {
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !numeral.IsDigit(r) && !(r >= '0' && r <= '9') && !(r >= '０' && r <= '９') {
			break
		}
		j += size
	}
	return j
}

func skipBlanks(s string, j int) int {
	for j < len(s) && (s[j] == ' ' || strings.HasPrefix(s[j:], "　")) {
		if s[j] == ' ' {
			j++
		} else {
			j += len("　")
		}
	}
	return j
}

// chainAt reads components of strictly deeper levels after j into p.
func chainAt(s string, j, after int, p *parts) int {
	for {
		level, n, suffix, end, ok := component(s, j)
		if !ok || level <= after {
			return j
		}
		setLevel(p, level, n, suffix)
		after, j = level, end
	}
}

func setLevel(p *parts, level, n, suffix int) {
	switch level {
	case levelArticle:
		p.Article, p.Suffix = n, suffix
	case levelPara:
		p.Para = n
	case levelItem:
		p.Item = n
	case levelSub:
		p.Sub = n
	}
}

var kindOfLevel = map[int]refKind{levelArticle: refArticle, levelPara: refParagraph, levelItem: refItem}

// scanChain reads 第五条第二款第（三）项 at i.
func scanChain(s string, i int) (rawRef, bool) {
	level, n, suffix, end, ok := component(s, i)
	if !ok || level == levelSub {
		return rawRef{}, false
	}
	ref := rawRef{Kind: kindOfLevel[level], Start: i}
	setLevel(&ref.P, level, n, suffix)
	ref.End = chainAt(s, end, level, &ref.P)
	return ref, true
}

// prevWords are words ending in 前 that are not references (目前, 提前).
const prevWords = "目当提向之此以事空面跟眼超史支"

// scanPrev reads 前条, 前款, 前项 and 前N款 (and what follows: 前款第一项).
func scanPrev(s string, i int) (rawRef, bool) {
	if strings.ContainsRune(prevWords, lastRune(s[:i])) {
		return rawRef{}, false
	}
	j := i + len("前")
	back := 1
	if k := numeralEnd(s, j); k > j {
		n, ok := numeral.Parse(s[j:k])
		if !ok || n < 1 || n > 20 {
			return rawRef{}, false
		}
		back, j = n, k
	}
	level, j := unitAt(s, j, false)
	kinds := map[int]refKind{levelArticle: refPrevArticle, levelPara: refPrevParagraph, levelItem: refPrevItem}
	kind, ok := kinds[level]
	if !ok {
		return rawRef{}, false
	}
	ref := rawRef{Kind: kind, Start: i, Back: back}
	if back == 1 {
		ref.End = chainAt(s, j, level, &ref.P)
	} else {
		ref.End = j
	}
	return ref, true
}

// docWords name a document after 本 (本办法) or 该 (该法), longest first.
var docWords = []string{
	"实施细则", "实施办法", "暂行办法", "修正案", "暂行条例", "暂行规定", "条例", "办法", "规定", "细则", "规则", "准则",
	"决定", "解释", "意见", "通知", "规范", "规程", "章程", "纲要", "守则", "制度", "公约", "协定", "决议",
	"方案", "指引", "法典", "法",
}

// thisWords are words ending in 本 that are not references (基本, 成本).
const thisWords = "基根成资样版文副正原课账剧脚范标日读书蓝老工血善母股底稿话胶绘拓珍孤抄刻印译单秘一两几"

// scanThis reads 本条, 本款, 本项 and 本办法 (and a chain after them).
func scanThis(s string, i int) (rawRef, bool) {
	if strings.ContainsRune(thisWords, lastRune(s[:i])) {
		return rawRef{}, false
	}
	j := i + len("本")
	rest := s[j:]
	if !strings.HasPrefix(rest, "条例") {
		level, end := unitAt(s, j, false)
		kinds := map[int]refKind{levelArticle: refThisArticle, levelPara: refThisParagraph, levelItem: refThisItem}
		if kind, ok := kinds[level]; ok {
			ref := rawRef{Kind: kind, Start: i}
			ref.End = chainAt(s, end, level, &ref.P)
			ref.Kind = deepest(ref)
			return ref, true
		}
	}
	for _, w := range docWords {
		if !strings.HasPrefix(rest, w) {
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
	rest := s[i+len("该"):]
	for _, w := range docWords {
		if !strings.HasPrefix(rest, w) {
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
	if !strings.HasPrefix(s[i:], "上述") {
		return rawRef{}, false
	}
	j := i + len("上述")
	for _, w := range aboveNouns {
		if strings.HasPrefix(s[j:], w) {
			return rawRef{Kind: refAbove, Start: i, End: j + len(w), Title: w}, true
		}
	}
	return rawRef{}, false
}
