package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	wordtok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/size"
	index "github.com/blevesearch/bleve_index_api"
)

// bigramAnalyzer gives what bleve's cjk analyzer gives, at a fraction of
// its cost on Chinese text: the analysis of the head and text fields was
// a fifth of the CPU of a build. The cjk analyzer cuts the text into
// words (Unicode word boundaries: every Han character is a word of its
// own), folds width and case, then joins adjacent Han characters into
// bigrams. Word boundaries always fall before and after a Han character
// of the unified ideograph blocks, so this analyzer makes the bigrams of
// each run of such characters itself and hands only the text between runs
// to the cjk analyzer's tokenizer and filters. A text where that might not
// hold (a combining mark or format character, a kana or another ideograph
// the tokenizer would join to a run) is analysed by the cjk analyzer
// itself, and so is text that is not UTF-8. Tests compare both on the sample site and by fuzzing.
type bigramAnalyzer struct {
	cjk   analysis.Analyzer // bleve's cjk analyzer
	words analysis.Analyzer // its tokenizer, width and case filters
}

// bigramAnalyzerName names bigramAnalyzer in bleve's registry, where the
// index mapping finds it.
const bigramAnalyzerName = "tiaoli_cjk"

func init() {
	err := registry.RegisterAnalyzer(bigramAnalyzerName,
		func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
			full, err := cache.AnalyzerNamed(cjk.AnalyzerName)
			if err != nil {
				return nil, err
			}
			tok, err := cache.TokenizerNamed(wordtok.Name)
			if err != nil {
				return nil, err
			}
			width, err := cache.TokenFilterNamed(cjk.WidthName)
			if err != nil {
				return nil, err
			}
			lower, err := cache.TokenFilterNamed(lowercase.Name)
			if err != nil {
				return nil, err
			}
			words := &analysis.DefaultAnalyzer{Tokenizer: tok, TokenFilters: []analysis.TokenFilter{width, lower}}
			return &bigramAnalyzer{cjk: full, words: words}, nil
		})
	if err != nil {
		panic(err)
	}
}

// isUnifiedHan reports whether r is one of the unified ideographs that
// Unicode 3.0 already had (the main block and extension A): Han
// characters the word tokenizer, whatever Unicode version its tables
// follow, cuts out one by one. Rarer ones send the text to the cjk
// analyzer.
func isUnifiedHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FA5) || (r >= 0x3400 && r <= 0x4DB5)
}

// joinsWord reports whether r may join the character before it into one
// word: combining marks, format characters, the zero-width joiner.
func joinsWord(r rune) bool {
	return r == 0x200D || unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf)
}

// Analyze returns the tokens of input as the cjk analyzer would.
func (a *bigramAnalyzer) Analyze(input []byte) analysis.TokenStream {
	input = foldForms(input) // one form of each character, at the same offsets
	out := make(analysis.TokenStream, 0, len(input)/3+1)
	// A Han character takes 3 bytes: the slab holds every token of the
	// runs, one allocation for all.
	slab := make(tokenSlab, 0, len(input)/3+1)
	if !a.walk(input, func(t analysis.Token) { out = append(out, slab.token(t)) }) {
		return a.cjk.Analyze(input)
	}
	return out
}

// walk calls add with each token of input, its character forms folded, in
// order, as the cjk analyzer makes them. It reports false, having stopped
// part way, when the text holds what only the cjk analyzer itself reads
// right (see bigramAnalyzer).
func (a *bigramAnalyzer) walk(input []byte, add func(analysis.Token)) bool {
	pos := 1
	for i := 0; i < len(input); {
		j, words, ok := a.skipOther(input, i)
		if !ok {
			return false
		}
		if words {
			var fine bool
			if pos, fine = a.addWords(add, pos, input, i, j); !fine {
				return false
			}
		}
		pos, i = addRun(add, pos, input, j)
	}
	return true
}

// skipOther returns where the next run of Han characters starts at or
// after i, and whether the text before it may hold a word (see
// wordless); false when the text holds a character that may join a word,
// or bytes that are not UTF-8 (where the tokenizer stops).
func (a *bigramAnalyzer) skipOther(input []byte, i int) (next int, words, ok bool) {
	for i < len(input) {
		if input[i] < utf8.RuneSelf {
			words = words || !wordless(rune(input[i]))
			i++
			continue
		}
		r, n := utf8.DecodeRune(input[i:])
		if isUnifiedHan(r) {
			return i, words, true
		}
		if joinsWord(r) || (r == utf8.RuneError && n == 1) {
			return i, words, false
		}
		words = words || !wordless(r)
		i += n
	}
	return i, words, true
}

// wordless reports whether r is a space or a punctuation mark that
// cannot belong to a word: text made only of them gives the tokenizer no
// token, and is not handed to it (between two runs of Han characters
// there is mostly a comma or a full stop, which cost the tokenizer a
// token stream each). Connector punctuation (_) joins words, and so may
// marks like the full stop or the apostrophe that part a word's letters
// or digits, but only where a letter or digit is: text without one gives
// no token either way. Beyond ASCII only the punctuation of the blocks
// Chinese text uses counts (some marks of other scripts are letters to
// the tokenizer, such as the Hebrew geresh).
func wordless(r rune) bool {
	if r < utf8.RuneSelf {
		return r != '_' && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') &&
			(r <= ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r))
	}
	inBlocks := r <= 0xFF || // Latin-1
		(r >= 0x2000 && r <= 0x206F) || // general punctuation
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFE10 && r <= 0xFE6F) || // vertical, compatibility and small forms
		(r >= 0xFF00 && r <= 0xFF65) // full-width and half-width forms
	return inBlocks && (unicode.IsSpace(r) || (unicode.IsPunct(r) && !unicode.Is(unicode.Pc, r)))
}

