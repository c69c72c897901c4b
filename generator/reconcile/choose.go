package reconcile

import (
	"strings"
	"sync"
	"unicode"

	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/generator/regulation"
)

// Rules that choose a reading, strongest first.
const (
	RulePinned      = "pinned"       // an editor chose it in pins.yaml
	RuleRepair      = "repair"       // the other readings lie on a repaired or broken spot
	RuleCorpus      = "corpus"       // its words recur elsewhere in the corpus, the others' do not
	RuleFirstSource = "first-source" // nothing decides: the first source's, flagged undecided
	// RuleBreak: the readings differ only where a paragraph breaks; the
	// first source's breaks are kept, and the text is the same either way.
	RuleBreak = "paragraph-break"
	// RuleNumeral: the readings write one number in digits and in Chinese
	// numerals (60, 六十); the merged text keeps the first source's form,
	// as it does for every number no variant touches, so that it never
	// mixes the two.
	RuleNumeral = "numeral-form"
)

// choice is the reading chosen at an open variant and why.
type choice struct {
	index     int
	rule      string
	undecided bool
}

// chooser applies the rules; the corpus table is built on first use.
type chooser struct {
	pins  Pins
	docs  []*model.Document
	once  sync.Once
	table map[uint64]int32
}

// choose picks a reading: pinned, else the one that is no artefact, else
// the one whose words recur in the corpus, else the first source's.
func (ch *chooser) choose(d *openVariant, doc *model.Document) choice {
	if i, ok := ch.pinned(d, doc); ok {
		return choice{index: i, rule: RulePinned}
	}
	if breaksOnly(d.readings) {
		return choice{index: 0, rule: RuleBreak}
	}
	if d.kind == variantText && oneNumber(d.readings) {
		return choice{index: 0, rule: RuleNumeral}
	}
	if d.kind == variantText {
		if i, ok := clean(d.readings); ok {
			return choice{index: i, rule: RuleRepair}
		}
		if short(d.readings) {
			if i, ok := ch.corpus(d.readings); ok {
				return choice{index: i, rule: RuleCorpus}
			}
		}
	}
	return choice{index: 0, rule: RuleFirstSource, undecided: true}
}

// breaksOnly reports whether the readings have the same text once line
// breaks and the spaces beside them are taken out.
func breaksOnly(rs []reading) bool {
	if len(rs) < 2 {
		return false
	}
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' || r == ' ' {
				return -1
			}
			return r
		}, s)
	}
	first := strip(rs[0].text)
	breaks := strings.Contains(rs[0].text, "\n")
	for _, r := range rs[1:] {
		if strip(r.text) != first {
			return false
		}
		breaks = breaks || strings.Contains(r.text, "\n")
	}
	return breaks
}

// oneNumber reports whether the readings are one number written in more
// than one way (5 and 五, 60 and 六十): each is a whole numeral, all of
// the same value. Which form a source uses is its own convention, not a
// misreading: the corpus rule, which tells a misread word from the right
// one by how often its spelling recurs, has nothing to judge there.
func oneNumber(rs []reading) bool {
	if len(rs) < 2 {
		return false
	}
	first, ok := numeral.Parse(rs[0].text)
	if !ok {
		return false
	}
	for _, r := range rs[1:] {
		if n, ok := numeral.Parse(r.text); !ok || n != first {
			return false
		}
	}
	return true
}

// pinned finds the reading an editor pinned at the variant's place: the one
// reading whose text (or text with context) holds the pinned words.
func (ch *chooser) pinned(d *openVariant, doc *model.Document) (int, bool) {
	for _, p := range ch.pins.list {
		if fold(p.Document) != fold(doc.Title) || !strings.HasPrefix(fold(d.where), fold(p.Where)) {
			continue
		}
		want := fold(p.Reading)
		if i, ok := unique(d.readings, func(r reading) bool { return fold(r.text) == want }); ok {
			return i, true
		}
		if i, ok := unique(d.readings, func(r reading) bool { return strings.Contains(fold(r.wide), want) }); ok {
			return i, true
		}
	}
	return 0, false
}

// unique returns the first reading that passes when every passing reading
// has the same text and at least one reading fails.
func unique(rs []reading, pass func(reading) bool) (int, bool) {
	found, text, failed := -1, "", false
	for i, r := range rs {
		if !pass(r) {
			failed = true
			continue
		}
		if found >= 0 && fold(r.text) != text {
			return 0, false
		}
		if found < 0 {
			found, text = i, fold(r.text)
		}
	}
	return found, found >= 0 && failed
}

// clean chooses the reading no repair or suspect touches, when the
// readings that are artefacts are the only ones that differ from it.
func clean(rs []reading) (int, bool) {
	return unique(rs, func(r reading) bool { return !r.artefact })
}

// maxWordReading is the longest reading the corpus rule judges: it tells
// a misread word from the right one, not a missing sentence from a
// present one.
const maxWordReading = 8

func short(rs []reading) bool {
	for _, r := range rs {
		if len([]rune(r.text)) > maxWordReading {
			return false
		}
	}
	return true
}

// corpus chooses the reading whose distinctive bigrams all recur elsewhere
// in the corpus when no other reading's do.
func (ch *chooser) corpus(rs []reading) (int, bool) {
	ch.once.Do(ch.build)
	local := map[uint64]int32{}
	for _, r := range rs {
		for _, g := range windowGrams(r.window) {
			local[g]++
		}
	}
	return unique(rs, func(r reading) bool {
		distinct := 0
		for _, g := range windowGrams(r.window) {
			if shared(rs, g) {
				continue
			}
			distinct++
			if ch.table[g]-local[g] <= 0 {
				return false
			}
		}
		return distinct > 0
	})
}

// shared reports a bigram every reading's window has.
func shared(rs []reading, g uint64) bool {
	for _, r := range rs {
		found := false
		for _, h := range windowGrams(r.window) {
			if h == g {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// windowGrams are the word bigrams of a window: pairs of letters (Han
// characters, Latin letters, digits); punctuation makes no word.
func windowGrams(w []rune) []uint64 {
	var out []uint64
	for i := 0; i+1 < len(w); i++ {
		a, b := regulation.FoldRune(w[i]), regulation.FoldRune(w[i+1])
		if isWordRune(a) && isWordRune(b) {
			out = append(out, uint64(a)<<32|uint64(b))
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// build counts the character bigrams of every document's text.
func (ch *chooser) build() {
	ch.table = map[uint64]int32{}
	for _, d := range ch.docs {
		for _, p := range d.Body {
			var prev rune
			for i, r := range p.Text {
				r = regulation.FoldRune(r)
				if i > 0 {
					ch.table[uint64(prev)<<32|uint64(r)]++
				}
				prev = r
			}
		}
	}
}
