package search

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tiaoli/generator/model"
)

var artRe = regexp.MustCompile(`^第([一二三四五六七八九十百千零〇]+)条[ 　]*(.*)$`)

func synthCorpus(tb testing.TB) *model.Corpus {
	c := &model.Corpus{}
	n := 0
	filepath.WalkDir(corpusPath(), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		f, _ := os.Open(p)
		defer f.Close()
		n++
		doc := &model.Document{ID: fmt.Sprintf("doc%d", n), Kind: "regulation", URL: fmt.Sprintf("d/doc%d/", n), Date: "2020-01-01"}
		var a *model.Article
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			if l == "" {
				continue
			}
			if strings.HasPrefix(l, "# ") && doc.Title == "" {
				doc.Title = l[2:]
				continue
			}
			if m := artRe.FindStringSubmatch(l); m != nil {
				a = &model.Article{Number: len(doc.Articles) + 1, Label: "第" + m[1] + "条"}
				a.URL = fmt.Sprintf("%sa%d/", doc.URL, a.Number)
				a.Paragraphs = append(a.Paragraphs, &model.Clause{Paragraph: model.Paragraph{Text: m[2]}})
				doc.Articles = append(doc.Articles, a)
				continue
			}
			if a != nil {
				a.Paragraphs = append(a.Paragraphs, &model.Clause{Paragraph: model.Paragraph{Text: l}})
			} else {
				doc.Body = append(doc.Body, model.Paragraph{Text: l})
			}
		}
		c.Documents = append(c.Documents, doc)
		return nil
	})
	return c
}

func BenchmarkSynthIndex(b *testing.B) {
	corpusOnce.Do(func() { corpusModel = synthCorpus(b) })
	BenchmarkCorpusIndex(b)
}
func BenchmarkSynthQuery(b *testing.B) {
	corpusOnce.Do(func() { corpusModel = synthCorpus(b) })
	BenchmarkCorpusServe(b)
}
func BenchmarkSynthServeMemory(b *testing.B) {
	corpusOnce.Do(func() { corpusModel = synthCorpus(b) })
	BenchmarkCorpusServe(b)
}