// addWords adds the words of input[i:j], which holds no unified Han
// character; false when one of them is ideographic (kana, another
// ideograph), which the bigram filter would join to a run.
func (a *bigramAnalyzer) addWords(add func(analysis.Token), pos int, input []byte, i, j int) (int, bool) {
	for _, t := range a.words.Analyze(input[i:j]) {
		if t.Type == analysis.Ideographic {
			return pos, false
		}
		t.Start += i
		t.End += i
		t.Position = pos
		pos++
		add(*t)
	}
	return pos, true
}

// addRun adds the tokens of the run of Han characters at i: a bigram for
// every two characters side by side, or the character alone when the run
// has one. It returns where the run ends.
func addRun(add func(analysis.Token), pos int, input []byte, i int) (int, int) {
	start, prev := i, -1
	for i < len(input) {
		r, n := utf8.DecodeRune(input[i:])
		if !isUnifiedHan(r) {
			break
		}
		if prev >= 0 {
			add(analysis.Token{Term: input[prev : i+n], Start: prev, End: i + n, Position: pos, Type: analysis.Double})
			pos++
		}
		prev = i
		i += n
	}
	if prev == start {
		add(analysis.Token{Term: input[start:i], Start: start, End: i, Position: pos, Type: analysis.Single})
		pos++
	}
	return pos, i
}

// tokenSlab hands out tokens from one array.
type tokenSlab []analysis.Token

// token stores t in the slab and returns its address.
func (s *tokenSlab) token(t analysis.Token) *analysis.Token {
	if len(*s) == cap(*s) {
		*s = make(tokenSlab, 0, max(64, cap(*s)))
	}
	*s = append(*s, t)
	return &(*s)[len(*s)-1]
}

// frequencies is what bleve's TokenFrequency makes of Analyze(input) for
// a field without term vectors, and how many tokens that is, made without
// the token stream between them: the tokens and their frequencies were a
// fifth of the memory a build allocated. Each term's frequency is one of
// the shared counts (see countOf), without the term in it: the index
// reads a field's terms from the keys of its frequencies, and of each
// only its frequency and locations (none here).
func (a *bigramAnalyzer) frequencies(input []byte) (int, index.TokenFrequencies) {
	input = foldForms(input)
	freqs := make(index.TokenFrequencies, distinctGuess(len(input)))
	n := 0
	ok := a.walk(input, func(t analysis.Token) {
		n++
		// The key shares the term's bytes: nothing changes them once
		// they are analysed (see bigramField.Analyze).
		key := unsafe.String(unsafe.SliceData(t.Term), len(t.Term))
		f := 0
		if tf := freqs[key]; tf != nil {
			f = tf.Frequency()
		}
		freqs[key] = countOf(f + 1)
	})
	if !ok {
		tokens := a.cjk.Analyze(input)
		return len(tokens), analysis.TokenFrequency(tokens, nil, index.IndexField)
	}
	return n, freqs
}

// counts are the frequencies of most terms in a text, shared by all
// texts: a frequency of its own for each term of each text was more than
// a third of the memory the analysis allocated. Nothing may change them:
// bleve adds up the frequencies of a document's fields of one name in
// those of the first field, which is why a document has at most one
// bigramField of a name (see docMaker.document).
var counts = func() (c [64]index.TokenFreq) {
	for i := range c {
		c[i].SetFrequency(i)
	}
	return c
}()

// countOf is the frequency n, shared when it is one of the counts.
func countOf(n int) *index.TokenFreq {
	if n < len(counts) {
		return &counts[n]
	}
	tf := &index.TokenFreq{}
	tf.SetFrequency(n)
	return tf
}

// distinctGuess is how many distinct terms a text of n bytes is given
// room for. A Han character takes 3 bytes and starts a bigram; in the
// texts of the LawRefBook corpus a byte makes 0.16 to 0.28 distinct
// terms, more in short texts, fewer in long ones where words repeat. A
// guess a little above the count spares the map of frequencies from
// growing, which costs more than the room left over.
func distinctGuess(n int) int {
	if n <= 2048 {
		return n/4 + 4
	}
	return 516 + (n-2048)/8
}

// bigramField is a text field that bigramAnalyzer analyses straight into
// term frequencies (see frequencies); bleve analyses a field it indexes
// by calling Analyze.
type bigramField struct {
	*document.TextField
	a      *bigramAnalyzer
	length int
	freqs  index.TokenFrequencies
}

// newBigramField is a text field of a single value, analysed by a, for a
// field without term vectors whose frequencies count.
func newBigramField(name string, value []byte, options index.FieldIndexingOptions, a *bigramAnalyzer) *bigramField {
	return &bigramField{TextField: document.NewTextFieldCustom(name, []uint64{}, value, options, a), a: a}
}

func (f *bigramField) Analyze() {
	value := f.Value()
	if f.Options().IsStored() {
		// As bleve's TextField does: the stored value stays as given.
		value = bytes.Clone(value)
	}
	f.length, f.freqs = f.a.frequencies(value)
}

func (f *bigramField) AnalyzedLength() int { return f.length }

func (f *bigramField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

// Size is the memory the field takes: its value, and the map of its
// frequencies, whose keys share the bytes of the value and whose values
// are shared counts (see frequencies). Bleve asks it of every document it
// indexes, and its own reckoning (TokenFrequencies.Size) walked the map:
// a hundredth of the CPU of a whole build.
func (f *bigramField) Size() int {
	n := f.TextField.Size()
	if f.freqs != nil {
		n += size.SizeOfMap + len(f.freqs)*(size.SizeOfString+size.SizeOfPtr)
	}
	return n
}
