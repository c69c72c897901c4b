// Command tradsimp writes the table of characters search folds to their
// simplified form (search/tradsimp.txt): OpenCC's TSCharacters.txt
// (traditional → simplified; Apache licence 2.0), and the variant forms of
// Taiwan and Hong Kong (TWVariantsRev.txt, HKVariantsRev.txt) through it,
// one character per line: "traditional simplified", where OpenCC gives
// several the first.
//
//	go run ./scripts/tradsimp OPENCC_DICTIONARY_DIR > search/tradsimp.txt
//
// OPENCC_DICTIONARY_DIR is the dictionary folder of OpenCC, as the module
// github.com/longbridgeapp/opencc ships it.
package main

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tradsimp OPENCC_DICTIONARY_DIR")
		os.Exit(2)
	}
	ts := read(filepath.Join(os.Args[1], "TSCharacters.txt"))
	// A character that is the simplified form of another (么 of 麼) is
	// left as it is, whatever else OpenCC reads it as.
	simple := map[string]bool{}
	for _, s := range ts {
		simple[s] = true
	}
	out := map[string]string{}
	for t, s := range ts {
		if !simple[t] {
			out[t] = s
		}
	}
	for _, name := range []string{"TWVariantsRev.txt", "HKVariantsRev.txt"} {
		for v, t := range read(filepath.Join(os.Args[1], name)) {
			s, ok := ts[t]
			if !ok {
				s = t
			}
			if _, done := out[v]; !done && v != s && !simple[v] {
				out[v] = s
			}
		}
	}
	keys := slices.Sorted(maps.Keys(out))
	w := bufio.NewWriter(os.Stdout)
	for _, k := range keys {
		fmt.Fprintf(w, "%s %s\n", k, out[k])
	}
	w.Flush()
}

// read reads the single-character entries of an OpenCC dictionary.
func read(path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tradsimp:", err)
		os.Exit(1)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		from, to, ok := strings.Cut(sc.Text(), "\t")
		to = strings.Fields(to + " ")[0]
		if ok && utf8.RuneCountInString(from) == 1 && utf8.RuneCountInString(to) == 1 && from != to {
			m[from] = to
		}
	}
	return m
}
