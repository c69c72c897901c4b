package publish

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestFoldersFromManyWriters writes, from several goroutines at once, the
// pages of more documents than the folders a build holds open, files at
// the root and at the top, and names written twice, in a first build that
// leaves a spare: the site and the spare hold exactly what was written
// last, and the build leaves no folder open.
func TestFoldersFromManyWriters(t *testing.T) {
	fds := func() int {
		entries, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			return -1
		}
		return len(entries)
	}
	before := fds()
	out := filepath.Join(t.TempDir(), "public")
	st, err := BeginOptions(out, recycleOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	var names []string
	for doc := range 3 * openDirs {
		names = append(names, fmt.Sprintf("d/doc%d/index.html", doc), fmt.Sprintf("d/doc%d/articles.json", doc))
		for a := range 4 {
			names = append(names, fmt.Sprintf("d/doc%d/a%d/index.html", doc, a))
		}
	}
	names = append(names, "index.html", "t/index.html", "t/term/index.html", "d/index.html")
	for _, name := range names {
		want[name] = "last " + name
	}
	var wg sync.WaitGroup
	const writers = 6
	for g := range writers {
		wg.Go(func() {
			for i, name := range names {
				if i%writers != g {
					continue
				}
				for _, data := range []string{"first " + name, "last " + name} { // written twice
					if err := st.WriteFile(name, []byte(data)); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Errorf("published %d files, want %d: %v", len(got), len(want), keys(got))
	}
	spared := map[string]string{}
	for name, data := range want {
		if strings.HasPrefix(name, "d/") {
			spared[name] = data
		}
	}
	if got := snapshot(t, out+SpareSuffix); !maps.Equal(got, spared) {
		t.Errorf("the spare holds %d files, want %d: %v", len(got), len(spared), keys(got))
	}
	if after := fds(); after != before {
		t.Errorf("%d files open after the build, %d before", after, before)
	}
}
