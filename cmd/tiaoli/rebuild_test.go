package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"tiaoli/generator/model"
	"tiaoli/internal/testdir"
	"tiaoli/publish"
	"tiaoli/search"
)

// rebuildSources are regulations that define terms and cite each other,
// so that an edit of one reaches the pages of others.
var rebuildSources = map[string]string{
	"a.md": "# 示例事务管理办法\n\n第一条 为了规范示例事务，制定本办法。\n\n" +
		"第二条 本办法所称示例事务，是指示例单位在日常工作中处理的各类事项。\n\n第三条 本办法自发布之日起施行。\n",
	"b.md": "# 示例事务检查规定\n\n第一条 根据《示例事务管理办法》第二条，制定本规定。\n\n" +
		"第二条 检查示例事务，应当依照《示例事务管理办法》第三条的规定。\n",
	// Two versions of one law, which a comparison page sets side by side.
	"laws/示例档案法(2016-11-07).md": "# 中华人民共和国示例档案法\n\n2016年11月7日第十二届全国人民代表大会常务委员会第二十四次会议通过\n\n" +
		"<!-- INFO END -->\n\n第一条 为了加强档案管理，制定本法。\n\n第二条 档案工作实行统一领导、分级管理的原则。\n\n第三条 本法自2017年1月1日起施行。\n",
	"laws/示例档案法(2024-06-28).md": "# 中华人民共和国示例档案法\n\n2024年6月28日第十四届全国人民代表大会常务委员会第十次会议修订\n\n" +
		"<!-- INFO END -->\n\n第一条 为了加强档案管理，制定本法。\n\n第二条 国家鼓励档案信息化建设。\n\n第三条 本法自2025年1月1日起施行。\n",
}

