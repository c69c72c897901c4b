// Command words writes the dictionary that package search/words ships:
// jieba's dictionary cut down to the words a legal corpus uses and the
// words frequent in everyday writing, which questions are written in.
//
//	go run ./scripts/words JIEBA_DICT CORPUS_DIR > search/words/dict.txt
//	gzip -9n search/words/dict.txt
//
// JIEBA_DICT is jieba.dict.utf8 of jieba (MIT licence), as the module
// github.com/yanyiwu/gojieba ships it under deps/cppjieba/dict. Every
// Markdown file under CORPUS_DIR is cut with the whole dictionary; a word
// is kept when that cutting meets it, or when its frequency in jieba's
// dictionary is at least -common. A run of characters the dictionary
// leaves single (质权, 保理: words of the law that jieba's dictionary
// lacks) is counted too, with every stretch of two to four characters in
// it; one met at least -runs times is kept as a word of that frequency.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"tiaoli/search/words"
)

func main() {
	common := flag.Float64("common", 300, "keep every word at least this frequent in the dictionary")
	runs := flag.Int("runs", 30, "keep a stretch of single characters met at least this often")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: words [-common N] JIEBA_DICT CORPUS_DIR")
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	d, err := words.Read(f)
	f.Close()
	if err != nil {
		fail(err)
	}
	seen := map[string]bool{}
	singles := map[string]int{}
	err = filepath.WalkDir(flag.Arg(1), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		cut := d.Cut(string(b))
		for _, w := range cut {
			seen[w] = true
		}
		countRuns(cut, singles)
		return nil
	})
	if err != nil {
		fail(err)
	}
	var keep []string
	d.Words(func(w string, n float64) {
		if seen[w] || n >= *common {
			keep = append(keep, w)
		}
	})
	added := 0
	for w, n := range singles {
		if n >= *runs && !d.Has(w) {
			d.Add(w, float64(n))
			keep = append(keep, w)
			added++
		}
	}
	slices.Sort(keep)
	out := bufio.NewWriter(os.Stdout)
	for _, w := range keep {
		fmt.Fprintf(out, "%s %g\n", w, d.Freq(w))
	}
	if err := out.Flush(); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "words: kept %d words, %d of them from runs of single characters\n", len(keep), added)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "words:", err)
	os.Exit(1)
}

// countRuns counts, in every run of one-character Han words of cut, each
// stretch of two to four characters.
func countRuns(cut []string, counts map[string]int) {
	var run []rune
	flush := func() {
		for n := 2; n <= 4; n++ {
			for i := 0; i+n <= len(run); i++ {
				counts[string(run[i:i+n])]++
			}
		}
		run = run[:0]
	}
	for _, w := range cut {
		rs := []rune(w)
		if len(rs) == 1 && unicode.Is(unicode.Han, rs[0]) {
			run = append(run, rs[0])
			continue
		}
		flush()
	}
	flush()
}
