package search

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tiaoli/generator"
	"tiaoli/internal/testdir"
)

// readerQueries are what people type, written from the texts of a sample
// of the LawRefBook corpus (readerSample) before any was run: questions,
// words run together, traditional characters, the reader's own words,
// short titles, titles with articles, and a text in two versions. law is
// the end of the wanted hit's title (its short title); article its label,
// "" for the whole document, "*" for any article; within is how high it
// must rank.
var readerQueries = []struct {
	class, q, law, article string
	within                 int
}{
	{"question", "单位不给交社保怎么办？", "社会保险法", "*", 3},
	{"question", "上下班路上出车祸算工伤吗", "工伤保险条例", "第十四条", 3},
	{"question", "试用期最长可以约定多久？", "劳动合同法", "第十九条", 3},
	{"question", "年假一年有几天", "职工带薪年休假条例", "第三条", 3},
	{"question", "单位不安排年休假怎么办", "职工带薪年休假条例", "*", 3},
	{"question", "辞职要提前多少天通知单位？", "劳动合同法", "第三十七条", 3},
	{"question", "老板拖欠工资怎么办", "*", "*", 3},
	{"question", "试用期的工资可以低于多少？", "劳动合同法", "第二十条", 3},
	{"question", "劳动者每天工作时间不超过几个小时", "劳动法", "第三十六条", 3},
	{"question", "竞业限制的人员有哪些？", "劳动合同法", "第二十四条", 3},
	{"question", "什么是无固定期限劳动合同", "劳动合同法", "第十四条", 3},
	{"question", "被单位辞退能拿到经济补偿吗", "劳动合同法", "*", 3},
	{"question", "哪些情形视同工伤？", "工伤保险条例", "第十五条", 3},
	{"question", "工伤认定申请应当在多长时间内提出", "工伤保险条例", "第十七条", 3},
	{"run-together", "年休假天数", "职工带薪年休假条例", "第三条", 3},
	{"run-together", "试用期工资标准", "劳动合同法", "第二十条", 3},
	{"run-together", "工伤认定申请时限", "工伤保险条例", "第十七条", 3},
	{"run-together", "慈善信托备案", "慈善法", "*", 3},
	{"run-together", "无固定期限劳动合同订立条件", "劳动合同法", "*", 3},
	{"title+article", "劳动法第三十六条", "劳动法", "第三十六条", 1},
	{"title+article", "劳动法 36条", "劳动法", "第三十六条", 1},
	{"title+article", "劳动法第36条", "劳动法", "第三十六条", 1},
	{"title+article", "劳动合同法第十九条", "劳动合同法", "第十九条", 1},
	{"title+article", "工伤保险条例第十四条", "工伤保险条例", "第十四条", 1},
	{"title+article", "社会保险法 第四条", "社会保险法", "第四条", 1},
	{"traditional", "勞動合同", "劳动合同法", "*", 3},
	{"traditional", "試用期", "劳动合同法", "*", 3},
	{"traditional", "帶薪年休假", "*", "*", 3},
	{"traditional", "工傷保險", "*", "*", 3},
	{"traditional", "競業限制", "劳动合同法", "*", 3},
	{"reader's words", "年假", "职工带薪年休假条例", "*", 3},
	{"reader's words", "辞退", "劳动合同法", "*", 3},
	{"reader's words", "社保", "社会保险法", "*", 3},
	{"reader's words", "老板不发工资", "*", "*", 3},
	{"reader's words", "员工辞职", "劳动合同法", "*", 3},
	{"short title", "劳动法", "劳动法", "", 1},
	{"short title", "劳动合同法", "劳动合同法", "", 1},
	{"short title", "社会保险法", "社会保险法", "", 1},
	{"short title", "工伤保险条例", "工伤保险条例", "", 1},
	{"versions", "慈善法", "慈善法", "", 1},
	{"versions", "慈善法第三条", "慈善法", "第三条", 1},
	{"versions", "慈善组织 登记", "慈善法", "*", 1},
}

// readerSample are the files of the sample, in the LawRefBook corpus.
var readerSample = []string{
	"社会法/劳动法(2018-12-29).md", "社会法/劳动合同法(2012-12-28).md",
	"社会法/社会保险法(2018-12-29).md", "社会法/慈善法(2016-03-16).md", "社会法/慈善法(2023-12-29).md",
	"行政法规/职工带薪年休假条例(2007-12-14).md", "行政法规/工伤保险条例(2010-12-20).md",
	"行政法规/保障农民工工资支付条例(2019-12-30).md", "行政法规/劳动保障监察条例(2004-11-01).md",
}

var (
	readerOnce sync.Once
	readerIx   *Index
	readerErr  error
)

