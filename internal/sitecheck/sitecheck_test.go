package sitecheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"tiaoli/internal/testdir"
)

// skipping is a regulation whose list of 项 skips （二）.
const skipping = `A list that skips a number: （三） is anchored p1-i3 and cited 第（三）项.

-- regs/rule.md --
# 某某事项办理规定

第一条 为了规范办理工作，制定本规定。

第二条 有下列情形之一的，不予办理：
（一）材料不齐全的；
（三）超过办理期限的；
（四）其他不符合规定的。

第三条 有本规定第二条第（三）项情形的，退回申请。
`

func TestParse(t *testing.T) {
	fsys := Parse("comment\n-- a.md --\nA\n-- dir/b.txt --\nB\r\n\n")
	if len(fsys) != 2 || string(fsys["a.md"].Data) != "A\n" || string(fsys["dir/b.txt"].Data) != "B\r\n\n" {
		t.Errorf("Parse = %v", fsys)
	}
}

// TestItemAnchors builds a site whose list of 项 skips a number and
// checks that the search, the page and the model agree on the anchor.
func TestItemAnchors(t *testing.T) {
	s := Build(t, skipping)
	if n := s.Check(t, "超过办理期限", "不予办理"); n == 0 {
		t.Fatal("nothing checked")
	}
	urls := s.Search(t, `"超过办理期限"`)
	if len(urls) == 0 || !strings.HasSuffix(urls[0], "/a2/#p1-i3") {
		t.Errorf("search for （三） gives %q, want …/a2/#p1-i3", urls)
	}
}

// TestSampleSite checks the site of the sample content folder.
func TestSampleSite(t *testing.T) {
	s := BuildFS(t, os.DirFS(filepath.Join(testdir.Root(t), "content")))
	t.Logf("sample site: %d documents, %d places checked", len(s.Corpus.Documents), s.Check(t))
}

// TestCorpusSample checks the site of every 60th regulation of the shared
// corpus (about 60 files), skipping when the corpus is not there.
func TestCorpusSample(t *testing.T) {
	root := testdir.Corpus(t)
	content := fstest.MapFS{}
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		if n++; n%60 != 0 {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		content[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s := BuildFS(t, content)
	t.Logf("corpus sample: %d files, %d documents, %d places checked", len(content), len(s.Corpus.Documents), s.Check(t))
}
