package regulation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/ingest"
)

func TestStats(t *testing.T) {
	if os.Getenv("STATS") == "" {
		t.Skip()
	}
	root := filepath.Join(repoRoot(t), "..", "shared", "corpus")
	files := corpusFiles(t, root)
	docs, regs, arts, secs, none := 0, 0, 0, 0, 0
	for _, f := range files {
		data, _ := os.ReadFile(filepath.Join(root, f))
		_, all, _ := ingest.File(f, data)
		docs += len(all)
		if len(all) > 0 && all[0].Kind != "regulation" {
			t.Logf("KIND %s %s", all[0].Kind, f)
		}
		for _, d := range corpusDocuments(f, data) {
			regs++
			Structure(d)
			switch {
			case len(d.Articles) > 0:
				arts++
			case len(d.Sections) > 0:
				secs++
			default:
				none++
				t.Logf("NONE %s", f)
			}
			at := map[int]bool{}
			for _, a := range d.Articles {
				at[a.Line] = true
			}
			for _, p := range d.Body {
				if _, ok := parseArticleLabel(cleanText(p.Text)); ok && !at[p.Line] && os.Getenv("STATS") == "label" {
					t.Logf("TEXT %s:%d %s", f, p.Line, firstRunes(p.Text, 40))
				}
			}
			for _, r := range d.Repairs {
				if (r.Kind == RepairJoin || r.Kind == RepairDuplicate) && strings.HasPrefix(r.Message, "joined a line") || r.Kind == RepairDuplicate && strings.HasPrefix(r.Message, "dropped") || r.Kind == RepairBracket {
					if os.Getenv("STATS") == "repair" {
						t.Logf("REPAIR %s:%d %s %q -> %q", f, r.Line, r.Kind, r.Before, r.After)
					}
				}
			}
			for _, r := range d.Suspects {
				if os.Getenv("STATS") == "suspect" {
					t.Logf("SUSPECT %s:%d %q", f, r.Line, r.Before)
				}
			}
		}
	}
	t.Logf("files %d docs %d regulations %d: articles %d sections %d none %d", len(files), docs, regs, arts, secs, none)
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
