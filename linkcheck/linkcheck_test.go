package linkcheck

import (
	"strings"
	"testing"
	"testing/fstest"
)

func site(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, s := range files {
		m[name] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

func TestCheck(t *testing.T) {
	fsys := site(map[string]string{
		"index.html": `<a href="d/x/">x</a><a href="d/x/#p2">p2</a><a href="d/x/#nope">bad anchor</a>
<a href="missing/">missing</a><link href="assets/site.css?v=1"><script src="assets/site.js"></script>
<a href="http://example.com/">ext</a><a href="mailto:a@b">mail</a><a href="#top">top</a><p id="top">
<a href="/fagui/t/">abs ok</a><a href="/other/">abs outside</a><a href="../up/">above root</a>
<form action="search/"></form><a href="d/x">folder without slash</a><a href="d/x/a%35/">escaped</a>`,
		"d/x/index.html":    `<div id="p2"></div><a name="named"></a><a href="../../#top">up</a><a href="#named">n</a><a href="a5/#p1">a5</a><a href="./">self</a>`,
		"d/x/a5/index.html": `<p id="p1">`,
		"t/index.html":      ``,
		"search/index.html": ``,
		"assets/site.css":   ``,
		"assets/site.js":    ``,
		"_index/x.html":     `<a href="nowhere/">skipped</a>`,
	})
	problems, stats, err := Check(fsys, Options{Base: "/fagui/"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		"index.html:1: d/x/#nope: no anchor #nope on d/x/index.html",
		"index.html:2: missing/: no page missing/index.html",
		"index.html:4: ../up/: leads above the site's root",
		"index.html:4: /other/: outside the site's base /fagui/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if stats.Pages != 5 {
		t.Errorf("pages = %d, want 5 (the index folder skipped)", stats.Pages)
	}
}

func TestCheckGarbage(t *testing.T) {
	fsys := site(map[string]string{"index.html": "<a href=\"\x00\xff%zz#%\"><<<>>\xfe", "b.html": "<a href='a b/#x'"})
	if _, _, err := Check(fsys, Options{}); err != nil {
		t.Fatal(err)
	}
}

func FuzzScan(f *testing.F) {
	f.Add([]byte(`<a href="x/#y" id="z"><img src="a.png">`))
	f.Add([]byte("<a href=\"%zz\"\n id=p1>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"d/index.html": {Data: data}, "index.html": {Data: []byte(`<a href="d/#p1">`)}}
		if _, _, err := Check(fsys, Options{Base: "/x/"}); err != nil {
			t.Fatal(err)
		}
	})
}
