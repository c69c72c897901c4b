package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tiaoli/generator/address"
	"tiaoli/generator/site"
)

// tableSource is a regulation with a table row filed as a 款, which the
// audit finds (a heading taken for a 款, a list cut into 款).
const tableSource = "# 示例记录规定\n\n第一条 检查应当记录。\n\n第二条 记录表如下：\n\n| 项目 | 结果 |\n\n第三条 本规定自发布之日起施行。\n"

// definitionFinding is what the report says of a definition cut at a
// colon (audit.FalseDefinition).
const definitionFinding = "的定义止于冒号"

// TestReportRebuildEqualsFresh edits, adds and deletes sources that the
// audit finds something in, and one it finds nothing in; after each the
// rebuilt site, its editor's report and what the build keeps of the
// audit hold the same bytes as a fresh build's, also after an edit of a
// definition that the audit finds wrong. Then it shows that a rebuild
// after an edit of a definition takes what the audit found in an
// unchanged document from the published build: a finding changed there
// shows in the rebuilt report, and not in a fresh one.
func TestReportRebuildEqualsFresh(t *testing.T) {
	dir := pubTempDir(t)
	content, out, fresh := filepath.Join(dir, "content"), filepath.Join(dir, "public"), filepath.Join(dir, "fresh")
	writeRebuildContent(t, content)
	write(t, filepath.Join(content, "table.md"), tableSource)
	pubBuild(t, content, out, "/")
	report := filepath.Join(address.ReportURL, "index.html")
	for _, step := range []struct {
		what string
		do   func()
	}{
		{"an edit of a definition", func() {
			edit(t, filepath.Join(content, "a.md"), "各类事项", "各类具体事项")
		}},
		{"an edit the audit finds nothing in", func() {
			edit(t, filepath.Join(content, "reg0002.md"), "根据有关规定", "根据有关的规定")
		}},
		{"an edit that adds a finding", func() {
			edit(t, filepath.Join(content, "b.md"), "第二条 检查示例事务", "第二条 记录表如下：\n\n| 项目 | 结果 |\n\n第三条 检查示例事务")
		}},
		{"a deleted file with findings", func() { os.Remove(filepath.Join(content, "table.md")) }},
		{"a new file with findings", func() { write(t, filepath.Join(content, "c.md"), tableSource) }},
		{"an edit that removes a finding", func() {
			edit(t, filepath.Join(content, "b.md"), "| 项目 | 结果 |", "项目和结果。")
		}},
		{"an edit of a definition that adds a finding", func() {
			edit(t, filepath.Join(content, "a.md"), "处理的各类具体事项。", "处理的下列事项：")
		}},
	} {
		step.do()
		pubBuild(t, content, out, "/")
		freshBuild(t, content, fresh, "/")
		if diff := siteDiff(t, out, fresh); diff != "" {
			t.Errorf("after %s, the rebuilt site differs from a fresh build:\n%s", step.what, diff)
		}
		if data, _ := os.ReadFile(filepath.Join(out, report)); strings.HasPrefix(step.what, "an edit of a definition that adds") &&
			!strings.Contains(string(data), definitionFinding) {
			t.Errorf("after %s, the report does not show it", step.what)
		}
		for _, name := range []string{report, filepath.FromSlash(site.AuditFile)} {
			a, _ := os.ReadFile(filepath.Join(out, name))
			b, _ := os.ReadFile(filepath.Join(fresh, name))
			if len(a) == 0 || string(a) != string(b) {
				t.Errorf("after %s, %s has %d bytes rebuilt, %d fresh, or other bytes", step.what, name, len(a), len(b))
			}
		}
	}
	const forged = "篡改的发现"
	forgeFinding(t, filepath.Join(out, filepath.FromSlash(site.AuditFile)), "c.md", forged)
	edit(t, filepath.Join(content, "a.md"), "处理的下列事项：", "处理的各类事项。") // no finding now
	pubBuild(t, content, out, "/")
	data, _ := os.ReadFile(filepath.Join(out, report))
	if !strings.Contains(string(data), forged) {
		t.Error("after an edit of a definition, the rebuild did not take what the audit found in an unchanged document from the published build")
	}
	if strings.Contains(string(data), definitionFinding) {
		t.Error("the rebuild kept what the audit found in the edited definition")
	}
	freshBuild(t, content, fresh, "/")
	if data, _ := os.ReadFile(filepath.Join(fresh, report)); strings.Contains(string(data), forged) {
		t.Error("a fresh build took a finding from elsewhere")
	}
}

// forgeFinding sets the message of every finding about the source path
// in the audit file at p.
func forgeFinding(t *testing.T, p, path, msg string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var kept map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &kept); err != nil {
		t.Fatal(err)
	}
	n := 0
	for id, k := range kept {
		var fs []map[string]any
		json.Unmarshal(k["f"], &fs)
		for _, f := range fs {
			if f["Path"] == path {
				f["Message"] = msg
				n++
			}
		}
		k["f"], _ = json.Marshal(fs)
		kept[id] = k
	}
	if n == 0 {
		t.Fatalf("%s has no finding about %s", p, path)
	}
	data, _ = json.Marshal(kept)
	os.Remove(p) // a link to the file of other builds
	write(t, p, string(data))
}
