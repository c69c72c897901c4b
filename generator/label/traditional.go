package label

import (
	"strings"
	"unicode/utf8"
)

// simplified maps the traditional forms of the characters of labels, and of
// the words around labels that the grammar reads (本條例, 前條, 附則, 規定),
// to their simplified forms. Texts in traditional characters (第一條,
// 第二節, 第（三）項) are read with the same grammar; the text itself is
// never changed. Every pair is three bytes long in UTF-8, so a folded
// string has the offsets of the original.
var simplified = map[rune]rune{
	'條': '条', '節': '节', '編': '编', '項': '项', '則': '则', '錄': '录',
	'總': '总', '綱': '纲', '辦': '办', '規': '规', '細': '细', '決': '决',
	'釋': '释', '範': '范', '議': '议', '準': '准', '暫': '暂', '實': '实',
	'見': '见', '約': '约', '協': '协', '覽': '览', '後': '后', '內': '内',
	'於': '于', '並': '并', '與': '与', '將': '将', '刪': '删', '訂': '订',
	'稱': '称', '該': '该', '當': '当', '資': '资', '樣': '样', '課': '课',
	'賬': '账', '劇': '剧', '腳': '脚', '標': '标', '讀': '读', '書': '书',
	'藍': '蓝', '單': '单', '兩': '两', '幾': '几', '譯': '译', '紀': '纪',
	'師': '师', '醫': '医', '學': '学', '聯': '联', '線': '线', '魚': '鱼',
	'歷': '历', '義': '义', '務': '务', '權': '权',
	'違': '违', '應': '应', '這': '这', '導': '导', '會': '会',
}

// cjkFirst and cjkEnd bound the block of CJK unified ideographs, where
// every traditional form of simplified stands.
const cjkFirst, cjkEnd = 0x4e00, 0xa000

// traditional has a bit set for every key of simplified: a rune is looked
// up in the map only when its bit is set, and most runes of a text are
// none of them.
var traditional = func() (bits [(cjkEnd - cjkFirst) / 64]uint64) {
	for r := range simplified {
		if r < cjkFirst || r >= cjkEnd {
			panic("label: a traditional form outside the CJK block")
		}
		bits[(r-cjkFirst)/64] |= 1 << ((r - cjkFirst) % 64)
	}
	return bits
}()

// isTraditional reports whether r is a key of simplified.
func isTraditional(r rune) bool {
	return r >= cjkFirst && r < cjkEnd && traditional[(r-cjkFirst)/64]&(1<<((r-cjkFirst)%64)) != 0
}

// Simplify returns the simplified form of r when r is the traditional form
// of a character the label grammar reads, else r.
func Simplify(r rune) rune {
	if !isTraditional(r) {
		return r
	}
	return simplified[r]
}

// Fold returns s with the characters Simplify knows in their simplified
// form. It has the length and the offsets of s.
func Fold(s string) string {
	if !hasTraditional(s) {
		return s
	}
	return strings.Map(Simplify, s)
}

func hasTraditional(s string) bool {
	for _, r := range s {
		if isTraditional(r) {
			return true
		}
	}
	return false
}

// HasWord reports whether s starts with the word w, reading the
// traditional forms of characters as Simplify does: 條例 starts with 条例.
func HasWord(s, w string) bool {
	for _, want := range w {
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || Simplify(r) != want {
			return false
		}
		s = s[size:]
	}
	return true
}
