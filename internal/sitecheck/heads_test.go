package sitecheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// heads is a regulation whose file holds only it, with its dates in its
// history lines, and a news page of two items.
const heads = `A regulation in a file of its own, and a page of two news items.

-- regs/示范绿化条例(2020-09-17).md --
# 示范市城市绿化条例

2020年6月29日 示范市人民代表大会常务委员会第三十一次会议通过

2020年7月31日 示范省人民代表大会常务委员会第十九次会议批准

第一条 为了促进城市绿化事业发展，制定本条例。

第二条 本条例自2020年10月1日起施行。
-- news/2025-02-12.txt --
# 某县开展植树活动

本报讯 2月11日，某县组织干部群众植树。

# 某市公园开放

本报讯 2月11日，某市新建公园向市民开放。
`

// TestDocumentHeads: a regulation's page gives its dates once, in its
// particulars, with no bare date under its title that could read as one
// of them; its source is named by its title, not as a newspaper's 版面;
// a page of several items keeps its 版面 name.
func TestDocumentHeads(t *testing.T) {
	s := Build(t, heads)
	var reg, news string
	for _, d := range s.Corpus.Documents {
		switch d.Title {
		case "示范市城市绿化条例":
			reg = d.URL
		case "某县开展植树活动":
			news = d.URL
		}
	}
	if reg == "" || news == "" {
		t.Fatalf("documents not found: regulation %q, news %q", reg, news)
	}
	page := read(t, s, reg)
	if n := page.Find(".doc-head .byline time").Length(); n != 0 {
		t.Errorf("regulation: %d bare dates under the title, want none beside its particulars", n)
	}
	if meta := page.Find(".doc-head dl.meta").Text(); !strings.Contains(meta, "2020年7月31日") {
		t.Errorf("regulation: particulars %q lack the approval line", meta)
	}
	if n := read(t, s, news).Find(".doc-head .byline time").Length(); n != 1 {
		t.Errorf("news: %d dates under the title, want 1", n)
	}
	names := map[string]bool{}
	for _, src := range s.Corpus.Sources {
		names[src.Name] = true
	}
	for _, want := range []string{"示范市城市绿化条例（2020年9月17日）", "2025年2月12日版面：某县开展植树活动等2篇"} {
		if !names[want] {
			t.Errorf("no source named %q; names: %v", want, names)
		}
	}
}

// read parses the page at a site URL.
func read(t *testing.T, s *Site, url string) *goquery.Document {
	t.Helper()
	f, err := os.Open(filepath.Join(s.Dir, filepath.FromSlash(strings.Trim(url, "/")), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
