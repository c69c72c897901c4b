package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tiaoli/publish"
	"tiaoli/search"
)

// secret is text that lives only outside the content folder.
const secret = "第一条 外泄机密样本甲乙丙。"

// buildWithin runs tiaoli build with args and fails the test when it does
// not end within limit (a build waiting on a pipe never ends).
func buildWithin(t *testing.T, limit time.Duration, args ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(append([]string{"build"}, args...), &stderr, &stderr) }()
	select {
	case st := <-done:
		return st, stderr.String()
	case <-time.After(limit):
		t.Fatalf("tiaoli build %s did not end within %v", strings.Join(args, " "), limit)
		return 0, ""
	}
}

// siteHas reports whether any file of the site, or its search, holds text.
func siteHas(t *testing.T, site, text, query string) bool {
	t.Helper()
	found := false
	filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if data, _ := os.ReadFile(p); bytes.Contains(data, []byte(text)) {
				found = true
			}
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(site, search.IndexDir)); err != nil {
		return found
	}
	var out, errOut bytes.Buffer
	run([]string{"search", "--site", site, "--json", query}, &out, &errOut)
	var resp search.Response
	if json.Unmarshal(out.Bytes(), &resp) == nil && resp.Total > 0 {
		found = true
	}
	return found
}

// TestBuildReadsOnlyInsideContent: a link to a file outside the content
// folder is an error naming it, and what it leads to is published
// nowhere, not even with --keep-going; a link inside is read.
func TestBuildReadsOnlyInsideContent(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	outside := filepath.Join(dir, "outside.txt")
	os.WriteFile(outside, []byte("# 外部文件\n\n"+secret+"\n"), 0o644)
	os.Symlink(outside, filepath.Join(content, "passwd.txt"))
	os.Symlink("reg0000.md", filepath.Join(content, "again.md"))
	st, msg := buildWithin(t, time.Minute, "--content", content, "--out", out)
	if st != 1 || !regexp.MustCompile(`passwd\.txt: 是指向.*outside\.txt的链接，指向内容文件夹之外`).MatchString(msg) {
		t.Fatalf("build with a link out: exit %d\n%s", st, msg)
	}
	st, msg = buildWithin(t, time.Minute, "--content", content, "--out", out, "--keep-going")
	if st != 0 {
		t.Fatalf("--keep-going: exit %d\n%s", st, msg)
	}
	if siteHas(t, out, "外泄机密样本", "外泄机密样本") {
		t.Error("the file outside the content folder was published")
	}
	if !strings.Contains(msg, "3 sources") {
		t.Errorf("the link inside the folder was not read:\n%s", msg)
	}
}

// TestBuildRefusesSpecialFiles: a named pipe in the content folder (which
// blocks whoever opens it) is an error naming it, and the build ends, with
// or without --keep-going; a pipe named like an editorial file too.
func TestBuildRefusesSpecialFiles(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	for _, name := range []string{"pipe.txt", "glossary.yaml", "synonyms.yaml"} {
		if err := mkfifo(filepath.Join(content, name)); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	st, msg := buildWithin(t, time.Minute, "--content", content, "--out", out)
	if st != 1 || !strings.Contains(msg, "pipe.txt: 是命名管道，不是普通文件") ||
		!strings.Contains(msg, "glossary.yaml: 是命名管道") {
		t.Fatalf("build with a pipe: exit %d\n%s", st, msg)
	}
	if st, msg = buildWithin(t, time.Minute, "--content", content, "--out", out, "--keep-going"); st != 0 {
		t.Fatalf("--keep-going: exit %d\n%s", st, msg)
	}
}

// TestBuildOutFolder: --out never replaces the content folder, a folder
// holding it or inside it, nor a folder of the user's files without
// --force; the user's files stay where they were.
func TestBuildOutFolder(t *testing.T) {
	dir := pubTempDir(t)
	content := filepath.Join(dir, "content")
	writeRegulations(t, content, 0, 1, 2)
	before := siteSnapshot(t, content)
	for _, out := range []string{content, filepath.Join(content, "public"), dir, filepath.Join(dir, "content/../content")} {
		for _, extra := range [][]string{nil, {"--force"}, {"--keep-going"}} {
			st, msg := buildWithin(t, time.Minute, append([]string{"--content", content, "--out", out}, extra...)...)
			if st != 1 || !strings.Contains(msg, "refusing") {
				t.Errorf("--out %s %v: exit %d\n%s", out, extra, st, msg)
			}
		}
	}
	if !sameSnapshot(before, siteSnapshot(t, content)) {
		t.Fatal("the content folder changed")
	}
	docs := filepath.Join(dir, "docs")
	notes := filepath.Join(docs, "notes", "important.txt")
	os.MkdirAll(filepath.Dir(notes), 0o755)
	os.WriteFile(notes, []byte("mine"), 0o644)
	st, msg := buildWithin(t, time.Minute, "--content", content, "--out", docs)
	if st != 1 || !strings.Contains(msg, "not a site built by tiaoli") || !strings.Contains(msg, "--force") {
		t.Errorf("--out a folder of the user's: exit %d\n%s", st, msg)
	}
	if data, err := os.ReadFile(notes); err != nil || string(data) != "mine" {
		t.Fatalf("the user's file: %q %v", data, err)
	}
	if _, err := os.Stat(docs + publish.PrevSuffix); err == nil {
		t.Error("the user's folder was moved to .prev")
	}
	if st, msg := buildWithin(t, time.Minute, "--content", content, "--out", docs, "--force"); st != 0 {
		t.Fatalf("--force: exit %d\n%s", st, msg)
	}
	if !publish.IsSite(docs) {
		t.Error("--force did not publish a site")
	}
	if st, msg := buildWithin(t, time.Minute, "--content", content, "--out", docs); st != 0 {
		t.Fatalf("rebuild of a site: exit %d\n%s", st, msg)
	}
}

// TestBuildEmptyContent: an empty content folder does not replace a site
// that has documents, unless --allow-empty.
func TestBuildEmptyContent(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 2)
	pubBuild(t, content, out, "/")
	before := siteSnapshot(t, out)
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	st, msg := buildWithin(t, time.Minute, "--content", empty, "--out", out)
	if st != 1 || !strings.Contains(msg, "has no documents") || !strings.Contains(msg, "--allow-empty") {
		t.Fatalf("empty content: exit %d\n%s", st, msg)
	}
	if !sameSnapshot(before, siteSnapshot(t, out)) {
		t.Fatal("the refused build changed the site")
	}
	if st, msg := buildWithin(t, time.Minute, "--content", empty, "--out", out, "--allow-empty"); st != 0 {
		t.Fatalf("--allow-empty: exit %d\n%s", st, msg)
	}
	if st, msg := buildWithin(t, time.Minute, "--content", empty, "--out", out); st != 0 {
		t.Fatalf("empty over empty: exit %d\n%s", st, msg)
	}
}

