package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tiaoli/publish"
)

// treeBuilder makes a random content folder: sources good and bad, links
// inside and out, named pipes, hidden files, and names long, GB18030 or
// neither.
type treeBuilder struct {
	r       *rand.Rand
	content string
	outside string // a file outside the content folder, holding secret
	n       int
}

// names a tree may give its files, beside plain ones.
var oddNames = []string{
	strings.Repeat("长", 70) + ".txt", // 214 bytes: over the limit
	strings.Repeat("l", 240) + ".md", // 243 bytes
	"\xb0\xec\xb7\xa8.txt",           // GB18030
	"\xff\xfe\xfd.txt",               // neither
	".hidden.md", ".git",             // hidden
	"空 格 与（括号）.txt", "a'b\"c<d>.md", // quotes and markup
}

func (b *treeBuilder) name() string {
	b.n++
	if b.r.IntN(4) == 0 {
		return oddNames[b.r.IntN(len(oddNames))]
	}
	return fmt.Sprintf("f%d.%s", b.n, []string{"txt", "md", "html", "yaml"}[b.r.IntN(4)])
}

// fill puts between 1 and 6 entries into dir, going down at most depth
// more folders.
func (b *treeBuilder) fill(t *testing.T, dir string, depth int) {
	for range 1 + b.r.IntN(6) {
		p := filepath.Join(dir, b.name())
		if _, err := os.Lstat(p); err == nil {
			continue // a name drawn twice: writing to a pipe made before would wait for a reader
		}
		var err error
		switch k := b.r.IntN(10); {
		case k < 3:
			err = os.WriteFile(p, []byte(regulation(b.n)), 0o644)
		case k == 3:
			err = os.WriteFile(p, []byte("第一条 \x00\x01\x02 binary\n"), 0o644)
		case k == 4:
			err = os.Symlink(b.outside, p)
		case k == 5:
			err = os.Symlink(filepath.Dir(b.outside), p) // a folder outside
		case k == 6:
			err = mkfifo(p)
		case k == 7:
			err = os.Symlink(".", p) // a loop
		case k == 8 && depth > 0:
			if err = os.MkdirAll(p, 0o755); err == nil {
				b.fill(t, p, depth-1)
			}
		default:
			err = os.WriteFile(p, []byte(secret+"\n"), 0o644) // read only if not hidden; fine either way
			if !strings.HasPrefix(filepath.Base(p), ".") {
				os.Remove(p)
				err = os.WriteFile(p, []byte(regulation(b.n)), 0o644)
			}
		}
		if err != nil && !os.IsExist(err) {
			t.Logf("%s: %v (left out)", p, err)
		}
	}
}

// regulation is a small source numbered n.
func regulation(n int) string {
	return fmt.Sprintf("# 第%d号测试办法\n\n第一条 为了测试第%d号事项，制定本办法。\n\n第二条 本办法自公布之日起施行。\n", n, n)
}

// treeState lists a folder without opening anything but folders: the
// type, size and, for regular files, digest of every entry.
func treeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	st := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		v := fi.Mode().String() + " " + strconv.FormatInt(fi.Size(), 10)
		if fi.Mode().IsRegular() {
			data, _ := os.ReadFile(p)
			v += fmt.Sprintf(" %x", sha256.Sum256(data))
		}
		st[p] = v
		return nil
	})
	return st
}

// TestRandomTrees builds random content folders over a published site:
// every build ends within a bound; none publishes what lies outside the
// content folder or in hidden files; each either publishes a site or
// leaves the one before as it was; the content folder is never changed.
// TIAOLI_TREES sets how many trees (12).
func TestRandomTrees(t *testing.T) {
	trees := envCount("TIAOLI_TREES", 12)
	for i := range trees {
		seed := uint64(i)
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomTree(t, seed) })
	}
}

func randomTree(t *testing.T, seed uint64) {
	dir := pubTempDir(t)
	b := &treeBuilder{r: rand.New(rand.NewPCG(seed, 16)), content: filepath.Join(dir, "content"),
		outside: filepath.Join(dir, "outside", "secret.txt")}
	os.MkdirAll(filepath.Dir(b.outside), 0o755)
	os.WriteFile(b.outside, []byte("# 外部\n\n"+secret+"\n"), 0o644)
	os.MkdirAll(b.content, 0o755)
	b.fill(t, b.content, 2)
	out := filepath.Join(dir, "public")
	seedContent := filepath.Join(dir, "first")
	writeRegulations(t, seedContent, 0, 1, 2)
	pubBuild(t, seedContent, out, "/")
	before, contentBefore := siteSnapshot(t, out), treeState(t, b.content)

	args := []string{"--content", b.content, "--out", out}
	if b.r.IntN(2) == 0 {
		args = append(args, "--keep-going")
	}
	if b.r.IntN(5) == 0 {
		args[3] = filepath.Join(b.content, "public") // refused
	}
	start := time.Now()
	st, msg := buildWithin(t, 2*time.Minute, args...)
	t.Logf("%v: exit %d after %.1fs", args[4:], st, time.Since(start).Seconds())
	if st != 0 && len(args) > 4 {
		t.Logf("%s", lastLine(msg))
	}
	if st == 0 {
		if !publish.IsSite(args[3]) {
			t.Errorf("exit 0 without a site:\n%s", msg)
		}
		if siteHas(t, args[3], "外泄机密样本", "外泄机密样本") {
			t.Errorf("text from outside the content folder, or from a hidden file, was published:\n%s", msg)
		}
	} else if !sameSnapshot(before, siteSnapshot(t, out)) {
		t.Errorf("exit %d changed the published site:\n%s", st, msg)
	}
	if got := treeState(t, b.content); len(got) != len(contentBefore) {
		t.Errorf("the content folder changed: %d entries, was %d", len(got), len(contentBefore))
	} else {
		for k, v := range contentBefore {
			if got[k] != v {
				t.Errorf("the content folder changed at %s", k)
			}
		}
	}
}

// envCount reads a count from the environment.
func envCount(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// lastLine is the last line of a message.
func lastLine(msg string) string {
	lines := strings.Split(strings.TrimSpace(msg), "\n")
	return lines[len(lines)-1]
}
