package generator_test

import (
	"io/fs"
	"sync"
	"testing"

	"tiaoli/generator"
	"tiaoli/generator/model"
)

// TestCachePreparedParseEqualsParse is TestCacheParseEqualsParse through
// a Cache that copies what the files gave ahead after each parse, as
// tiaoli preview has it do between builds.
func TestCachePreparedParseEqualsParse(t *testing.T) {
	editAndCompare(t, preparing{generator.NewCache()})
}

// preparing is a Cache that prepares the next parse after each.
type preparing struct{ *generator.Cache }

func (p preparing) Parse(fsys fs.FS) *model.Corpus {
	c := p.Cache.Parse(fsys)
	p.Preparer()()
	return c
}

// TestCachePrepareSharesNothing: the documents of a parse through a Cache
// share no document, article or 款 with those of the parse before, whether
// the copies were made ahead or not, once or twice in a row, or ahead while
// the parse ran (run with -race).
func TestCachePrepareSharesNothing(t *testing.T) {
	fsys := content()
	k := generator.NewCache()
	last := k.Parse(fsys)
	for _, step := range []string{"copied by the parse", "copied ahead", "copied ahead twice", "copied ahead during the parse"} {
		switch step {
		case "copied ahead":
			k.Preparer()()
		case "copied ahead twice":
			k.Preparer()()
			k.Preparer()()
		}
		var c *model.Corpus
		if step == "copied ahead during the parse" {
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { defer wg.Done(); k.Preparer()() }()
			c = k.Parse(fsys)
			wg.Wait()
		} else {
			c = k.Parse(fsys)
		}
		if n := shared(last, c); n > 0 {
			t.Errorf("%s: %d parts shared with the parse before", step, n)
		}
		if diff := corpusDiff(c, generator.Parse(fsys)); diff != "" {
			t.Errorf("%s: the cached parse differs from a fresh one: %s", step, diff)
		}
		last = c
	}
}

// shared counts the documents, articles and 款 two corpora share.
func shared(a, b *model.Corpus) int {
	seen := map[any]bool{}
	parts := func(c *model.Corpus, count bool) int {
		n := 0
		mark := func(p any) {
			if count && seen[p] {
				n++
			}
			seen[p] = true
		}
		for _, d := range c.Documents {
			mark(d)
			for _, ar := range d.Articles {
				if ar == nil {
					continue
				}
				mark(ar)
				for _, cl := range ar.Clauses {
					if cl != nil {
						mark(cl)
					}
				}
			}
		}
		return n
	}
	parts(a, false)
	return parts(b, true)
}
