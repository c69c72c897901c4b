//go:build linux

package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tiaoli/generator/model"
)

// bulkCorpus is n made-up regulations of 10 articles, with enough
// different words to make an index of some megabytes.
func bulkCorpus(n int) *model.Corpus {
	c := &model.Corpus{}
	chars := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府")
	for i := range n {
		d := &model.Document{ID: fmt.Sprintf("d%d", i), Kind: model.KindRegulation, URL: fmt.Sprintf("d/d%d/", i),
			Title: fmt.Sprintf("第%d号管理办法", i)}
		for a := 1; a <= 10; a++ {
			var b strings.Builder
			for k := range 120 {
				b.WriteRune(chars[(i*7919+a*104729+k*k*31)%len(chars)])
			}
			d.Articles = append(d.Articles, &model.Article{Number: a, Label: fmt.Sprintf("第%d条", a),
				URL:        fmt.Sprintf("d/d%d/a%d/", i, a),
				Paragraphs: []*model.Clause{{Paragraph: model.Paragraph{Text: b.String()}}}})
		}
		c.Documents = append(c.Documents, d)
	}
	return c
}

// TestBuildOnFullDisk builds indexes on tmpfs file systems too small for
// them: each build ends within a bound with an error saying the disk is
// full, whether persisting batches or merging them fails (scorch retries
// both forever). It needs root, to mount them.
func TestBuildOnFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs; skipped (a full disk is not simulated otherwise)")
	}
	c := bulkCorpus(400)
	dir := t.TempDir()
	failed := 0
	for _, size := range []string{"1m", "10m", "12m"} {
		mnt := filepath.Join(dir, size)
		os.MkdirAll(mnt, 0o755)
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size="+size); err != nil {
			t.Skipf("cannot mount a tmpfs (%v); skipped", err)
		}
		t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
		done := make(chan error, 1)
		start := time.Now()
		go func() { done <- Build(c, filepath.Join(mnt, IndexDir), Options{}) }()
		select {
		case err := <-done:
			t.Logf("%s: %.1fs: %v", size, time.Since(start).Seconds(), err)
			if err != nil {
				failed++
				if !strings.Contains(err.Error(), "no space left on device") {
					t.Errorf("%s: %v", size, err)
				}
			}
		case <-time.After(time.Minute):
			t.Fatalf("%s: building the index on a full disk did not end within a minute", size)
		}
	}
	if failed == 0 {
		t.Error("no build filled its disk: the corpus is too small for the test")
	}
}
