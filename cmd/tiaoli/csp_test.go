package main

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"tiaoli/internal/testdir"
)

// inlineCode finds what a Content-Security-Policy of 'self' blocks in a
// page: inline scripts and styles, event handler attributes, javascript:
// URLs and resources from other hosts.
var inlineCode = regexp.MustCompile(`(?i)<script(\s[^>]*)?>\s*[^<\s]|<script(?:\s(?:[^>s]|s[^r]|sr[^c])*)?>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=|javascript:|\ssrc\s*=\s*"(?:https?:)?//|<link[^>]*\shref\s*=\s*"(?:https?:)?//`)

// TestPagesObeyContentSecurityPolicy: the built site and the search pages
// hold nothing the policy of tiaoli serve (and of the shipped web server
// files) blocks, so scripts and styles run as files.
func TestPagesObeyContentSecurityPolicy(t *testing.T) {
	dir := pubTempDir(t)
	site := filepath.Join(dir, "site")
	pubBuild(t, filepath.Join(testdir.Root(t), "content"), site, "/fagui/")
	pages := 0
	filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, _ := os.ReadFile(p)
		if m := inlineCode.FindString(string(data)); m != "" {
			t.Errorf("%s: %q is blocked by the Content-Security-Policy", p, m)
		}
		pages++
		return nil
	})
	addr := pubServe(t, site, "/fagui/")
	for _, q := range []string{"", "谈话", "<script>alert(1)</script>"} {
		r := fetchRaw(t, "http://"+addr+"/fagui/search?q="+url.QueryEscape(q))
		if m := inlineCode.FindString(r.body); m != "" {
			t.Errorf("search page for %q: %q is blocked by the Content-Security-Policy", q, m)
		}
		pages++
	}
	if pages < 10 {
		t.Errorf("only %d pages checked", pages)
	}
	js, _ := filepath.Glob(filepath.Join(site, "assets", "*.js"))
	for _, p := range js {
		data, _ := os.ReadFile(p)
		if m := regexp.MustCompile(`\beval\s*\(|new\s+Function\s*\(|setAttribute\(\s*['"]style|setTimeout\(\s*['"]`).FindString(string(data)); m != "" {
			t.Errorf("%s: %q needs 'unsafe-eval' or inline styles", p, m)
		}
	}
}
