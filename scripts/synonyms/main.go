// Command synonyms mines pairs of words from questions with known answers:
// a word readers write (社保) and a word the statutes write for it
// (社会保险). It reads questions in STARD's format (train.json: each
// question with the articles a legal team marked relevant) and the corpus
// those articles are in, cuts both into words, and counts how often a
// word of a question goes with a word of its relevant articles that the
// question itself does not use. A pair is printed when it comes up in at
// least -min questions, in at least -share of the questions with the
// reader's word, and the statute's word is -lift times likelier in the
// relevant articles of those questions than in any article, and the
// statutes use it more often than the reader's word. Law titles
// and article numbers are never printed: a pair names no answer.
//
//	go run ./scripts/synonyms CORPUS_DIR TRAIN_JSON > pairs.yaml
//
// Only questions of a train split may be mined; the pairs are reviewed
// before they go into search/synonyms.yaml.
package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/search/words"
)

type question struct {
	Q       string `json:"q"`
	Targets []struct {
		Law     string `json:"law"`
		Article string `json:"article"`
	} `json:"targets"`
}

func main() {
	minQ := flag.Int("min", 3, "questions a pair must come up in")
	share := flag.Float64("share", 0.4, "share of the questions with the reader's word")
	lift := flag.Float64("lift", 8, "how much likelier the statute's word must be")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: synonyms [flags] CORPUS_DIR TRAIN_JSON")
		os.Exit(2)
	}
	c := generator.Parse(national{os.DirFS(flag.Arg(0))})
	b, err := os.ReadFile(flag.Arg(1))
	if err != nil {
		fail(err)
	}
	var qs []question
	if err := json.Unmarshal(b, &qs); err != nil {
		fail(err)
	}
	d := words.Default()
	titles := map[string]bool{}
	articles := map[string][]string{} // law|label → words of its text
	df := map[string]int{}
	total := 0
	for _, doc := range c.Documents {
		law := lawKey(doc.Title)
		titles[law] = true
		d.Add(law, 2000)
		for _, a := range doc.Articles {
			ws := wordSet(d, articleText(a))
			articles[law+"|"+a.Label] = ws
			for _, w := range ws {
				df[w]++
			}
			total++
		}
	}
	pairs, n := count(d, qs, articles)
	var out []string
	for q, as := range pairs {
		var keep []string
		for a, k := range as {
			p := float64(k) / float64(n[q])
			base := float64(df[a]) / float64(total)
			if k >= *minQ && p >= *share && p >= *lift*base && !titles[a] && !titles[q] && !isLabel(a) && df[q] < df[a] {
				keep = append(keep, a)
			}
		}
		if len(keep) > 0 {
			slices.SortFunc(keep, func(a, b string) int {
				return cmp.Or(cmp.Compare(as[b], as[a]), cmp.Compare(a, b))
			})
			out = append(out, fmt.Sprintf("%s: [%s]  # %d questions", q, strings.Join(keep[:min(3, len(keep))], ", "), n[q]))
		}
	}
	slices.Sort(out)
	fmt.Println(strings.Join(out, "\n"))
}

// count counts, for each word of a question missing from its relevant
// articles, the questions with it (n) and the words of those articles the
// question lacks (pairs).
func count(d *words.Dict, qs []question, articles map[string][]string) (map[string]map[string]int, map[string]int) {
	pairs := map[string]map[string]int{}
	n := map[string]int{}
	for _, q := range qs {
		target := map[string]bool{}
		found := false
		for _, tg := range q.Targets {
			for key, ws := range articles {
				law, label, _ := strings.Cut(key, "|")
				if label != tg.Article || !(law == tg.Law || tg.Law == "民法典" && strings.Contains(law, "民法典")) {
					continue
				}
				found = true
				for _, w := range ws {
					target[w] = true
				}
			}
		}
		if !found {
			continue
		}
		qws := wordSet(d, q.Q)
		inQ := map[string]bool{}
		for _, w := range qws {
			inQ[w] = true
		}
		for _, w := range qws {
			if target[w] {
				continue
			}
			n[w]++
			if pairs[w] == nil {
				pairs[w] = map[string]int{}
			}
			for a := range target {
				if !inQ[a] && !strings.Contains(a, w) && !strings.Contains(w, a) {
					pairs[w][a]++
				}
			}
		}
	}
	return pairs, n
}

// wordSet is each word of two or more characters in s once, stopwords
// left out.
func wordSet(d *words.Dict, s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range d.Cut(s) {
		if utf8.RuneCountInString(w) < 2 || words.IsStop(w) || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func articleText(a *model.Article) string {
	var b strings.Builder
	for _, c := range a.Clauses {
		b.WriteString(c.Text)
		b.WriteByte('\n')
		for _, it := range c.Items {
			b.WriteString(it.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func lawKey(title string) string {
	t := strings.TrimSpace(title)
	if i := strings.LastIndexAny(t, "(（"); i > 0 && strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）") {
		t = t[:i]
	}
	return strings.TrimPrefix(t, "中华人民共和国")
}

func isLabel(w string) bool {
	return strings.HasPrefix(w, "第") && (strings.HasSuffix(w, "条") || strings.HasSuffix(w, "款"))
}

// national hides the folders of local rules (DLC) and cases (案例).
type national struct{ fs.FS }

func (n national) skip(name string) bool {
	top, _, _ := strings.Cut(name, "/")
	return top == "DLC" || top == "案例"
}

func (n national) Open(name string) (fs.File, error) {
	if n.skip(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return n.FS.Open(name)
}

func (n national) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(n.FS, name)
	out := list[:0]
	for _, e := range list {
		if !n.skip(strings.TrimPrefix(name+"/"+e.Name(), "./")) {
			out = append(out, e)
		}
	}
	return out, err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "synonyms:", err)
	os.Exit(1)
}
