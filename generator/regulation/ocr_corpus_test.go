package regulation

import (
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"tiaoli/generator/ingest"
	"tiaoli/generator/ingest/block"
	"tiaoli/generator/ingest/markdown"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/internal/testdir"
)

// ocrLayout is one way of printing a Markdown regulation as OCR plain text.
// Every transformation imitates what real OCR pages (the seed pages of
// newspaper OCR) print; none rewrites a word:
//
//   - Markdown marks are gone: a heading (# …) or bold line (**…**) is a
//     plain line, links and comments are their text. OCR has no markup.
//   - A paragraph is one line and blocks are separated by a blank line; the
//     lines of one Markdown block (hard breaks) stay on consecutive lines.
//   - Round brackets are printed half width: (党组), (一). OCR pages print
//     them so throughout.
//   - A 项 label is printed "- (一) " with a list bullet and a space, and the
//     items of one list stand on consecutive lines with no blank line
//     between them, as OCR pages print lists. Only lines the Markdown
//     reading made 项 are printed so.
//   - A paragraph of body text longer than width characters is cut after
//     width characters and the rest printed after a blank line, as a column or
//     page break cuts it: in the middle of a word, inside brackets, after a
//     comma. When the cut falls inside an item the rest keeps the bullet,
//     as OCR pages print it. A cut right after a sentence end is moved one
//     character on: nothing on the page would tell it from a new paragraph,
//     so no reader could join it and the test would only measure luck.
//     Headings and the particulars above the text (title, dates) are not
//     cut: OCR pages print them whole, in larger type.
//   - halfPunct prints commas, colons and semicolons half width (, : ;), as
//     some OCR pages do.
type ocrLayout struct {
	name      string
	width     int
	halfPunct bool
}

// ocrLayouts are the layouts the test reads every regulation in: cuts at
// three widths, so that they fall in label text, in items and in the
// middle of long sentences.
var ocrLayouts = []ocrLayout{
	{name: "cut18", width: 18},
	{name: "cut24-halfpunct", width: 24, halfPunct: true},
	{name: "cut36", width: 36},
}

// ocrText prints the lines Markdown gives as OCR plain text in layout lay;
// items are the lines the Markdown reading made 项.
func ocrText(lines []block.Line, lay ocrLayout, items map[int]bool) string {
	var b strings.Builder
	prevItem := false
	for i, l := range lines {
		text := l.Text
		if l.Row != "" {
			text = strings.ReplaceAll(text, model.CellSeparator, " ")
		}
		text = halfWidth(text, lay.halfPunct)
		item := false
		if it, ok := label.ReadItem(l.Text); ok && it.Kind == label.HanParenItem && items[l.Line] {
			item = true
			text = "(" + numeral.Format(it.N) + ") " + halfWidth(it.Rest, lay.halfPunct)
		}
		switch {
		case i == 0:
		case item && prevItem, !l.Break:
			b.WriteString("\n")
		default:
			b.WriteString("\n\n")
		}
		bullet := ""
		if item {
			bullet = "- "
		}
		first, rest := text, ""
		if !l.Marked() && !l.Header {
			first, rest = cutAt(text, lay.width)
		}
		b.WriteString(bullet + first)
		if rest != "" {
			b.WriteString("\n\n" + bullet + rest)
		}
		prevItem = item
	}
	return b.String() + "\n"
}

