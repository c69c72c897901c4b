package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
	"tiaoli/generator/runeset"
)

// Brackets of any shape pair with each other: OCR and typesetting mix (（
// and ）) freely, and 〔〕 are brackets too.
const (
	openers = "(（〔［["
	closers = ")）〕］]"
)

// balanced reports whether every bracket in s is closed, in order.
func balanced(s string) bool {
	_, ok := unmatched(s)
	return ok
}

// brackets finds the openers and closers of a text without decoding it.
var brackets = runeset.Of(openers + closers)

// unmatched returns the byte offset of the first bracket in s that has no
// partner, and false; or -1 and true when s is balanced. It jumps from
// bracket to bracket (most texts hold few) instead of decoding every rune.
func unmatched(s string) (int, bool) {
	var open []int
	for i := 0; ; {
		k := brackets.Index(s[i:])
		if k < 0 {
			break
		}
		i += k
		r, size := utf8.DecodeRuneInString(s[i:])
		if isOpener(r) {
			open = append(open, i)
		} else {
			if len(open) == 0 {
				return i, false
			}
			open = open[:len(open)-1]
		}
		i += size
	}
	if len(open) > 0 {
		return open[0], false
	}
	return -1, true
}

// isOpener reports whether r opens a bracket.
func isOpener(r rune) bool { return strings.ContainsRune(openers, r) }

// maxBracketGap is how far after an opening bracket a lost closing one is
// looked for.
const maxBracketGap = 12

// checkBrackets finds brackets left open in every 款 and item. One is
// closed when the document prints the same bracketed phrase elsewhere
// (党(工 → 党(工)委 where 党(工)委 recurs); the others are left as
// printed and listed in Suspects.
func (p *parser) checkBrackets() {
	visit := func(par *model.Paragraph) {
		at, ok := unmatched(par.Text)
		if ok {
			return
		}
		if fixed, ok := p.closeBracket(par.Text, at); ok {
			p.reg.Repairs = append(p.reg.Repairs, model.Repair{
				Position: par.Position, Kind: RepairBracket,
				Before: around(par.Text, at), After: around(fixed, at),
				Message: "补上括号的另一半，本文件别处印作成对",
			})
			par.Text = fixed
			return
		}
		p.reg.Suspects = append(p.reg.Suspects, model.Repair{
			Position: par.Position, Kind: SuspectBracket,
			Before: around(par.Text, at), After: around(par.Text, at),
			Message: "括号不成对，无法确定缺失的一半在哪里，照原样保留",
		})
	}
	for _, a := range p.reg.Articles {
		for _, c := range a.Clauses {
			visit(&c.Paragraph)
			visitItems(c.Items, visit)
		}
	}
}

func visitItems(items []*model.Item, visit func(*model.Paragraph)) {
	for _, it := range items {
		visit(&it.Paragraph)
		visitItems(it.Items, visit)
	}
}

// closeBracket inserts a closing bracket after the opening one at at, at
// the one place where the result spells a bracketed phrase the document
// prints elsewhere with both brackets.
func (p *parser) closeBracket(s string, at int) (string, bool) {
	open := []rune(s[at:])[0]
	if !strings.ContainsRune(openers, open) {
		return "", false
	}
	before := []rune(s[:at])
	after := []rune(s[at+len(string(open)):])
	if len(before) == 0 {
		return "", false
	}
	lead := string(before[len(before)-1]) + string(open)
	found := ""
	for k := 1; k <= maxBracketGap && k < len(after); k++ {
		if strings.ContainsRune(closers, after[k-1]) || strings.ContainsRune(openers, after[k-1]) {
			break
		}
		for _, c := range closers {
			phrase := lead + string(after[:k]) + string(c) + string(after[k])
			if !strings.Contains(p.text, phrase) {
				continue
			}
			if found != "" {
				return "", false // two places fit: no rule decides
			}
			found = string(before) + string(open) + string(after[:k]) + string(c) + string(after[k:])
			break
		}
	}
	return found, found != ""
}

// around shows the text near a byte offset.
func around(s string, at int) string {
	return tail(s[:at]) + head(s[at:])
}
