package site_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tiaoli/generator/model"
	"tiaoli/generator/site"
	"tiaoli/generator/site/sitetest"
	"tiaoli/publish"
)

// build renders c through publish into out, as tiaoli build does.
func build(t *testing.T, c *model.Corpus, out string) publish.Stats {
	t.Helper()
	st, err := publish.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := site.Render(c, site.Options{Base: "/"}, st); err != nil {
		st.Abort()
		t.Fatal(err)
	}
	stats := st.Stats()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return stats
}

// mtimes maps every file of a folder to its modification time.
func mtimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			out[strings.TrimPrefix(p, dir)] = info.ModTime()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPublishedSite renders through the publishing writer: every
// compressed variant holds its page (the renderer reuses its buffers), and
// a rebuild after one document changes leaves every other file as it was.
func TestPublishedSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, sitetest.Corpus(), out)
	gz := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".gz") {
			return err
		}
		gz++
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		var got []byte
		if err == nil {
			got, err = io.ReadAll(zr)
		}
		want, _ := os.ReadFile(strings.TrimSuffix(p, ".gz"))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s does not hold %s (%v)", p, filepath.Base(strings.TrimSuffix(p, ".gz")), err)
		}
		return nil
	})
	if gz == 0 {
		t.Fatal("no compressed variants were written")
	}

	before := mtimes(t, out)
	time.Sleep(20 * time.Millisecond)
	c := sitetest.Corpus()
	photo := c.Documents[2]
	photo.Body[0].Text += "（又讯）"
	build(t, c, out)
	after := mtimes(t, out)
	var changed []string
	for name, m := range after {
		if !before[name].Equal(m) {
			changed = append(changed, name)
		}
	}
	for _, name := range changed {
		if !strings.Contains(name, photo.ID) && !strings.Contains(name, "/s/") && !strings.HasPrefix(name, "/feed.xml") {
			t.Errorf("%s changed, though only the photo did", name)
		}
	}
	t.Logf("changed: %q", changed)
	if len(changed) == 0 || len(changed) > 6 {
		t.Errorf("%d files changed: %q", len(changed), changed)
	}
}
