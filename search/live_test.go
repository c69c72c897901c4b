package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tiaoli/generator"
	"tiaoli/generator/model"
	"tiaoli/generator/status"
	"tiaoli/internal/testdir"
)

// liveFiles are the files a live index starts from in TestLiveMatchesWholeBuild:
// the readers' sample with a newer and an older version of one law.
var liveFiles = append([]string{"社会法/妇女权益保障法(2018-10-26).md"}, readerSample...)

// liveEdits are the edits TestLiveMatchesWholeBuild applies one after
// the other, each to the content folder as an editor would; model, when
// not nil, changes the parsed corpus as well.
var liveEdits = []struct {
	name  string
	edit  func(t *testing.T, content, src string)
	model func(c *model.Corpus)
}{
	{name: "an article's text", edit: func(t *testing.T, content, _ string) {
		replaceIn(t, content, "社会法/劳动法(2018-12-29).md", "第七条 劳动者有权依法参加和组织工会。",
			"第七条 劳动者有权依法参加和组织工会，鹦鹉螺工作坊除外。")
	}},
	{name: "the same article again", edit: func(t *testing.T, content, _ string) {
		replaceIn(t, content, "社会法/劳动法(2018-12-29).md", "鹦鹉螺工作坊除外", "珊瑚礁工作坊除外")
	}},
	{name: "a new file", edit: func(t *testing.T, content, src string) {
		copyFile(t, src, content, "社会法/妇女权益保障法(2022-10-30).md")
	}},
	{name: "a deleted file", edit: func(t *testing.T, content, _ string) {
		if err := os.Remove(filepath.Join(content, "社会法/慈善法(2023-12-29).md")); err != nil {
			t.Fatal(err)
		}
	}},
	{name: "a title", edit: func(t *testing.T, content, _ string) {
		replaceIn(t, content, "行政法规/职工带薪年休假条例(2007-12-14).md", "# 职工带薪年休假条例", "# 职工带薪年休假暂行条例")
	}},
	{name: "a term's definition", edit: func(t *testing.T, content, _ string) {
		replaceIn(t, content, "社会法/劳动合同法(2012-12-28).md", "约定无确定终止时间的劳动合同", "约定无确定终止时间并书面确认的劳动合同")
	}},
	{name: "a term in the model", model: func(c *model.Corpus) {
		for _, t := range c.Terms {
			if t.URL != "" {
				t.Definition += "（另见琥珀色附注）"
				return
			}
		}
	}},
	{name: "the deleted file back", edit: func(t *testing.T, content, src string) {
		copyFile(t, src, content, "社会法/慈善法(2023-12-29).md")
	}},
}

// liveQueries are asked of the live index and of a whole build after
// each edit: words the edits add and remove, common words, questions
// (the relaxed reading), single characters, filters and titles with
// articles.
var liveQueries = []string{
	"鹦鹉螺", "鹦鹉螺工作坊", "珊瑚礁工作坊", "工会", "劳动者 工会", "螺", "礁", "琥珀色附注", "书面确认",
	"无固定期限劳动合同", "妇女权益", "妇女 财产", "暂行条例", "年休假", "慈善组织 登记", "慈善法第三条",
	"劳动法第七条", "法", "薪", "kind:regulation 工资", "year:2018 劳动", "year:2022 妇女", "kind:term 劳动合同",
	"年假一年有几天", "单位不安排年休假怎么办", "什么是无固定期限劳动合同", "老板拖欠工资怎么办", "慈善法",
	`"依法参加和组织工会"`, "工资 -劳动合同",
}

