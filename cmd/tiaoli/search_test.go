package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/search"
)

// searchTestSite writes a site folder holding only the index of a small
// corpus: a regulation with one article and a news item.
func searchTestSite(t *testing.T) string {
	t.Helper()
	c := &model.Corpus{Documents: []*model.Document{
		{ID: "reg", Kind: model.KindRegulation, URL: "d/reg/", Title: "监督谈话工作办法", Date: "2026-01-30",
			Regulation: model.Regulation{Articles: []*model.Article{{
				Number: 11, Label: "第十一条", URL: "d/reg/a11/",
				Paragraphs: []*model.Clause{
					{Paragraph: model.Paragraph{Text: "被谈话人应当在谈话结束后1个月内提出整改措施。"}},
					{Paragraph: model.Paragraph{Text: "被谈话人应当在谈话结束后3个月内报告整改情况。"}},
				},
			}}}},
		{ID: "aeo", Kind: model.KindNews, URL: "d/aeo/", Title: "AEO 这张“绿色通行证”含金量凸显", Date: "2026-02-12",
			Body: []model.Paragraph{{Text: "AEO企业平均进出口查验率仅为常规企业的18.5%。"}}},
	}}
	address.ArticleAnchors(c.Documents[0].Articles[0])
	dir := t.TempDir()
	if err := search.BuildIndex(c, filepath.Join(dir, search.IndexDir)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSearchCommand(t *testing.T) {
	site := searchTestSite(t)
	var out, errOut bytes.Buffer
	if st := run([]string{"search", "--site", site, "--json", "３个月", "整改"}, &out, &errOut); st != 0 {
		t.Fatalf("status %d: %s", st, errOut.String())
	}
	var resp search.Response
	if err := json.Unmarshal(out.Bytes(), &resp); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if resp.Total != 1 || resp.Hits[0].URL != "d/reg/a11/#p2" || resp.Hits[0].Article != "第十一条" ||
		!strings.Contains(resp.Hits[0].Fragments[0], "<mark>3个月</mark>") {
		t.Errorf("answer %+v", resp)
	}

	out.Reset()
	if st := run([]string{"search", "--site", site, "查验率"}, &out, &errOut); st != 0 {
		t.Fatalf("status %d: %s", st, errOut.String())
	}
	if got := out.String(); !strings.Contains(got, "d/aeo/") || !strings.Contains(got, "【查验率】") {
		t.Errorf("text answer:\n%s", got)
	}
}

func TestSearchCommandRefuses(t *testing.T) {
	site := searchTestSite(t)
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"search", "--site", site}, 2},                                 // no query
		{[]string{"search", "--site", site, strings.Repeat("谈", 201)}, 2},       // too long
		{[]string{"search", "--site", site, "kind:nonsense"}, 2},                // bad filter
		{[]string{"search", "--site", filepath.Join(site, "nowhere"), "谈话"}, 1}, // no index
		{[]string{"search", "--site", site, "--page", "0", "谈话"}, 2},            // bad page
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if st := run(tt.args, &out, &errOut); st != tt.want {
			t.Errorf("%.60q: status %d, want %d; stderr %s", tt.args, st, tt.want, errOut.String())
		}
		if errOut.Len() == 0 {
			t.Errorf("%.60q: no message", tt.args)
		}
	}
}
