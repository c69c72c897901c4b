package audit_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tiaoli/generator"
	"tiaoli/generator/audit"
	"tiaoli/generator/model"
	"tiaoli/internal/golden"
	"tiaoli/internal/testdir"
)

const baselineFile = "testdata/baseline.txt"

// TestCorpusBaseline audits the whole of ../shared/corpus and fails when a
// class finds more suspects than testdata/baseline.txt allows: a change
// that makes the parser misread more texts of a class. A class that finds
// fewer is logged, so that its baseline can be lowered (-update).
func TestCorpusBaseline(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the audit of the whole corpus")
	}
	c := generator.Parse(os.DirFS(testdir.Corpus(t)))
	results := audit.Run(c)
	checkKept(t, c, results)
	counts := audit.Counts(results)
	if golden.Updating() {
		writeBaseline(t, counts)
		return
	}
	base := readBaseline(t)
	for _, r := range results {
		want, ok := base[r.Class]
		got := len(r.Findings)
		switch {
		case !ok:
			t.Errorf("class %s has no line in %s (it finds %d)", r.Class, baselineFile, got)
		case got > want:
			t.Errorf("class %s: %d suspects, baseline %d; first: %s", r.Class, got, want, first(r.Findings, got-want))
		case got < want:
			t.Logf("class %s: %d suspects, below its baseline %d: lower it (-update)", r.Class, got, want)
		}
	}
}

// checkKept checks that RunKept, taking what it found in every other
// document from an earlier run (through JSON, as builds keep it), finds
// what Run found.
func checkKept(t *testing.T, c *model.Corpus, want []audit.Result) {
	_, docs := audit.RunKept(c, nil)
	data, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	var kept map[string]audit.Kept
	if err := json.Unmarshal(data, &kept); err != nil {
		t.Fatal(err)
	}
	i := 0
	got, again := audit.RunKept(c, func(d *model.Document) (audit.Kept, bool) {
		i++
		k, ok := kept[d.ID]
		return k, ok && i%2 == 0
	})
	for j := range want {
		if !reflect.DeepEqual(got[j].Findings, want[j].Findings) {
			t.Errorf("class %s: %d findings with what earlier runs found, %d without", want[j].Class, len(got[j].Findings), len(want[j].Findings))
		}
	}
	if !reflect.DeepEqual(again, docs) {
		t.Error("what RunKept keeps differs when it took half of it from an earlier run")
	}
}

func first(fs []audit.Finding, n int) string {
	var s []string
	for _, f := range fs[:min(n, 3)] {
		s = append(s, fmt.Sprintf("%s:%d: %s", f.Path, f.Line, f.Message))
	}
	return strings.Join(s, "; ")
}

// readBaseline reads lines "class count"; "#" starts a comment.
func readBaseline(t *testing.T) map[string]int {
	f, err := os.Open(baselineFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		v, err := strconv.Atoi(fields[len(fields)-1])
		if len(fields) != 2 || err != nil {
			t.Fatalf("%s:%d: want \"class count\", got %q", baselineFile, n, sc.Text())
		}
		m[fields[0]] = v
	}
	return m
}

func writeBaseline(t *testing.T, counts map[string]int) {
	keys := slices.Sorted(maps.Keys(counts))
	var b strings.Builder
	b.WriteString("# Suspects per class that the audit finds on ../shared/corpus; TestCorpusBaseline\n")
	b.WriteString("# fails when a class finds more. Rewritten by go test -update -run TestCorpusBaseline.\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %d\n", k, counts[k])
	}
	golden.Write(t, baselineFile, []byte(b.String()))
}