// TestLiveMatchesWholeBuild builds a live index of part of the corpus,
// applies a sequence of edits, and after each checks that the live index
// answers every query (and the pages it lists) as an index built whole
// from the same corpus does.
func TestLiveMatchesWholeBuild(t *testing.T) {
	src := filepath.Join(testdir.Corpus(t), "lawrefbook-laws")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("corpus not found at %s: skipping", src)
	}
	updateAnyShare(t) // a file is a fifth of this corpus
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	for _, f := range liveFiles {
		copyFile(t, src, content, f)
	}
	live, err := BuildLive(generator.Parse(os.DirFS(content)), filepath.Join(dir, "live"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	for i, e := range liveEdits {
		c := applyEdit(t, i, content, src)
		updateAndCompare(t, live, c, filepath.Join(dir, fmt.Sprintf("whole%d", i)), e.name, liveQueries)
	}
}

// applyEdit makes the edit i of liveEdits to the content folder, whose
// files come from src, and returns its corpus.
func applyEdit(t *testing.T, i int, content, src string) *model.Corpus {
	e := liveEdits[i]
	if e.edit != nil {
		e.edit(t, content, src)
	}
	c := generator.Parse(os.DirFS(content))
	if e.model != nil {
		e.model(c)
	}
	return c
}

// updateAnyShare lets a live index update in place however much of a
// small corpus an edit changes, until the test ends.
func updateAnyShare(t *testing.T) {
	share := maxLiveChanged
	maxLiveChanged = 1
	t.Cleanup(func() { maxLiveChanged = share })
}

// updateAndCompare updates live to c, builds c whole into dir and
// compares the two on queries; the live index must not build whole.
func updateAndCompare(t *testing.T, live *Live, c *model.Corpus, dir, step string, queries []string) {
	t.Helper()
	builds := live.builds
	if err := live.Update(c); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if live.builds != builds {
		t.Errorf("%s: the live index was built whole again", step)
	}
	if err := BuildIndex(c, dir); err != nil {
		t.Fatal(err)
	}
	compareIndexes(t, step, queries, live.Index(), openAt(t, dir))
}

// compareIndexes checks that a answers every query as b does: the same
// counts and facets, and the same hits in the same order with the same
// scores, as hits of one score come in the order of their IDs however
// each index numbers its documents; and that both list the same pages.
func compareIndexes(t *testing.T, step string, queries []string, a, b *Index) {
	t.Helper()
	for _, q := range queries {
		req := Request{Query: q, Size: 20}
		ra, ea := a.Search(context.Background(), req)
		rb, eb := b.Search(context.Background(), req)
		if ea != nil || eb != nil {
			t.Fatalf("%s: %s: errors %v and %v", step, q, ea, eb)
		}
		if msg := sameAnswer(ra, rb); msg != "" {
			t.Errorf("after %s: %q: %s\none   %s\nother %s", step, q, msg, liveView(ra), liveView(rb))
		}
	}
	na, err := a.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	if nb, _ := b.DocCount(); na != nb {
		t.Errorf("after %s: one index counts %d documents, the other %d", step, na, nb)
	}
	pa, err := a.URLs(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	pb, err := b.URLs(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pa, pb) {
		t.Errorf("after %s: one index lists %d pages, the other %d", step, len(pa), len(pb))
	}
}

// sameAnswer says how a and b differ, "" when they do not: their counts
// and facets, and each hit, in order, with its score.
func sameAnswer(a, b *Response) string {
	if ha, hb := header(a), header(b); ha != hb {
		return "counts differ"
	}
	if len(a.Hits) != len(b.Hits) {
		return fmt.Sprintf("%d hits and %d", len(a.Hits), len(b.Hits))
	}
	for i, h := range a.Hits {
		if o := b.Hits[i]; liveHit(o) != liveHit(h) || o.Score != h.Score {
			return fmt.Sprintf("hit %d differs: %s (%v) and %s (%v)", i+1, h.URL, h.Score, o.URL, o.Score)
		}
	}
	return ""
}

func header(r *Response) string {
	return fmt.Sprintf("total %d pages %d relaxed %v %v partial %v strict %d facets %v", r.Total, r.Pages,
		r.Relaxed, r.Words, r.Partial, r.Strict, r.Facets)
}

func liveHit(h Hit) string {
	return fmt.Sprintf("%s %s %s %s %s %s %q", h.URL, h.Title, h.Article, h.Heading, h.Status, h.Date, h.Fragments)
}

// fixtureEdits change the fixture corpus one after the other.
var fixtureEdits = []struct {
	name string
	edit func(c *model.Corpus)
}{
	{"an article's text", func(c *model.Corpus) {
		c.Documents[0].Articles[1].Clauses[0].Text += "鹦鹉螺审查。"
	}},
	{"a new document", func(c *model.Corpus) {
		c.Documents = append(c.Documents, &model.Document{ID: "xin", Kind: model.KindNews, URL: "d/xin/",
			Title: "珊瑚礁通报", Date: "2026-03-01", Body: []model.Paragraph{{Text: "本报讯 珊瑚礁谈话今日开展。"}}})
	}},
	{"a status", func(c *model.Corpus) { c.Documents[0].Status = status.Repealed }},
	{"a title", func(c *model.Corpus) { c.Documents[1].Title = "琥珀色通行证" }},
	{"a term's definition", func(c *model.Corpus) { c.Terms[0].Definition = "上级同下级的琥珀色谈话" }},
	{"a deleted document", func(c *model.Corpus) { c.Documents = c.Documents[1:] }},
}

// fixtureQueries are asked after each of fixtureEdits.
var fixtureQueries = []string{
	"监督谈话", "定期谈话", "谈话", "AEO", "绿色通行证", "琥珀色", "鹦鹉螺", "珊瑚礁", "谈", "螺", "换届",
	"kind:news 谈话", "kind:term 谈话", "year:2026 谈话", "监督谈话第五条", "怎么开展谈话", "一把手",
}

// TestLiveFixture edits the fixture corpus in the model, and after each
// edit checks the live index against a whole build, as
// TestLiveMatchesWholeBuild does on real files.
func TestLiveFixture(t *testing.T) {
	updateAnyShare(t)
	dir := t.TempDir()
	c := fixture()
	live, err := BuildLive(c, filepath.Join(dir, "live"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	for i, e := range fixtureEdits {
		e.edit(c)
		updateAndCompare(t, live, c, filepath.Join(dir, fmt.Sprintf("whole%d", i)), e.name, fixtureQueries)
	}
}

// TestLiveVersions: a version handed out keeps answering from its own
// snapshot while Update makes the next, and versions may be searched
// while Update runs (go test -race).
func TestLiveVersions(t *testing.T) {
	c := fixture()
	live, err := BuildLive(c, filepath.Join(t.TempDir(), "live"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	first := live.Index()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			for _, q := range fixtureQueries {
				if _, err := live.Index().Search(context.Background(), Request{Query: q}); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	found := func(ix *Index, q string) uint64 {
		r, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	for i := 0; i < 4; i++ {
		word := "鹦鹉螺" + string(rune('甲'+i))
		c.Documents[0].Articles[1].Clauses[0].Text += word + "。"
		before := live.Index()
		if err := live.Update(c); err != nil {
			t.Fatal(err)
		}
		if n := found(live.Index(), word); n != 1 {
			t.Errorf("update %d: the new version finds %q %d times, want once", i, word, n)
		}
		if n := found(before, word); n != 0 {
			t.Errorf("update %d: the version before finds %q %d times, want none", i, word, n)
		}
		if i == 0 && found(first, "鹦鹉螺甲") != 0 {
			t.Error("the first version finds the first edit")
		}
	}
	close(stop)
	<-done
}

// liveView lists a response for a failure's message.
func liveView(r *Response) string {
	var b strings.Builder
	b.WriteString(header(r) + "\n")
	for _, h := range r.Hits {
		fmt.Fprintf(&b, "  %.4f %s\n", h.Score, liveHit(h))
	}
	return b.String()
}

func copyFile(t *testing.T, src, dst, name string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(src, name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dst, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceIn replaces old, which must be there, with new in a file of dir.
func replaceIn(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
