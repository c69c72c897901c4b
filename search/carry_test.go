package search

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"tiaoli/generator/model"
	"tiaoli/internal/golden"
)

// TestUpdateCarriesSideFiles updates an index again and again, each time
// after another edit (the same article twice, so that the segment of an
// update empties; more updates than an index keeps segments, so that it
// is merged and renumbered), and checks after each that the side files,
// read by document ID, hold what those of an index built whole hold: the
// texts, the shared heads, the counts of citations and the documents of
// every character.
func TestUpdateCarriesSideFiles(t *testing.T) {
	dir := t.TempDir()
	prev := filepath.Join(dir, "0")
	c := sampleCorpus(t)
	if err := Build(c, prev, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	var articles []*model.Article
	for _, d := range c.Documents {
		articles = append(articles, d.Articles...)
	}
	if len(articles) < 3 {
		t.Skip("the sample content has too few articles: skipping")
	}
	edits := []int{0, 0, 1, 2, 1, 0, 2}
	for i, a := range edits {
		p := articles[a].Clauses[0]
		p.Text = fmt.Sprintf("%s增补第%d次：审查。", p.Text, i)
		next := filepath.Join(dir, fmt.Sprint(i+1))
		if done, err := update(c, printsOf(t, c), next, prev, "test", func() {}); !done || err != nil {
			t.Fatalf("update %d = %v, %v; want it done", i+1, done, err)
		}
		whole := filepath.Join(dir, fmt.Sprintf("whole%d", i+1))
		if err := BuildIndex(c, whole); err != nil {
			t.Fatal(err)
		}
		if got, want := sideByID(t, next), sideByID(t, whole); got != want {
			t.Fatalf("after update %d the side files differ from a whole build's (want: whole build, got: updated):\n%s", i+1, golden.Diff(want, got))
		}
		prev = next
	}
	if segmentFiles(t, prev) > maxKeptSegments {
		t.Errorf("%d segments after %d updates", segmentFiles(t, prev), len(edits))
	}
}

// sideByID prints what the side files of the index in dir hold, by
// document ID.
func sideByID(t *testing.T, dir string) string {
	t.Helper()
	ids := indexIDs(t, dir)
	texts, err := openTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer texts.Close()
	heads, err := openHeads(dir)
	if err != nil {
		t.Fatal(err)
	}
	cited, err := openCited(dir)
	if err != nil {
		t.Fatal(err)
	}
	chars, err := openChars(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer chars.Close()
	var lines []string
	for n, id := range ids {
		art, doc := cited.of(n)
		lines = append(lines, fmt.Sprintf("%s head %x text %x shared %x cited %v %v", id,
			texts.part(n, partHead), texts.part(n, partText), heads.headOf(n), art, doc))
	}
	for r := range chars.entries {
		d, err := chars.fileDocs(r)
		if err != nil {
			t.Fatal(err)
		}
		line := func(what string, b interface{ ToArray() []uint32 }) {
			var list []string
			for _, n := range b.ToArray() {
				id, ok := ids[uint64(n)]
				if !ok {
					id = fmt.Sprintf("(no document %d)", n)
				}
				list = append(list, id)
			}
			if len(list) > 0 {
				slices.Sort(list)
				lines = append(lines, fmt.Sprintf("%c %s %s", r, what, strings.Join(list, " ")))
			}
		}
		line("all", d.all)
		line("head", d.head)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// indexIDs maps the numbers of the documents of the index in dir to their
// IDs, as bleve gives them.
func indexIDs(t *testing.T, dir string) map[uint64]string {
	t.Helper()
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	r, err := reader(bi)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	all, err := r.DocIDReaderAll()
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	out := map[uint64]string{}
	for {
		in, err := all.Next()
		if err != nil {
			t.Fatal(err)
		}
		if in == nil {
			return out
		}
		id, err := r.ExternalID(in)
		if err != nil {
			t.Fatal(err)
		}
		out[in.Value()] = id
	}
}

// TestOpenCarriedFailsClosed: when a side file of the previous index
// cannot be opened, openCarried leaves none of those it opened before open
// or mapped. It reads what the process holds from /proc (Linux).
func TestOpenCarriedFailsClosed(t *testing.T) {
	if _, err := os.Stat("/proc/self/maps"); err != nil {
		t.Skip("no /proc/self: skipping")
	}
	whole := filepath.Join(t.TempDir(), "whole")
	if err := Build(sampleCorpus(t), whole, Options{Program: "test"}); err != nil {
		t.Fatal(err)
	}
	c, err := openCarried(whole)
	if err != nil {
		t.Fatal(err)
	}
	if held := heldFiles(t, whole); len(held) == 0 {
		t.Fatal("no file of the index folder is seen held while openCarried has it open")
	}
	c.close()
	for _, missing := range []string{charsFile, headsFile, textPostsFile} {
		dir := filepath.Join(t.TempDir(), "prev")
		if err := os.CopyFS(dir, os.DirFS(whole)); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(dir, missing)); err != nil {
			t.Fatal(err)
		}
		if _, err := openCarried(dir); err == nil {
			t.Errorf("without %s: no error", missing)
		}
		if held := heldFiles(t, dir); len(held) > 0 {
			t.Errorf("without %s, openCarried leaves open %v", missing, held)
		}
	}
}

// heldFiles lists the files of dir the process has open or mapped.
func heldFiles(t *testing.T, dir string) []string {
	t.Helper()
	var held []string
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range fds {
		if p, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(p, dir+string(filepath.Separator)) {
			held = append(held, p)
		}
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(maps), "\n") {
		if i := strings.Index(line, dir+string(filepath.Separator)); i >= 0 {
			held = append(held, line[i:])
		}
	}
	return held
}
