package main

import (
	"encoding/json"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tiaoli/publish"
	"tiaoli/server"
)

// TestPreviewEqualsFresh edits, adds and deletes sources under a running
// preview; after each build it serves, every file of a fresh build of the
// same content is served with the same bytes (pages less the reload
// script the preview adds), the pages of a deleted file are gone, and the
// search answers as a server of the fresh build does.
func TestPreviewEqualsFresh(t *testing.T) {
	dir := pubTempDir(t)
	content, out, fresh := filepath.Join(dir, "content"), filepath.Join(dir, "public"), filepath.Join(dir, "fresh")
	writeRebuildContent(t, content)
	base := startPreview(t, content, out, 20*time.Millisecond)
	eventually(t, "built", func() bool { return previewBuild(t, base) > 0 })
	queries := []string{"示例事务", "日常工作", "检查", "监督谈话", "办理细则"}
	var gone string // a page of the file deleted last
	for _, step := range []struct {
		what string
		do   func()
	}{
		{"the first build", func() {}},
		{"an edit of a definition", func() {
			replaceFile(t, filepath.Join(content, "a.md"), "各类事项", "各类具体事项")
		}},
		{"an edit of a title another source cites", func() {
			replaceFile(t, filepath.Join(content, "a.md"), "# 示例事务管理办法", "# 示例事务办理办法")
		}},
		{"a new file citing another", func() {
			writeWhole(t, filepath.Join(content, "c.md"), "# 示例事务办理细则\n\n第一条 依照《示例事务办理办法》第一条，制定本细则。\n")
		}},
		{"a deleted file", func() {
			gone = "fagui/" + strings.TrimPrefix(firstHit(t, base, "依照《示例事务办理办法》"), "/fagui/")
			os.Remove(filepath.Join(content, "c.md"))
		}},
	} {
		before := previewBuild(t, base)
		step.do()
		if step.what != "the first build" {
			eventually(t, "building after "+step.what, func() bool { return previewBuild(t, base) > before })
		}
		freshBuild(t, content, fresh, "/fagui/")
		if diff := servedDiff(t, base, fresh); diff != "" {
			t.Errorf("after %s, the preview serves other bytes than a fresh build:\n%s", step.what, diff)
		}
		if gone != "" {
			if r := fetchRaw(t, strings.TrimSuffix(base, "fagui/")+gone); r.status != 404 {
				t.Errorf("after %s, its page %s is served: %d", step.what, gone, r.status)
			}
		}
		srv, err := server.New(server.Config{Site: fresh, Base: "/fagui/", Watch: -1})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range queries {
			want := httptest.NewRecorder()
			srv.ServeHTTP(want, httptest.NewRequest("GET", "/fagui/api/search?q="+url.QueryEscape(q), nil))
			if got := fetchRaw(t, base+"api/search?q="+url.QueryEscape(q)).body; got != want.Body.String() {
				t.Errorf("after %s, search %s differs:\npreview %.300s\nfresh   %.300s", step.what, q, got, want.Body.String())
			}
		}
		srv.Close()
	}
}

// previewBuild is the number of the last good build the preview served
// (0 before the first), failing when the last build failed.
func previewBuild(t *testing.T, base string) int {
	t.Helper()
	data, _ := strings.CutPrefix(strings.TrimSpace(previewState(t, base)), "data: ")
	var st struct {
		Build int
		Error string
	}
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		t.Fatalf("preview state %q: %v", data, err)
	}
	if st.Error != "" {
		t.Fatalf("preview build failed: %s", st.Error)
	}
	return st.Build
}

// servedDiff lists the files of the site folder fresh that the preview at
// base serves with other bytes, "" when there are none. The search
// index's files and the build's state are not served, nor the compressed
// copies of files (the preview renders pages on request and compresses
// none), and the search page is the server's own (it renders the results
// into it; the queries compare those).
func servedDiff(t *testing.T, base, fresh string) string {
	script := `<script src="/fagui/_preview/reload.js"></script>`
	var diff []string
	fs.WalkDir(os.DirFS(fresh), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && (name == "_index" || name == ".tiaoli" || name == "search") {
				return fs.SkipDir
			}
			return err
		}
		if publish.Compressible(strings.TrimSuffix(name, ".gz")) && strings.HasSuffix(name, ".gz") {
			return nil // a compressed copy of a file compared itself; the preview sends none
		}
		want, err := os.ReadFile(filepath.Join(fresh, name))
		if err != nil {
			t.Fatal(err)
		}
		page := strings.TrimSuffix(strings.TrimSuffix(name, "index.html"), "/")
		if strings.HasSuffix(name, "index.html") && page != "" {
			page += "/"
		}
		r := fetchRaw(t, base+page)
		if got := strings.Replace(r.body, script, "", 1); r.status != 200 || got != string(want) {
			diff = append(diff, name)
		}
		return nil
	})
	return strings.Join(diff, "\n")
}

// firstHit is the URL of the first page a search of the preview finds.
func firstHit(t *testing.T, base, query string) string {
	t.Helper()
	hits := previewHits(t, base, query)
	if len(hits) == 0 {
		t.Fatalf("the preview finds no %s", query)
	}
	return hits[0]
}

// writeWhole writes a file as a preview's poll sees it only whole: under
// a hidden name first, then renamed.
func writeWhole(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	write(t, tmp, text)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// replaceFile is edit, the file written whole.
func replaceFile(t *testing.T, path, old, new string) {
	t.Helper()
	writeWhole(t, path, edited(t, path, old, new))
}