// TestRebuildEqualsFresh edits, adds and deletes sources one after the
// other; after each, the rebuilt site holds the same files with the same
// bytes as a fresh build of the same content, and its search answers the
// same (the index's own files differ in layout). Each rebuild renders the
// pages beside the index's update, as a small rebuild of a large corpus
// does.
func TestRebuildEqualsFresh(t *testing.T) {
	dir := pubTempDir(t)
	content, out, fresh := filepath.Join(dir, "content"), filepath.Join(dir, "public"), filepath.Join(dir, "fresh")
	writeRebuildContent(t, content)
	rebuild := func() {
		t.Helper()
		var stderr bytes.Buffer
		if err := build(buildOptions{content: content, out: out, base: "/", smallShare: 1}, &stderr); err != nil {
			t.Fatalf("build: %v\n%s", err, stderr.String())
		}
	}
	rebuild()
	queries := []string{"示例事务", "日常工作", "检查", "监督谈话"}
	for _, step := range []struct {
		what string
		do   func()
	}{
		{"an edit of an article another source cites", func() {
			edit(t, filepath.Join(content, "a.md"), "自发布之日", "自公布之日")
		}},
		{"an edit of a definition", func() {
			edit(t, filepath.Join(content, "a.md"), "各类事项", "各类具体事项")
		}},
		{"an edit of a title another source cites", func() {
			edit(t, filepath.Join(content, "a.md"), "# 示例事务管理办法", "# 示例事务办理办法")
		}},
		{"a new file citing another", func() {
			write(t, filepath.Join(content, "c.md"), "# 示例事务办理细则\n\n第一条 依照《示例事务办理办法》第一条，制定本细则。\n")
		}},
		{"a renamed file", func() {
			if err := os.Rename(filepath.Join(content, "c.md"), filepath.Join(content, "laws", "c.md")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a deleted file", func() { os.Remove(filepath.Join(content, "b.md")) }},
		{"a deleted generated file", func() { os.Remove(filepath.Join(content, "reg0001.md")) }},
		{"an edit of the glossary", func() {
			f := filepath.Join(content, "glossary.yaml")
			data, _ := os.ReadFile(f)
			write(t, f, string(data)+"\n")
		}},
	} {
		step.do()
		rebuild()
		freshBuild(t, content, fresh, "/")
		if diff := siteDiff(t, out, fresh); diff != "" {
			t.Errorf("after %s, the rebuilt site differs from a fresh build:\n%s", step.what, diff)
		}
		for _, q := range queries {
			if a, b := searchJSON(t, out, q), searchJSON(t, fresh, q); a != b {
				t.Errorf("after %s, search %s differs:\nrebuilt %.300s\nfresh   %.300s", step.what, q, a, b)
			}
		}
	}
}

func TestRebuildFollowsNewestVersion(t *testing.T) {
	dir := pubTempDir(t)
	content, out, fresh := filepath.Join(dir, "content"), filepath.Join(dir, "public"), filepath.Join(dir, "fresh")
	writeRebuildContent(t, content)
	law := func(event, a2, a3 string) string {
		return "# 中华人民共和国示例测绘法\n\n" + event + "\n\n<!-- INFO END -->\n\n第一条 为了加强测绘管理，制定本法。\n\n" +
			"第二条 " + a2 + "\n\n第三条 " + a3 + "\n\n第四条 本法自公布之日起施行。\n"
	}
	a2 := "测绘工作应当使用国家规定的测绘基准和测绘系统，执行国家规定的测绘技术规范和标准。"
	a3 := "从事测绘活动的单位应当依法取得相应等级的测绘资质证书，方可从事测绘活动。"
	write(t, filepath.Join(content, "laws", "示例测绘法(2002-08-29).md"), law("2002年8月29日第九届全国人民代表大会常务委员会第二十九次会议修订", a2, a3))
	write(t, filepath.Join(content, "laws", "示例测绘法(2017-04-27).md"), law("2017年4月27日第十二届全国人民代表大会常务委员会第二十七次会议修订", a2, a3))
	newest := filepath.Join(content, "laws", "示例测绘法(2024-06-28).md")
	write(t, newest, law("2024年6月28日第十四届全国人民代表大会常务委员会第十次会议修订", a2, a3))
	pubBuild(t, content, out, "/")
	write(t, newest, law("2024年6月28日第十四届全国人民代表大会常务委员会第十次会议修订", a3, a2)) // labels stay, texts swap
	pubBuild(t, content, out, "/")
	freshBuild(t, content, fresh, "/")
	if diff := siteDiff(t, out, fresh); diff != "" {
		t.Errorf("after the newest version swapped two articles, the rebuilt site differs from a fresh build:\n%s", diff)
	}
}

// writeRebuildContent writes the site's own content, rebuildSources and
// three generated regulations into the folder content.
func writeRebuildContent(t *testing.T, content string) {
	t.Helper()
	if err := os.CopyFS(content, os.DirFS(filepath.Join(testdir.Root(t), "content"))); err != nil {
		t.Fatal(err)
	}
	for name, text := range rebuildSources {
		os.MkdirAll(filepath.Dir(filepath.Join(content, name)), 0o755)
		write(t, filepath.Join(content, name), text)
	}
	writeRegulations(t, content, 0, 3, 3)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	write(t, path, edited(t, path, old, new))
}

// edited is the text of the file at path with its first old replaced by
// new; the test fails when it has no old.
func edited(t *testing.T, path, old, new string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q (%v)", path, old, err)
	}
	return strings.Replace(string(data), old, new, 1)
}

// freshBuild builds content into the folder fresh anew, keeping nothing
// of a build there.
func freshBuild(t *testing.T, content, fresh, base string) {
	t.Helper()
	os.RemoveAll(fresh)
	var stderr bytes.Buffer
	if err := build(buildOptions{content: content, out: fresh, base: base, fresh: true}, &stderr); err != nil {
		t.Fatalf("fresh build: %v\n%s", err, stderr.String())
	}
}

// siteDiff lists the files two sites do not share, or hold with other
// bytes, but for the search index's files; "" when there are none.
func siteDiff(t *testing.T, a, b string) string {
	sa, sb := siteSnapshot(t, a), siteSnapshot(t, b)
	seen := map[string]bool{}
	var diff []string
	for _, s := range []map[string][32]byte{sa, sb} {
		for name := range s {
			if seen[name] || strings.HasPrefix(name, search.IndexDir+string(filepath.Separator)) {
				continue
			}
			seen[name] = true
			ha, inA := sa[name]
			hb, inB := sb[name]
			switch {
			case !inA:
				diff = append(diff, "only in the fresh build: "+name)
			case !inB:
				diff = append(diff, "only in the rebuilt site: "+name)
			case ha != hb:
				diff = append(diff, "other bytes: "+name)
			}
		}
	}
	sort.Strings(diff)
	return strings.Join(diff, "\n")
}

// searchJSON is tiaoli search --json of a query on a site.
func searchJSON(t *testing.T, site, query string) string {
	var out, stderr bytes.Buffer
	if st := run([]string{"search", "--site", site, "--json", query}, &out, &stderr); st != 0 {
		t.Fatalf("search %s: %d %s", query, st, stderr.String())
	}
	return out.String()
}

// TestRebuildParsesWhatChanged checks that a rebuild parses only the
// sources that changed and reads the others from the cache of parsed
// sources beside the site; that a damaged cache, one of another program
// and --fresh parse again what they must; that from the second build on
// the folders of documents of the build before the published one (of the
// first build's spare, for the second) are kept in place, but by another
// program or with --fresh; and that after
// each the site is the one a fresh build makes.
func TestRebuildParsesWhatChanged(t *testing.T) {
	dir := pubTempDir(t)
	content, out, fresh := filepath.Join(dir, "content"), filepath.Join(dir, "public"), filepath.Join(dir, "fresh")
	writeRebuildContent(t, content)
	n, _, _ := countBuilt(t, content, out, false, "")
	cache := out + publish.CacheSuffix
	for _, step := range []struct {
		what    string
		do      func()
		fresh   bool
		parsed  int
		inPlace bool
		more    int // sources more than at first
	}{
		{"nothing changed", func() {}, false, 0, true, 0},
		{"an edit", func() { edit(t, filepath.Join(content, "reg0001.md"), "根据有关规定", "根据有关的规定") }, false, 1, true, 0},
		// A glossary term's page lists its uses with their context: a
		// use added, then the text beside it edited, must show there.
		{"a use of a term added", func() {
			edit(t, filepath.Join(content, "reg0002.md"), "根据有关规定", "根据一把手的规定")
		}, false, 1, true, 0},
		{"the text beside a term's use edited", func() {
			edit(t, filepath.Join(content, "reg0002.md"), "根据一把手的规定", "依照一把手的规定")
		}, false, 1, true, 0},
		// The page of a cited article names the 款 that cites it when the
		// citing article has more than one: a 款 added to it shows there.
		{"a 款 added to an article that cites another document", func() {
			edit(t, filepath.Join(content, "b.md"), "第三条的规定。\n", "第三条的规定。\n\n检查结果应当记录在案。\n")
		}, false, 1, true, 0},
		// A comparison page sets the text of two versions side by side.
		{"an edit of a version", func() {
			edit(t, filepath.Join(content, "laws", "示例档案法(2024-06-28).md"), "鼓励档案信息化", "鼓励和支持档案信息化")
		}, false, 1, true, 0},
		// A file added or deleted renders the pages it reaches, not all.
		{"a new file citing another", func() {
			write(t, filepath.Join(content, "c.md"), "# 示例事务办理细则\n\n第一条 依照《示例事务管理办法》第一条，制定本细则。\n")
		}, false, 1, true, 1},
		{"the new file deleted", func() { os.Remove(filepath.Join(content, "c.md")) }, false, 0, true, 0},
		{"a damaged cache", func() { damageCache(t, cache) }, false, 2, true, 0},
		{"another program", func() {
			was := programDigest
			programDigest = func() string { return "another program" }
			t.Cleanup(func() { programDigest = was })
		}, false, n, false, 0},
		{"--fresh", func() {}, true, n, false, 0},
	} {
		step.do()
		want := fmt.Sprintf("(%d parsed, %d as parsed before;", step.parsed, n+step.more-step.parsed)
		_, docs, inPlace := countBuilt(t, content, out, step.fresh, want)
		if (inPlace > 0) != step.inPlace {
			t.Errorf("after %s, %d folders of documents and terms kept in place", step.what, inPlace)
		}
		if step.inPlace && inPlace <= docs {
			t.Errorf("after %s, %d folders kept in place of %d documents: no term's page was kept", step.what, inPlace, docs)
		}
		freshBuild(t, content, fresh, "/")
		if diff := siteDiff(t, out, fresh); diff != "" {
			t.Errorf("after %s, the rebuilt site differs from a fresh build:\n%s", step.what, diff)
		}
	}
}

// countBuilt builds content into out and checks that the build says
// want; it returns how many sources it parsed, how many documents they
// gave and how many folders of documents and terms it kept in place.
func countBuilt(t *testing.T, content, out string, fresh bool, want string) (sources, docs, inPlace int) {
	t.Helper()
	var stderr bytes.Buffer
	if err := build(buildOptions{content: content, out: out, base: "/", fresh: fresh}, &stderr); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("the build says %q, want %q", stderr.String(), want)
	}
	m := parsedCounts.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("the build does not say what it parsed: %s", stderr.String())
	}
	parsed, _ := strconv.Atoi(m[1])
	read, _ := strconv.Atoi(m[2])
	k := keptInPlace.FindStringSubmatch(stderr.String())
	if k == nil {
		t.Fatalf("the build does not say what it kept in place: %s", stderr.String())
	}
	inPlace, _ = strconv.Atoi(k[1])
	d := builtDocs.FindStringSubmatch(stderr.String())
	if d == nil {
		t.Fatalf("the build does not say how many documents it built: %s", stderr.String())
	}
	docs, _ = strconv.Atoi(d[1])
	return parsed + read, docs, inPlace
}

