package status_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"

	"tiaoli/generator"
	"tiaoli/generator/model"
)

// law is a small regulation in LawRefBook's markup.
func law(title, history, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("# " + title + "\n\n" + history + "\n\n<!-- INFO END -->\n\n" +
		"## 第一章 总则\n\n第一条 为了规范管理，制定本法。\n\n" + body + "\n")}
}

// TestParse reads statuses from a metadata table, a front matter and the
// versions of a regulation, through the whole parse.
func TestParse(t *testing.T) {
	fsys := fstest.MapFS{
		"laws/行政法/示例管理法(2015-03-15).md": law("中华人民共和国示例管理法", "2015年3月15日第十二届全国人民代表大会第三次会议通过",
			"第二条 管理工作由县级以上人民政府负责。\n\n第三条 本法自公布之日起施行。"),
		"laws/行政法/示例管理法(2023-03-13).md": law("中华人民共和国示例管理法", "2023年3月13日第十四届全国人民代表大会第一次会议修正",
			"第二条 管理工作由国务院有关部门和县级以上地方人民政府按照职责分工负责，并接受社会监督。\n\n第三条 本法自2023年6月1日起施行。"),
		"laws/行政法/旧规定.md": law("旧规定", "1990年1月1日公布", "第二条 本规定自公布之日起施行。"),
		"laws/_metadata/laws.csv": {Data: []byte("name,publish,valid_from,expired,path\n" +
			"示例管理法,2015-03-15,2015-03-15,1,行政法/示例管理法(2015-03-15).md\n" +
			"示例管理法,2023-03-13,2023-03-15,0,行政法/示例管理法(2023-03-13).md\n" +
			"旧规定,1990-01-01,,1,行政法/旧规定.md\n" +
			"坏行,1990-01-01,,x,行政法/旧规定.md\n")},
		"notes/示例办法.md": {Data: []byte("---\ntitle: 示例办法\nstatus: 尚未施行\n---\n\n第一条 为了规范管理，制定本办法。\n\n第二条 本办法自2030年1月1日起施行。\n")},
		"notes/坏状态.md":  {Data: []byte("---\ntitle: 坏状态办法\nstatus: 作废\n---\n\n第一条 为了规范管理，制定本办法。\n")},
	}
	c := generator.Parse(fsys)
	got := map[string]string{}
	for _, d := range c.Documents {
		got[d.Sources[0].Path] = d.Status
	}
	want := map[string]string{
		"laws/行政法/示例管理法(2015-03-15).md": "已修改",
		"laws/行政法/示例管理法(2023-03-13).md": "有效",
		"laws/行政法/旧规定.md":               "已废止",
		"notes/示例办法.md":                 "尚未施行",
		"notes/坏状态.md":                  "",
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: status %q, want %q", p, got[p], w)
		}
	}
	wantErrs := []string{"laws/_metadata/laws.csv:5: 「expired」列", "notes/坏状态.md:3: 文首元数据的效力状态"}
	if !hasErrors(c.Errors, wantErrs) {
		t.Errorf("errors %v, want %v", c.Errors, wantErrs)
	}
}

func hasErrors(errs []model.Error, want []string) bool {
	if len(errs) != len(want) {
		return false
	}
	for i, e := range errs {
		if !strings.HasPrefix(e.Error(), want[i]) {
			return false
		}
	}
	return true
}

// TestTableEncodings: a metadata table in GB18030 is read like one in
// UTF-8; one that is binary gets an error naming it.
func TestTableEncodings(t *testing.T) {
	csv := "path,status\n甲法.md,失效\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"甲法.md":               {Data: []byte("# 甲法\n\n第一条 为了规范管理，制定本法。\n")},
		"_metadata/gb.csv":    {Data: []byte(gb)},
		"x/_metadata/bad.csv": {Data: []byte("path\x00\x01\x02\xff\xfe\x00garbage")},
	}
	c := generator.Parse(fsys)
	if len(c.Documents) != 1 || c.Documents[0].Status != "已废止" {
		t.Errorf("status from a GB18030 table: %+v", c.Documents)
	}
	if len(c.Errors) != 1 || c.Errors[0].Path != "x/_metadata/bad.csv" {
		t.Errorf("errors %v, want one naming the binary table", c.Errors)
	}
}