// openReaderSample indexes the sample once; it skips without the corpus.
func openReaderSample(t *testing.T) *Index {
	src := filepath.Join(testdir.Corpus(t), "lawrefbook-laws")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("corpus not found at %s: skipping the readers' queries", src)
	}
	readerOnce.Do(func() {
		dir, err := tempDir("tiaoli-readers-")
		if err != nil {
			readerErr = err
			return
		}
		for _, f := range readerSample {
			b, err := os.ReadFile(filepath.Join(src, f))
			if err != nil {
				readerErr = err
				return
			}
			p := filepath.Join(dir, "content", f)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if readerErr = os.WriteFile(p, b, 0o644); readerErr != nil {
				return
			}
		}
		c := generator.Parse(os.DirFS(filepath.Join(dir, "content")))
		idx := filepath.Join(dir, IndexDir)
		if readerErr = BuildIndex(c, idx); readerErr == nil {
			readerIx, readerErr = Open(idx)
		}
	})
	if readerErr != nil {
		t.Fatal(readerErr)
	}
	return readerIx
}

// TestReaderQueries runs the readers' queries on the sample: each finds
// its article within its rank, and no hit of the first three holds none
// of the query's words or their synonyms.
func TestReaderQueries(t *testing.T) {
	ix := openReaderSample(t)
	found, rr := 0, 0.0
	for _, tc := range readerQueries {
		resp, err := ix.Search(context.Background(), Request{Query: tc.q, Size: 10})
		if err != nil {
			t.Fatalf("%s: %v", tc.q, err)
		}
		rank := 0
		for i, h := range resp.Hits {
			if readerMatch(h, tc.law, tc.article) {
				rank = i + 1
				break
			}
		}
		if rank > 0 {
			rr += 1 / float64(rank)
		}
		if rank == 0 || rank > tc.within {
			t.Logf("miss: %s %q: %s %s at rank %d, want within %d; got %s", tc.class, tc.q, tc.law, tc.article, rank, tc.within, hitList(resp))
		} else {
			found++
		}
		for i, h := range resp.Hits[:min(3, len(resp.Hits))] {
			if !holdsAWord(h, tc.q) {
				t.Errorf("%s %q: hit %d (%s %s) holds none of the words", tc.class, tc.q, i+1, h.Title, h.Article)
			}
		}
	}
	t.Logf("%d of %d readers' queries found within their rank; MRR %.3f", found, len(readerQueries), rr/float64(len(readerQueries)))
	// Every query finds its hit. When the set was written two missed
	// (年假一年有几天 and 年休假天数 ranked 职工带薪年休假条例 第三条 fourth);
	// the synonyms and the ranking have found them since.
	if found < len(readerQueries) {
		t.Errorf("%d of %d readers' queries found within their rank", found, len(readerQueries))
	}
}

// TestSupersededSaysSo: the version no longer in force ranks below the
// one in force and its hits say 已修改.
func TestSupersededSaysSo(t *testing.T) {
	ix := openReaderSample(t)
	resp, err := ix.Search(context.Background(), Request{Query: "慈善组织 登记", Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	old := -1
	for i, h := range resp.Hits {
		if h.Status != "" && old < 0 {
			old = i
			if h.Status != "已修改" || !strings.HasPrefix(h.Date, "2016") {
				t.Errorf("superseded hit %s %s: status %q, date %s", h.Title, h.Article, h.Status, h.Date)
			}
		}
		if h.Status == "" && old >= 0 && strings.HasPrefix(h.Date, "2023") && i > 0 {
			// an in-force hit after a superseded one is fine only if it matches less
			continue
		}
	}
	if old <= 0 {
		t.Fatalf("want a superseded hit below the first; got %s", hitList(resp))
	}
	if resp.Hits[0].Status != "" {
		t.Errorf("first hit is superseded: %+v", resp.Hits[0])
	}
}

func readerMatch(h Hit, law, article string) bool {
	title := trimVersion(h.Title)
	if law != "*" && !strings.HasSuffix(title, law) {
		return false
	}
	switch article {
	case "*":
		return h.Article != ""
	case "":
		return h.Article == "" && h.Kind != KindTerm
	}
	return h.Article == article
}

// holdsAWord reports whether a hit shows a match of the query: marked in
// its fragments, or its title or label in the query (a document or
// article the query names).
func holdsAWord(h Hit, q string) bool {
	for _, f := range h.Fragments {
		if strings.Contains(f, "<mark>") {
			return true
		}
	}
	q = simplify(q)
	short := strings.TrimPrefix(trimVersion(h.Title), nationPrefix)
	if strings.Contains(q, short) || h.Article != "" && strings.Contains(q, h.Article) {
		return true
	}
	for _, w := range strings.Fields(q) {
		if h.Article == "" && strings.Contains(h.Title, w) {
			return true
		}
	}
	return false
}

func hitList(resp *Response) string {
	var out []string
	for i, h := range resp.Hits {
		if i == 5 {
			break
		}
		out = append(out, trimVersion(h.Title)+" "+h.Article)
	}
	return strings.Join(out, " | ")
}