var (
	parsedCounts = regexp.MustCompile(`\((\d+) parsed, (\d+) as parsed before; \d+ linked anew\)`)
	keptInPlace  = regexp.MustCompile(`(\d+) folders of documents and terms kept in place`)
	builtDocs    = regexp.MustCompile(`: (\d+) documents from \d+ sources`)
)

// damageCache spoils two entries of the cache of parsed sources: one cut
// short, one with a byte changed.
func damageCache(t *testing.T, cache string) {
	t.Helper()
	list, err := filepath.Glob(filepath.Join(cache, "*.parsed"))
	if err != nil || len(list) < 2 {
		t.Fatalf("%d entries in %s: %v", len(list), cache, err)
	}
	for i, p := range list[:2] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			data = data[:len(data)/2]
		} else {
			data[len(data)/2] ^= 1
		}
		write(t, p, string(data))
	}
}

// TestRebuildAfterStampChanges rebuilds after changes that a source's
// stamp alone might hide or exaggerate, once the files' stamps have
// settled (the cache of parsed sources then trusts them): a file touched
// without a change, a file rewritten with its size and modification time
// kept, and that edit undone the same way. After each, the site is the
// one a fresh build makes.
func TestRebuildAfterStampChanges(t *testing.T) {
	dir := pubTempDir(t)
	content, out, fresh := filepath.Join(dir, "content"), filepath.Join(dir, "public"), filepath.Join(dir, "fresh")
	writeRebuildContent(t, content)
	a := filepath.Join(content, "a.md")
	st, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2100 * time.Millisecond) // the files' stamps settle (package generator's settle)
	n, _, _ := countBuilt(t, content, out, false, "")
	sameTime := func(old, new string) {
		edit(t, a, old, new)
		if err := os.Chtimes(a, st.ModTime().Add(-time.Hour), st.ModTime().Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	// inSecond edits a.md keeping its size, its modification time set to
	// second: the second of the first edit of the two.
	var second time.Time
	inSecond := func(old, new string) {
		if second.IsZero() {
			second = time.Now().Truncate(time.Second)
		}
		edit(t, a, old, new)
		if err := os.Chtimes(a, second, second); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []struct {
		what   string
		do     func()
		parsed int
	}{
		{"nothing changed", func() {}, 0},
		{"a file touched", func() {
			if err := os.Chtimes(a, st.ModTime().Add(-time.Hour), st.ModTime().Add(-time.Hour)); err != nil {
				t.Fatal(err)
			}
		}, 0},
		// Its new stamp is kept once it has settled: only the inode's
		// change time then tells the next edit.
		{"nothing changed, the touch settled", func() { time.Sleep(2100 * time.Millisecond) }, 0},
		{"an edit keeping the file's size and time", func() { sameTime("自发布之日", "自公布之日") }, 1},
		{"the edit undone the same way", func() { sameTime("自公布之日", "自发布之日") }, 1},
		{"nothing changed since", func() {}, 0},
		// Two edits of one size within one second, a build between: the
		// stamp the first build saw may be the one the second edit
		// leaves, and the file is read again all the same.
		{"an edit of one size", func() { inSecond("自发布之日", "自颁布之日") }, 1},
		{"another edit of that size, its time the same second", func() { inSecond("自颁布之日", "自发布之日") }, 1},
		{"nothing changed after the edits in one second", func() {}, 0},
	} {
		step.do()
		countBuilt(t, content, out, false, fmt.Sprintf("(%d parsed, %d as parsed before;", step.parsed, n-step.parsed))
		freshBuild(t, content, fresh, "/")
		if diff := siteDiff(t, out, fresh); diff != "" {
			t.Errorf("after %s, the rebuilt site differs from a fresh build:\n%s", step.what, diff)
		}
	}
}

// TestSmallRebuildPhases: a rebuild whose pages start beside the index's
// update charges the time they share to a phase of both, not to the index.
func TestSmallRebuildPhases(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRebuildContent(t, content)
	for i, step := range []struct {
		what, want, not string
	}{
		{"a first build", "(parse ", "search index + pages"},
		{"a small rebuild", "search index + pages ", ""},
	} {
		var stderr bytes.Buffer
		if err := build(buildOptions{content: content, out: out, base: "/", smallShare: 1}, &stderr); err != nil {
			t.Fatalf("%s: %v\n%s", step.what, err, stderr.String())
		}
		got := stderr.String()
		if !strings.Contains(got, step.want) || step.not != "" && strings.Contains(got, step.not) {
			t.Errorf("%s says %q, want %q in it and not %q", step.what, got, step.want, step.not)
		}
		if i == 0 {
			edit(t, filepath.Join(content, "a.md"), "各类事项", "各类具体事项")
		}
	}
}

func TestSmallRebuild(t *testing.T) {
	if smallRebuild(nil, &model.Corpus{}, 1) {
		t.Error("smallRebuild without a cache of parsed sources = true, want false")
	}
	for _, tc := range []struct {
		share  float64
		n, all int
		want   bool
	}{
		{0.1, 0, 0, true},
		{0.1, 0, 100, true},
		{0.1, 10, 100, true},
		{0.1, 11, 100, false},
		{0.1, 1, 0, false},
		{0.1, 345, 3456, true},
		{0.1, 346, 3456, false},
		{0, 0, 100, true},
		{0, 1, 100, false},
		{1, 100, 100, true},
		{1, 101, 100, false},
	} {
		if got := small(tc.n, tc.all, tc.share); got != tc.want {
			t.Errorf("small(%d, %d, %v) = %v, want %v", tc.n, tc.all, tc.share, got, tc.want)
		}
	}
}