// TestBuildNames: a source named with 252 bytes of Latin letters (as long
// as a file system allows) is published, its pages under an address cut
// short; a GB18030 file name is read under its decoded name; hidden files
// are listed, not read.
func TestBuildNames(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 1, 2)
	long := strings.Repeat("b", 249) + ".md"
	gbk := "\xb0\xec\xb7\xa8.txt" // 办法.txt in GB18030
	for name, text := range map[string]string{long: "第一条 测试长名。\n", gbk: "第一条 本办法测试。\n", ".draft.md": secret + "\n"} {
		if err := os.WriteFile(filepath.Join(content, name), []byte(text), 0o644); err != nil {
			t.Skipf("this file system refuses the name: %v", err)
		}
	}
	st, msg := buildWithin(t, time.Minute, "--content", content, "--out", out)
	if st != 0 || !strings.Contains(msg, "3 sources") || !strings.Contains(msg, ".draft.md: 隐藏文件") {
		t.Fatalf("exit %d (want 3 sources and the hidden file listed)\n%s", st, msg)
	}
	if !siteHas(t, out, "办法.txt", "本办法测试") {
		t.Error("the GB18030-named source is not in the site under its decoded name")
	}
	if !siteHas(t, out, "测试长名", "测试长名") {
		t.Error("the long-named source is not in the site")
	}
	if siteHas(t, out, "外泄机密样本", "外泄机密样本") {
		t.Error("the hidden file was read")
	}
}

// TestBuildRefusesHugeParagraph: a source whose "paragraph" is megabytes
// long (no line breaks) is refused with an error naming its line, so no
// page of tens of megabytes is made.
func TestBuildRefusesHugeParagraph(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 1, 2)
	huge := "# 长文\n\n第一条 " + strings.Repeat("这是一段没有换行的很长的文字。", 1<<20/40) + "\n"
	os.WriteFile(filepath.Join(content, "huge.md"), []byte(huge), 0o644)
	st, msg := buildWithin(t, time.Minute, "--content", content, "--out", out, "--keep-going")
	if st != 0 || !regexp.MustCompile(`huge\.md:3: 一段长1\.\d兆字节，中间没有换行`).MatchString(msg) {
		t.Fatalf("exit %d\n%s", st, msg)
	}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Size() > 1<<20 && !strings.Contains(p, search.IndexDir) {
			t.Errorf("%s is %d bytes", p, fi.Size())
		}
		return nil
	})
}

// TestPublishRefusesBrokenSite: a site whose index does not open (an
// empty root.bolt) or lacks pages its index names is refused, and the
// published site stays as it was.
func TestPublishRefusesBrokenSite(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	pubBuild(t, content, out, "/")
	before := siteSnapshot(t, out)
	for name, breakIt := range map[string]func(site string){
		"empty root.bolt": func(site string) {
			os.WriteFile(filepath.Join(site, search.IndexDir, "store", "root.bolt"), nil, 0o644)
		},
		"no pages": func(site string) { os.RemoveAll(filepath.Join(site, "d")) },
	} {
		release := filepath.Join(dir, "release-"+strings.ReplaceAll(name, " ", "-"))
		pubBuild(t, content, release, "/")
		breakIt(release)
		var stderr bytes.Buffer
		st := run([]string{"publish", "--site", release, "--out", out}, &stderr, &stderr)
		if st != 1 || !strings.Contains(stderr.String(), "cannot be served") {
			t.Errorf("%s: exit %d\n%s", name, st, stderr.String())
		}
		if !sameSnapshot(before, siteSnapshot(t, out)) {
			t.Errorf("%s: the refused site changed the published one", name)
		}
	}
}

// TestBuildRefusesHugeDocument: a source of megabytes cut into lines (one
// document whose page would show all of it) is refused, naming the file.
func TestBuildRefusesHugeDocument(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 1, 2)
	huge := "# 长文\n\n第一条 开始。\n\n" + strings.Repeat("这是一段很长的文字，一行一行地重复下去。\n", 5<<20/60)
	os.WriteFile(filepath.Join(content, "huge.md"), []byte(huge), 0o644)
	st, msg := buildWithin(t, 2*time.Minute, "--content", content, "--out", out, "--keep-going")
	if st != 0 || !regexp.MustCompile(`huge\.md:\d+: 一篇文件正文长[45]\.\d兆字节，超过上限4\.0兆字节`).MatchString(msg) {
		t.Fatalf("exit %d\n%s", st, msg)
	}
}
