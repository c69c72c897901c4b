package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/audit"
)

// TestAudit prints every class with its count, and a suspect with its
// file and line: here a table row that a plain-text file prints as text.
func TestAudit(t *testing.T) {
	dir := t.TempDir()
	src := "某某罪名补充规定\n\n第一条 罪名如下：\n\n| 第1条 | 甲罪 |\n\n第二条 本规定自公布之日起施行。\n"
	if err := os.WriteFile(filepath.Join(dir, "rule.txt"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if got := run([]string{"audit", "--content", dir}, &out, &errOut); got != 0 {
		t.Fatalf("exit %d; stderr:\n%s", got, errOut.String())
	}
	for _, ch := range audit.Checks {
		if !strings.Contains(out.String(), ch.Class+" "+ch.Name+": ") {
			t.Errorf("no line for class %s in:\n%s", ch.Class, out.String())
		}
	}
	if !strings.Contains(out.String(), "table-as-text 表格并入正文: 1\n  rule.txt:5: ") {
		t.Errorf("the table row is not listed with its file and line:\n%s", out.String())
	}
}
