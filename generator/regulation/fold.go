package regulation

// foldPairs map a printed form of a mark to the form text is compared in:
// the width of punctuation and the shape of brackets are typography, not
// text. Quotation marks are kept apart by direction only.
var foldPairs = map[rune]rune{
	'，': ',', '；': ';', '：': ':', '！': '!', '？': '?', '．': '.',
	'（': '(', '）': ')', '〔': '(', '〕': ')', '［': '(', '］': ')', '[': '(', ']': ')',
	'【': '(', '】': ')',
	'＂': '"', '＇': '\'', '％': '%', '－': '-', '～': '~', '／': '/',
	'\u3000': ' ', '\u00a0': ' ', '\t': ' ',
}

// FoldRune returns the form of r that text comparison uses: full-width
// punctuation folds to ASCII, every bracket shape to ( and ), and
// full-width letters and digits to ASCII. Han characters, Chinese
// quotation marks and the full stop 。 are kept.
func FoldRune(r rune) rune {
	if f, ok := foldPairs[r]; ok {
		return f
	}
	if r >= '！' && r <= '～' {
		return r - '！' + '!'
	}
	return r
}

func foldRune(r rune) rune { return FoldRune(r) }