// halfWidth prints round brackets, and with punct commas, colons and
// semicolons, half width.
func halfWidth(s string, punct bool) string {
	pairs := []string{"（", "(", "）", ")"}
	if punct {
		pairs = append(pairs, "，", ",", "：", ":", "；", ";")
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// cutAt cuts s after width characters, moving the cut past a sentence end
// and past spaces; rest is empty when s is not longer.
func cutAt(s string, width int) (first, rest string) {
	r := []rune(s)
	i := width
	for i < len(r) && (sentenceEnd(r[:i]) || r[i] == ' ' || r[i-1] == ' ') {
		i++
	}
	if i >= len(r) {
		return s, ""
	}
	return string(r[:i]), string(r[i:])
}

// sentenceEnd reports whether r ends a sentence or a lead-in, perhaps
// followed by closing quotes or brackets.
func sentenceEnd(r []rune) bool {
	i := len(r) - 1
	for i > 0 && strings.ContainsRune("”’」』）)》", r[i]) {
		i--
	}
	return strings.ContainsRune("。；;！？!?：:", r[i])
}

// ocrOut names a file to write every mismatch TestCorpusOCR finds to, one
// a line, to study a class.
var ocrOut = flag.String("ocr.out", "", "write every OCR mismatch to this file")

// TestCorpusOCR reads every regulation of ../shared/corpus from its
// Markdown and from the same text printed as OCR plain text (ocrLayouts),
// and compares the two readings: the same documents, titles, articles, 款
// per article, items and text per 款. Mismatches are counted by class and
// layout; each count must stay within its ceiling in
// testdata/ocr-ceilings.txt, which gives the reason of every class left.
func TestCorpusOCR(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: reading the corpus four times takes about a minute")
	}
	root := testdir.Corpus(t)
	files := corpusFiles(t, root)
	ceilings := readCeilings(t)
	counts := map[string]map[string]int{} // layout → class → count
	examples := map[string][]string{}     // layout/class → a few examples
	var mu sync.Mutex
	var all []string
	eachFile(files, func(rel string) {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			return
		}
		res := compareOCR(rel, data)
		mu.Lock()
		defer mu.Unlock()
		for _, m := range res {
			if counts[m.layout] == nil {
				counts[m.layout] = map[string]int{}
			}
			counts[m.layout][m.class]++
			all = append(all, m.layout+"\t"+m.class+"\t"+rel+"\t"+m.detail)
			key := m.layout + "/" + m.class
			if len(examples[key]) < 5 {
				examples[key] = append(examples[key], rel+": "+m.detail)
			}
		}
	})
	if *ocrOut != "" {
		slices.Sort(all)
		if err := os.WriteFile(*ocrOut, []byte(strings.Join(all, "\n")+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
	total := 0
	for _, lay := range ocrLayouts {
		classes := counts[lay.name]
		var names []string
		n := 0
		for c, k := range classes {
			names = append(names, c)
			n += k
		}
		slices.Sort(names)
		total += n
		var parts []string
		for _, c := range names {
			parts = append(parts, fmt.Sprintf("%s %d", c, classes[c]))
		}
		t.Logf("%s: %d mismatches over %d files (%s)", lay.name, n, len(files), strings.Join(parts, ", "))
		for _, c := range names {
			key := lay.name + "/" + c
			limit, ok := ceilings[key]
			switch {
			case !ok:
				t.Errorf("%s: %d mismatches of a class with no ceiling", key, classes[c])
			case classes[c] > limit:
				t.Errorf("%s: %d mismatches, ceiling %d", key, classes[c], limit)
			}
			if testing.Verbose() || classes[c] > limit || !ok {
				for _, e := range examples[key] {
					t.Logf("  %s: %s", key, e)
				}
			}
		}
	}
	for key, limit := range ceilings {
		lay, class, _ := strings.Cut(key, "/")
		if counts[lay][class] < limit {
			t.Logf("ceiling of %s can come down: %d, ceiling %d", key, counts[lay][class], limit)
		}
	}
	t.Logf("%d mismatches in all", total)
}

// eachFile runs f on every file, in parallel.
func eachFile(files []string, f func(string)) {
	next := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rel := range next {
				f(rel)
			}
		}()
	}
	for _, rel := range files {
		next <- rel
	}
	close(next)
	wg.Wait()
}

// mismatch is one difference between the Markdown and the OCR reading.
type mismatch struct{ layout, class, detail string }

// compareOCR reads a Markdown file and its OCR printings and lists where
// the readings differ.
func compareOCR(rel string, data []byte) []mismatch {
	want := ocrRegulations(rel, data)
	pg, _ := markdown.Read(strings.ReplaceAll(string(data), "\r\n", "\n"))
	txtPath := strings.TrimSuffix(rel, path.Ext(rel)) + ".txt"
	var out []mismatch
	for _, lay := range ocrLayouts {
		txt := ocrText(pg.Lines, lay, itemLines(want))
		add := func(class, format string, args ...any) {
			out = append(out, mismatch{lay.name, class, fmt.Sprintf(format, args...)})
		}
		if f := ingest.Sniff(txtPath, txt); f != ingest.FormatText {
			add("format", "read as %s", f)
			continue
		}
		compareDocs(want, ocrRegulations(txtPath, []byte(txt)), add)
	}
	return out
}

// itemLines lists the lines of the documents' 项 (（一）).
func itemLines(docs []*model.Document) map[int]bool {
	out := map[int]bool{}
	for _, d := range docs {
		for _, a := range d.Articles {
			for _, c := range a.Clauses {
				for _, it := range c.Items {
					if l, ok := label.ReadItem(it.Label); ok && l.Kind == label.HanParenItem {
						out[it.Line] = true
					}
				}
			}
		}
	}
	return out
}

// ocrRegulations returns the regulation documents of a file, structured.
func ocrRegulations(rel string, data []byte) []*model.Document {
	docs := corpusDocuments(rel, data)
	for _, d := range docs {
		Structure(d)
	}
	return docs
}

type addFunc func(class, format string, args ...any)

// compareDocs compares the regulations read from Markdown with those read
// from OCR text, document by document.
func compareDocs(want, got []*model.Document, add addFunc) {
	if len(want) != len(got) {
		add("documents", "%d regulations, OCR %d", len(want), len(got))
		return
	}
	for i, w := range want {
		g := got[i]
		// The layout prints round brackets half width, as OCR pages do:
		// a title that differs only so (…批复（2000） against …批复(2000),
		// one version mark printed two ways) is one title.
		if foldTitle(w.Title) != foldTitle(g.Title) {
			add("title", "%q, OCR %q", w.Title, g.Title)
		}
		compareArticles(w.Articles, g.Articles, add)
	}
}

// compareArticles compares two documents' articles, matched by label.
func compareArticles(want, got []*model.Article, add addFunc) {
	byLabel := map[string]*model.Article{}
	for _, a := range got {
		byLabel[a.Label] = a
	}
	seen := map[string]bool{}
	for _, w := range want {
		seen[w.Label] = true
		g := byLabel[w.Label]
		if g == nil {
			add("article-lost", "%s (line %d)", w.Label, w.Line)
			continue
		}
		if len(w.Clauses) != len(g.Clauses) {
			add("clause-count", "%s: %d 款, OCR %d: %s", w.Label, len(w.Clauses), len(g.Clauses), firstClauseDifference(w.Clauses, g.Clauses))
			continue
		}
		for j, c := range w.Clauses {
			compareClause(w.Label+"第"+strconv.Itoa(j+1)+"款", c, g.Clauses[j], add)
		}
	}
	for _, g := range got {
		if !seen[g.Label] {
			add("article-invented", "%s (line %d)", g.Label, g.Line)
		}
	}
}

// firstClauseDifference shows where two lists of 款 first part.
func firstClauseDifference(want, got []*model.Clause) string {
	for j := range min(len(want), len(got)) {
		if a, b := unbroken(want[j].Text), unbroken(got[j].Text); a != b {
			return fmt.Sprintf("第%d款 %s", j+1, firstDifference(a, b))
		}
	}
	return "the last 款"
}

// compareClause compares the text and items of two 款.
func compareClause(where string, want, got *model.Clause, add addFunc) {
	compareText(where, want.Text, got.Text, add)
	compareItems(where, want.Items, got.Items, add)
}

func compareItems(where string, want, got []*model.Item, add addFunc) {
	if len(want) != len(got) {
		add("item-count", "%s: %d items, OCR %d", where, len(want), len(got))
		return
	}
	for k, w := range want {
		g := got[k]
		at := where + w.Label
		if w.Label != g.Label {
			add("item-label", "%s: OCR %s", at, g.Label)
			continue
		}
		compareText(at, w.Text, g.Text, add)
		compareItems(at, w.Items, g.Items, add)
	}
}

// compareText compares two texts, leaving out the line breaks the OCR
// layout may have put in; a difference only in the width of punctuation
// is a class of its own.
func compareText(where, want, got string, add addFunc) {
	want, got = unbroken(want), unbroken(got)
	switch {
	case want == got:
	case halfWidth(want, true) == halfWidth(got, true):
		add("text-width", "%s: %s", where, firstDifference(want, got))
	default:
		add("text", "%s: %s", where, firstDifference(want, got))
	}
}

func unbroken(s string) string { return strings.ReplaceAll(s, "\n", "") }

// firstDifference shows a few characters of both texts from where they
// first differ.
func firstDifference(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	from := max(0, i-6)
	clip := func(r []rune) string { return string(r[min(from, len(r)):min(i+12, len(r))]) }
	return fmt.Sprintf("「%s」, OCR 「%s」", clip(ra), clip(rb))
}

// readCeilings reads testdata/ocr-ceilings.txt: a layout/class key, a tab,
// the most mismatches allowed, a tab and the reason any are left.
func readCeilings(t *testing.T) map[string]int {
	out := map[string]int{}
	for _, line := range testdataLines("ocr-ceilings.txt") {
		fields := strings.SplitN(line, "\t", 3)
		n, err := strconv.Atoi(strings.TrimSpace(fields[min(1, len(fields)-1)]))
		if len(fields) < 3 || err != nil || strings.TrimSpace(fields[2]) == "" {
			t.Errorf("ocr-ceilings.txt: %q is not key, ceiling and reason", line)
			continue
		}
		out[fields[0]] = n
	}
	if len(out) == 0 {
		t.Fatal("testdata/ocr-ceilings.txt gives no ceilings")
	}
	return out
}
