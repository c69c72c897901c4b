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
// dictionary is at least -common.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tiaoli/search/words"
)

func main() {
	common := flag.Float64("common", 300, "keep every word at least this frequent in the dictionary")
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
	err = filepath.WalkDir(flag.Arg(1), func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, w := range d.Cut(string(b)) {
			seen[w] = true
		}
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
	sort.Strings(keep)
	out := bufio.NewWriter(os.Stdout)
	for _, w := range keep {
		fmt.Fprintf(out, "%s %g\n", w, d.Freq(w))
	}
	if err := out.Flush(); err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "words: kept %d of %d words\n", len(keep), d.Len())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "words:", err)
	os.Exit(1)
}
