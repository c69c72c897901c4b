package link

import (
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator/model"
	"tiaoli/generator/runeset"
)

// A law a text names without 《》 and without an article after it
// (根据传染病防治法，制定本条例; 依照治安管理处罚法的规定处罚) is a reference
// to that law when the words follow a verb that cites (citingVerbs) and
// end, before a mark that ends a name (bareNameEnds), in a title the
// corpus holds: a document's title or its short form. The name is never
// made up: the longest tail of the words that is such a title is linked,
// and words that name nothing the corpus holds stay text.

// citingVerbs open the name of a law cited without 《》: basisPrepositions
// and verbs that apply or violate one.
var citingVerbs = slices.Concat(basisPrepositions, []string{violateVerb, "适用", "参照"})

// violateVerb cites what is violated: a law (citingVerbs), the object of
// a predicate (objectVerbs), the provision a penalty follows (violated).
const violateVerb = "违反"

// verbStarts are the first characters of citingVerbs: only there can a
// verb start, and scanBareIn looks no further at any other.
var verbStarts = func() runeset.Set {
	var firsts strings.Builder
	for _, v := range citingVerbs {
		r, _ := utf8.DecodeRuneInString(v)
		firsts.WriteRune(r)
	}
	return runeset.Of(firsts.String())
}()

// bareSuffixes end the names of laws cited without 《》: 法, 法典, 条例.
var bareSuffixes = []string{"法", "法典", "条例"}

// bareNameEnds may follow a name cited without 《》: a mark, a conjunction,
// 的 (的规定) or an opening bracket.
const bareNameEnds = "，。、；：和及与或的（(,;"

// maxBareName bounds the words read after the verb, in runes.
const maxBareName = 24

// addBare adds to refs, the references of s in order, the laws named
// without 《》 in the text between them: a name never runs into another
// reference (依照法律和本办法, 根据教育法制定本法 keep their 本办法 and 本法).
func addBare(s string, refs []rawRef) []rawRef {
	var out []rawRef
	from := 0
	for k := 0; k <= len(refs); k++ {
		to := len(s)
		if k < len(refs) {
			to = refs[k].Start
		}
		if k > 0 && namesLaw(refs[k-1]) { // 依据工会法第四十三条和民事诉讼法的规定
			out = scanBareList(s, from, to, out)
			if n := len(out); n > 0 && out[n-1].Kind == refBare && out[n-1].End > from {
				from = out[n-1].End
			}
		}
		out = scanBareIn(s, from, to, out)
		if k < len(refs) {
			out = append(out, refs[k])
			from = refs[k].End
		}
	}
	return out
}

// namesLaw reports whether a reference names a law another name may
// follow in a list: a citation, a law named with its article.
func namesLaw(r rawRef) bool {
	return r.Kind == refCitation || r.Qual == qualNamed || r.Qual == qualCitation
}

// scanBareList appends the names of a list (、和及与 and a name, again and
// again) that goes on at from, within s[:to].
func scanBareList(s string, from, to int, out []rawRef) []rawRef {
	for i := from; i < to; {
		join, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("、和及与", join) {
			break
		}
		ref, ok := scanBareName(s, i+size, to)
		if !ok {
			break
		}
		out = append(out, ref)
		i = ref.End
	}
	return out
}

// scanBareIn appends to out the laws named without 《》 in s[from:to]: after
// a verb that cites, a name, and after it each further name of a list
// joined by 、和及与 (依照森林法、草原法和野生动物保护法).
func scanBareIn(s string, from, to int, out []rawRef) []rawRef {
	for i := from; i < to; {
		k := verbStarts.Index(s[i:to]) // a character cut at to starts no verb of s[i:to]
		if k < 0 {
			break
		}
		i += k
		ref, ok := scanBare(s, i, to)
		if !ok {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		out = scanBareList(s, ref.End, to, append(out, ref))
		i = out[len(out)-1].End
	}
	return out
}

// scanBare reads a citing verb at i and the name after it (scanBareName),
// within s[:to].
func scanBare(s string, i, to int) (rawRef, bool) {
	for _, v := range citingVerbs {
		if strings.HasPrefix(s[i:to], v) {
			return scanBareName(s, i+len(v), to)
		}
	}
	return rawRef{}, false
}

// scanBareName reads the words at start, within s[:to], up to the first
// place where they end like a law's name before a mark that ends a name:
// a reference of kind refBare, or false.
func scanBareName(s string, start, to int) (rawRef, bool) {
	if first, _ := utf8.DecodeRuneInString(s[start:]); refStarts.Has(first) {
		return rawRef{}, false // 依照本法, 按照该条例, 根据上述规定: read as those; 《 is no Han character either
	}
	for end, n := start, 0; end < to && n < maxBareName; n++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isHan(r) {
			return rawRef{}, false
		}
		end += size
		next, _ := utf8.DecodeRuneInString(s[end:])
		if endsLikeBareName(s[start:end]) && (end == len(s) || strings.ContainsRune(bareNameEnds, next)) {
			return rawRef{Kind: refBare, Start: start, End: end, Title: s[start:end]}, true
		}
	}
	return rawRef{}, false
}

func endsLikeBareName(words string) bool {
	for _, x := range bareSuffixes {
		if strings.HasSuffix(words, x) {
			return true
		}
	}
	return false
}

// bare resolves a law named without 《》: the longest tail of the words
// that is a document of the corpus other than the text's own. False when
// none is: the words are text.
func (r *docRefs) bare(ref *model.Reference, raw rawRef, ti int) bool {
	for _, tail := range tails(raw.Title) {
		if !endsLikeBareName(tail) || namesItself(tail) {
			continue
		}
		title, ok := r.l.titles.title(tail)
		if !ok {
			continue
		}
		if r.l.titles.cutFrom(raw.Title, tail) {
			return false // the words name a longer law (collectInside)
		}
		text := r.l.texts[r.di][ti].p.Text
		dst := r.lookup(title, yearOf(text[:raw.End-len(tail)], text[raw.End:]))
		if dst.doc < 0 || dst.doc == r.di {
			return false
		}
		ref.Kind, ref.To = "named", &model.Location{Document: r.l.docs[dst.doc].ID}
		ref.From.Start = raw.End - len(tail)
		ref.Text = tail
		r.cites = append(r.cites, dst)
		r.last = dst
		return true
	}
	return false
}
