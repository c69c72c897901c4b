package regulation

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"tiaoli/generator/ingest"
	"tiaoli/generator/label"
	"tiaoli/generator/model"
	"tiaoli/generator/numeral"
	"tiaoli/internal/testdir"
)

// regulationFolders are the folders of ../shared/corpus that hold
// regulations (the rest is journalism, commentary and case write-ups).
var regulationFolders = []string{
	"lawrefbook-laws/DLC", "lawrefbook-laws/其他", "lawrefbook-laws/刑法", "lawrefbook-laws/司法解释",
	"lawrefbook-laws/宪法", "lawrefbook-laws/宪法相关法", "lawrefbook-laws/民法典", "lawrefbook-laws/民法商法",
	"lawrefbook-laws/社会法", "lawrefbook-laws/经济法", "lawrefbook-laws/行政法", "lawrefbook-laws/行政法规",
	"lawrefbook-laws/诉讼与非诉讼程序法", "lawrefbook-laws/部门规章",
	"xtjeyvc-jijian-notes/党内法规", "xtjeyvc-jijian-notes/八项规定", "xtjeyvc-jijian-notes/国家法律法规",
}

// TestCorpus parses every regulation of ../shared/corpus and checks that
// article numbers strictly increase, that no 第X条 label printed at the
// start of a line is lost or invented (an article run on after a sentence
// in the line before is printed there), and that 编, 章 and 节 nest.
// Files that fail for a reason explained in testdata/corpus-exceptions.txt
// are counted apart.
func TestCorpus(t *testing.T) {
	root := testdir.Corpus(t)
	files := corpusFiles(t, root)
	exceptions := readExceptions(t)
	results := checkAll(root, files)
	pass, explained := 0, 0
	var failures []string
	for _, f := range files {
		reasons := results[f]
		switch {
		case len(reasons) == 0:
			pass++
		case exceptions[f] != "":
			explained++
		default:
			failures = append(failures, fmt.Sprintf("%s: %s", f, strings.Join(reasons, "; ")))
		}
	}
	for f := range exceptions {
		if _, ok := results[f]; ok && len(results[f]) == 0 {
			t.Logf("exception no longer needed: %s", f)
		}
	}
	t.Logf("%d of %d regulation files pass; %d fail for an explained reason, %d unexplained",
		pass, len(files), explained, len(failures))
	for _, f := range failures {
		t.Error(f)
	}
}

func corpusFiles(t testing.TB, root string) []string {
	var files []string
	for _, dir := range regulationFolders {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				rel, _ := filepath.Rel(root, p)
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
	}
	slices.Sort(files)
	if len(files) == 0 {
		t.Skip("corpus has no regulation folders")
	}
	return files
}

// checkAll checks the files in parallel and returns the failure reasons of
// each.
func checkAll(root string, files []string) map[string][]string {
	out := make(map[string][]string, len(files))
	var mu sync.Mutex
	eachFile(files, func(f string) {
		reasons := checkFile(root, f)
		mu.Lock()
		out[f] = reasons
		mu.Unlock()
	})
	return out
}

func checkFile(root, rel string) []string {
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		return []string{err.Error()}
	}
	var reasons []string
	raw := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for _, d := range corpusDocuments(rel, data) {
		Structure(d)
		reasons = append(reasons, checkDocument(d, raw)...)
	}
	return reasons
}

// corpusDocuments returns the regulation documents of a file: through
// ingest when it reads the file, else one document of all its lines.
func corpusDocuments(rel string, data []byte) []*model.Document {
	_, docs, _ := ingest.File(rel, data)
	var regs []*model.Document
	for _, d := range docs {
		if d.Kind == model.KindRegulation {
			regs = append(regs, d)
		}
	}
	if len(docs) > 0 {
		return regs
	}
	return []*model.Document{{Kind: model.KindRegulation, Body: linesOf(rel, data)}}
}

// labelLine matches a 第X条 label printed at the start of a line and
// standing apart from its text, or run into text that does not go on as a
// citation does: the labels that must all become articles.
var labelLine = regexp.MustCompile(`^[\s　#*]*第\s*([零〇一二三四五六七八九十百千两0-9]+)\s*条(之([一二三四五六七八九十]+))?(\*\*)?([ 　\t]|$|[^的第规所中和及或至与、，,。；：:（(“"《》”\-—～~\s　*删修增款项])`)

// anyLabel matches any line opening with a label, separated or not.
var anyLabel = regexp.MustCompile(`^[\s　#*]*第\s*([零〇一二三四五六七八九十百千两0-9－]+)\s*条(之([一二三四五六七八九十]+))?`)

func labelKey(m []string) int {
	n, _ := numeral.Parse(strings.ReplaceAll(m[1], "－", "一"))
	s := 0
	if m[3] != "" {
		s, _ = numeral.Parse(m[3])
	}
	return n*1000 + s
}

