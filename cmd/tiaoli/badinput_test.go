package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuildRefusesBadInput: sources that are binary, badly encoded or over
// the size limit fail the build with messages naming file and line, and
// leave the published site as it was; --keep-going publishes the rest and
// lists the skipped files in the editor's report.
func TestBuildRefusesBadInput(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	writeRegulations(t, content, 0, 2, 3)
	pubBuild(t, content, out, "/")
	before := siteSnapshot(t, out)

	bad := map[string][]byte{
		"binary.txt":  []byte("第一条 文字\n\x00\x01\x02\x03 binary\n"),
		"badenc.txt":  []byte("第一条 文字\n\xff\xfe\xfd\xfc\x80\x81 bad\n"),
		"toolarge.md": bytes.Repeat([]byte("第一条 规定。\n"), 20<<20/20),
	}
	for name, data := range bad {
		os.WriteFile(filepath.Join(content, name), data, 0o644)
	}
	var stderr bytes.Buffer
	if st := run([]string{"build", "--content", content, "--out", out}, &stderr, &stderr); st != 1 {
		t.Fatalf("build with broken files: exit %d\n%s", st, stderr.String())
	}
	msg := stderr.String()
	for _, want := range []string{`binary\.txt:\d+: .*二进制`, `badenc\.txt:\d+: .*编码无效`, `toolarge\.md: .*上限`, "left as it was"} {
		if !regexp.MustCompile(want).MatchString(msg) {
			t.Errorf("no message matching %q in:\n%s", want, msg)
		}
	}
	if !sameSnapshot(before, siteSnapshot(t, out)) {
		t.Fatal("a failed build changed the published site")
	}

	stderr.Reset()
	if st := run([]string{"build", "--content", content, "--out", out, "--keep-going"}, &stderr, &stderr); st != 0 {
		t.Fatalf("--keep-going: exit %d\n%s", st, stderr.String())
	}
	report, err := os.ReadFile(filepath.Join(out, "report", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for name := range bad {
		if !strings.Contains(string(report), name) {
			t.Errorf("the report does not list %s", name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("--keep-going did not publish: %v", err)
	}
}

// TestEscapesSourceText: a source carrying markup shows it as text on its
// pages and in search results, never as markup.
func TestEscapesSourceText(t *testing.T) {
	dir := pubTempDir(t)
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	os.MkdirAll(content, 0o755)
	src := "# 示例办法<script>alert(1)</script>\n\n第一条 本办法<script>alert(2)</script>用于<img src=x onerror=alert(3)>测试。\n\n第二条 其他事项。\n"
	os.WriteFile(filepath.Join(content, "x.md"), []byte(src), 0o644)
	var stderr bytes.Buffer
	if st := run([]string{"build", "--content", content, "--out", out, "--keep-going"}, &stderr, &stderr); st != 0 {
		t.Fatalf("build: %d\n%s", st, stderr.String())
	}
	found := false
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, _ := os.ReadFile(p)
		page := string(data)
		if strings.Contains(page, "<script>alert") || strings.Contains(page, "<img src=x") {
			t.Errorf("%s: source markup not escaped", p)
		}
		if strings.Contains(page, "alert(2)") {
			found = true
		}
		return nil
	})
	if !found {
		t.Errorf("the text with markup is on no page")
	}
	addr := pubServe(t, out, "/")
	r := fetchRaw(t, "http://"+addr+"/search?q="+"alert")
	if strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, "<img src=x") {
		t.Errorf("search results page shows source markup as markup")
	}
}
