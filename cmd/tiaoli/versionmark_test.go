package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"tiaoli/generator/address"
	"tiaoli/generator/model"
	"tiaoli/search"
)

// TestVersionMarkListed: two versions of a regulation that a collector
// told apart only by the year after the title (某条例2003, 某条例2015), with
// no date in their texts, stay apart where documents are listed: the
// list of their kind and the results of a search each show both marks,
// and a year for each.
func TestVersionMarkListed(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := os.MkdirAll(content, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, year := range []string{"2003", "2015"} {
		text := "# 某某纪律处分条例" + year + "\n\n第一条 为了严明纪律，制定本条例。\n\n第二条 本条例自发布之日起施行。\n"
		if err := os.WriteFile(filepath.Join(content, "某某纪律处分条例"+year+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if st := run([]string{"build", "--content", content, "--out", out}, &stderr, &stderr); st != 0 {
		t.Fatalf("build: exit %d\n%s", st, stderr.String())
	}
	want := []string{"某某纪律处分条例2003 2003", "某某纪律处分条例2015 2015"}

	f, err := os.Open(filepath.Join(out, address.KindURL(model.KindRegulation), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	page.Find("li.docrow").Each(func(_ int, row *goquery.Selection) {
		listed = append(listed, strings.TrimSpace(row.Find("a").First().Text())+" "+row.Find("time").Text())
	})
	slices.Sort(listed)
	if !slices.Equal(listed, want) {
		t.Errorf("list rows %q, want %q", listed, want)
	}

	stderr.Reset()
	if st := run([]string{"search", "--site", out, "--json", "严明纪律"}, &stdout, &stderr); st != 0 {
		t.Fatalf("search: exit %d\n%s", st, stderr.String())
	}
	var resp search.Response
	if err := json.Unmarshal(stdout.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, h := range resp.Hits {
		found = append(found, h.Title+" "+h.Date)
	}
	slices.Sort(found)
	if !slices.Equal(found, want) {
		t.Errorf("search hits %q, want %q", found, want)
	}
}
