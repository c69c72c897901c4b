package audit

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/link"
	"tiaoli/generator/model"
)

// falseDefinition finds terms marked defined where the text does not
// define them, or defines them otherwise:
//   - "X，指使…": 指 starts a verb (指使, 指派), not a definition;
//   - "A、B是指…" read as defining B alone: the definition is the compound's;
//   - "本章所称X" (本节, 本编, 本条, 本款) read as holding in the whole document;
//   - a definition cut before the list it announces (是指下列财产：);
//   - a term only introduced ("X包括A和B" of A and B) marked 定义.
func falseDefinition(x *scan, d *model.Document) []Finding {
	c := x.c
	var out []Finding
	eachLink(x, func(u unit, l model.Link) {
		if l.Kind != "term" || !l.Definition || l.Term < 0 || l.Term >= len(c.Terms) {
			return
		}
		t := c.Terms[l.Term]
		if t.Kind != model.TermDefined {
			return
		}
		if msg := definitionProblem(u.Text, l, t); msg != "" {
			out = append(out, find(d, u.Position, u.URL(), msg))
		}
	})
	return out
}

// verbsAfterZhi make a word with 指 that is no definition's 指: 指使, 指派 ….
const verbsAfterZhi = "使派定挥导示出明令引控责望点认正"

// narrowScopes are the words before 所称 that limit a definition to part
// of a document, and the scopes that keep it there.
var narrowScopes = []string{"本条", "本款", "前款", "本项", "本节", "本章", "本分编", "本编"}

func definitionProblem(text string, l model.Link, t *model.Term) string {
	after := strings.TrimLeft(text[l.End:], "，, 　")
	before := text[:l.Start]
	switch {
	case t.KindOf != "":
		return "“" + t.Term + "”只是出现在“" + t.KindOf + "包括…”中，却标为定义"
	case strings.HasPrefix(after, "指") && strings.ContainsRune(verbsAfterZhi, runeAfter(after, "指")):
		return "“" + t.Term + "，" + clip(after, 4) + "”不是定义"
	case definesAfter(after) && strings.HasSuffix(before, "、") && !link.NamesEach(definiendum(before)+t.Term, t.Definition):
		return "“" + t.Term + "”是并列词语的一部分，定义属于整个词语"
	case wideScope(t.Scope) && narrowScope(before) != "":
		return narrowScope(before) + "所称“" + t.Term + "”只在" + strings.TrimPrefix(narrowScope(before), "本") + "内适用，却作全文术语"
	case strings.HasSuffix(strings.TrimSpace(t.Definition), "：") || strings.HasSuffix(strings.TrimSpace(t.Definition), ":"):
		return "“" + t.Term + "”的定义止于冒号，缺了所列各项"
	}
	return ""
}

// definiendum is the start of the name being defined that before ends
// in: the words after 所称 or after the last sentence or clause mark.
func definiendum(before string) string {
	for _, mark := range []string{"所称", "。", "；", "，", "\n"} {
		if i := strings.LastIndex(before, mark); i >= 0 {
			before = before[i+len(mark):]
		}
	}
	return strings.TrimPrefix(before, "的")
}

// definesAfter reports whether the text after a term is a defining verb.
func definesAfter(after string) bool {
	for _, v := range []string{"是指", "系指", "指"} {
		if strings.HasPrefix(after, v) {
			return true
		}
	}
	return false
}

func wideScope(scope string) bool {
	return scope == "" || scope == "document" || scope == "rest" || scope == "corpus"
}

// narrowScope is the word before 所称 right before a term (本章 of 本章所称战时), "".
func narrowScope(before string) string {
	before = strings.TrimSuffix(strings.TrimSuffix(before, "“"), "的")
	if !strings.HasSuffix(before, "所称") {
		return ""
	}
	before = strings.TrimSuffix(before, "所称")
	for _, w := range narrowScopes {
		if strings.HasSuffix(before, w) {
			return w
		}
	}
	return ""
}

// runeAfter is the rune of s after its prefix p.
func runeAfter(s, p string) rune {
	r, _ := utf8.DecodeRuneInString(s[len(p):])
	return r
}
