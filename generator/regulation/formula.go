package regulation

import (
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
)

// formula handles a line of a formula printed under the 款 that introduces
// it (…应纳税额计算公式： / 应纳税额＝销售额×税率): the official text counts
// the formula inside that 款, so `本条第二款` is the paragraph after it.
// Each line of the formula is an item without a label of the 款, shown on
// its own line: an equation, or a line of a fraction printed over three
// lines (numerator / 系数＝ / denominator). It reports false for any other
// line.
func (b *builder) formula(l line, index int) bool {
	if b.clause == nil || b.last == nil || index < 0 || l.para.Heading > 0 || l.para.Row != "" {
		return false
	}
	opens := b.last == &b.clause.Paragraph && len(b.clause.Items) == 0 && endsInColon(b.clause.Text)
	if !opens && (b.formulaLine == nil || b.last != b.formulaLine) {
		return false
	}
	if !isEquation(l.text) && !b.fractionPart(index) {
		return false
	}
	it := &model.Item{Paragraph: paragraph(l, l.text)}
	b.clause.Items = append(b.clause.Items, it)
	b.last, b.formulaLine = &it.Paragraph, &it.Paragraph
	b.labelText = false
	return true
}

// maxFormulaTerm is the longest left side of an equation: the name of the
// amount it computes (实行复合计税办法计算的应纳税额).
const maxFormulaTerm = 25

// arithmetic are the operators of a formula's terms, a fraction's slash
// among them.
const arithmetic = "×÷＋－+-/／"

// isEquation reports whether s is an equation: a short name without
// sentence punctuation, then ＝ or =, then the terms: nothing (a fraction
// printed over three lines follows), or terms with an operator, or terms
// that make no sentence (no ，；, no 。 at the end). A scale printed with =
// (A级=90分以上，B级=80分以上。) is a sentence.
func isEquation(s string) bool {
	i := strings.IndexAny(s, "＝=")
	if i <= 0 {
		return false
	}
	lhs := s[:i]
	if utf8.RuneCountInString(lhs) > maxFormulaTerm || strings.ContainsAny(lhs, clauseMarks+headingMarks) {
		return false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	rhs := s[i+size:]
	return strings.ContainsAny(rhs, arithmetic) || !strings.ContainsAny(rhs, "，,；;") && !strings.HasSuffix(rhs, "。")
}

// fractionPart reports whether line i is the numerator or denominator of a
// fraction printed over three lines: a short line without punctuation
// right above or below a line that ends in ＝ (系数＝).
func (b *builder) fractionPart(i int) bool {
	if !isTitleLike(b.lines[i].text) {
		return false
	}
	endsEq := func(j int) bool {
		return j >= 0 && j < len(b.lines) && strings.ContainsRune("＝=", lastRune(b.lines[j].text))
	}
	return endsEq(i-1) || endsEq(i+1)
}