// checkDocument returns what is wrong with the structure of one document.
func checkDocument(d *model.Document, raw []string) []string {
	var reasons []string
	at := map[int]bool{}
	last := -1
	for _, a := range d.Articles {
		k := a.Number*1000 + a.Suffix
		if k <= last {
			reasons = append(reasons, fmt.Sprintf("line %d: %s after %s", a.Line, a.Label, labelOfKey(last)))
		}
		last = k
		at[a.Line] = true
		if a.Line < 1 || a.Line > len(raw) {
			reasons = append(reasons, fmt.Sprintf("%s: no line %d", a.Label, a.Line))
			continue
		}
		printed := strings.Map(foldWidth, raw[a.Line-1])
		m := anyLabel.FindStringSubmatch(printed)
		if (m == nil || labelKey(m) != k) && !runsOn(printed, a.Label) {
			reasons = append(reasons, fmt.Sprintf("line %d: %s invented", a.Line, a.Label))
		}
	}
	reasons = append(reasons, lostLabels(d, raw, at)...)
	return append(reasons, checkNesting(d)...)
}

// runsOn reports whether a line prints an article's label after a
// sentence end, as an article run on from the one before it does.
func runsOn(printed, label string) bool {
	return regexp.MustCompile(`[。；！？][”’」』）)\]]*[\s　]*` + regexp.QuoteMeta(label)).MatchString(printed)
}

// lostLabels lists the label lines of the document's span that did not
// become articles.
func lostLabels(d *model.Document, raw []string, at map[int]bool) []string {
	if len(d.Body) == 0 {
		return nil
	}
	first, end := d.Body[0].Line, d.Body[len(d.Body)-1].Line
	var reasons []string
	for n := first; n <= end && n <= len(raw); n++ {
		if m := labelLine.FindStringSubmatch(strings.Map(foldWidth, raw[n-1])); m != nil && !at[n] {
			if len(d.Articles) == 0 {
				reasons = append(reasons, fmt.Sprintf("line %d: label but no articles", n))
				break
			}
			reasons = append(reasons, fmt.Sprintf("line %d: 第%s条 lost", n, m[1]))
		}
	}
	return reasons
}

// checkNesting checks that 节 sit in a 章, 章 in a 编 when the document has
// 编, that numbered siblings increase, and that every article's path names
// the divisions open above it.
func checkNesting(d *model.Document) []string {
	var reasons []string
	type open struct {
		level  string
		number int
	}
	var stack []open
	lastChild := map[string]int{} // key: parent path + level
	usesBian := false
	for _, h := range d.Headings {
		if h.Level == "编" {
			usesBian = true
		}
		for len(stack) > 0 && levelRank(stack[len(stack)-1].level) >= levelRank(h.Level) {
			stack = stack[:len(stack)-1]
		}
		l, _ := label.Read(h.Label)
		n := l.N
		if h.Level == "节" && (len(stack) == 0 || stack[len(stack)-1].level != "章") {
			reasons = append(reasons, fmt.Sprintf("line %d: %s outside a 章", h.Line, h.Label))
		}
		if h.Level == "章" && usesBian && n > 0 && len(stack) == 0 {
			reasons = append(reasons, fmt.Sprintf("line %d: %s outside a 编", h.Line, h.Label))
		}
		key := fmt.Sprint(stack, h.Level)
		if n > 0 && lastChild[key] >= n {
			reasons = append(reasons, fmt.Sprintf("line %d: %s after 第%s%s", h.Line, h.Label, numeral.Format(lastChild[key]), h.Level))
		}
		if n > 0 {
			lastChild[key] = n
		}
		stack = append(stack, open{h.Level, n})
	}
	return reasons
}

// readExceptions reads testdata/corpus-exceptions.txt: a corpus path, a tab
// and the reason it fails.
func readExceptions(t *testing.T) map[string]string {
	out := map[string]string{}
	for _, line := range testdataLines("corpus-exceptions.txt") {
		path, reason, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Errorf("corpus-exceptions.txt: %q has no reason", line)
			continue
		}
		out[path] = reason
	}
	return out
}

// testdataLines returns the lines of a file of testdata that are neither
// blank nor comments (#), none when there is no such file.
func testdataLines(name string) []string {
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		return nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return lines
}

// TestCorpusErrors counts the errors Structure reports over the corpus, to
// keep an eye on how many label lines end up as text.
func TestCorpusErrors(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("needs -v")
	}
	root := testdir.Corpus(t)
	n := 0
	for _, f := range corpusFiles(t, root) {
		data, _ := os.ReadFile(filepath.Join(root, f))
		for _, d := range corpusDocuments(f, data) {
			for _, e := range Structure(d) {
				n++
				t.Log(e)
			}
		}
	}
	t.Logf("%d errors", n)
}
